/** A page's port (`page`): what its content script says, and the answers streamed back. */
import * as z from 'zod/mini';
import { PaperIdSchema } from '../ids/types';
import { PaperResultSchema, PaperRoleSchema } from './results';

/** One paper on a page, as the content script found it. */
const PagePaperSchema = z.object({
  id: PaperIdSchema,
  role: z.optional(PaperRoleSchema),
  /** The page's own title for this paper (citation_title or the row's title), for the binding check. */
  title: z.optional(z.string().check(z.maxLength(2000))),
});

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
