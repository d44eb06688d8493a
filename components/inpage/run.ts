import type { DetectedPaper, PageDetection } from '../../lib/ids/page';
import { idKey, type PaperId } from '../../lib/ids/key';
import type { PageMessage, PaperResult } from '../../lib/messages';
import { bindTitle } from '../../lib/inpage/local-bind';
import { siteDisabled, type InpageSettings } from '../../lib/inpage/validate';
import { createResultStore } from '../../lib/inpage/results';
import { loadSettings } from './settings';
import { createInpage, type Row } from './controller';
import { openPort } from './port';
import { runListing, type ListingReader } from './listing';
import { capUrl, inpageEnv, MAX_PAPERS, pageMessage, parsed } from './page';

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
  /**
   * Listing and search pages: how their rows are read, from the address (so
   * that rows are read while the page parses) or, for an address that does
   * not tell, from what detection found.
   */
  rows?(url: string, kind?: PageDetection['kind']): ListingReader | null;
}

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
 * Listings and search results are checked where the reader looks, from the
 * first rows the parser produces on (listing.ts).
 */
export async function runPage(opts: PageOptions): Promise<void> {
  const g = globalThis as Record<symbol, unknown>;
  if (g[RAN]) return;
  g[RAN] = true;

  const settingsRead = loadSettings();
  // Answers that come before the page is parsed wait for its titles (listing rows have theirs when read).
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
  const listing = (reader: ListingReader, settings: Promise<InpageSettings>) => {
    early = null;
    return runListing({
      ...reader,
      port,
      store,
      titles,
      settingsRead: settings,
      anchorFor: opts.anchorFor,
      onChanged: (f) => (onChanged = f),
      finished: (f) => (finished = f),
    });
  };
  const reader = opts.rows?.(location.href);
  if (reader) return listing(reader, settingsRead);
  const named = opts.early?.(location.href);
  // The site-disabled check is the background's for this message (the settings are not read yet); nothing leaves the browser.
  if (named) port.page({ type: 'page', url: capUrl(location.href), kind: named.kind, papers: [{ id: named.id }], early: true });

  await parsed(document);
  const settings = await settingsRead;
  if (siteDisabled(settings, location.hostname) || (opts.optIn && !settings.detectOtherSites)) return port.close();

  const detection = opts.detect(document, location.href);
  // An address that does not say it is a listing, whose page holds one (no early message was sent for it).
  const reading = detection && opts.rows?.(location.href, detection.kind);
  if (reading) return listing(reading, settingsRead);
  const papers = detection ? detection.papers.slice(0, MAX_PAPERS) : [];
  if (!detection || papers.length === 0) return port.close();
  for (const p of papers) {
    const key = idKey(p.id);
    if (!titles.has(key)) titles.set(key, p.title);
  }
  const keys = new Set(papers.map((p) => idKey(p.id)));
  finished = () => store.allFinal(keys);

  // The message goes first, so the background starts looking up at once.
  port.page(pageMessage(location.href, detection, papers));
  const buffered = early;
  early = null;
  store.apply(buffered.map((r) => bindTitle(r, titles.get(r.key))));

  // PDFs: the toolbar badge only; there is no page DOM of ours to touch.
  const rows = !settings.inlineBadges || detection.kind === 'pdf' ? [] : badgeRows(papers, opts.anchorFor);
  if (rows.length === 0) return;
  // The early answer not here yet: its badge waits for it, or for the frame
  // about to be drawn (requestAnimationFrame runs just before that frame's
  // layout), whichever comes first. The page's first frame waits for its
  // stylesheets, so the answer usually makes it, and the badge is drawn once, final.
  const r = named ? store.get(idKey(named.id)) : undefined;
  const waitForEarly = named !== undefined && named !== null && rows.length <= SYNC_ROWS && (r === undefined || r.state === 'pending');
  const inpage = createInpage(waitForEarly ? [] : rows, store, {
    ...inpageEnv(),
    firstChunkMs: rows.length <= SYNC_ROWS ? FIRST_CHUNK_MS : 0,
  });
  onChanged = (changed) => inpage.changed(changed);
  if (!waitForEarly) return;
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
}

/** Time the badges of a small page may take, synchronously, before the page's first layout. */
const FIRST_CHUNK_MS = 20;
/** Pages with at most this many papers get their badges before the first layout. */
const SYNC_ROWS = 30;

function badgeRows(papers: readonly DetectedPaper[], anchorFor = (p: DetectedPaper) => p.anchor): Row[] {
  const rows: Row[] = [];
  for (const p of papers) {
    const anchor = anchorFor(p);
    if (anchor) rows.push({ key: idKey(p.id), id: p.id, anchor });
  }
  return rows;
}
