import { normalizeBaseUrl, parseMirrorManifest, DEFAULT_MAX_BYTES, type MirrorEntry } from '../pith/client';

/**
 * Mirror discovery: read `/pith-mirrors.json` from the primary resolver and
 * build the failover list (primary first, then the user's extra mirrors, then
 * the manifest's). Mirrors are only hosts: a record from any of them is
 * trusted solely through local verification, and the keys a manifest lists are
 * never pinned from here.
 */

export interface FetchManifestOptions {
  fetch: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

export async function fetchMirrorManifest(primaryBase: string, o: FetchManifestOptions): Promise<MirrorEntry[]> {
  const base = normalizeBaseUrl(primaryBase);
  if (!base) return [];
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), o.timeoutMs ?? 10_000);
  try {
    const res = await o.fetch(`${base}/pith-mirrors.json`, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: ctrl.signal,
    });
    if (!res.ok) return [];
    const len = Number(res.headers.get('content-length') ?? '0');
    if (len > (o.maxBytes ?? DEFAULT_MAX_BYTES)) return [];
    const text = await res.text();
    if (text.length > (o.maxBytes ?? DEFAULT_MAX_BYTES)) return [];
    return parseMirrorManifest(text);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
}

/** Primary first, then the rest, normalised, deduplicated, unsafe URLs dropped, at most `max`. */
export function buildBaseUrls(primary: string, extra: readonly (string | MirrorEntry)[] = [], max = 4): string[] {
  const out: string[] = [];
  for (const raw of [primary, ...extra]) {
    const b = normalizeBaseUrl(typeof raw === 'string' ? raw : raw.baseUrl);
    if (b && !out.includes(b)) out.push(b);
    if (out.length >= max) break;
  }
  return out;
}
