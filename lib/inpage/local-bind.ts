import type { PaperResult } from '../messages';
import { canonText } from '../pith/canon-text';

/** States a title cannot change (no record, a record that fails its own checks, no answer yet). */
const TITLE_INDEPENDENT: ReadonlySet<string> = new Set(['not-found', 'error', 'invalid', 'pending', 'mismatch']);

/**
 * The title half of the page binding, decided in the content script: the
 * background sends `signedTitle` only once its canonical form hashes to the
 * record's signed title_canon_sha256, so comparing canonical forms here is
 * the same decision as hashing the page's title (lib/pith/binding.ts),
 * without SHA-256 in the content script. It lets an answer that arrived
 * before the page was parsed (the early message, sent from the URL) be drawn
 * final in the same task as DOMContentLoaded.
 */
export function bindTitle(r: PaperResult, pageTitle: string | undefined): PaperResult {
  if (r.signedTitle === undefined || pageTitle === undefined || TITLE_INDEPENDENT.has(r.state)) return r;
  if (canonText(pageTitle) === '' || canonText(r.signedTitle) === canonText(pageTitle)) return r;
  return { ...r, state: 'mismatch', reason: 'the page title does not match the record’s signed title' };
}
