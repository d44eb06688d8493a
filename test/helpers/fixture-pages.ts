/** The saved pages under test/fixtures/pages/, loaded into happy-dom and read by detectFromDocument. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Window } from 'happy-dom';
import { detectFromDocument, type PageDetection } from '../../lib/ids';

/** The folder of saved pages. */
export const PAGES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/pages');

/** A happy-dom window at `url`: no scripts run, no script or style sheet is fetched. */
const windowAt = (url: string) =>
  new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });

/** The document of such a window, with nothing written into it. */
export const emptyDocument = (url: string): Document => windowAt(url).document as unknown as Document;

export function load(html: string, url: string): Document {
  const window = windowAt(url);
  window.document.write(html);
  return window.document as unknown as Document;
}

export function page(path: string, url: string): { doc: Document; det: PageDetection } {
  const doc = load(readFileSync(join(PAGES, path), 'utf8'), url);
  return { doc, det: detectFromDocument(doc, url) };
}
