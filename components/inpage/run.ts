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
 * paper → inline badges drawn in chunks and updated as answers stream in.
 */
export async function runPage(opts: PageOptions): Promise<void> {
  const g = globalThis as Record<symbol, unknown>;
  if (g[RAN]) return;
  g[RAN] = true;

  const settings = await loadSettings();
  if (siteDisabled(settings, location.hostname)) return;
  if (opts.optIn && !settings.detectOtherSites) return;

  const detection = opts.detect(document, location.href);
  if (!detection) return;
  const papers = detection.papers.slice(0, MAX_PAPERS);
  if (papers.length === 0) return;

  const store = createResultStore();
  const keys = new Set(papers.map((p) => idKey(p.id)));
  let inpage: Inpage | undefined;
  const pendingKeys: string[] = [];

  // The message goes first, so the background starts looking up at once; the
  // badges are set up in the next task, keeping each task of ours short on a
  // 2,000-row listing (detection and the message are one task, badge set-up
  // another, then the chunks).
  connect(pageMessage(location.href, detection, papers), (results) => {
    const changed = store.apply(results);
    if (changed.length === 0) return;
    if (inpage) inpage.changed(changed);
    else pendingKeys.push(...changed);
  }, () => store.allFinal(keys));

  // PDFs: the toolbar badge only; there is no page DOM of ours to touch.
  if (!settings.inlineBadges || detection.kind === 'pdf') return;
  await nextTask();
  const rows = badgeRows(papers, opts.anchorFor);
  if (rows.length === 0) return;
  inpage = createInpage(rows, store, {
    doc: document,
    win: window,
    fullViewUrl: (m) => fullViewUrl(m),
    copy: async (text) => navigator.clipboard.writeText(text),
    openFullView,
  });
  if (pendingKeys.length > 0) inpage.changed(pendingKeys);
}

/** Resolves in a later task (not a microtask): lets the page breathe between our steps. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
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

/**
 * One port to the background; the page message once; answers as they come.
 * If the port drops before every paper has a final answer (the service worker
 * was stopped), connect once more and send the message again.
 */
function connect(message: PageMessage, onResults: (r: PaperResult[]) => void, finished: () => boolean): void {
  let retries = 1;
  const open = () => {
    let port: ReturnType<typeof browser.runtime.connect>;
    try {
      port = browser.runtime.connect({ name: 'page' });
    } catch {
      return; // the extension was reloaded or removed: this script is orphaned
    }
    port.onMessage.addListener((raw: unknown) => {
      const results = parseResultMessage(raw);
      if (results) onResults(results);
    });
    port.onDisconnect.addListener(() => {
      if (!finished() && retries-- > 0) open();
    });
    try {
      port.postMessage(message);
    } catch {
      /* disconnected already: onDisconnect retries */
    }
  };
  open();
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
