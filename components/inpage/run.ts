import type { DetectedPaper, PageDetection } from '../../lib/ids/page';
import { idKey } from '../../lib/ids/key';
import type { PageMessage, PaperResult } from '../../lib/messages';
import { INPAGE_SETTINGS_KEY, readInpageSettings, siteDisabled, type InpageSettings } from '../../lib/inpage/validate';
import type { CardModel } from '../../lib/inpage/card-model';
import { createResultStore, parseResultMessage } from '../../lib/inpage/results';
import { createInpage, type Inpage, type Row } from './controller';

/** What differs between the arXiv and the publisher scripts. */
export interface PageOptions {
  /** Publisher pages run only when the user opted in ("Detect papers on other sites"). */
  optIn?: boolean;
  /** Where a paper's badge goes (default: detection's anchor). */
  anchorFor?(paper: DetectedPaper): Element | undefined;
  /** The detector: the arXiv script passes the arXiv-only one to keep its bundle small. */
  detect(doc: Document, url: string): PageDetection | null;
}

/** Most papers one page message may carry (PageMessageSchema). */
const MAX_PAPERS = 5000;
/** Longest title the background accepts; a longer one is left out rather than cut (a cut title would fail binding). */
const MAX_TITLE = 2000;

// One run per document, even if the script is injected twice (a runtime
// registration and a manual injection). This flag lives in our isolated
// world: the page cannot see or set it.
const RAN = Symbol.for('pith-lens.inpage.ran');

/**
 * The whole content-script flow: settings → detection → one message with every
 * paper → inline badges, updated as answers stream in.
 *
 * The arXiv script starts at document_start: the settings are read and the
 * port is opened (waking the background) while the page still parses; the
 * rest runs as soon as the document is parsed, before the browser first lays
 * out the finished page, so the answers are on their way while it does.
 * A page with a few papers gets its badges then, laid out with the page; a
 * listing's follow in short tasks after that first layout (placing 2,000
 * before it made it twice as long: bench/README.md).
 */
export async function runPage(opts: PageOptions): Promise<void> {
  const g = globalThis as Record<symbol, unknown>;
  if (g[RAN]) return;
  g[RAN] = true;

  const settingsRead = loadSettings();
  const port = openPort();
  await parsed(document);
  const settings = await settingsRead;
  if (siteDisabled(settings, location.hostname) || (opts.optIn && !settings.detectOtherSites)) return port.close();

  const detection = opts.detect(document, location.href);
  const papers = detection ? detection.papers.slice(0, MAX_PAPERS) : [];
  if (!detection || papers.length === 0) return port.close();

  const store = createResultStore();
  const keys = new Set(papers.map((p) => idKey(p.id)));
  let inpage: Inpage | undefined;
  const pendingKeys: string[] = [];

  // The message goes first, so the background starts looking up at once.
  port.send(pageMessage(location.href, detection, papers), (results) => {
    const changed = store.apply(results);
    if (changed.length === 0) return;
    if (inpage) inpage.changed(changed);
    else pendingKeys.push(...changed);
  }, () => store.allFinal(keys));

  // PDFs: the toolbar badge only; there is no page DOM of ours to touch.
  if (!settings.inlineBadges || detection.kind === 'pdf') return;
  const rows = badgeRows(papers, opts.anchorFor);
  if (rows.length === 0) return;
  inpage = createInpage(rows, store, {
    doc: document,
    win: window,
    fullViewUrl: (m) => fullViewUrl(m),
    copy: async (text) => navigator.clipboard.writeText(text),
    openFullView,
    firstChunkMs: rows.length <= SYNC_ROWS ? FIRST_CHUNK_MS : 0,
  });
  if (pendingKeys.length > 0) inpage.changed(pendingKeys);
}

/** Time the badges of a small page may take, synchronously, before the page's first layout. */
const FIRST_CHUNK_MS = 20;
/** Pages with at most this many papers get their badges before the first layout. */
const SYNC_ROWS = 30;

/**
 * Resolves once the document is parsed: at once when it is, else on
 * DOMContentLoaded. Checked against readyState, not the event alone: a page
 * script can dispatch a fake DOMContentLoaded while it still parses.
 */
function parsed(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const check = () => doc.readyState !== 'loading' && resolve();
    check();
    doc.addEventListener('DOMContentLoaded', check);
  });
}

export function pageMessage(url: string, detection: PageDetection, papers: readonly DetectedPaper[]): PageMessage {
  return {
    type: 'page',
    url: url.length <= 4096 ? url : url.slice(0, 4096),
    kind: detection.kind,
    papers: papers.map((p) => (p.title !== undefined && p.title.length <= MAX_TITLE ? { id: p.id, title: p.title } : { id: p.id })),
  };
}

function badgeRows(papers: readonly DetectedPaper[], anchorFor = (p: DetectedPaper) => p.anchor): Row[] {
  const rows: Row[] = [];
  for (const p of papers) {
    const anchor = anchorFor(p);
    if (anchor) rows.push({ key: idKey(p.id), id: p.id, anchor });
  }
  return rows;
}

async function loadSettings(): Promise<InpageSettings> {
  try {
    const o = await browser.storage.local.get(INPAGE_SETTINGS_KEY);
    return readInpageSettings(o[INPAGE_SETTINGS_KEY]);
  } catch {
    return readInpageSettings(undefined);
  }
}

interface PagePort {
  /** Send the page message; answers go to `onResults`. */
  send(message: PageMessage, onResults: (r: PaperResult[]) => void, finished: () => boolean): void;
  close(): void;
}

/**
 * One port to the background, opened early (it wakes the service worker
 * while the page parses); the page message once; answers as they come. If
 * the port drops before every paper has a final answer (the service worker
 * was stopped), connect once more and send the message again.
 */
function openPort(): PagePort {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let pending: { message: PageMessage; onResults: (r: PaperResult[]) => void; finished: () => boolean } | undefined;
  let reopens = 2;
  const post = () => {
    if (!port || !pending) return;
    try {
      port.postMessage(pending.message);
    } catch {
      /* disconnected already: onDisconnect retries */
    }
  };
  const open = () => {
    try {
      port = browser.runtime.connect({ name: 'page' });
    } catch {
      port = undefined; // the extension was reloaded or removed: this script is orphaned
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const results = parseResultMessage(raw);
      if (results) pending?.onResults(results);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      // (Not called for our own disconnect(): that side gets no onDisconnect.)
      if (pending?.finished() || reopens-- <= 0) return;
      open();
      post();
    });
  };
  open();
  return {
    send(message, onResults, finished) {
      pending = { message, onResults, finished };
      post();
    },
    close: () => port?.disconnect(),
  };
}

function fullViewUrl(m: CardModel): string {
  return browser.runtime.getURL('/popup.html') + m.fullViewQuery;
}

/**
 * A web page may not open an extension page that is not web-accessible (the
 * tab shows an error), so the background opens the report in a tab for us.
 * Should it not answer, the record's page on pith.science is the next best.
 */
function openFullView(m: CardModel): void {
  const fallback = () => {
    if (m.pithUrl) window.open(m.pithUrl, '_blank', 'noopener');
  };
  browser.runtime
    .sendMessage({ type: 'open-report', key: m.key })
    .then((res: unknown) => {
      if (!res) fallback();
    })
    .catch(fallback);
}
