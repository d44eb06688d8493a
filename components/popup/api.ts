/**
 * What the popup needs from the browser, passed in so the components run in
 * tests without one. Answers from the background are validated with zod; a
 * failure becomes an `error` result, never an exception.
 */
import { idKey, type PaperId } from '../../lib/ids/types';
import { LookupResultSchema, TabStateSchema, type LookupResult, type Request, type TabState } from '../../lib/messages';
import { popup as P } from '../../lib/strings';
import type { RecentLookup } from '../../lib/view-model';

export interface PopupApi {
  send(message: Request): Promise<unknown>;
  /** The tab the popup is about: `?tab=ID` when opened as a page, else the active tab. */
  tabId(): Promise<number | undefined>;
  getRecent(): Promise<unknown>;
  setRecent(list: RecentLookup[]): Promise<void>;
  openOptions(): void;
  copy?(text: string): Promise<void>;
  now(): number;
}

export type TabAnswer = { ok: true; tab: TabState } | { ok: false; reason: string };

export async function fetchTabState(api: PopupApi, tabId: number): Promise<TabAnswer> {
  let raw: unknown;
  try {
    raw = await api.send({ type: 'tab-state', tabId });
  } catch {
    return { ok: false, reason: P.backgroundDown };
  }
  // No state yet for this tab (nothing detected, or the page is not one we read).
  if (raw === undefined || raw === null) return { ok: true, tab: { tabId, papers: [] } };
  const parsed = TabStateSchema.safeParse(raw);
  return parsed.success ? { ok: true, tab: parsed.data } : { ok: false, reason: P.badAnswer };
}

export async function fetchLookup(api: PopupApi, id: PaperId, opts: { title?: string; force?: boolean } = {}): Promise<LookupResult> {
  const failed = (reason: string): LookupResult => ({ key: idKey(id), id, state: 'error', reason });
  const message: Request = { type: 'lookup', id };
  if (opts.title !== undefined) message.title = opts.title;
  if (opts.force) message.force = true;
  let raw: unknown;
  try {
    raw = await api.send(message);
  } catch {
    return failed(P.backgroundDown);
  }
  const parsed = LookupResultSchema.safeParse(raw);
  return parsed.success ? parsed.data : failed(P.badAnswer);
}
