/**
 * A fetch the test answers, and a client on it that records its sleeps
 * instead of waiting: shared by the client (endpoints, failover) and
 * fetch-record (retries, timeouts, size cap) tests.
 */
import { vi } from 'vitest';
import { createClient } from '../../lib/pith/client';
import { SEED_SUFFIX as SUFFIX } from './seed';

/** The seed's Pith Number suffix, under the short name the client tests use. */
export { SUFFIX };
export const RECORD = { record_type: 'pith_number_record', pith_number: `pith:2024:${SUFFIX}`, canonical_record: {} };

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

export function fakeFetch(handler: Handler) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return handler(url, init ?? {});
  });
  return { fetch: f as unknown as typeof fetch, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A client on `handler`'s fetch: one base (https://pith.test), sleeps recorded, not waited, and jitter fixed at 0.5. */
export function client(handler: Handler, extra: Partial<Parameters<typeof createClient>[0]> = {}) {
  const ff = fakeFetch(handler);
  const sleeps: number[] = [];
  const c = createClient({
    baseUrls: ['https://pith.test'],
    fetch: ff.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { c, calls: ff.calls, sleeps };
}
