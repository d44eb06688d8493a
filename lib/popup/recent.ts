/** Recent lookups, kept in browser.storage.local `recentLookups`: parsed defensively, newest first, unique by id. */
import * as z from 'zod/mini';
import { idKey } from '../ids/key';
import { PaperIdSchema } from '../ids/types';

export const RECENT_KEY = 'recentLookups';
export const MAX_RECENT = 10;

const RecentLookupSchema = z.object({
  id: PaperIdSchema,
  label: z.string().check(z.maxLength(300)),
  at: z.number(),
});
export type RecentLookup = z.infer<typeof RecentLookupSchema>;

/** Whatever storage held: the valid entries, newest first, at most MAX_RECENT. */
export function parseRecent(raw: unknown): RecentLookup[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .flatMap((x) => {
      const r = RecentLookupSchema.safeParse(x);
      return r.success ? [r.data] : [];
    })
    .slice(0, MAX_RECENT);
}

/** Adds (or moves to the front) one lookup; keeps the list unique by id and short. */
export function addRecent(list: readonly RecentLookup[], entry: RecentLookup): RecentLookup[] {
  const key = idKey(entry.id);
  const label = entry.label.length > 300 ? `${entry.label.slice(0, 299)}…` : entry.label;
  return [{ ...entry, label }, ...list.filter((r) => idKey(r.id) !== key)].slice(0, MAX_RECENT);
}
