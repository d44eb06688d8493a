import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFromText, detectFromUrl, normalizeArxivId, parseArxivId, PaperIdSchema } from '../../../lib/ids';
import { anyText, arxivExpected, arxivId, arxivText, has, POST, PRE } from '../../helpers/id-arbitraries';

describe('normalize is idempotent', () => {
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
});

describe('valid ids survive', () => {
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
});
