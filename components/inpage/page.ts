/**
 * What the content scripts' page flows share (run.ts for a paper's page,
 * listing.ts for listings, sites.ts for other sites): the page message, the
 * badges' environment, and when the document is parsed.
 */
import type { PaperId } from '../../lib/ids/key';
import type { PageMessage } from '../../lib/messages';
import type { InpageEnv } from './controller';
import { fullViewUrl, openFullView } from './full-view';

/** Most papers one page message may carry (PageMessageSchema). */
export const MAX_PAPERS = 5000;
/** Longest title the background accepts; a longer one is left out rather than cut (a cut title would fail binding). */
const MAX_TITLE = 2000;

/**
 * Resolves once the document is parsed: at once when it is, else on
 * DOMContentLoaded. Checked against readyState, not the event alone: a page
 * script can dispatch a fake DOMContentLoaded while it still parses.
 */
export function parsed(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const check = () => doc.readyState !== 'loading' && resolve();
    check();
    doc.addEventListener('DOMContentLoaded', check);
  });
}

/** A paper as a page flow found it (lib/ids/page.ts DetectedPaper, lib/sites/types.ts SitePaper). */
interface FoundPaper {
  id: PaperId;
  title?: string;
  role?: 'about' | 'mentioned';
}

export function pageMessage(url: string, detection: Pick<PageMessage, 'kind'>, papers: readonly FoundPaper[], lazy = false): PageMessage {
  const m: PageMessage = {
    type: 'page',
    url: capUrl(url),
    kind: detection.kind,
    papers: papers.map((p) => {
      const out: PageMessage['papers'][number] = { id: p.id };
      if (p.role === 'mentioned') out.role = 'mentioned';
      if (p.title !== undefined && p.title.length <= MAX_TITLE) out.title = p.title;
      return out;
    }),
  };
  if (lazy) m.lazy = true;
  return m;
}

export const capUrl = (url: string) => (url.length <= 4096 ? url : url.slice(0, 4096));

/** What every page's badges need from the browser. */
export function inpageEnv(): InpageEnv {
  return {
    doc: document,
    win: window,
    fullViewUrl: (m) => fullViewUrl(m),
    copy: async (text) => navigator.clipboard.writeText(text),
    openFullView,
  };
}
