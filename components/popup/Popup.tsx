import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { idKey, type PaperId } from '../../lib/ids/types';
import { describeId } from '../../lib/ids/util';
import type { LookupResult, TabState } from '../../lib/messages';
import { popup as P } from '../../lib/strings';
import { addRecent, parseRecent, resultLabel, type RecentLookup } from '../../lib/view-model';
import { detectInTab, fetchLookup, fetchTabState, type PopupApi } from './api';
import { LookupBox } from './LookupBox';
import { PaperPicker } from './PaperPicker';
import { RecentLookups } from './RecentLookups';
import { LoadingScreen, ResultScreen } from './StateScreens';

type TabLoad = { status: 'loading' } | { status: 'ready'; tab: TabState; problem?: string };

/** Polls a lookup the background still has in flight, this often, this many times. */
const PENDING_POLL_MS = 600;
const PENDING_POLLS = 20;

/**
 * The popup: the active tab's papers (a picker on listings), the result for
 * the chosen one, and a lookup box whose results show in the same place.
 */
export function Popup({ api }: { api: PopupApi }) {
  const [tab, setTab] = useState<TabLoad>({ status: 'loading' });
  const [picked, setPicked] = useState(0);
  const [typed, setTyped] = useState<PaperId | undefined>();
  const [results, setResults] = useState<Record<string, LookupResult | 'loading'>>({});
  const [recent, setRecent] = useState<RecentLookup[]>([]);
  // The latest list, for lookups that finish after another one updated it.
  const recentRef = useRef<RecentLookup[]>([]);
  // The page's own title for each of the tab's papers, so lookups bind to the page as the badge did.
  const titles = useRef(new Map<string, string>());
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);

  const lookup = useCallback(
    async (id: PaperId, force = false): Promise<LookupResult | undefined> => {
      const key = idKey(id);
      setResults((r) => ({ ...r, [key]: 'loading' }));
      const title = titles.current.get(key);
      let res = await fetchLookup(api, id, { force, title });
      for (let i = 0; res.state === 'pending' && i < PENDING_POLLS && alive.current; i++) {
        await new Promise((ok) => setTimeout(ok, PENDING_POLL_MS));
        res = await fetchLookup(api, id, { title });
      }
      if (!alive.current) return undefined;
      setResults((r) => ({ ...r, [key]: res }));
      return res;
    },
    [api],
  );

  useEffect(() => {
    void (async () => {
      const stored = parseRecent(await api.getRecent().catch(() => undefined));
      recentRef.current = stored;
      setRecent(stored);
    })();
    void (async () => {
      const tabId = await api.tabId().catch(() => undefined);
      if (tabId === undefined) {
        setTab({ status: 'ready', tab: { tabId: -1, papers: [] } });
        return;
      }
      const answer = await fetchTabState(api, tabId);
      if (!alive.current) return;
      if (!answer.ok) {
        setTab({ status: 'ready', tab: { tabId, papers: [] }, problem: answer.reason });
        return;
      }
      const tab = answer.tab.papers.length > 0 ? answer.tab : ((await detectInTab(api, tabId)) ?? answer.tab);
      if (!alive.current) return;
      for (const p of tab.papers) if (p.title !== undefined) titles.current.set(p.key, p.title);
      setTab({ status: 'ready', tab });
      const wanted = api.initialKey ? tab.papers.findIndex((p) => p.key === api.initialKey) : -1;
      if (wanted > 0) setPicked(wanted);
      const first = tab.papers[Math.max(wanted, 0)];
      if (first) void lookup(first.id);
    })();
  }, [api, lookup]);

  const pick = (i: number) => {
    setPicked(i);
    const p = tab.status === 'ready' ? tab.tab.papers[i] : undefined;
    if (p && !results[idKey(p.id)]) void lookup(p.id);
  };

  const onTyped = async (id: PaperId) => {
    setTyped(id);
    const res = await lookup(id);
    if (!res) return;
    const next = addRecent(recentRef.current, { id, label: resultLabel(res), at: api.now() });
    recentRef.current = next;
    setRecent(next);
    await api.setRecent(next).catch(() => undefined);
  };

  if (tab.status === 'loading') {
    return (
      <Shell api={api}>
        <LoadingScreen />
      </Shell>
    );
  }

  const papers = tab.tab.papers;
  const tabPaper = papers[Math.min(picked, papers.length - 1)];
  const current = typed ?? tabPaper?.id;
  const res = current ? results[idKey(current)] : undefined;
  const onPage = papers.length > 0;

  return (
    <Shell api={api}>
      {typed && onPage && (
        <p class="back">
          <button type="button" class="btn btn-link" onClick={() => setTyped(undefined)}>
            ← {P.backToPage}
          </button>
        </p>
      )}
      {!typed && papers.length > 1 && <PaperPicker papers={papers} selected={picked} onSelect={pick} />}
      {!current && (
        <section class="screen nonpaper" data-screen="non-paper" aria-labelledby="nonpaper-heading">
          <h2 id="nonpaper-heading">{P.nonPaperHeading}</h2>
          <p>{P.nonPaperText}</p>
          {tab.problem && <p class="note">{tab.problem}</p>}
          <LookupBox onLookup={onTyped} autoFocus />
          <RecentLookups items={recent} onPick={onTyped} />
        </section>
      )}
      {current && (
        <div class="result" aria-label={typed ? P.lookupResultFor(describeId(typed)) : undefined} role={typed ? 'region' : undefined}>
          {res === undefined || res === 'loading' ? (
            <LoadingScreen />
          ) : (
            <ResultScreen result={res} onReverify={() => void lookup(current, true)} copy={api.copy} now={api.now()} />
          )}
        </div>
      )}
      {current && (
        <div class="footer">
          <LookupBox onLookup={onTyped} />
          {res !== 'loading' && res?.state === 'not-found' && <RecentLookups items={recent} onPick={onTyped} />}
        </div>
      )}
    </Shell>
  );
}

function Shell({ api, children }: { api: PopupApi; children: ComponentChildren }) {
  return (
    <div class="popup">
      <header class="top">
        <h1>{P.title}</h1>
        <button type="button" class="btn btn-link" onClick={() => api.openOptions()}>
          {P.optionsLink}
        </button>
      </header>
      <main>{children}</main>
    </div>
  );
}
