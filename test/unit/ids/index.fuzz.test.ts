// @vitest-environment happy-dom
/**
 * The ids package through its index, fuzzed: every parser and detector on
 * random and id-like strings, and its patterns on adversarial input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeTextError,
  detectFromText,
  detectFromUrl,
  findDoisInText,
  normalizeDoi,
  parseArxivId,
  parseDoi,
  parsePithNumber,
  PaperIdSchema,
} from '../../../lib/ids';
import type { PaperId } from '../../../lib/ids/key';

const valid = (ids: PaperId[]) => ids.every((id) => PaperIdSchema.safeParse(id).success);

/** Strings biased towards the characters the parsers care about. */
const idish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '10.',
        '1234',
        '/',
        '.',
        'v',
        'v2',
        'arXiv:',
        'doi:',
        'pith:',
        '2024:',
        '%2F',
        '%',
        '(',
        ')',
        '[',
        ']',
        '<',
        '>',
        ' ',
        '"',
        'hep-th',
        'math.GT',
        'https://',
        'arxiv.org/abs/',
        'doi.org/',
        'pith.science/pith/',
        '7YXM6JRY',
        '2404.14294',
        '\u0000',
        '\u00e9',
        '\ud83d\ude00',
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 20 },
  )
  .map((a) => a.join(''));

describe('fuzz: parsers and text never throw and return valid ids', () => {
  it('random and id-like strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }), idish), (s) => {
        expect(valid(detectFromText(s))).toBe(true);
        expect(valid(detectFromUrl(s))).toBe(true);
        expect(valid(detectFromUrl(`https://arxiv.org/abs/${s}`))).toBe(true);
        expect(valid(detectFromUrl(`https://doi.org/${s}`))).toBe(true);
        expect(valid(detectFromUrl(`https://publisher.example/doi/${s}`))).toBe(true);
        const a = parseArxivId(s);
        if (a) expect(PaperIdSchema.safeParse(a).success).toBe(true);
        const d = parseDoi(s);
        if (d) expect(PaperIdSchema.safeParse(d).success).toBe(true);
        const p = parsePithNumber(s);
        if (p.ok) expect(PaperIdSchema.safeParse(p.id).success).toBe(true);
        else expect(p.error).toMatch(/\S/);
        const e = describeTextError(s);
        expect(e === null || (typeof e === 'string' && !e.includes('\n'))).toBe(true);
        // The inline error and the detection agree.
        expect(e === null).toBe(detectFromText(s).length > 0);
      }),
      { numRuns: 1500 },
    );
  });

  it('non-string input does not throw', () => {
    for (const x of [undefined, null, 42, {}, []] as unknown as string[]) {
      expect(detectFromText(x)).toEqual([]);
      expect(detectFromUrl(x)).toEqual([]);
      expect(parseArxivId(x)).toBeNull();
      expect(parseDoi(x)).toBeNull();
      expect(parsePithNumber(x).ok).toBe(false);
    }
  });
});

describe('no catastrophic backtracking', () => {
  const time = (f: () => unknown) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  /**
   * How much longer `run` takes on `big` (ten times the text) than on `small`: ~10x when linear, ~100x
   * when quadratic. A ratio of sizes, not a wall-clock limit: a busy machine slows both runs. Warmed up,
   * best of three each; the small run counts as at least 2 ms (timer granularity).
   */
  const growth = (run: (s: string) => unknown, small: string, big: string) => {
    run(small);
    run(big);
    const best = (s: string) =>
      Math.min(
        time(() => run(s)),
        time(() => run(s)),
        time(() => run(s)),
      );
    return best(big) / Math.max(2, best(small));
  };
  const adversarial: [string, (n: number) => string][] = [
    ['10.1010.1010…', (n) => '10.1010'.repeat(Math.ceil(n / 7)).slice(0, n)],
    ['10.1234/ + ")"*', (n) => `10.1234/${')'.repeat(n)}`],
    ['10.1234/ + "(."*', (n) => `10.1234/${'(.'.repeat(n / 2)}`],
    ['"10.1234/a " repeated', (n) => '10.1234/a '.repeat(n / 10)],
    ['digits and dots', (n) => '1'.repeat(n / 2) + '.'.repeat(n / 2)],
    ['%25 nesting', (n) => `10.1234/%${'25'.repeat(n / 2)}41`],
    ['pith:pith:…', (n) => 'pith:A'.repeat(n / 6)],
    ['http://http://…', (n) => 'http://'.repeat(n / 7)],
    ['2404.14294v… digits', (n) => `2404.1429${'4'.repeat(n)}`],
    ['hep-th/ repeated', (n) => 'hep-th/'.repeat(n / 7)],
  ];

  it.each(adversarial)('%s: 100 kB runs in linear time', (_name, make) => {
    const run = (s: string) => {
      findDoisInText(s);
      normalizeDoi(s);
      detectFromText(s);
    };
    expect(growth(run, make(10_000), make(100_000))).toBeLessThan(40);
  });

  it('DOI pattern on a 100 kB page of text with many DOIs: every one found, in linear time', () => {
    const page = (n: number) => Array.from({ length: n }, (_, i) => `ref ${i}: doi:10.${1000 + i}/abc.${i}).`).join(' ');
    const small = page(500);
    const text = page(5000);
    expect(text.length).toBeGreaterThan(100_000);
    expect(findDoisInText(text)).toHaveLength(5000);
    expect(growth(findDoisInText, small, text)).toBeLessThan(40);
  });
});
