import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectFromText,
  detectFromUrl,
  normalizeArxivId,
  normalizeDoi,
  normalizePithNumber,
  OLD_STYLE_ARCHIVES,
  parseArxivId,
  parseDoi,
  parsePithNumber,
  PaperIdSchema,
} from '../../../lib/ids';
import { idKey, type PaperId } from '../../../lib/ids/key';

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

const arxivId = fc.oneof(newStyle, oldStyle);
const arxivText = (a: { id: string; version: number | undefined }) => (a.version === undefined ? a.id : `${a.id}v${a.version}`);
const arxivExpected = (a: { id: string; version: number | undefined }): PaperId =>
  a.version === undefined ? { kind: 'arxiv', id: a.id } : { kind: 'arxiv', id: a.id, version: a.version };

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const word = fc.array(alnum, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
/** Valid DOIs whose suffix ends in a letter or digit (a trailing `.` would read as punctuation). */
const doi = fc
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
const pith = fc.constantFrom(8, 12, 16, 26).chain((n) => fc.array(base32, { minLength: n, maxLength: n }).map((a) => a.join('')));

const has = (ids: PaperId[], want: PaperId) =>
  ids.some((x) => idKey(x) === idKey(want) && (want.kind !== 'arxiv' || x.kind !== 'arxiv' || x.version === want.version));

describe('normalize is idempotent', () => {
  const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
  it('normalizeArxivId', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          arxivId.map(arxivText),
          arxivId.map((a) => `arXiv:${arxivText(a).toUpperCase()}`),
        ),
        (s) => {
          const n = normalizeArxivId(s);
          if (n !== null) expect(normalizeArxivId(n)).toBe(n);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('normalizeDoi', () => {
    const noisy = fc
      .tuple(fc.constantFrom('', 'doi:', 'https://doi.org/', ' '), doi, fc.constantFrom('', '.', ').', '%2E', '%25', '%2', ']', '"'))
      .map(([a, b, c]) => a + b + c);
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          doi,
          noisy,
          doi.map((d) => encodeURIComponent(d)),
          anyText.map((t) => `10.1234/${t}`),
        ),
        (s) => {
          const n = normalizeDoi(s);
          if (n !== null) {
            expect(normalizeDoi(n)).toBe(n);
            expect(n).toBe(n.toLowerCase());
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('normalizePithNumber', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          pith,
          pith.map((p) => `pith:${p.toLowerCase()}`),
        ),
        (s) => {
          const n = normalizePithNumber(s);
          if (n !== null) expect(normalizePithNumber(n)).toBe(n);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('valid ids survive', () => {
  const PRE = ['', ' ', '(', '[', '"', 'see ', 'Cite: ', '\n'];
  const POST = ['', ' ', '.', ',', ')', ';', '!', '?', '"', ' and more.', ').'];

  it('arXiv ids: parsed, in URLs, in text with punctuation, percent-encoded', () => {
    fc.assert(
      fc.property(arxivId, fc.constantFrom(...PRE), fc.constantFrom(...POST), fc.constantFrom('abs', 'pdf', 'html', 'format'), (a, pre, post, view) => {
        const want = arxivExpected(a);
        const text = arxivText(a);
        expect(parseArxivId(text)).toEqual(want);
        expect(PaperIdSchema.safeParse(want).success).toBe(true);
        expect(detectFromUrl(`https://arxiv.org/${view}/${text}`)).toEqual([want]);
        expect(detectFromUrl(`https://export.arxiv.org/${view}/${text}?context=cs#S1`)).toEqual([want]);
        expect(detectFromUrl(`https://arxiv.org/${view}/${encodeURIComponent(text)}`)).toEqual([want]);
        expect(has(detectFromText(`${pre}${text}${post}`), want)).toBe(true);
        expect(has(detectFromText(`${pre}arXiv:${text}${post}`), want)).toBe(true);
        expect(has(detectFromText(`${pre}https://arxiv.org/abs/${text}${post}`), want)).toBe(true);
        expect(detectFromText(encodeURIComponent(text))).toEqual([want]);
        // The arXiv DOI of the id is the id.
        expect(detectFromUrl(`https://doi.org/10.48550/arXiv.${a.id}`)).toEqual([{ kind: 'arxiv', id: a.id }]);
      }),
      { numRuns: 300 },
    );
  });

  it('DOIs: parsed, in URLs, in text with punctuation, percent-encoded', () => {
    fc.assert(
      fc.property(
        doi,
        fc.constantFrom(...PRE),
        fc.constantFrom(...POST),
        fc.constantFrom('doi/', 'doi/abs/', 'doi/full/', 'doi/pdf/', 'doi/epdf/', 'article/'),
        (d, pre, post, path) => {
          const want: PaperId = { kind: 'doi', id: d.toLowerCase() };
          expect(parseDoi(d)).toEqual(want);
          expect(parseDoi(d.toUpperCase())).toEqual({ kind: 'doi', id: d.toUpperCase().toLowerCase() });
          expect(detectFromUrl(`https://doi.org/${d}`)).toEqual([want]);
          expect(detectFromUrl(`https://doi.org/${encodeURIComponent(d)}`)).toEqual([want]);
          expect(detectFromUrl(`https://publisher.example/${path}${d}`)).toEqual([want]);
          expect(detectFromUrl(`https://publisher.example/search?doi=${encodeURIComponent(d)}`)).toEqual([want]);
          expect(has(detectFromText(`${pre}${d}${post}`), want)).toBe(true);
          expect(has(detectFromText(`${pre}doi:${d}${post}`), want)).toBe(true);
          expect(has(detectFromText(`${pre}https://doi.org/${d}${post}`), want)).toBe(true);
          expect(detectFromText(encodeURIComponent(d))).toEqual([want]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Pith Numbers: parsed, in URLs, in text with punctuation, any case', () => {
    fc.assert(
      fc.property(pith, fc.constantFrom(...PRE), fc.constantFrom(...POST), fc.integer({ min: 1990, max: 2100 }), (p, pre, post, year) => {
        const want: PaperId = { kind: 'pith', id: p };
        expect(parsePithNumber(p)).toEqual({ ok: true, id: want });
        expect(parsePithNumber(p.toLowerCase())).toEqual({ ok: true, id: want });
        if (p.length === 26) {
          expect(detectFromText(`pith:${year}:${p}`)).toEqual([want]);
          expect(detectFromUrl(`https://pith.science/pith/${p}`)).toEqual([want]);
        }
        if (p.length === 8) expect(detectFromUrl(`https://pith.science/paper/${p}`)).toEqual([want]);
        expect(detectFromText(`  ${p.toLowerCase()}  `)).toEqual([want]);
        expect(has(detectFromText(`${pre}pith:${p}${post}`), want)).toBe(true);
        expect(detectFromText(encodeURIComponent(`pith:${p}`))).toEqual([want]);
      }),
      { numRuns: 300 },
    );
  });
});
