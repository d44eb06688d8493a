/** What the background finds out about papers: a paper's result (badges, tab state) and its full lookup (the popup). */
import * as z from 'zod/mini';
import { PaperIdSchema } from '../ids/types';
import { STATES } from '../states';

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
export const PaperRoleSchema = z.enum(['about', 'mentioned']);

/** What the background knows about one paper: enough for a badge or a card. */
export const PaperResultSchema = z.object({
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
  /** `mentioned` in the tab state for papers the page only links to (PagePaperSchema.role, page.ts). */
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
