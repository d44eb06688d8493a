import { z } from 'zod';
import { PaperIdSchema } from './ids/types';
import { STATES } from './states';

/**
 * Messages between content scripts, popup, options and the background, each
 * validated with zod on receipt: a page or a stale extension page can send
 * anything, and the background trusts nothing it did not parse.
 */
export const StateSchema = z.enum(STATES);

const CheckSchema = z.object({
  name: z.string(),
  outcome: z.enum(['pass', 'fail', 'skip']),
  detail: z.string(),
  expected: z.string().optional(),
  computed: z.string().optional(),
});
export const ReportSchema = z.object({
  state: StateSchema,
  checks: z.array(CheckSchema),
  pithNumber: z.string().optional(),
  canonicalSha256: z.string().optional(),
  keyId: z.string().optional(),
  keyPinned: z.boolean().optional(),
  fingerprint: z.string().optional(),
  versionNote: z.string().optional(),
});

/** One paper on a page, as the content script found it. */
export const PagePaperSchema = z.object({
  id: PaperIdSchema,
  /** The page's own title for this paper (citation_title or the row's title), for the binding check. */
  title: z.string().max(2000).optional(),
});
export type PagePaper = z.infer<typeof PagePaperSchema>;

/** What the background knows about one paper: enough for a badge or a card. */
export const PaperResultSchema = z.object({
  key: z.string(),
  id: PaperIdSchema,
  state: StateSchema,
  pithNumber: z.string().optional(),
  headline: z.string().optional(),
  summary: z.string().optional(),
  versionNote: z.string().optional(),
  /** The error or not-found reason, in words. */
  reason: z.string().optional(),
  stale: z.boolean().optional(),
  fetchedAt: z.number().optional(),
  /** The page's own title for this paper, as the content script sent it (kept in the tab state for the popup's binding). */
  title: z.string().max(2000).optional(),
});
export type PaperResult = z.infer<typeof PaperResultSchema>;

/** Content script → background, once per page (a port named `page`). */
export const PageMessageSchema = z.object({
  type: z.literal('page'),
  url: z.string().max(4096),
  kind: z.enum(['abstract', 'listing', 'search', 'html', 'pdf', 'publisher', 'other']),
  papers: z.array(PagePaperSchema).max(5000),
});
export type PageMessage = z.infer<typeof PageMessageSchema>;

/** Background → content script over the port: answers stream back as they arrive. */
export const ResultMessageSchema = z.object({ type: z.literal('results'), results: z.array(PaperResultSchema) });
export type ResultMessage = z.infer<typeof ResultMessageSchema>;

/** Popup/options → background (runtime.sendMessage). */
export const RequestSchema = z.discriminatedUnion('type', [
  /**
   * `withResult`: the answer also carries `result`, the LookupResult of the
   * paper the popup opens on (`key`, else the first) once the page has it, so
   * the popup's view needs one round trip, not two.
   */
  z.object({ type: z.literal('tab-state'), tabId: z.number().int(), withResult: z.boolean().optional(), key: z.string().max(600).optional() }),
  /** Detect on demand in a tab no content script covers (activeTab + scripting, granted by opening the popup). */
  z.object({ type: z.literal('detect'), tabId: z.number().int() }),
  z.object({ type: z.literal('lookup'), id: PaperIdSchema, title: z.string().optional(), force: z.boolean().optional() }),
  /** From an inline badge's card: open the full view for one paper of the sender's tab. */
  z.object({ type: z.literal('open-report'), key: z.string().max(600) }),
  z.object({ type: z.literal('clear-cache') }),
  z.object({ type: z.literal('cache-stats') }),
  z.object({ type: z.literal('test-connection'), baseUrl: z.string().url() }),
]);
export type Request = z.infer<typeof RequestSchema>;

/** The full answer for one paper, for the popup: the report and the record as served. */
export const LookupResultSchema = PaperResultSchema.extend({
  report: ReportSchema.optional(),
  /** The record as served (parsed JSON). Rendered as text only. */
  record: z.unknown().optional(),
  /** Which resolver host answered. */
  host: z.string().optional(),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const TabStateSchema = z.object({
  tabId: z.number(),
  url: z.string().optional(),
  kind: z.string().optional(),
  papers: z.array(PaperResultSchema),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** The slim part of a lookup that a badge needs (no record, no report). */
export function toPaperResult(r: LookupResult): PaperResult {
  const { key, id, state, pithNumber, headline, summary, versionNote, reason, stale, fetchedAt } = r;
  const out: PaperResult = { key, id, state };
  Object.assign(out, dropUndefined({ pithNumber, headline, summary, versionNote, reason, stale, fetchedAt }));
  return out;
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
