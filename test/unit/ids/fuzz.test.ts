// @vitest-environment happy-dom
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import {
  describeTextError,
  detectFromDocument,
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

describe('fuzz: random HTML never throws', () => {
  const attr = fc.oneof(
    fc.constant('title="Abstract"'),
    fc.constantFrom('href="/abs/2404.14294"', 'href="/abs/hep-th/9901001v2"', 'href="/abs/"', 'href="/abs/%zz"', 'href="https://doi.org/10.1038/x"'),
    fc.string({ maxLength: 12 }).map((s) => `id="${s.replace(/"/g, '')}"`),
    fc.constantFrom('class="list-title"', 'class="descriptor"', 'class="title"', 'class="arxiv-result"', 'class="submission-history"', 'class="tablecell doi"'),
  );
  const meta = fc
    .tuple(
      fc.constantFrom(
        'citation_doi',
        'citation_arxiv_id',
        'DC.Identifier',
        'dc.identifier',
        'prism.doi',
        'bepress_citation_doi',
        'citation_title',
        'og:title',
        'x',
      ),
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom('doi:10.1038/nature14539', '10.1145/3442188.3445922', '2404.14294', 'https://doi.org/10.48550/arXiv.2404.14294'),
      ),
    )
    .map(([n, c]) => `<meta name="${n}" content="${c.replace(/"/g, '&quot;')}">`);
  const ld = fc
    .oneof(
      fc.json(),
      fc.string({ maxLength: 40 }),
      fc.constant('{"identifier": {"propertyID": "doi", "value": "10.1000/abc"}, "@graph": [{"sameAs": ["https://doi.org/10.1000/x", 3, null]}]}'),
    )
    .map((j) => `<script type="application/ld+json">${j.replace(/<\//g, '')}</script>`);
  const leaf = fc.oneof(
    fc.string({ maxLength: 20 }).map((s) => s.replace(/[<>&]/g, ' ')),
    fc.constantFrom('[v1]', '[v2]', 'Title:', 'arXiv:2404.14294', '10.1000/abc'),
  );
  const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(
          fc.constantFrom('dl', 'dt', 'dd', 'a', 'div', 'li', 'p', 'h1', 'span', 'strong', 'td', 'blockquote', 'ol'),
          fc.array(attr, { maxLength: 3 }),
          fc.array(tie('node'), { maxLength: 4 }),
        )
        .map(([tag, attrs, kids]) => `<${tag} ${attrs.join(' ')}>${kids.join('')}</${tag}>`),
    ),
  })).node;

  const urls = [
    'https://arxiv.org/abs/2404.14294',
    'https://arxiv.org/abs/2404.14294v2',
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/search/?query=x',
    'https://arxiv.org/html/2404.14294v3',
    'https://arxiv.org/pdf/2404.14294',
    'https://arxiv.org/format/2404.14294',
    'https://arxiv.org/',
    'https://publisher.example/doi/10.1145/3442188.3445922',
    'https://publisher.example/article/x',
    'https://pith.science/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2',
    'not a url',
  ];

  it('detectFromDocument on random trees, metadata and JSON-LD', () => {
    const window = new Window({
      url: 'https://arxiv.org/',
      settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
    });
    const doc = window.document as unknown as Document;
    fc.assert(
      fc.property(
        fc.array(meta, { maxLength: 4 }),
        fc.array(ld, { maxLength: 2 }),
        fc.array(tree, { maxLength: 4 }),
        fc.constantFrom(...urls),
        (metas, lds, body, url) => {
          doc.documentElement.innerHTML = `<head>${metas.join('')}${lds.join('')}</head><body>${body.join('')}</body>`;
          const det = detectFromDocument(doc, url);
          expect(['abstract', 'listing', 'search', 'html', 'pdf', 'publisher', 'other']).toContain(det.kind);
          expect(valid(det.papers.map((p) => p.id))).toBe(true);
          expect(det.conflicts.every((c) => typeof c === 'string' && c.length > 0)).toBe(true);
          expect(det.conflicts.some((c) => c.startsWith('Detection failed'))).toBe(false);
          for (const p of det.papers) if (p.anchor) expect(doc.contains(p.anchor as unknown as Node)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('no catastrophic backtracking', () => {
  const time = (f: () => unknown) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
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
    const small = make(10_000);
    const big = make(100_000);
    const run = (s: string) => {
      findDoisInText(s);
      normalizeDoi(s);
      detectFromText(s);
    };
    run(small);
    run(big); // warm up
    const best = (s: string) =>
      Math.min(
        time(() => run(s)),
        time(() => run(s)),
        time(() => run(s)),
      );
    const tSmall = Math.max(2, best(small));
    const tBig = best(big);
    // Quadratic growth would be ~100x; linear is ~10x. A ratio of sizes, not a wall-clock limit: a busy machine slows both runs.
    expect(tBig / tSmall).toBeLessThan(40);
  });

  it('DOI pattern on a 100 kB page of text with many DOIs', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `ref ${i}: doi:10.${1000 + i}/abc.${i}).`).join(' ');
    expect(text.length).toBeGreaterThan(100_000);
    let found: unknown[] = [];
    const t = time(() => (found = findDoisInText(text)));
    expect(found).toHaveLength(5000);
    expect(t).toBeLessThan(1000);
  });
});
