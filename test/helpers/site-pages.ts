/**
 * The site adapters' fixture pages (test/fixtures/pages/<host>/…), parsed with
 * linkedom as the CLI parses saved pages, and what an adapter reads of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describeId } from '../../lib/ids/util';
import { collect, type SiteAdapter, type SitePaper } from '../../lib/sites';

const PAGES = new URL('../fixtures/pages/', import.meta.url).pathname;

export function load(path: string): Document {
  return parseHTML(readFileSync(join(PAGES, path), 'utf8')).document as unknown as Document;
}

export const FIXTURES = {
  scholar: ['scholar.google.com/scholar.html', 'https://scholar.google.com/scholar?hl=en&q=efficient+inference'],
  profile: ['scholar.google.com/citations.html', 'https://scholar.google.com/citations?user=EXAMPLE&hl=en'],
  s2paper: [
    'www.semanticscholar.org/paper/A-Survey-on-Efficient-Inference/5be7e6b04c5a240cff340034aae2b57c677e211f.html',
    'https://www.semanticscholar.org/paper/A-Survey-on-Efficient-Inference/5be7e6b04c5a240cff340034aae2b57c677e211f',
  ],
  s2search: ['www.semanticscholar.org/search.html', 'https://www.semanticscholar.org/search?q=efficient%20inference'],
  hfList: ['huggingface.co/papers.html', 'https://huggingface.co/papers'],
  hfPaper: ['huggingface.co/papers/2404.14294.html', 'https://huggingface.co/papers/2404.14294'],
  alphaxiv: ['www.alphaxiv.org/abs/2404.14294.html', 'https://www.alphaxiv.org/abs/2404.14294'],
  ar5iv: ['ar5iv.labs.arxiv.org/html/2404.14294.html', 'https://ar5iv.labs.arxiv.org/html/2404.14294'],
  thread: ['links.example/thread.html', 'https://links.example/thread'],
} as const;
export type Fixture = keyof typeof FIXTURES;

export function read(adapter: SiteAdapter, f: Fixture) {
  const [path, url] = FIXTURES[f];
  return collect(adapter, load(path), url);
}
export const ids = (papers: readonly SitePaper[]) => papers.map((p) => `${p.role} ${describeId(p.id)}`);
