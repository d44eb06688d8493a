import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFromText, detectFromUrl, normalizeDoi, parseDoi } from '../../../lib/ids';
import type { PaperId } from '../../../lib/ids/key';
import { anyText, doi, has, POST, PRE } from '../../helpers/id-arbitraries';

describe('normalize is idempotent', () => {
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
});

describe('valid ids survive', () => {
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
});
