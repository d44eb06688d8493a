/** The popup's lookup box: what was typed, read as a paper id or a sentence saying why not. */
import type { PaperId } from '../ids/key';
import { popup as P } from '../strings';

export type LookupInput = { ok: true; id: PaperId; count: number } | { ok: false; error: string };

/**
 * Reads the lookup box: the first id `detect` finds, or a sentence saying why
 * none was found (`explain`, when given, words it more precisely).
 */
export function parseLookupInput(text: string, detect: (t: string) => PaperId[], explain?: (t: string) => string | null): LookupInput {
  const t = text.trim();
  if (!t) return { ok: false, error: P.lookupEmpty };
  if (t.length > 2000) return { ok: false, error: P.lookupNone };
  let ids: PaperId[] = [];
  try {
    ids = detect(t);
  } catch {
    ids = [];
  }
  const first = ids[0];
  if (first) return { ok: true, id: first, count: ids.length };
  let why: string | null = null;
  try {
    why = explain ? explain(t) : null;
  } catch {
    why = null;
  }
  return { ok: false, error: why ?? P.lookupNone };
}
