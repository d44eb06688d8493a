import type { PaperId } from '../ids/key';
import { suffixOfPithNumber } from '../ids/pith-number';
import { createFetcher, type Attempt, type FetchOptions } from './fetch-record';

/**
 * HTTP client for a Pith resolver and its mirrors: which URLs answer for a
 * paper id (the resolve endpoint, then the record it points to), and the
 * failover from one base URL to the next. How one URL is fetched (retries,
 * timeouts, size cap, status in words) is fetch-record.ts.
 *
 * Only the identifier leaves the browser: requests carry no credentials, no
 * referrer and no header besides `Accept`. Every response is size-capped,
 * parsed and checked against a minimal zod shape before use; full
 * verification happens elsewhere (verify.ts), and nothing returned here is
 * ever trusted because of the host that served it.
 */

export type ClientResult =
  { kind: 'record'; text: string; host: string; url: string } | { kind: 'not-found'; host: string } | { kind: 'error'; reason: string; status?: number };

export interface ClientOptions extends FetchOptions {
  /** Primary resolver first, then mirrors, tried in order when one fails (not on a 404). */
  baseUrls: string[];
}

export interface PithClient {
  resolve(id: PaperId): Promise<ClientResult>;
  /** The bases in the order they are tried. */
  readonly baseUrls: readonly string[];
}

/** Normalise a base URL: no trailing slash; only https, or http on loopback. */
function normalizeBaseUrl(raw: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.username || u.password || u.search || u.hash) return undefined;
  const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) return undefined;
  return (u.origin + u.pathname).replace(/\/+$/, '');
}

/** Where a record was served from, as the user reads it: host and port (`127.0.0.1:8443`), not just the host name. */
function serverOf(base: string): string {
  try {
    return new URL(base).host;
  } catch {
    return base;
  }
}

function isFullRecord(v: Record<string, unknown>): boolean {
  return v.record_type !== undefined || v.canonical_record !== undefined;
}

export function createClient(opts: ClientOptions): PithClient {
  const bases = opts.baseUrls.map((b) => normalizeBaseUrl(b)).filter((b): b is string => !!b);
  const withRetries = createFetcher(opts);

  async function resolveAt(base: string, id: PaperId): Promise<Attempt> {
    if (id.kind === 'pith') {
      return withRetries(`${base}/pith/${encodeURIComponent(id.id)}.json`);
    }
    const param = id.kind === 'arxiv' ? 'arxiv' : 'doi';
    const first = await withRetries(`${base}/api/pith-number/resolve?${param}=${encodeURIComponent(id.id)}&json=true`);
    if (first.kind !== 'ok' || isFullRecord(first.value)) return first;
    const pn = first.value.pith_number;
    const suffix = suffixOfPithNumber(pn);
    if (!suffix) return { kind: 'error', reason: 'the resolver answered with an unreadable Pith Number' };
    const second = await withRetries(`${base}/pith/${suffix}.json`);
    if (second.kind === 'ok' && !isFullRecord(second.value)) return { kind: 'error', reason: 'the resolver sent JSON that is not a Pith record' };
    return second;
  }

  async function resolve(id: PaperId): Promise<ClientResult> {
    if (bases.length === 0) return { kind: 'error', reason: 'no resolver is configured (the base URL must be https)' };
    const errors: string[] = [];
    let lastStatus: number | undefined;
    for (const base of bases) {
      let r: Attempt;
      try {
        r = await resolveAt(base, id);
      } catch {
        r = { kind: 'error', reason: 'unexpected failure while contacting the resolver' };
      }
      const host = serverOf(base);
      if (r.kind === 'ok') return { kind: 'record', text: r.text, host: serverOf(r.url), url: r.url };
      if (r.kind === 'not-found') return { kind: 'not-found', host };
      errors.push(bases.length > 1 ? `${host}: ${r.reason}` : r.reason);
      lastStatus = r.status;
    }
    const reason = errors.length > 1 ? `no resolver answered (${errors.join('; ')})` : (errors[0] ?? 'no resolver answered');
    return lastStatus !== undefined ? { kind: 'error', reason, status: lastStatus } : { kind: 'error', reason };
  }

  return { resolve, baseUrls: bases };
}
