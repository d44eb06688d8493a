/**
 * What the popup needs from the browser, passed in so the components run in
 * tests without one. Answers from the background are parsed by `ask`
 * (lib/messages/asks.ts); a failure becomes an `error` result, never an
 * exception.
 */
import { idKey, type PaperId } from '../../lib/ids/key';
import { ask, type AskFailure, type AskOf, type LookupResult, type Send, type TabState } from '../../lib/messages';
import { popup as P } from '../../lib/strings';
import type { RecentLookup } from '../../lib/popup/recent';

export interface PopupApi {
  send: Send;
  /** The tab the popup is about: `?tab=ID` when opened as a page, else the active tab. */
  tabId(): Promise<number | undefined>;
  /** The address of the document now in that tab, when the popup can read it: a stored state for another document is not shown. */
  tabUrl?(): Promise<string | undefined>;
  /** `?key=arxiv:ID` when an inline badge's card opened this view for one paper of a listing. */
  initialKey?: string;
  getRecent(): Promise<unknown>;
  setRecent(list: RecentLookup[]): Promise<void>;
  openOptions(): void;
  copy?(text: string): Promise<void>;
  now(): number;
  /** `?q=` when "Look up in Pith Lens" (context menu) opened this view: a link or selected text. */
  initialQuery?: string;
  hasOrigins?(origins: string[]): Promise<boolean>;
  /** Must be called synchronously from a click handler. */
  requestOrigins?(origins: string[]): Promise<boolean>;
}

/** What the popup says when the background could not give an answer it can use. */
const failureReason = (failed: AskFailure['failed']) => (failed === 'unreachable' ? P.backgroundDown : P.badAnswer);

type TabAnswer = { ok: true; tab: TabState; result?: LookupResult } | { ok: false; reason: string };

/**
 * The tab's papers. With `withResult`, the background adds the lookup of the
 * paper the popup opens on (`key`, else the first) when it has one cached;
 * a result that fails validation is dropped, and the popup asks for it again.
 */
async function fetchTabState(api: PopupApi, tabId: number, opts: { withResult?: boolean; key?: string; url?: string } = {}): Promise<TabAnswer> {
  const message: AskOf<'tab-state'> = { type: 'tab-state', tabId };
  if (opts.withResult) message.withResult = true;
  if (opts.key !== undefined) message.key = opts.key;
  if (opts.url !== undefined) message.url = opts.url;
  const reply = await ask(api.send, message);
  // Nothing answered: no state yet for this tab (nothing detected, or the page is not one we read).
  if ('failed' in reply) return reply.failed === 'silent' ? { ok: true, tab: { tabId, papers: [] } } : { ok: false, reason: failureReason(reply.failed) };
  const { result, ...tab } = reply;
  return opts.withResult && result ? { ok: true, tab, result } : { ok: true, tab };
}

/** What the popup's first view needs: the tab, its papers and, when the background had it, the result to show. */
export interface FirstLoad {
  tab: TabState;
  problem?: string;
  result?: LookupResult;
}

/**
 * The popup's first load, in one round trip when the tab's paper is cached.
 * main.tsx starts it before the first render, so the message is in flight
 * while Preact mounts.
 */
export async function loadFirst(api: PopupApi): Promise<FirstLoad> {
  const [tabId, url] = await Promise.all([api.tabId().catch(() => undefined), api.tabUrl?.().catch(() => undefined)]);
  if (tabId === undefined) return { tab: { tabId: -1, papers: [] } };
  const opts: { withResult: boolean; key?: string; url?: string } = { withResult: true };
  if (api.initialKey) opts.key = api.initialKey;
  if (url !== undefined) opts.url = url;
  const answer = await fetchTabState(api, tabId, opts);
  if (!answer.ok) return { tab: { tabId, papers: [] }, problem: answer.reason };
  if (answer.tab.papers.length > 0) return answer.result ? { tab: answer.tab, result: answer.result } : { tab: answer.tab };
  return { tab: (await detectInTab(api, tabId, url)) ?? answer.tab };
}

export async function fetchLookup(api: PopupApi, id: PaperId, opts: { title?: string; force?: boolean } = {}): Promise<LookupResult> {
  const failed = (reason: string): LookupResult => ({ key: idKey(id), id, state: 'error', reason });
  const message: AskOf<'lookup'> = { type: 'lookup', id };
  if (opts.title !== undefined && opts.title !== '') message.title = opts.title;
  if (opts.force) message.force = true;
  const reply = await ask(api.send, message);
  return 'failed' in reply ? failed(failureReason(reply.failed)) : reply;
}

/**
 * For a tab with no papers yet (a page no content script covers): asks the
 * background to detect in it (activeTab, granted by opening the popup), then
 * polls the tab state briefly. Undefined when nothing turns up.
 */
async function detectInTab(api: PopupApi, tabId: number, url?: string, polls = 10, intervalMs = 150): Promise<TabState | undefined> {
  const reply = await ask(api.send, { type: 'detect', tabId });
  if ('failed' in reply || !reply.ok) return undefined;
  for (let i = 0; i < polls; i++) {
    await new Promise((ok) => setTimeout(ok, intervalMs));
    const state = await fetchTabState(api, tabId, url !== undefined ? { url } : {});
    if (state.ok && state.tab.papers.length > 0) return state.tab;
  }
  return undefined;
}

/** "Check all papers on this page": the tab's live page checks every row, not only those near the viewport. */
export async function checkEveryPaper(api: PopupApi, tabId: number): Promise<void> {
  await ask(api.send, { type: 'check-all', tabId });
}
