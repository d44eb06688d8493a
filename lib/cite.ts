/**
 * Citations for the popup's copy actions: BibTeX with the Pith Number in
 * `note`, and a Markdown link. Built from the record as served (text only)
 * and the Pith Number shown; nothing is fetched. A citation carries no more
 * than the popup vouches for: a served title that does not hash to the signed
 * title hash is said to be served, and a DOI only the resolver's aliases name
 * is left out (arXiv's own DOI, derived from the signed id, stays).
 */
import type { LookupResult } from './messages';
import { paperView } from './popup/paper';
import type { PithNumberView } from './popup/pith-number';

type Report = LookupResult['report'];

/** True when the report's title check found the served title is not the signed one. */
function titleUnsigned(report: Report): boolean {
  return report?.checks.some((c) => c.name === 'title' && c.outcome === 'fail') === true;
}

/** LaTeX's special characters in a BibTeX value, escaped (a title like "100% & more" must not break the entry). */
function tex(s: string): string {
  return s
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}%&#_$])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A citation key: first author's family name, year, first long title word (`zhou2024survey`); `pith` + suffix without them. */
function citeKey(title: string | undefined, firstAuthor: string | undefined, year: string | undefined, number: PithNumberView): string {
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toLowerCase();
  const family = firstAuthor ? ascii(firstAuthor.trim().split(/\s+/).pop() ?? '') : '';
  const word = title ? ascii(title.split(/\s+/).find((w) => ascii(w).length > 3 && !/^(?:the|with|from|this|that|into|over)$/i.test(w)) ?? '') : '';
  const key = `${family}${year ?? ''}${word}`;
  return key.length >= 4 ? key : `pith${number.suffix.slice(0, 8).toLowerCase()}`;
}

export function bibtexFor(record: unknown, number: PithNumberView, report?: Report): string {
  const v = paperView(record, report);
  const authors = v.authors ? v.authors.split(/\s*,\s*|\s+and\s+/).filter((a) => a.length > 0) : [];
  const year = v.submittedAt?.slice(0, 4);
  const fields: [string, string][] = [];
  if (v.title) fields.push(['title', `{${tex(v.title)}}`]);
  if (authors.length > 0) fields.push(['author', authors.map(tex).join(' and ')]);
  if (year) fields.push(['year', year]);
  if (v.arxivId) {
    fields.push(['eprint', tex(v.arxivId)], ['archivePrefix', 'arXiv']);
    if (v.categories[0]) fields.push(['primaryClass', tex(v.categories[0])]);
  }
  const arxivDoi = v.arxivId ? `10.48550/arxiv.${v.arxivId.toLowerCase()}` : undefined;
  if (v.doi && v.doi.toLowerCase() === arxivDoi) fields.push(['doi', tex(v.doi)]);
  fields.push(['url', v.arxivId ? `https://arxiv.org/abs/${v.arxivId}` : number.url]);
  fields.push(['note', `Pith Number: ${number.full}${titleUnsigned(report) ? '; title as served, not matching the signed title hash' : ''}`]);
  const body = fields.map(([k, val]) => `  ${k} = {${val}}`).join(',\n');
  return `@misc{${citeKey(v.title, authors[0], year, number)},\n${body}\n}\n`;
}

/** `[Title](https://arxiv.org/abs/ID) ([pith:YYYY:SUFFIX](https://pith.science/pith/SUFFIX))`. */
export function markdownLinkFor(record: unknown, number: PithNumberView, report?: Report): string {
  const v = paperView(record, report);
  const md = (s: string) =>
    s
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/([\\[\]()*_`<>])/g, '\\$1');
  const pith = `[${number.full}](${number.url})`;
  if (!v.title) return pith;
  const href = v.arxivId ? `https://arxiv.org/abs/${encodeURI(v.arxivId)}` : number.url;
  return `[${md(v.title)}${titleUnsigned(report) ? ' (title as served)' : ''}](${href}) (${pith})`;
}
