// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFromDocument } from '../../../../lib/ids/document';
import { PageMessageSchema } from '../../../../lib/messages';
import { pageMessage } from '../../../../components/inpage/page';
import { generateListing, listingIds } from '../../../fixtures/pages/generate-listing';

// Stylesheet links out: happy-dom would try to fetch them.
const load = (html: string) => new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/gi, ''), 'text/html');

describe('pageMessage: the one message a page sends', () => {
  test('abstract page: the paper with its version and citation_title; valid for the background', () => {
    const doc = load(readFileSync(join(process.cwd(), 'test/fixtures/pages/arxiv.org/abs/2404.14294.html'), 'utf8'));
    const url = 'https://arxiv.org/abs/2404.14294';
    const d = detectFromDocument(doc, url);
    const msg = pageMessage(url, d, d.papers);
    expect(PageMessageSchema.parse(msg)).toEqual(msg);
    expect(msg).toEqual({
      type: 'page',
      url,
      kind: 'abstract',
      papers: [{ id: { kind: 'arxiv', id: '2404.14294', version: 3 }, title: 'A Survey on Efficient Inference for Large Language Models' }],
    });
  });

  test('2,000-row listing: every id in page order, one message, valid for the background', () => {
    const doc = load(generateListing(2000));
    const url = 'https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000';
    const d = detectFromDocument(doc, url);
    const msg = pageMessage(url, d, d.papers);
    expect(msg.kind).toBe('listing');
    expect(msg.papers.map((p) => (p.id.kind === 'arxiv' ? p.id.id : ''))).toEqual(listingIds(2000));
    expect(PageMessageSchema.safeParse(msg).success).toBe(true);
    // No anchors (DOM elements) leak into the message.
    expect(JSON.parse(JSON.stringify(msg))).toEqual(msg);
  });

  test('a title the background would refuse (over 2,000 chars) is left out, not cut; a long URL is cut', () => {
    const long = 'x'.repeat(2001);
    const msg = pageMessage('https://arxiv.org/abs/2404.14294?' + 'q'.repeat(5000), { kind: 'abstract' }, [
      { id: { kind: 'arxiv', id: '2404.14294' }, title: long },
    ]);
    expect(msg.papers).toEqual([{ id: { kind: 'arxiv', id: '2404.14294' } }]);
    expect(msg.url.length).toBe(4096);
    expect(PageMessageSchema.safeParse(msg).success).toBe(true);
  });

  test('other sites: a mentioned paper keeps its role; a paper the page is about goes without one (the default)', () => {
    const msg = pageMessage('https://huggingface.co/papers/2404.14294', { kind: 'other' }, [
      { id: { kind: 'arxiv', id: '2404.14294' }, role: 'about' },
      { id: { kind: 'arxiv', id: '2304.01373' }, role: 'mentioned' },
    ]);
    expect(msg.papers).toEqual([{ id: { kind: 'arxiv', id: '2404.14294' } }, { id: { kind: 'arxiv', id: '2304.01373' }, role: 'mentioned' }]);
    expect(PageMessageSchema.safeParse(msg).success).toBe(true);
  });
});
