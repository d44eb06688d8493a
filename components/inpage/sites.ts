/**
 * The content-script flow for pages other than arXiv's own: Google Scholar,
 * Semantic Scholar, Hugging Face, alphaXiv, ar5iv (each once its site is
 * enabled) and any page (with "Detect papers on other sites", or once when
 * the popup asks). Unlike arXiv pages, these add papers after load ("Show
 * more", infinite scroll, a single-page app's navigation), so the page is
 * followed: added nodes are read (only those), and a changed address reads
 * the page afresh. Each change sends the page's whole list again on the same
 * port; the background keeps the latest.
 *
 * Mentioned papers (references of a one-paper page) go in the message with
 * their role and get no badge: the background does not look them up, the
 * popup does when it lists them.
 */
import { idKey } from '../../lib/ids/key';
import type { PageMessage, PaperResult } from '../../lib/messages';
import { ON_DEMAND } from '../../lib/inpage/on-demand';
import { createResultStore, parseResultMessage, type ResultStore } from '../../lib/inpage/results';
import { siteDisabled, type InpageSettings } from '../../lib/inpage/validate';
import { loadSettings } from './settings';
import { adapterFor, collect, type SiteAdapter, type SitePaper } from '../../lib/sites';
import { HOST_ATTR } from './badge';
import { createInpage, type Inpage, type Row } from './controller';
import { inpageEnv, MAX_PAPERS, pageMessage, parsed } from './page';

const RAN = Symbol.for('pith-lens.sites.ran');
/** Added nodes are read in batches: a single-page app renders a view in many small mutations. */
const SETTLE_MS = 150;

export async function runSites(): Promise<void> {
  const g = globalThis as Record<symbol, unknown>;
  if (g[RAN]) return;
  g[RAN] = true;
  const adapter = adapterFor(location.href);
  if (!adapter) return;
  const onDemand = g[ON_DEMAND] === true;
  const settings = await loadSettings();
  if (siteDisabled(settings, location.hostname)) return;
  // A site's own script runs only where its permission was granted; any page also needs the opt-in (or the popup's request).
  if (adapter.key === 'any' && !onDemand && !settings.detectOtherSites) return;
  await parsed(document);
  follow(adapter, settings);
}

function follow(adapter: SiteAdapter, settings: InpageSettings): void {
  const store = createResultStore();
  const port = openPort(store);
  let url = location.href;
  let about: SitePaper[] = [];
  let papers: SitePaper[] = [];
  let seen = new Set<string>();
  let inpages: Inpage[] = [];
  let kind: PageMessage['kind'] = 'other';

  const badges = (list: readonly SitePaper[]) => {
    if (!settings.inlineBadges) return;
    const rows: Row[] = [];
    for (const p of list) if (p.role === 'about' && p.anchor) rows.push({ key: idKey(p.id), id: p.id, anchor: p.anchor });
    if (rows.length === 0) return;
    const inpage = createInpage(rows, store, inpageEnv());
    inpages.push(inpage);
    // Answers that came before these badges: draw them now.
    inpage.changed(rows.map((r) => r.key).filter((k) => store.get(k) !== undefined));
  };

  const send = () =>
    port.send(
      pageMessage(url, { kind }, papers),
      papers.filter((p) => p.role === 'about').map((p) => idKey(p.id)),
    );

  const readAll = () => {
    for (const i of inpages) i.destroy();
    inpages = [];
    url = location.href;
    const read = collect(adapter, document, url);
    about = read.papers.filter((p) => p.role === 'about' && read.shape === 'paper');
    papers = read.papers.slice(0, MAX_PAPERS);
    seen = new Set(papers.map((p) => idKey(p.id)));
    kind = read.kind;
    if (papers.length > 0 || port.sent()) send();
    badges(papers);
  };

  const readAdded = (nodes: readonly Node[]) => {
    const added: SitePaper[] = [];
    for (const n of nodes) {
      if (n.nodeType !== 1 || !(n as Element).isConnected || (n as Element).hasAttribute(HOST_ATTR)) continue;
      const read = collect(adapter, document, url, { root: n as Element, about, seen });
      for (const p of read.papers) {
        seen.add(idKey(p.id));
        added.push(p);
      }
    }
    if (added.length === 0 || papers.length >= MAX_PAPERS) return;
    papers = [...papers, ...added].slice(0, MAX_PAPERS);
    send();
    badges(added);
  };

  port.onResults((changed) => {
    for (const i of inpages) i.changed(changed);
  });
  readAll();

  // Follow the page: added nodes only (no attribute or text changes), in batches.
  let queued: Node[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const nodes = queued;
    queued = [];
    // A single-page app's navigation (pushState is not visible from here; its new view's nodes are): read the page afresh.
    if (location.href !== url) readAll();
    else readAdded(nodes);
  };
  const schedule = () => {
    timer ??= setTimeout(flush, SETTLE_MS);
  };
  new MutationObserver((records) => {
    for (const r of records) for (let i = 0; i < r.addedNodes.length; i++) queued.push(r.addedNodes[i]!);
    if (queued.length > 0) schedule();
  }).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('popstate', schedule);
}

interface SitePort {
  /** Send the page's list; `keys` are the papers whose answers it waits for. */
  send(message: PageMessage, keys: string[]): void;
  /** Called with the keys whose answers changed. */
  onResults(cb: (changed: string[]) => void): void;
  /** Whether a message was sent (an emptied page must say so: its old papers are gone). */
  sent(): boolean;
}

/**
 * One port for the page's lifetime, opened with the first list; each send replaces the page's list. If
 * the port drops before every paper has an answer (the service worker was
 * stopped), connect again and send the latest list.
 */
function openPort(store: ResultStore): SitePort {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let latest: { message: PageMessage; keys: string[] } | undefined;
  let listener: (changed: string[]) => void = () => undefined;
  let reopens = 2;
  const post = () => {
    if (!port || !latest) return;
    try {
      port.postMessage(latest.message);
    } catch {
      /* disconnected: onDisconnect reconnects */
    }
  };
  const open = () => {
    try {
      port = browser.runtime.connect({ name: 'page' });
    } catch {
      port = undefined; // the extension was reloaded or removed
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const results: PaperResult[] | null = parseResultMessage(raw);
      if (!results) return;
      const changed = store.apply(results);
      if (changed.length > 0) listener(changed);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (!latest || store.allFinal(latest.keys) || reopens-- <= 0) return;
      open();
      post();
    });
  };
  return {
    send(message, keys) {
      latest = { message, keys };
      // Connected on the first list only: a page with no paper (most of the web, with "other sites" on) holds no port.
      if (!port) open();
      post();
    },
    onResults(cb) {
      listener = cb;
    },
    sent: () => latest !== undefined,
  };
}
