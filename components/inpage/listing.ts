import type { DetectedPaper, PageDetection } from '../../lib/ids/page';
import type { RowReader } from '../../lib/ids/arxiv-listing';
import { idKey } from '../../lib/ids/key';
import { siteDisabled, type InpageSettings } from '../../lib/inpage/validate';
import { createInpage, type Inpage, type Row } from './controller';
import { watchNearby, type Nearby } from './nearby';
import { reserveBadge } from './badge';
import { createPacer } from '../../lib/inpage/pacer';
import { systemClock } from '../../lib/clock';
import { openPage, type PageSession } from './session';
import { inpageEnv, MAX_PAPERS, pageMessage, parsed } from './page';

/** How a page's rows are read: listing `dt`s or search results (lib/ids/arxiv-listing.ts). */
export interface ListingReader {
  kind: 'listing' | 'search';
  read: RowReader;
}

interface ListingDeps extends ListingReader, PageSession {
  anchorFor?(paper: DetectedPaper): Element | undefined;
}

/** The listing and search pages' content script: rows read as the page parses (runListing). */
export function runListingPage(reader: ListingReader | null): Promise<void> | undefined {
  const session = reader && openPage();
  if (!session) return undefined;
  session.release(); // nothing was asked for before the rows: nothing is held
  return runListing({ ...reader!, ...session });
}

/** Listings: answers of rows near the viewport are drawn in the task that brings them, for up to this long. */
const PLACE_NOW_MS = 8;
/** While the reader scrolls: at most one batch of badges per this long (each costs the frame a walk of the whole list)… */
const PACE_GAP_MS = 250;
/** …and a batch waits this long at most for its rows' answers, to draw each row once, final. */
const PACE_SETTLE_MS = 100;
/** Every row checked at once: rows without an answer by then are drawn "checking". */
const PENDING_AFTER_MS = 1000;

/**
 * A listing or search page, checked where the reader looks.
 *
 * While the page is parsed, each animation frame (its callback runs just
 * before the frame's layout) reads the rows parsed since the last one,
 * reserves each row's badge host (badge.ts reserveBadge: one fixed size, so
 * nothing moves later) and, until a row lies beyond the first two screens,
 * asks for the rows near the viewport: their answers come back between the
 * parser's chunks and are drawn with its next frame, long before the page is
 * parsed (bench/README.md: first screen). At DOMContentLoaded the last rows
 * are read, the page message with every paper goes out, and an
 * IntersectionObserver (nearby.ts) asks for rows as the reader nears them.
 * The option "Check every paper on listing pages" asks for all of them.
 */
async function runListing(deps: ListingDeps): Promise<void> {
  const { port, store, titles, read, kind } = deps;
  const anchorFor = deps.anchorFor ?? ((p: DetectedPaper) => p.anchor);
  const detection: Pick<PageDetection, 'kind'> = { kind };
  const papers: DetectedPaper[] = [];
  const keys = new Set<string>();
  const rows: Row[] = [];
  const rowsOf = new Map<string, Row[]>();
  let next = 0;
  let settings: InpageSettings | undefined;
  let inpage: Inpage | undefined;
  /** Set at DOMContentLoaded on lazy pages: until then rows need no watching. */
  const watch: { nearby?: Nearby } = {};
  let stopped = false;

  const final = (key: string) => {
    const r = store.get(key);
    return r !== undefined && r.state !== 'pending';
  };
  let wanted: string[] = [];
  let lastWant = '';
  const ask = (near: readonly Row[]) => {
    const want = [...new Set(near.map((r) => r.key))].filter((k) => !final(k));
    const text = want.join(' ');
    if (text === lastWant) return;
    lastWant = text;
    wanted = want;
    port.want(want);
  };

  /** Rows read from the page: titles kept, hosts reserved (when badges are shown), in page order. */
  const take = (found: readonly DetectedPaper[]): Row[] => {
    const added: Row[] = [];
    for (const p of found) {
      if (papers.length >= MAX_PAPERS) break;
      const key = idKey(p.id);
      if (!titles.has(key)) titles.set(key, p.title);
      keys.add(key);
      papers.push(p);
      const anchor = anchorFor(p);
      if (!anchor) continue;
      const row: Row = { key, id: p.id, anchor };
      const host = settings?.inlineBadges ? reserveBadge(document, anchor) : undefined;
      if (host) row.host = host;
      rows.push(row);
      const list = rowsOf.get(key);
      if (list) list.push(row);
      else rowsOf.set(key, [row]);
      added.push(row);
    }
    return added;
  };

  // Rows and answers waiting to be drawn: until the page is parsed as their answers come (the first
  // screen); then in paced batches (lib/inpage/pacer.ts), while the reader scrolls.
  const toDraw = new Set<Row>();
  const toUpdate = new Set<string>();
  const draw = () => {
    if (!inpage) return;
    inpage.add(toDraw);
    inpage.placeNow(PLACE_NOW_MS);
    inpage.changed([...toUpdate]);
    toDraw.clear();
    toUpdate.clear();
  };
  // Each batch waits (a little) for its rows' answers, so a quick answer is drawn once, final.
  const pacer = createPacer({
    clock: systemClock,
    gapMs: 0,
    settleMs: PACE_SETTLE_MS,
    ready: () => [...toDraw].every((row) => final(row.key)),
    flush: draw,
  });

  deps.onChanged((changed) => {
    // A row gets its badge once its answer is here, near the viewport or not ("Check all").
    for (const k of changed) {
      for (const row of rowsOf.get(k) ?? []) toDraw.add(row);
      toUpdate.add(k);
    }
    pacer.poke();
    watch.nearby?.done(changed.filter(final));
  });

  const start = (s: InpageSettings): boolean => {
    if (siteDisabled(s, location.hostname)) return false;
    settings = s;
    if (s.inlineBadges) inpage = createInpage([], store, inpageEnv());
    return true;
  };

  // ---- while the page is parsed: the first screen's rows, frame by frame
  let nearDone = false;
  const near: Row[] = [];
  const frame = () => {
    if (stopped || document.readyState !== 'loading') return;
    requestAnimationFrame(frame);
    if (!settings) return;
    const scan = read(document, next, true);
    next = scan.next;
    const added = take(scan.papers);
    if (nearDone || added.length === 0) return;
    // Hosts are in: one layout (the one this frame is about to do anyway) answers where the rows are.
    const screen = innerHeight;
    const before = near.length;
    for (const row of added) {
      const box = (row.host ?? row.anchor).getBoundingClientRect();
      if (box.top > 2 * screen) {
        nearDone = true;
        break;
      }
      if (box.bottom >= -screen) near.push(row);
    }
    if (near.length === before) return;
    port.page(pageMessage(location.href, detection, papers, true));
    ask(near);
    for (const row of near.slice(before)) toDraw.add(row);
    pacer.poke();
  };
  if (document.readyState === 'loading') {
    void deps.settingsRead.then((s) => {
      if (!start(s)) {
        stopped = true;
        port.close();
      }
    });
    requestAnimationFrame(frame);
  }

  await parsed(document);
  if (stopped) return;
  if (!settings && !start(await deps.settingsRead)) return port.close();
  take(read(document, next).papers);
  if (papers.length === 0) return port.close();

  const lazy = !settings!.checkAllListings;
  deps.finished(() => store.allFinal(lazy ? wanted : keys));
  port.page(pageMessage(location.href, detection, papers, lazy));
  if (!lazy) {
    // Every row: drawn as its answer comes (a cached one within moments); a row still without one
    // after a while shows "checking" then (drawing all 2,000 as "checking" first would double the work).
    setTimeout(() => inpage?.add(rows), PENDING_AFTER_MS);
    return;
  }

  // From now on the reader scrolls: batches paced.
  pacer.setGap(PACE_GAP_MS);
  const nearby = watchNearby(rows, (entered, nowNear) => {
    ask(nowNear);
    for (const row of entered) toDraw.add(row);
    if (entered.length > 0) pacer.poke();
  });
  watch.nearby = nearby;

  // Rows added to the list later (a page script loading more): read them, tell the background, watch them.
  const containers = new Set<Element>();
  for (const r of rows) containers.add(r.anchor.closest('dl, ol, ul') ?? document.body);
  let queued = false;
  const ours = (n: Node) => n.nodeType === 1 && (n as Element).hasAttribute('data-pith-lens');
  const more = new MutationObserver((records) => {
    // Our own badges going in are not rows.
    if (queued || records.every((r) => Array.prototype.every.call(r.addedNodes, ours))) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      // The whole list again: rows may go in anywhere, not only at its end.
      const fresh = read(document).papers.filter((p) => !keys.has(idKey(p.id)));
      if (fresh.length === 0) return;
      const added = take(fresh);
      port.page(pageMessage(location.href, detection, papers, true));
      port.want(wanted);
      nearby.observe(added);
    }, 50);
  });
  for (const c of containers) more.observe(c, { childList: true, subtree: c === document.body });
}
