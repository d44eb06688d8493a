/**
 * Pure helpers of the options form: parsing what was typed with lib/settings.ts
 * schemas, and the host permissions a resolver address needs.
 */
import { z } from 'zod';
import { BaseUrlSchema, SettingsSchema, SiteSchema } from '../../lib/settings';
import { options as O } from '../../lib/strings';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function firstIssue(e: z.ZodError): string {
  return e.issues[0]?.message ?? 'Invalid value';
}

const NOT_A_URL = 'Not a web address (https://…)';

/**
 * BaseUrlSchema, guarded: its refinement calls `new URL` even after `.url()`
 * failed (zod 4 runs every check), which throws on text that is no URL.
 */
export function parseBaseUrl(text: string): Parsed<string> {
  try {
    const r = BaseUrlSchema.safeParse(text);
    return r.success ? { ok: true, value: r.data } : { ok: false, error: firstIssue(r.error) };
  } catch {
    return { ok: false, error: NOT_A_URL };
  }
}

/** One mirror address per line; blank lines ignored; every bad line named. */
export function parseMirrors(text: string): { ok: true; value: string[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const value: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const r = parseBaseUrl(line);
    if (r.ok) {
      if (!value.includes(r.value)) value.push(r.value);
    } else errors.push(O.mirrorLineError(i + 1, r.error));
  });
  if (value.length > 10) errors.push(O.tooManyMirrors);
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

export function parseSite(text: string, list: readonly string[]): Parsed<string> {
  const r = SiteSchema.safeParse(text);
  if (!r.success) return { ok: false, error: firstIssue(r.error) };
  if (list.includes(r.data)) return { ok: false, error: O.siteExists };
  if (list.length >= 500) return { ok: false, error: O.tooManySites };
  return { ok: true, value: r.data };
}

export function parseMaxCache(text: string): Parsed<number> {
  const n = Number(text.trim());
  const r = SettingsSchema.shape.maxCacheEntries.safeParse(text.trim() === '' ? NaN : n);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: O.maxCacheError };
}

/** Origins the extension may reach without asking (its install-time host permissions). */
const BUILT_IN_HOSTS = new Set(['pith.science', 'www.pith.science']);

/**
 * The optional host permission patterns needed to reach these bases. Ports are
 * left out on purpose: Chrome matches any port when none is given, and Firefox
 * rejects match patterns with a port.
 */
export function permissionOrigins(bases: readonly string[]): string[] {
  const out: string[] = [];
  for (const base of bases) {
    let u: URL;
    try {
      u = new URL(base);
    } catch {
      continue;
    }
    if (u.protocol === 'https:' && BUILT_IN_HOSTS.has(u.hostname)) continue;
    const pattern = `${u.protocol}//${u.hostname}/*`;
    if (!out.includes(pattern)) out.push(pattern);
  }
  return out;
}

export const ALL_SITES = '*://*/*';
