import { z } from 'zod';

/**
 * One record URL, fetched the careful way: no credentials, no referrer, no
 * header besides `Accept`; a timeout per attempt; the body size-capped while
 * it is read; the HTTP status put into words; 5xx, 429 and network errors
 * retried with backoff (or the server's Retry-After); and the JSON checked
 * against a minimal zod shape before anyone uses it. Apart from client.ts,
 * which knows the endpoints and the mirrors: this file knows no Pith ids.
 */

export interface FetchOptions {
  fetch: typeof fetch;
  /** Per request (each attempt), default 10 s. */
  timeoutMs?: number;
  /** Extra attempts after the first, for 5xx, 429 and network errors; default 2. */
  retries?: number;
  /** First backoff step; doubles per attempt, plus up to 100 % jitter. Default 300 ms. */
  backoffMs?: number;
  /** Upper bound for one wait (backoff or Retry-After), default 10 s. */
  maxDelayMs?: number;
  /** Response size cap in bytes, default 2 MB. */
  maxBytes?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** What one URL gave: a record-shaped JSON value (and its text as served), a 404/410, or an error in words. */
export type Attempt =
  { kind: 'ok'; text: string; value: Record<string, unknown>; url: string } | { kind: 'not-found' } | { kind: 'error'; reason: string; status?: number };

type Retryable = Attempt & { retryable?: boolean; retryAfterMs?: number };

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** The least a response must look like before we hand it to the verifier. */
const RecordShape = z
  .looseObject({
    record_type: z.string().optional(),
    pith_number: z.string().max(64).optional(),
    canonical_record: z.unknown().optional(),
  })
  .refine((o) => o.record_type !== undefined || o.pith_number !== undefined, {
    message: 'neither record_type nor pith_number',
  });

class SizeError extends Error {}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Retry-After: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header == null) return undefined;
  const h = header.trim();
  if (/^\d+$/.test(h)) return Number(h) * 1000;
  const t = Date.parse(h);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}

async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const len = res.headers.get('content-length');
  if (len !== null && /^\d+$/.test(len.trim()) && Number(len) > maxBytes) throw new SizeError();
  const body = res.body;
  if (!body) {
    const text = await res.text();
    if (new TextEncoder().encode(text).byteLength > maxBytes) throw new SizeError();
    return text;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw new SizeError();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    all.set(c, off);
    off += c.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}

function stripMeta(r: Retryable): Attempt {
  if (r.kind === 'error') return r.status !== undefined ? { kind: 'error', reason: r.reason, status: r.status } : { kind: 'error', reason: r.reason };
  return r;
}

/** A function that GETs one URL with bounded retries; it never throws for what the network or the server does. */
export function createFetcher(opts: FetchOptions): (url: string) => Promise<Attempt> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const retries = Math.max(0, opts.retries ?? 2);
  const backoffMs = opts.backoffMs ?? 300;
  const maxDelayMs = opts.maxDelayMs ?? 10_000;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const doFetch = opts.fetch;

  /** One request, no retries. */
  async function once(url: string): Promise<Retryable> {
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, timeoutMs);
    try {
      const res = await doFetch(url, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        cache: 'no-store',
        redirect: 'follow',
        signal: ctrl.signal,
      });
      if (res.status === 404 || res.status === 410) {
        void res.body?.cancel().catch(() => {});
        return { kind: 'not-found' };
      }
      if (res.status === 429) {
        void res.body?.cancel().catch(() => {});
        const ra = parseRetryAfter(res.headers.get('retry-after'), now());
        return {
          kind: 'error',
          reason: 'the resolver is rate-limiting requests (HTTP 429)',
          status: 429,
          retryable: true,
          ...(ra !== undefined ? { retryAfterMs: ra } : {}),
        };
      }
      if (res.status >= 500) {
        void res.body?.cancel().catch(() => {});
        return { kind: 'error', reason: `the resolver had a server error (HTTP ${res.status})`, status: res.status, retryable: true };
      }
      if (!res.ok) {
        void res.body?.cancel().catch(() => {});
        return { kind: 'error', reason: `the resolver refused the request (HTTP ${res.status})`, status: res.status };
      }
      const text = await readCapped(res, maxBytes);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return { kind: 'error', reason: 'the resolver sent a response that is not valid JSON', status: res.status };
      }
      const shape = RecordShape.safeParse(value);
      if (!shape.success) {
        return { kind: 'error', reason: 'the resolver sent JSON that is not a Pith record', status: res.status };
      }
      // The address that answered, after redirects: that host is the one shown as "served by".
      return { kind: 'ok', text, value: shape.data as Record<string, unknown>, url: res.url || url };
    } catch (e) {
      if (e instanceof SizeError) {
        return { kind: 'error', reason: `the response is larger than ${Math.round(maxBytes / 1024)} KB and was refused` };
      }
      if (timedOut) return { kind: 'error', reason: `the resolver did not answer within ${Math.round(timeoutMs / 100) / 10} s`, retryable: true };
      return { kind: 'error', reason: 'the resolver could not be reached (network error)', retryable: true };
    } finally {
      clearTimeout(timer);
    }
  }

  /** One URL with bounded retries. */
  return async function withRetries(url: string): Promise<Attempt> {
    let last: Attempt = { kind: 'error', reason: 'no attempt made' };
    for (let attempt = 0; attempt <= retries; attempt++) {
      const r = await once(url);
      if (r.kind !== 'error' || !r.retryable) return stripMeta(r);
      last = stripMeta(r);
      if (attempt === retries) break;
      let delay: number;
      if (r.retryAfterMs !== undefined) delay = r.retryAfterMs;
      else {
        const step = backoffMs * 2 ** attempt;
        delay = step + random() * step;
      }
      await sleep(Math.min(maxDelayMs, Math.max(0, delay)));
    }
    return last;
  };
}
