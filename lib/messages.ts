import * as z from 'zod/mini';
import { PaperIdSchema } from './ids/types';
import { STATES } from './states';

/**
 * Messages between content scripts, popup, options and the background, each
 * validated with zod on receipt: a page or a stale extension page can send
 * anything, and the background trusts nothing it did not parse.
 *
 * zod/mini: these schemas are built when the popup loads and parse its first
 * answer; mini's schemas are cheaper to build and to run (no per-instance
 * methods, no eval probe, which an extension page's CSP refuses anyway).
 */
const StateSchema = z.enum(STATES);

const CheckSchema = z.object({
  name: z.string(),
  outcome: z.enum(['pass', 'fail', 'skip']),
  detail: z.string(),
  expected: z.optional(z.string()),
  computed: z.optional(z.string()),
});
export const ReportSchema = z.object({
  state: StateSchema,
  checks: z.array(CheckSchema),
  pithNumber: z.optional(z.string()),
  canonicalSha256: z.optional(z.string()),
  keyId: z.optional(z.string()),
  keyPinned: z.optional(z.boolean()),
  fingerprint: z.optional(z.string()),
  versionNote: z.optional(z.string()),
});

/**
 * How a paper stands to its page (lib/sites/types.ts): absent or `about`, a
 * paper of the page (its one paper, or a row of a list); `mentioned`, a paper
 * a one-paper page links to (a reference). Mentioned papers are not looked up
 * with the page and never set the toolbar badge; the popup lists them under
 * "Also on this page" and looks up the ones it shows.
 */
const PaperRoleSchema = z.enum(['about', 'mentioned']);

/** One paper on a page, as the content script found it. */
const PagePaperSchema = z.object({
  id: PaperIdSchema,
  role: z.optional(PaperRoleSchema),
  /** The page's own title for this paper (citation_title or the row's title), for the binding check. */
  title: z.optional(z.string().check(z.maxLength(2000))),
});

/** What the background knows about one paper: enough for a badge or a card. */
const PaperResultSchema = z.object({
  key: z.string(),
  id: PaperIdSchema,
  state: StateSchema,
  pithNumber: z.optional(z.string()),
  headline: z.optional(z.string()),
  summary: z.optional(z.string()),
  versionNote: z.optional(z.string()),
  /** The error or not-found reason, in words. */
  reason: z.optional(z.string()),
  stale: z.optional(z.boolean()),
  fetchedAt: z.optional(z.number()),
  /** The page's own title for this paper, as the content script sent it (kept in the tab state for the popup's binding). */
  title: z.optional(z.string().check(z.maxLength(2000))),
  /** `mentioned` in the tab state for papers the page only links to (PagePaperSchema.role). */
  role: z.optional(PaperRoleSchema),
  /**
   * The record's served `paper.title`, present only when its canonical form
   * hashes to the signed `canonical_record.metadata.title_canon_sha256`: a
   * content script compares it with the page's title in canonical form
   * (canonText) without hashing, and so draws the final badge at once.
   */
  signedTitle: z.optional(z.string()),
  /** Tab state only: a listing row the page has not asked to check yet (rows are checked as the reader nears them). */
  unchecked: z.optional(z.boolean()),
});
export type PaperResult = z.infer<typeof PaperResultSchema>;

/** Content script → background, once per page (a port named `page`). */
export const PageMessageSchema = z.object({
  type: z.literal('page'),
  url: z.string().check(z.maxLength(4096)),
  kind: z.enum(['abstract', 'listing', 'search', 'html', 'pdf', 'publisher', 'other']),
  papers: z.array(PagePaperSchema).check(z.maxLength(5000)),
  /**
   * Listings: look up only what a `want` message asks for (the rows near the
   * viewport); without it, every paper in page order.
   */
  lazy: z.optional(z.boolean()),
  /**
   * Sent at document_start from the URL alone (no title yet): answer only
   * what does not depend on the title, or carries `signedTitle` for the page
   * to compare; the page's full message follows at DOMContentLoaded.
   */
  early: z.optional(z.boolean()),
});
export type PageMessage = z.infer<typeof PageMessageSchema>;

/**
 * Content script → background on the same port, after a lazy `page` message:
 * the rows to check now, in the order to check them (replaces the previous
 * wish: rows that left the reader's view and were not started are dropped).
 */
export const WantMessageSchema = z.object({
  type: z.literal('want'),
  keys: z.array(z.string().check(z.maxLength(600))).check(z.maxLength(5000)),
});
export type WantMessage = z.infer<typeof WantMessageSchema>;

/** Background → content script over the port: answers stream back as they arrive. */
export const ResultMessageSchema = z.object({ type: z.literal('results'), results: z.array(PaperResultSchema) });

/** Popup/options → background (runtime.sendMessage). */
export const RequestSchema = z.discriminatedUnion('type', [
  /**
   * `withResult`: the answer also carries `result`, the LookupResult of the
   * paper the popup opens on (`key`, else the first) once the page has it, so
   * the popup's view needs one round trip, not two.
   */
  /**
   * `url`: the document the popup sees in the tab (readable under activeTab,
   * or the page that opened a report tab); a stored state for another
   * document is not answered.
   */
  z.object({
    type: z.literal('tab-state'),
    tabId: z.int(),
    withResult: z.optional(z.boolean()),
    key: z.optional(z.string().check(z.maxLength(600))),
    url: z.optional(z.string().check(z.maxLength(4096))),
  }),
  /** Detect on demand in a tab no content script covers (activeTab + scripting, granted by opening the popup). */
  z.object({ type: z.literal('detect'), tabId: z.int() }),
  z.object({ type: z.literal('lookup'), id: PaperIdSchema, title: z.optional(z.string()), force: z.optional(z.boolean()) }),
  /** From an inline badge's card: open the full view for one paper of the sender's tab. */
  z.object({ type: z.literal('open-report'), key: z.string().check(z.maxLength(600)) }),
  z.object({ type: z.literal('clear-cache') }),
  /** The popup's "Check all papers on this page": every row of the tab's listing, not only those near the viewport. */
  z.object({ type: z.literal('check-all'), tabId: z.int() }),
  z.object({ type: z.literal('cache-stats') }),
  z.object({ type: z.literal('test-connection'), baseUrl: z.url() }),
]);
export type Request = z.infer<typeof RequestSchema>;

/** The full answer for one paper, for the popup: the report and the record as served. */
export const LookupResultSchema = z.extend(PaperResultSchema, {
  report: z.optional(ReportSchema),
  /** The record as served (parsed JSON). Rendered as text only. */
  record: z.optional(z.unknown()),
  /** The record's text exactly as served (what "Copy record JSON" copies, so the copy verifies). */
  recordText: z.optional(z.string()),
  /** Which resolver host answered. */
  host: z.optional(z.string()),
});
export type LookupResult = z.infer<typeof LookupResultSchema>;

export const TabStateSchema = z.object({
  tabId: z.number(),
  url: z.optional(z.string()),
  /** The page connection that wrote this state: it is cleared when that connection closes. */
  doc: z.optional(z.string()),
  kind: z.optional(z.string()),
  papers: z.array(PaperResultSchema),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** The slim part of a lookup that a badge needs (no record, no report). */
export function toPaperResult(r: LookupResult): PaperResult {
  const { key, id, state, pithNumber, headline, summary, versionNote, reason, stale, fetchedAt, signedTitle } = r;
  const out: PaperResult = { key, id, state };
  Object.assign(out, dropUndefined({ pithNumber, headline, summary, versionNote, reason, stale, fetchedAt, signedTitle }));
  return out;
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
