/**
 * One page's conversation with the background (the `page` port): which of
 * its papers to look up, in which order, and how the answers go back to the
 * page and into the tab state. No browser globals: the resolver, the port, the tab-state writer and
 * the clock are passed in (components/background/page-ports.ts), so ordering and batching are unit-tested with fake timers.
 *
 * - A `page` message lists every paper of the page. Without `lazy`, every
 *   paper is looked up in page order (abstract pages, "Check all", the
 *   "Check every paper on listing pages" option). With `lazy` (listings),
 *   nothing is started until a `want` message names the rows near the
 *   reader's viewport; each `want` replaces the previous one: lookups already
 *   started finish, the ones not yet started for rows the reader scrolled
 *   away from are dropped. The resolver's concurrency limit is first come,
 *   first served, so rows are started in the order the page asks.
 * - An `early` page message (sent from the URL at document_start, no title
 *   yet) gets only the answers that need no title: not-found, error,
 *   invalid, or a record carrying `signedTitle`, which the page compares with
 *   its title itself. A later `page` message with the title re-binds.
 * - Answers go back in batches: the cache hits of one lookup round, which
 *   arrive together, in one message at once; network answers one message per
 *   `batchMs`. The tab state (every paper of the page) is written at most
 *   every `tabWriteIntervalMs` while answers stream, and once when the page
 *   has nothing left in flight: on a 2,000-row listing writing it per batch
 *   costs O(papers²) in serialisation.
 */
import { idKey, type PaperId } from './ids/key';
import type { Clock } from './clock';
import type { LookupResult, PageMessage, PaperResult, TabState } from './messages';

export interface PageSessionDeps {
  tabId: number;
  /** The page connection's token, carried in the tab state (it is cleared when that connection closes). */
  doc?: string;
  /** The resolver's lookupMany (cache first, then the network; emits each answer as it comes). */
  lookupMany(papers: { id: PaperId; title?: string }[], onResult: (r: LookupResult) => void, opts: { signal: AbortSignal }): Promise<void>;
  /** The slim result a badge needs (toPaperResult). */
  toResult(r: LookupResult): PaperResult;
  /** To the page's port; may throw once the page is gone. */
  post(results: PaperResult[]): void;
  /** storage.session and the toolbar; not awaited. */
  writeTab(state: TabState): void;
  clock: Clock;
  tabWriteIntervalMs?: number;
  batchMs?: number;
}

export interface PageSession {
  page(msg: PageMessage): void;
  /** The rows to check now, in order (replaces the previous wish). */
  want(keys: readonly string[]): void;
  /** Every paper of the page, in page order ("Check all"). */
  wantAll(): void;
  snapshot(): TabState;
  /** The port closed: start nothing more (lookups in flight finish into the cache). */
  close(): void;
  /** Lookup rounds in flight (tests). */
  readonly running: number;
}

/** States a page's title cannot change: the answer to an early message is final for these. */
const TITLE_INDEPENDENT: ReadonlySet<string> = new Set(['not-found', 'error', 'invalid', 'pending']);

interface Paper {
  id: PaperId;
  title?: string;
  /** A paper a one-paper page only links to: not looked up with the page (the popup asks for the ones it lists), never the page's paper. */
  mentioned?: boolean;
}

export function createPageSession(deps: PageSessionDeps): PageSession {
  const { clock } = deps;
  const tabWriteInterval = deps.tabWriteIntervalMs ?? 400;
  const batchMs = deps.batchMs ?? 16;

  let url: string | undefined;
  let kind: string | undefined;
  let early = false;
  let order: string[] = [];
  const papers = new Map<string, Paper>();
  const results = new Map<string, PaperResult>();
  /** Keys the page asked for at least once (the rest show as not yet checked). */
  const asked = new Set<string>();
  /** The title each final answer was bound to: a key needs a lookup unless its final answer matches the page's current title. */
  const finalFor = new Map<string, string | undefined>();
  let round: AbortController | undefined;
  let running = 0;
  let closed = false;

  let outbox: PaperResult[] = [];
  let timer: unknown;
  let microtask = false;
  let lastTabWrite = -Infinity;
  let tabTimer: unknown;

  const withTitle = (key: string): PaperResult => {
    const p = papers.get(key)!;
    const r = results.get(key) ?? { key, id: p.id, state: 'pending' };
    const out: PaperResult = p.title !== undefined ? { ...r, title: p.title } : { ...r };
    if (p.mentioned) out.role = 'mentioned';
    else if (!asked.has(key) && r.state === 'pending') out.unchecked = true;
    return out;
  };
  const snapshot = (): TabState => {
    const s: TabState = { tabId: deps.tabId, papers: order.map(withTitle) };
    if (deps.doc !== undefined) s.doc = deps.doc;
    if (url !== undefined) s.url = url;
    if (kind !== undefined) s.kind = kind;
    return s;
  };

  const writeTab = () => {
    if (tabTimer !== undefined) clock.clearTimeout(tabTimer);
    tabTimer = undefined;
    lastTabWrite = clock.now();
    deps.writeTab(snapshot());
  };
  /** Soon, but not in this task: the page's answers do not wait for serialising every paper. */
  const writeTabSoon = () => {
    if (tabTimer === undefined) tabTimer = clock.setTimeout(writeTab, 0);
  };

  const flush = (final: boolean) => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    microtask = false;
    if (!closed && outbox.length) {
      try {
        deps.post(outbox);
      } catch {
        /* the page went away; its state is in the tab state for the popup */
      }
    }
    outbox = [];
    if (final || clock.now() - lastTabWrite >= tabWriteInterval) writeTab();
  };

  const needs = (key: string): boolean => {
    const p = papers.get(key);
    if (!p || p.mentioned) return false;
    return !(finalFor.has(key) && finalFor.get(key) === p.title);
  };

  /** Start a lookup round for `keys` (in order); the previous round starts nothing more. */
  const dispatch = (keys: readonly string[]) => {
    round?.abort();
    round = undefined;
    if (closed) return;
    const todo = keys.filter(needs);
    if (todo.length === 0) return;
    const ctl = new AbortController();
    round = ctl;
    // The title each key is looked up with: an answer bound to an older title is not this page's answer.
    const used = new Map<string, string | undefined>();
    const list: Paper[] = [];
    for (const key of todo) {
      const p = papers.get(key)!;
      asked.add(key);
      used.set(key, p.title);
      list.push(p.title !== undefined ? { id: p.id, title: p.title } : { id: p.id });
    }
    const wasEarly = early;
    let first = true;
    running++;
    const onResult = (r: LookupResult) => {
      const p = papers.get(r.key);
      if (!p || !used.has(r.key) || used.get(r.key) !== p.title) return;
      const summary = deps.toResult(r);
      if (wasEarly && p.title === undefined && !TITLE_INDEPENDENT.has(summary.state) && summary.signedTitle === undefined) return;
      if (finalFor.has(r.key) && finalFor.get(r.key) === p.title) return; // answered already (a key re-asked while in flight)
      if (summary.state !== 'pending') finalFor.set(r.key, p.title);
      results.set(r.key, summary);
      outbox.push(summary);
      if (microtask || timer !== undefined) return;
      if (first) {
        // Cache hits are emitted synchronously, one after another: a microtask sends them all.
        first = false;
        microtask = true;
        queueMicrotask(() => microtask && flush(false));
      } else timer = clock.setTimeout(() => flush(false), batchMs);
    };
    void deps
      .lookupMany(list, onResult, { signal: ctl.signal })
      .catch(() => undefined)
      .finally(() => {
        running--;
        if (running === 0) flush(true);
      });
  };

  let wish: string[] = [];
  let all = false;

  return {
    page(msg) {
      url = msg.url;
      kind = msg.kind;
      early = msg.early === true;
      const next: string[] = [];
      const seen = new Set<string>();
      for (const p of msg.papers) {
        const key = idKey(p.id);
        if (seen.has(key)) continue; // duplicates on a page share one entry
        seen.add(key);
        next.push(key);
        const paper: Paper = p.title !== undefined ? { id: p.id, title: p.title } : { id: p.id };
        if (p.role === 'mentioned') paper.mentioned = true;
        papers.set(key, paper);
      }
      for (const key of order) {
        if (seen.has(key)) continue;
        papers.delete(key);
        results.delete(key);
        finalFor.delete(key);
      }
      order = next;
      writeTabSoon();
      if (!msg.lazy) all = true;
      dispatch(all ? order : wish);
    },
    want(keys) {
      if (all) return;
      const next = keys.filter((k) => papers.has(k));
      // Rows the reader scrolled away from before their lookup started are not being checked: the
      // tab state says so again (one already in flight still lands when it finishes).
      const kept = new Set(next);
      for (const k of wish) if (!kept.has(k) && !finalFor.has(k)) asked.delete(k);
      wish = next;
      dispatch(wish);
    },
    wantAll() {
      all = true;
      dispatch(order);
    },
    snapshot,
    close() {
      closed = true;
      round?.abort();
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
    },
    get running() {
      return running;
    },
  };
}
