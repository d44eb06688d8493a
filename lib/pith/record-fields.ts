/**
 * Defensive readers for a served record (the popup, the headline rule). It arrives as
 * `unknown` (parsed JSON from a resolver we do not trust), so every field is
 * read through these: a missing or ill-typed field is simply absent from the
 * result, never an exception.
 */
import { asPlainObject } from '../plain-object';

/** Walks a path of keys through nested objects. */
export function at(v: unknown, ...path: string[]): unknown {
  let cur: unknown = v;
  for (const k of path) {
    const o = asPlainObject(cur);
    if (!o || !Object.prototype.hasOwnProperty.call(o, k)) return undefined;
    cur = o[k];
  }
  return cur;
}

/** A non-empty string, capped so a hostile record cannot flood the popup. */
export function str(v: unknown, max = 4000): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!t) return undefined;
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map((x) => str(x, 64)).filter((x): x is string => x !== undefined) : [];
}
