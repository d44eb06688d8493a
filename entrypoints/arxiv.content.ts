import { runPage } from '../components/inpage/run';
import { detectArxivPaperPage } from '../lib/ids/arxiv-page';
import { arxivMatches, arxivPaperPageKind, detectFromUrl } from '../lib/ids/url';

/**
 * A paper's own arXiv pages: abstract, HTML and PDF (listings and search
 * have their own script, arxiv-listing.content.ts, so neither page loads the
 * other's code). Wiring only: the flow is in components/inpage/run.ts.
 *
 * WXT's content-script context (ctx) is deliberately not used: its
 * "a newer script started" signal is an event on the page's document, which
 * the page can dispatch too.
 */
export default defineContentScript({
  matches: arxivMatches(['/abs/*', '/html/*', '/pdf/*']),
  runAt: 'document_start',
  main() {
    void runPage({
      detect: detectArxivPaperPage,
      // A paper's own page names it in the address: asked for before the page is parsed.
      early(url) {
        const kind = arxivPaperPageKind(url);
        if (!kind) return null;
        const id = detectFromUrl(url).find((x) => x.kind === 'arxiv');
        return id ? { kind, id } : null;
      },
    });
  },
});
