import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFromText, detectFromUrl, normalizePithNumber, parsePithNumber } from '../../../lib/ids';
import type { PaperId } from '../../../lib/ids/key';
import { anyText, has, pith, POST, PRE } from '../../helpers/id-arbitraries';

describe('normalize is idempotent', () => {
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
