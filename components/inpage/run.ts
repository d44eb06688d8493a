import type { DetectedPaper, PageDetection } from '../../lib/ids/page';
import { idKey } from '../../lib/ids/key';
import type { PaperId } from '../../lib/ids/key';
import type { PageMessage, PaperResult, WantMessage } from '../../lib/messages';
import { bindTitle } from '../../lib/inpage/local-bind';
import { siteDisabled } from '../../lib/inpage/validate';
import { loadSettings } from './settings';
import { createResultStore, parseResultMessage } from '../../lib/inpage/results';
import { createInpage, type Inpage, type Row } from './controller';
import { watchNearby } from './nearby';
import { fullViewUrl, openFullView } from './full-view';

/** What differs between the arXiv and the publisher scripts. */
export interface PageOptions {
  /** Publisher pages run only when the user opted in ("Detect papers on other sites"). */
  optIn?: boolean;
  /** Where a paper's badge goes (default: detection's anchor). */
  anchorFor?(paper: DetectedPaper): Element | undefined;
  /** The detector: the arXiv script passes the arXiv-only one to keep its bundle small. */
  detect(doc: Document, url: string): PageDetection | null;
  /** The paper the address names, asked for at document_start, before the page is parsed (arXiv abstract, HTML, PDF). */
  early?(url: string): { kind: PageMessage['kind']; id: PaperId } | null;
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
 * The arXiv script starts at document_start: the port is opened (waking the
 * background) and, on a paper's own page, the paper the address names is
 * asked for while the page still parses, so its answer is waiting at
 * DOMContentLoaded. The title binding of that answer is decided here
 * (bindTitle: the background's signed title against the page's), so the
 * badge is drawn final in the DOMContentLoaded task, before the first layout.
 *
 * Listings and search results are checked where the reader looks: only the
 * rows within about a screen of the viewport are asked for (`want`), and more
 * as the reader scrolls near them; a row gets its badge when it comes near or
 * when its answer arrives ("Check all"). The option "Check every paper on
 * listing pages" asks for every row at once instead.
 */
export async function runPage(opts: PageOptions): Promise<void> {
  const g = globalThis as Record<symbol, unknown>;
  if (g[RAN]) return;
  g[RAN] = true;

  const settingsRead = loadSettings();
  // Answers that come before the page is parsed wait for its titles.
  let early: PaperResult[] | null = [];
  const titles = new Map<string, string | undefined>();
  const store = createResultStore();
  let onChanged = (_keys: string[]) => {};
  let finished = () => false;
  const port = openPort(
    (results) => {
      if (early) return void early.push(...results);
      const changed = store.apply(results.map((r) => bindTitle(r, titles.get(r.key))));
      if (changed.length > 0) onChanged(changed);
    },
    () => finished(),
  );
  const named = opts.early?.(location.href);
  // The site-disabled check is the background's for this message (the settings are not read yet); nothing leaves the browser.
  if (named) port.page({ type: 'page', url: capUrl(location.href), kind: named.kind, papers: [{ id: named.id }], early: true });

  await parsed(document);
  const settings = await settingsRead;
  if (siteDisabled(settings, location.hostname) || (opts.optIn && !settings.detectOtherSites)) return port.close();

  const detection = opts.detect(document, location.href);
  let papers = detection ? detection.papers.slice(0, MAX_PAPERS) : [];
  if (!detection || papers.length === 0) return port.close();
  for (const p of papers) {
    const key = idKey(p.id);
    if (!titles.has(key)) titles.set(key, p.title);
  }
  const lazy = (detection.kind === 'listing' || detection.kind === 'search') && !settings.checkAllListings;
  const keys = new Set(papers.map((p) => idKey(p.id)));
  let wanted: string[] = [];
  finished = () => store.allFinal(lazy ? wanted : keys);

  // The message goes first, so the background starts looking up at once.
  port.page(pageMessage(location.href, detection, papers, lazy));
  const buffered = early;
  early = null;
  store.apply(buffered.map((r) => bindTitle(r, titles.get(r.key))));

  const final = (key: string) => {
    const r = store.get(key);
    return r !== undefined && r.state !== 'pending';
  };
  const rows = !settings.inlineBadges || detection.kind === 'pdf' ? [] : badgeRows(papers, opts.anchorFor);
  const rowsOf = new Map<string, Row[]>();
  for (const row of rows) rowsOf.set(row.key, [...(rowsOf.get(row.key) ?? []), row]);
  // PDFs: the toolbar badge only; there is no page DOM of ours to touch.
  // The early answer not here yet: its badge waits for it, or for the frame
  // about to be drawn (requestAnimationFrame runs just before that frame's
  // layout), whichever comes first. The page's first frame waits for its
  // stylesheets, so the answer usually makes it, and the badge is drawn once, final.
  const waitForEarly = named !== undefined && named !== null && rows.length <= SYNC_ROWS && !final(idKey(named.id));
  const inpage: Inpage | undefined =
    rows.length === 0 && !lazy
      ? undefined
      : createInpage(lazy || waitForEarly ? [] : rows, store, {
          doc: document,
          win: window,
          fullViewUrl: (m) => fullViewUrl(m),
          copy: async (text) => navigator.clipboard.writeText(text),
          openFullView,
          firstChunkMs: rows.length <= SYNC_ROWS ? FIRST_CHUNK_MS : 0,
        });
  onChanged = (changed) => inpage?.changed(changed);
  if (!lazy) {
    if (!inpage || !waitForEarly) return;
    let placed = false;
    const place = () => {
      if (placed) return;
      placed = true;
      inpage.add(rows);
      inpage.placeNow(FIRST_CHUNK_MS);
    };
    requestAnimationFrame(place);
    onChanged = (changed) => {
      place();
      inpage.changed(changed);
    };
    return;
  }

  // ---- listings: the rows near the viewport first
  let lastWant = '';
  const ask = (near: readonly Row[]) => {
    const next = [...new Set(near.map((r) => r.key))].filter((k) => !final(k));
    const text = next.join(' ');
    if (text === lastWant) return;
    lastWant = text;
    wanted = next;
    port.want(next);
  };
  // The badge rows themselves (one Row object per row: the badge creator tells rows apart by identity).
  const anchorRows = rows.length > 0 ? rows : badgeRows(papers, opts.anchorFor);
  const nearby = watchNearby(anchorRows, (entered, near) => {
    inpage?.add(entered);
    ask(near);
  });
  onChanged = (changed) => {
    if (inpage) {
      // A row gets its badge once its answer is here, near the viewport or not ("Check all");
      // the rows just answered are drawn in this task, so a near row is drawn once, final.
      for (const k of changed) inpage.add(rowsOf.get(k) ?? []);
      inpage.placeNow(PLACE_NOW_MS);
      inpage.changed(changed);
    }
    nearby.done(changed.filter(final));
  };

  // Rows added to the list later (a page script loading more): detect again, tell the background, watch them.
  const containers = new Set<Element>();
  for (const r of anchorRows) containers.add(r.anchor.closest('dl, ol, ul') ?? document.body);
  let queued = false;
  const ours = (n: Node) => n.nodeType === 1 && (n as Element).hasAttribute('data-pith-lens');
  const more = new MutationObserver((records) => {
    // Our own badges going in are not rows.
    if (queued || records.every((r) => Array.prototype.every.call(r.addedNodes, ours))) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      const again = opts.detect(document, location.href);
      if (!again) return;
      const added = again.papers.filter((p) => !keys.has(idKey(p.id))).slice(0, MAX_PAPERS - papers.length);
      if (added.length === 0) return;
      papers = [...papers, ...added];
      for (const p of added) {
        keys.add(idKey(p.id));
        titles.set(idKey(p.id), p.title);
      }
      const newRows = badgeRows(added, opts.anchorFor);
      if (settings.inlineBadges) for (const row of newRows) rowsOf.set(row.key, [...(rowsOf.get(row.key) ?? []), row]);
      port.page(pageMessage(location.href, again, papers, true));
      port.want(wanted);
      nearby.observe(newRows);
    }, 50);
  });
  for (const c of containers) more.observe(c, { childList: true, subtree: c === document.body });
}

/** Listings: answers of rows near the viewport are drawn in the task that brings them, for up to this long. */
const PLACE_NOW_MS = 8;

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

export function pageMessage(url: string, detection: PageDetection, papers: readonly DetectedPaper[], lazy = false): PageMessage {
  const m: PageMessage = {
    type: 'page',
    url: capUrl(url),
    kind: detection.kind,
    papers: papers.map((p) => (p.title !== undefined && p.title.length <= MAX_TITLE ? { id: p.id, title: p.title } : { id: p.id })),
  };
  if (lazy) m.lazy = true;
  return m;
}

const capUrl = (url: string) => (url.length <= 4096 ? url : url.slice(0, 4096));

function badgeRows(papers: readonly DetectedPaper[], anchorFor = (p: DetectedPaper) => p.anchor): Row[] {
  const rows: Row[] = [];
  for (const p of papers) {
    const anchor = anchorFor(p);
    if (anchor) rows.push({ key: idKey(p.id), id: p.id, anchor });
  }
  return rows;
}

interface PagePort {
  /** Send a page message (the latest one is sent again after a reconnect). */
  page(message: PageMessage): void;
  /** The rows to check now (listings; the latest wish is sent again after a reconnect). */
  want(keys: string[]): void;
  close(): void;
}

/**
 * One port to the background, opened early (it wakes the service worker
 * while the page parses); answers as they come. If the port drops before
 * every paper asked for has a final answer (the service worker was stopped),
 * connect once more and send the page message and the wish again.
 */
function openPort(onResults: (r: PaperResult[]) => void, finished: () => boolean): PagePort {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let page: PageMessage | undefined;
  let want: WantMessage | undefined;
  let reopens = 2;
  const post = (m: PageMessage | WantMessage | undefined) => {
    if (!port || !m) return;
    try {
      port.postMessage(m);
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
      if (results) onResults(results);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      // (Not called for our own disconnect(): that side gets no onDisconnect.)
      if (!page || hidden || finished() || reopens-- <= 0) return;
      open();
      post(page);
      post(want);
    });
  };
  open();
  // The back/forward cache closes our port when the page is put away (the
  // background then drops the tab's state, as for any page that left); when
  // the page is shown again, it tells the background about itself once more.
  let hidden = false;
  addEventListener('pagehide', (e) => {
    if (e.persisted) hidden = true;
  });
  addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    hidden = false;
    port?.disconnect();
    port = undefined;
    if (!page) return;
    open();
    post(page);
    post(want);
  });
  return {
    page(m) {
      page = m;
      post(m);
    },
    want(keys) {
      want = { type: 'want', keys };
      // A listing talks for as long as the reader scrolls: a port the stopped worker dropped is opened again.
      if (!port && page) {
        open();
        post(page);
      }
      post(want);
    },
    close: () => port?.disconnect(),
  };
}
