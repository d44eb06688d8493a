import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { idKey, type PaperId } from '../../lib/ids/key';
import { describeId } from '../../lib/ids/util';
import { detectFromText } from '../../lib/ids/index';
import type { LookupResult, PaperResult, TabState } from '../../lib/messages';
import { popup as P } from '../../lib/strings';
import { addRecent, parseRecent, type RecentLookup } from '../../lib/popup/recent';
import { resultLabel } from '../../lib/popup/screens';
import { checkEveryPaper, fetchLookup, loadFirst, type FirstLoad, type PopupApi } from './api';
import { AlsoOnPage } from './AlsoOnPage';
import { LookupBox } from './LookupBox';
import { SiteConsent } from './SiteConsent';
import { PaperPicker } from './PaperPicker';
import { RecentLookups } from './RecentLookups';
import { LoadingScreen, ResultScreen } from './StateScreens';

type TabLoad = { status: 'loading' } | { status: 'ready'; tab: TabState; problem?: string };

/** Polls a lookup the background still has in flight, this often, this many times. */
const PENDING_POLL_MS = 600;
const PENDING_POLLS = 20;

/** The page's own papers (a mentioned paper, a reference of a one-paper page, is never one). */
const ownPapers = (tab: TabState): PaperResult[] => tab.papers.filter((p) => p.role !== 'mentioned');

/**
 * The popup: the active tab's papers (a picker on listings), the result for
 * the chosen one, and a lookup box whose results show in the same place.
 * `first`: the first load, when the caller started it before rendering.
 */
export function Popup({ api, first }: { api: PopupApi; first?: Promise<FirstLoad> }) {
  const [tab, setTab] = useState<TabLoad>({ status: 'loading' });
  const [picked, setPicked] = useState(0);
  const [typed, setTyped] = useState<PaperId | undefined>();
  const [results, setResults] = useState<Record<string, LookupResult | 'loading'>>({});
  const [recent, setRecent] = useState<RecentLookup[]>([]);
  // "Look up in Pith Lens" (context menu): the link or text it was opened with, when it held no id.
  const [queryNote, setQueryNote] = useState<string | undefined>();
  const [tabUrl, setTabUrl] = useState<string | undefined>();
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
  }, [api]);

  // A layout effect runs right after the first render: the first load's answer
  // is used as soon as it arrives, not after the next frame as with useEffect.
  useLayoutEffect(() => {
    void (async () => {
      const { tab, problem, result } = await (first ?? loadFirst(api));
      if (!alive.current) return;
      for (const p of tab.papers) if (p.title !== undefined) titles.current.set(p.key, p.title);
      setTab(problem === undefined ? { status: 'ready', tab } : { status: 'ready', tab, problem });
      if (tab.tabId >= 0) void api.tabUrl?.().then(setTabUrl, () => undefined);
      if (api.initialQuery !== undefined) {
        const asked = detectFromText(api.initialQuery)[0];
        if (asked) {
          setTyped(asked);
          void lookup(asked);
          return;
        }
        setQueryNote(api.initialQuery);
      }
      const own = ownPapers(tab);
      const wanted = api.initialKey ? own.findIndex((p) => p.key === api.initialKey) : -1;
      if (wanted > 0) setPicked(wanted);
      const paper = own[Math.max(wanted, 0)];
      if (!paper) return;
      const key = idKey(paper.id);
      // The background sent this paper's result along with the tab: no second round trip.
      if (result && result.key === key && result.state !== 'pending') setResults((r) => ({ ...r, [key]: result }));
      else void lookup(paper.id);
    })();
  }, [api, first, lookup]);

  const pick = (i: number) => {
    setPicked(i);
    const p = tab.status === 'ready' ? ownPapers(tab.tab)[i] : undefined;
    if (p && !results[idKey(p.id)]) void lookup(p.id);
  };

  // "Check all papers on this page": the background checks every row of the tab's listing; the rows show as checking meanwhile.
  const checkAll = () => {
    if (tab.status !== 'ready') return;
    const t = tab.tab;
    void checkEveryPaper(api, t.tabId);
    setTab({ ...tab, tab: { ...t, papers: t.papers.map((p) => (p.unchecked ? { ...p, unchecked: false } : p)) } });
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

  const papers = ownPapers(tab.tab);
  const mentions = tab.tab.papers.filter((p) => p.role === 'mentioned');
  const tabPaper = papers[Math.min(picked, papers.length - 1)];
  const current = typed ?? tabPaper?.id;
  const res = current ? results[idKey(current)] : undefined;
  const onPage = papers.length > 0;
  const showMention = (id: PaperId) => {
    setTyped(id);
    if (!results[idKey(id)]) void lookup(id);
  };

  return (
    <Shell api={api}>
      {tabUrl && api.hasOrigins && api.requestOrigins && <SiteConsent url={tabUrl} hasOrigins={api.hasOrigins} requestOrigins={api.requestOrigins} />}
      {queryNote !== undefined && (
        <p class="note query-note" role="alert" data-query-note>
          {queryNote.trim() === ''
            ? 'Nothing to look up: the link or selection was empty.'
            : `No arXiv id, DOI or Pith Number in “${queryNote.length > 200 ? `${queryNote.slice(0, 199)}…` : queryNote}”. Type one below.`}
        </p>
      )}
      {typed && onPage && (
        <p class="back">
          <button type="button" class="btn btn-link" onClick={() => setTyped(undefined)}>
            ← {P.backToPage}
          </button>
        </p>
      )}
      {!typed && papers.length > 1 && <PaperPicker papers={papers} selected={picked} onSelect={pick} onCheckAll={checkAll} />}
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
      {!typed && mentions.length > 0 && <AlsoOnPage papers={mentions} results={results} lookup={(id) => void lookup(id)} onOpen={showMention} />}
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
