import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../lib/pith/client';
import { createFetcher, parseRetryAfter } from '../../../lib/pith/fetch-record';
import { RECORD, SUFFIX, client, fakeFetch, json } from '../../helpers/fake-fetch';

describe('client retries', () => {
  it('retries 5xx with exponential backoff and jitter, then succeeds', async () => {
    let n = 0;
    const { c, calls, sleeps } = client(() => (++n < 3 ? json({}, 503) : json(RECORD)), { backoffMs: 100 });
    const r = await c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r.kind).toBe('record');
    expect(calls).toHaveLength(3);
    expect(sleeps).toEqual([150, 300]); // step + random()*step, step doubling
  });

  it('gives up after the retry bound with the status and a reason in words', async () => {
    const { c, calls } = client(() => json({}, 500), { retries: 3 });
    const r = await c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r).toMatchObject({ kind: 'error', status: 500 });
    if (r.kind === 'error') expect(r.reason).toMatch(/server error/);
    expect(calls).toHaveLength(4);
  });

  it('honours Retry-After in seconds and as an HTTP date, capped', async () => {
    let n = 0;
    const { c, sleeps } = client(() => (++n === 1 ? json({}, 429, { 'retry-after': '2' }) : json(RECORD)));
    expect((await c.resolve({ kind: 'pith', id: SUFFIX })).kind).toBe('record');
    expect(sleeps).toEqual([2000]);

    const now = Date.parse('2026-05-01T00:00:00Z');
    expect(parseRetryAfter('Fri, 01 May 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    let m = 0;
    const capped = client(() => (++m === 1 ? json({}, 429, { 'retry-after': '3600' }) : json(RECORD)), { maxDelayMs: 4000 });
    await capped.c.resolve({ kind: 'pith', id: SUFFIX });
    expect(capped.sleeps).toEqual([4000]);
  });

  it('429 exhausted is an error', async () => {
    const { c, calls } = client(() => json({}, 429, { 'retry-after': '1' }), { retries: 1 });
    const r = await c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r).toMatchObject({ kind: 'error', status: 429 });
    expect(calls).toHaveLength(2);
  });

  it('retries network errors', async () => {
    let n = 0;
    const { c } = client(() => {
      if (++n < 2) throw new TypeError('fetch failed');
      return json(RECORD);
    });
    expect((await c.resolve({ kind: 'pith', id: SUFFIX })).kind).toBe('record');
    const dead = client(() => {
      throw new TypeError('fetch failed');
    });
    const r = await dead.c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.reason).toMatch(/could not be reached/);
  });

  it('does not retry malformed JSON or a wrong shape; both are errors', async () => {
    const bad = client(() => json('{"pith_number": "pith:20'));
    const r1 = await bad.c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r1).toMatchObject({ kind: 'error' });
    expect(bad.calls).toHaveLength(1);
    const wrong = client(() => json({ hello: 'world' }));
    const r2 = await wrong.c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r2.kind).toBe('error');
    if (r2.kind === 'error') expect(r2.reason).toMatch(/not a Pith record/);
    const arr = client(() => json([1, 2]));
    expect((await arr.c.resolve({ kind: 'pith', id: SUFFIX })).kind).toBe('error');
  });

  it('times out a request that does not answer (AbortController)', async () => {
    const { c } = client(
      (_url, init) =>
        new Promise<Response>((_, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      { timeoutMs: 30, retries: 1 },
    );
    const r = await c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.reason).toMatch(/did not answer/);
  });
});

describe('client size cap', () => {
  it('refuses a response whose Content-Length is over the cap', async () => {
    const { c } = client(() => json(RECORD, 200, { 'content-length': String(10_000_000) }), { maxBytes: 1000 });
    const r = await c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r.kind).toBe('error');
    if (r.kind === 'error') expect(r.reason).toMatch(/larger than/);
  });

  it('counts bytes while reading when there is no Content-Length', async () => {
    const big = JSON.stringify({ ...RECORD, pad: 'x'.repeat(5000) });
    const stream = () =>
      new Response(
        new ReadableStream({
          start(ctrl) {
            const bytes = new TextEncoder().encode(big);
            for (let i = 0; i < bytes.length; i += 512) ctrl.enqueue(bytes.slice(i, i + 512));
            ctrl.close();
          },
        }),
        { status: 200 },
      );
    const small = client(stream, { maxBytes: 2000 });
    expect((await small.c.resolve({ kind: 'pith', id: SUFFIX })).kind).toBe('error');
    const ok = client(stream, { maxBytes: 10_000 });
    expect((await ok.c.resolve({ kind: 'pith', id: SUFFIX })).kind).toBe('record');
  });
});

describe('client with fake timers (default sleep)', () => {
  it('waits Retry-After on the real clock path and times out through AbortController', async () => {
    vi.useFakeTimers();
    try {
      let n = 0;
      const ff = fakeFetch(() => (++n === 1 ? json({}, 429, { 'retry-after': '2' }) : json(RECORD)));
      const c = createClient({ baseUrls: ['https://pith.test'], fetch: ff.fetch });
      const p = c.resolve({ kind: 'pith', id: SUFFIX });
      await vi.advanceTimersByTimeAsync(1999);
      expect(ff.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect((await p).kind).toBe('record');
      expect(ff.calls).toHaveLength(2);

      const hang = fakeFetch(
        (_u, init) => new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      );
      const slow = createClient({ baseUrls: ['https://pith.test'], fetch: hang.fetch, timeoutMs: 5000, retries: 0 });
      const q = slow.resolve({ kind: 'pith', id: SUFFIX });
      await vi.advanceTimersByTimeAsync(5000);
      const r = await q;
      expect(r.kind).toBe('error');
      if (r.kind === 'error') expect(r.reason).toMatch(/within 5 s/);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('createFetcher on its own', () => {
  it('gives the parsed value, the text as served and the address that answered after redirects', async () => {
    const text = JSON.stringify(RECORD);
    const ff = fakeFetch(() => {
      const res = json(text);
      Object.defineProperty(res, 'url', { value: 'https://mirror.test/pith/X.json' });
      return res;
    });
    const get = createFetcher({ fetch: ff.fetch });
    expect(await get('https://pith.test/pith/X.json')).toEqual({ kind: 'ok', text, value: RECORD, url: 'https://mirror.test/pith/X.json' });
  });
  it('410 is not-found; another 4xx is refused at once, with its status and no retry bookkeeping', async () => {
    const gone = createFetcher({ fetch: fakeFetch(() => json({}, 410)).fetch });
    expect(await gone('https://pith.test/x')).toEqual({ kind: 'not-found' });
    const ff = fakeFetch(() => json({}, 403));
    const refused = createFetcher({ fetch: ff.fetch, sleep: async () => {} });
    expect(await refused('https://pith.test/x')).toEqual({ kind: 'error', reason: 'the resolver refused the request (HTTP 403)', status: 403 });
    expect(ff.calls).toHaveLength(1);
  });
  it('after the last retry the error carries no retry fields', async () => {
    const ff = fakeFetch(() => json({}, 429, { 'retry-after': '1' }));
    const get = createFetcher({ fetch: ff.fetch, retries: 1, sleep: async () => {} });
    expect(await get('https://pith.test/x')).toEqual({ kind: 'error', reason: 'the resolver is rate-limiting requests (HTTP 429)', status: 429 });
    expect(ff.calls).toHaveLength(2);
  });
});
