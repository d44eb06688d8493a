/**
 * Asks: what the popup, the options page and an inline badge's card ask the
 * background (runtime.sendMessage), each with the schema of its reply beside
 * it. The background parses every ask; `ask` parses every reply, and turns a
 * missing, failed or unreadable one into an AskFailure, never an exception.
 */
import * as z from 'zod/mini';
import { PaperIdSchema } from '../ids/types';
import { LookupResultSchema, TabStateSchema } from './results';

export const AskSchema = z.discriminatedUnion('type', [
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
export type Ask = z.infer<typeof AskSchema>;
export type AskType = Ask['type'];
export type AskOf<T extends AskType> = Extract<Ask, { type: T }>;

const OkSchema = z.object({ ok: z.boolean() });

/** The reply to each ask when the background could do it. */
const REPLIES = {
  /** The tab's state; with `withResult`, its paper's lookup too (a result that does not parse is dropped: the popup asks for it again). */
  'tab-state': z.extend(TabStateSchema, { result: z.catch(z.optional(LookupResultSchema), undefined) }),
  /** `ok`: the detector runs in the tab, or a live page has reported already; else `detail` says why it cannot. */
  detect: z.object({ ok: z.boolean(), detail: z.optional(z.string()) }),
  lookup: LookupResultSchema,
  /** `ok`: the report tab was opened (not when the sender is in no tab). */
  'open-report': OkSchema,
  /** `ok`: the tab has a live page that now checks every paper. */
  'check-all': OkSchema,
  'clear-cache': z.object({ ok: z.literal(true) }),
  /** The cache's size (the background sends more fields; these are what the options page shows). */
  'cache-stats': z.object({
    entries: z.int().check(z.nonnegative()),
    bytes: z.optional(z.number().check(z.nonnegative())),
    unsaved: z.optional(z.int().check(z.nonnegative())),
    lastWriteError: z.optional(z.string()),
  }),
  'test-connection': z.object({ ok: z.boolean(), detail: z.string().check(z.maxLength(2000)) }),
} satisfies Record<AskType, z.ZodMiniType>;
export type Reply<T extends AskType> = z.infer<(typeof REPLIES)[T]>;

/** Any ask failed: the background's handler threw (its message). */
const ErrorReplySchema = z.object({ error: z.string() });
/** The sender may not ask this (a content script asks for anything but `open-report`). */
const RefusedReplySchema = z.object({ refused: z.literal(true), error: z.string() });
export type ErrorReply = z.infer<typeof ErrorReplySchema>;
export type RefusedReply = z.infer<typeof RefusedReplySchema>;

/** How an ask failed, as `ask` reports it. */
export type AskFailure =
  /** Sending threw: no background answered (it failed to start, the extension was reloaded). */
  | { failed: 'unreachable' }
  /** The answer was nothing at all (no listener took the ask). */
  | { failed: 'silent' }
  /** The answer was neither the reply nor a failure reply. */
  | { failed: 'unreadable' }
  /** The background answered ErrorReply or RefusedReply. */
  | { failed: 'error' | 'refused'; error: string };

/** runtime.sendMessage, or a test's fake. */
export type Send = (message: Ask) => Promise<unknown>;

/** Asks the background and parses its answer: the reply, or how the ask failed. Never throws. */
export async function ask<A extends Ask>(send: Send, message: A): Promise<Reply<A['type']> | AskFailure> {
  let raw: unknown;
  try {
    raw = await send(message);
  } catch {
    return { failed: 'unreachable' };
  }
  if (raw === undefined || raw === null) return { failed: 'silent' };
  const schema: z.ZodMiniType = REPLIES[message.type];
  const reply = schema.safeParse(raw);
  if (reply.success) return reply.data as Reply<A['type']>;
  const refused = RefusedReplySchema.safeParse(raw);
  if (refused.success) return { failed: 'refused', error: refused.data.error };
  const error = ErrorReplySchema.safeParse(raw);
  return error.success ? { failed: 'error', error: error.data.error } : { failed: 'unreadable' };
}
