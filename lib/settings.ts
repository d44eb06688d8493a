import { z } from 'zod';
import { PITH_ORIGIN } from './pith/site';

/** The default resolver: the only origin the extension may reach without asking. */
export const DEFAULT_BASE_URL = PITH_ORIGIN;

/** A resolver or mirror base: https anywhere, plain http only on this machine. */
export const BaseUrlSchema = z
  .string()
  .trim()
  .url()
  .refine((s) => {
    // zod runs refinements even after .url() failed: parse defensively.
    if (!URL.canParse(s)) return false;
    const u = new URL(s);
    if (u.username || u.password || u.search || u.hash) return false;
    if (u.protocol === 'https:') return true;
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  }, 'Use an https:// address (http:// only for 127.0.0.1 or localhost), without query or credentials')
  .transform((s) => s.replace(/\/+$/, ''));

/** A site for the per-site disable list: a bare host name. */
export const SiteSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)*[a-z0-9-]+$/, 'A host name such as arxiv.org');

export const SettingsSchema = z.object({
  baseUrl: BaseUrlSchema.default(DEFAULT_BASE_URL),
  mirrors: z.array(BaseUrlSchema).max(10).default([]),
  inlineBadges: z.boolean().default(true),
  disabledSites: z.array(SiteSchema).max(500).default([]),
  detectOtherSites: z.boolean().default(false),
  /** Listings: check every row at once, not only the rows near the viewport as the reader scrolls. */
  checkAllListings: z.boolean().default(false),
  maxCacheEntries: z.number().int().min(50).max(20_000).default(5_000),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SETTINGS_KEY = 'settings';

/** Reads settings from whatever storage gave us; anything unreadable falls back to defaults, field by field. */
export function parseSettings(raw: unknown): Settings {
  const whole = SettingsSchema.safeParse(raw ?? {});
  if (whole.success) return whole.data;
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    const field = (schema as z.ZodType).safeParse(obj[key]);
    if (field.success) out[key] = field.data;
  }
  return SettingsSchema.parse(out);
}

/** True when the site (or a parent domain of it) is on the disable list. */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return settings.disabledSites.some((s) => host === s || host.endsWith('.' + s));
}
