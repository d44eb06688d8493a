/** fast-check arbitraries of valid ids (arXiv, DOI, Pith Number), and the text around them, for the ids property tests. */
import fc from 'fast-check';
import { OLD_STYLE_ARCHIVES } from '../../lib/ids';
import { idKey, type PaperId } from '../../lib/ids/key';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Valid new-style arXiv ids (0704 …), with or without a version. */
const newStyle = fc
  .record({
    yy: fc.integer({ min: 7, max: 40 }),
    mm: fc.integer({ min: 1, max: 12 }),
    num: fc.integer({ min: 1, max: 99999 }),
    v: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  })
  .filter(({ yy, mm }) => yy * 100 + mm >= 704)
  .map(({ yy, mm, num, v }) => {
    const five = yy * 100 + mm >= 1501;
    const n = five ? num : (num % 9999) + 1;
    const id = `${pad(yy, 2)}${pad(mm, 2)}.${pad(n, five ? 5 : 4)}`;
    return { id, version: v };
  });

/** Valid old-style ids (1991 – 2007-03). */
const oldStyle = fc
  .record({
    archive: fc.constantFrom(...OLD_STYLE_ARCHIVES),
    year: fc.integer({ min: 1991, max: 2007 }),
    mm: fc.integer({ min: 1, max: 12 }),
    num: fc.integer({ min: 1, max: 999 }),
    v: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
  })
  .filter(({ year, mm }) => !(year === 2007 && mm > 3))
  .map(({ archive, year, mm, num, v }) => ({ id: `${archive}/${pad(year % 100, 2)}${pad(mm, 2)}${pad(num, 3)}`, version: v }));

export const arxivId = fc.oneof(newStyle, oldStyle);
export const arxivText = (a: { id: string; version: number | undefined }) => (a.version === undefined ? a.id : `${a.id}v${a.version}`);
export const arxivExpected = (a: { id: string; version: number | undefined }): PaperId =>
  a.version === undefined ? { kind: 'arxiv', id: a.id } : { kind: 'arxiv', id: a.id, version: a.version };

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const word = fc.array(alnum, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
/** Valid DOIs whose suffix ends in a letter or digit (a trailing `.` would read as punctuation). */
export const doi = fc
  .record({
    reg: fc.integer({ min: 1000, max: 999999999 }),
    sub: fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }),
    parts: fc.array(fc.tuple(word, fc.constantFrom('.', '-', '_', '/', ':', ';')), { minLength: 0, maxLength: 4 }),
    last: word,
    paren: fc.boolean(),
  })
  .map(({ reg, sub, parts, last, paren }) => {
    const body = parts.map(([w, sep]) => w + sep).join('') + (paren ? `(${last})${last}` : last);
    return `10.${reg}${sub !== undefined ? `.${sub}` : ''}/${body}`;
  })
  .filter((d) => !/^10\.48550\//.test(d));

const base32 = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split(''));
export const pith = fc.constantFrom(8, 12, 16, 26).chain((n) => fc.array(base32, { minLength: n, maxLength: n }).map((a) => a.join('')));

/** Whether `ids` holds `want` (and, for arXiv, its version). */
export const has = (ids: PaperId[], want: PaperId) =>
  ids.some((x) => idKey(x) === idKey(want) && (want.kind !== 'arxiv' || x.kind !== 'arxiv' || x.version === want.version));

/** Any text at all, for normalize's idempotence. */
export const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
/** What may stand before and after an id in text. */
export const PRE = ['', ' ', '(', '[', '"', 'see ', 'Cite: ', '\n'];
export const POST = ['', ' ', '.', ',', ')', ';', '!', '?', '"', ' and more.', ').'];
