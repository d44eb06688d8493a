/**
 * zod-free readers for the two things the content script receives: the
 * background's ResultMessage and the stored settings. zod would be most of a
 * content script held to a small gzip budget (bench/budgets.json), so these follow
 * `ResultMessageSchema` and `parseSettings` rule for rule, and
 * test/unit/inpage/validate.test.ts checks them against the zod schemas on
 * generated inputs (same accept/reject, same output).
 */
import type { PaperId } from '../ids/key';
import type { PaperResult } from '../messages';
import { STATES } from '../states';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const STATE_SET: ReadonlySet<string> = new Set(STATES);
const PITH_ID = /^[A-Z2-7]{8,26}$/;

/** Code points, as zod counts string length (`.length`, i.e. UTF-16 units). */
const len = (s: string) => s.length;

function readPaperId(v: unknown): PaperId | null {
  if (!isObj(v)) return null;
  const { kind, id } = v;
  if (!isStr(id)) return null;
  if (kind === 'arxiv') {
    if (len(id) < 1 || len(id) > 64) return null;
    const version = v.version;
    if (version === undefined) return { kind, id };
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version <= 0) return null;
    return { kind, id, version };
  }
  if (kind === 'doi') return len(id) >= 4 && len(id) <= 512 ? { kind, id } : null;
  if (kind === 'pith') return PITH_ID.test(id) ? { kind, id } : null;
  return null;
}

/** Optional fields of a PaperResult and their type (numbers must be finite, as zod's). */
const OPTIONAL: readonly (readonly [keyof PaperResult, 'string' | 'boolean' | 'number'])[] = [
  ['pithNumber', 'string'],
  ['headline', 'string'],
  ['summary', 'string'],
  ['versionNote', 'string'],
  ['reason', 'string'],
  ['stale', 'boolean'],
  ['fetchedAt', 'number'],
  ['signedTitle', 'string'],
];

function readPaperResult(v: unknown): PaperResult | null {
  if (!isObj(v) || !isStr(v.key)) return null;
  const id = readPaperId(v.id);
  if (!id || !isStr(v.state) || !STATE_SET.has(v.state)) return null;
  const out: Record<string, unknown> = { key: v.key, id, state: v.state };
  for (const [field, type] of OPTIONAL) {
    const x = v[field];
    if (x === undefined) continue;
    if (typeof x !== type || (type === 'number' && !isNum(x))) return null;
    out[field] = x;
  }
  return out as PaperResult;
}

/** A `ResultMessage` (`{type: 'results', results: PaperResult[]}`): its results, or null when any part is malformed. */
export function readResultMessage(v: unknown): PaperResult[] | null {
  if (!isObj(v) || v.type !== 'results' || !Array.isArray(v.results)) return null;
  const out: PaperResult[] = [];
  for (const r of v.results) {
    const p = readPaperResult(r);
    if (!p) return null;
    out.push(p);
  }
  return out;
}

/** The storage.local key of the settings (SETTINGS_KEY in lib/settings.ts, which imports zod). */
export const INPAGE_SETTINGS_KEY = 'settings';

/** The settings a content script needs. */
export interface InpageSettings {
  inlineBadges: boolean;
  disabledSites: string[];
  detectOtherSites: boolean;
  checkAllListings: boolean;
}

const SITE = /^(?=.{1,253}$)([a-z0-9-]+\.)*[a-z0-9-]+$/;

/** Reads the stored `settings` like parseSettings (field by field, defaults for anything unreadable). */
export function readInpageSettings(raw: unknown): InpageSettings {
  const o = isObj(raw) ? raw : {};
  const out: InpageSettings = { inlineBadges: true, disabledSites: [], detectOtherSites: false, checkAllListings: false };
  if (typeof o.inlineBadges === 'boolean') out.inlineBadges = o.inlineBadges;
  if (typeof o.checkAllListings === 'boolean') out.checkAllListings = o.checkAllListings;
  if (typeof o.detectOtherSites === 'boolean') out.detectOtherSites = o.detectOtherSites;
  const sites = o.disabledSites;
  if (Array.isArray(sites) && sites.length <= 500) {
    const list: string[] = [];
    let ok = true;
    for (const s of sites) {
      // zod: trim, toLowerCase, then the regex (JS `trim` and `toLowerCase`, as zod uses them).
      const t = isStr(s) ? s.trim().toLowerCase() : null;
      if (t === null || !SITE.test(t)) {
        ok = false;
        break;
      }
      list.push(t);
    }
    if (ok) out.disabledSites = list;
  }
  return out;
}

/** True when the host (or a parent domain of it) is on the disable list, as isSiteDisabled. */
export function siteDisabled(settings: Pick<InpageSettings, 'disabledSites'>, hostname: string): boolean {
  const host = hostname.toLowerCase();
  return settings.disabledSites.some((s) => host === s || host.endsWith('.' + s));
}
