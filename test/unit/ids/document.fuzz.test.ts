// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFromDocument, PaperIdSchema } from '../../../lib/ids';
import type { PaperId } from '../../../lib/ids/key';
import { emptyDocument } from '../../helpers/fixture-pages';

const valid = (ids: PaperId[]) => ids.every((id) => PaperIdSchema.safeParse(id).success);

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
    const doc = emptyDocument('https://arxiv.org/');
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
