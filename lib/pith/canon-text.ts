/**
 * The canonical form of a title (or abstract), alone in this file: the arXiv
 * content script compares titles in this form (lib/inpage/local-bind.ts) and
 * must not bundle hash.ts's SHA-256.
 */

// Python's str.split() whitespace (str.isspace), so collapsing matches Python's " ".join(s.split()).
// \x1c–\x1f (the ASCII separators) are whitespace to Python: the control characters are meant.
// eslint-disable-next-line no-control-regex
const PY_WHITESPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** Title (or abstract) canonical form: lower-cased, whitespace runs collapsed to one space, trimmed. */
export function canonText(s: string): string {
  return s.toLowerCase().replace(PY_WHITESPACE, ' ').replace(/^ | $/g, '');
}
