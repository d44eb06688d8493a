import type { PaperResult } from '../messages';
import { readResultMessage } from './validate';

/**
 * A `ResultMessage` from the port, validated (the rules of ResultMessageSchema,
 * without zod in the content script); null for anything else.
 */
export function parseResultMessage(raw: unknown): PaperResult[] | null {
  return readResultMessage(raw);
}

export interface ResultStore {
  /** Record answers; returns the keys whose answer changed (in the order given). */
  apply(results: readonly PaperResult[]): string[];
  get(key: string): PaperResult | undefined;
  /** True when every key has an answer that is not `pending`. */
  allFinal(keys: Iterable<string>): boolean;
}

/**
 * The latest answer per paper. A `pending` never replaces a final answer: after
 * a reconnect the background starts again with `pending` for everything, and a
 * badge that already says Verified should not flicker back to Checking.
 */
export function createResultStore(): ResultStore {
  const latest = new Map<string, PaperResult>();
  return {
    apply(results) {
      const changed: string[] = [];
      for (const r of results) {
        const prev = latest.get(r.key);
        if (prev && prev.state !== 'pending' && r.state === 'pending') continue;
        latest.set(r.key, r);
        changed.push(r.key);
      }
      return changed;
    },
    get: (key) => latest.get(key),
    allFinal(keys) {
      for (const k of keys) {
        const r = latest.get(k);
        if (!r || r.state === 'pending') return false;
      }
      return true;
    },
  };
}
