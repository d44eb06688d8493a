import type { DetectedPaper, PageDetection } from '../../lib/ids/page';
import { idKey, type PaperId } from '../../lib/ids/key';
import type { PageMessage } from '../../lib/messages';
import { bindTitle } from '../../lib/inpage/local-bind';
import { siteDisabled } from '../../lib/inpage/validate';
import { createInpage, type Row } from './controller';
import { openPage } from './session';
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
}

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
 * Listings and search results have their own flow and script (listing.ts).
 */
export async function runPage(opts: PageOptions): Promise<void> {
  const session = openPage();
  if (!session) return;
  const { port, store, titles, settingsRead } = session;
  const named = opts.early?.(location.href);
  // The site-disabled check is the background's for this message (the settings are not read yet); nothing leaves the browser.
  if (named) port.page({ type: 'page', url: capUrl(location.href), kind: named.kind, papers: [{ id: named.id }], early: true });

  await parsed(document);
  const settings = await settingsRead;
  if (siteDisabled(settings, location.hostname) || (opts.optIn && !settings.detectOtherSites)) return port.close();

  const detection = opts.detect(document, location.href);
  const papers = detection ? detection.papers.slice(0, MAX_PAPERS) : [];
  if (!detection || papers.length === 0) return port.close();
  for (const p of papers) {
    const key = idKey(p.id);
    if (!titles.has(key)) titles.set(key, p.title);
  }
  const keys = new Set(papers.map((p) => idKey(p.id)));
  session.finished(() => store.allFinal(keys));

  // The message goes first, so the background starts looking up at once.
  port.page(pageMessage(location.href, detection, papers));
  // Answers to the early message, held until the titles were read.
  store.apply(session.release().map((r) => bindTitle(r, titles.get(r.key))));

  // PDFs: the toolbar badge only; there is no page DOM of ours to touch.
  const rows = !settings.inlineBadges || detection.kind === 'pdf' ? [] : badgeRows(papers, opts.anchorFor);
  if (rows.length === 0) return;
  // The early answer not here yet: its badge waits for it, or for the frame
  // about to be drawn (requestAnimationFrame runs just before that frame's
  // layout), whichever comes first. The page's first frame waits for its
  // stylesheets, so the answer often makes it (not always: bench/README.md,
  // "Issue 15, second pass"), and the badge is drawn once, final.
  const r = named ? store.get(idKey(named.id)) : undefined;
  const waitForEarly = named !== undefined && named !== null && rows.length <= SYNC_ROWS && (r === undefined || r.state === 'pending');
  const inpage = createInpage(waitForEarly ? [] : rows, store, {
    ...inpageEnv(),
    firstChunkMs: rows.length <= SYNC_ROWS ? FIRST_CHUNK_MS : 0,
  });
  session.onChanged((changed) => inpage.changed(changed));
  if (!waitForEarly) return;
  let placed = false;
  const place = () => {
    if (placed) return;
    placed = true;
    inpage.add(rows);
    inpage.placeNow(FIRST_CHUNK_MS);
  };
  requestAnimationFrame(place);
  session.onChanged((changed) => {
    place();
    inpage.changed(changed);
  });
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
