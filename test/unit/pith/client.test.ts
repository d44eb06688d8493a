import { describe, expect, it, vi } from 'vitest';
import { createClient, parseRetryAfter } from '../../../lib/pith/client';

const SUFFIX = '7YXM6JRYOH4O5NBMCHKEPDPSW2';
const RECORD = { record_type: 'pith_number_record', pith_number: `pith:2024:${SUFFIX}`, canonical_record: {} };
const POINTER = { pith_number: `pith:2024:${SUFFIX}` };

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function fakeFetch(handler: Handler) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init: init ?? {} });
    return handler(url, init ?? {});
  });
  return { fetch: f as unknown as typeof fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function client(handler: Handler, extra: Partial<Parameters<typeof createClient>[0]> = {}) {
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

describe('client endpoints', () => {
  it('resolves an arXiv id through a pointer, then the record', async () => {
    const { c, calls } = client((url) => (url.includes('/api/pith-number/resolve') ? json(POINTER) : json(RECORD)));
    const r = await c.resolve({ kind: 'arxiv', id: '2404.14294', version: 3 });
    expect(r).toMatchObject({ kind: 'record', host: 'pith.test', url: `https://pith.test/pith/${SUFFIX}.json` });
    expect(calls.map((x) => x.url)).toEqual(['https://pith.test/api/pith-number/resolve?arxiv=2404.14294&json=true', `https://pith.test/pith/${SUFFIX}.json`]);
    if (r.kind === 'record') expect(JSON.parse(r.text)).toEqual(RECORD);
  });

  it('accepts a full record from the resolve endpoint (one request) and keeps the text as served', async () => {
    const text = '{"record_type":"pith_number_record","pith_number":"pith:2024:X","n":12345678901234567890}';
    const { c, calls } = client(() => json(text));
    const r = await c.resolve({ kind: 'arxiv', id: '2404.14294' });
    expect(r).toMatchObject({ kind: 'record', text });
    expect(calls).toHaveLength(1);
  });

  it('uses doi= for DOIs and /pith/<suffix>.json for Pith ids (short too)', async () => {
    const { c, calls } = client((url) => (url.includes('resolve') ? json(POINTER) : json(RECORD)));
    await c.resolve({ kind: 'doi', id: '10.48550/arxiv.2404.14294' });
    expect(calls[0]!.url).toBe('https://pith.test/api/pith-number/resolve?doi=10.48550%2Farxiv.2404.14294&json=true');
    await c.resolve({ kind: 'pith', id: '7YXM6JRY' });
    expect(calls.at(-1)!.url).toBe('https://pith.test/pith/7YXM6JRY.json');
  });

  it('sends no credentials, no referrer and only an Accept header', async () => {
    const { c, calls } = client(() => json(RECORD));
    await c.resolve({ kind: 'arxiv', id: '2404.14294' });
    const init = calls[0]!.init;
    expect(init.credentials).toBe('omit');
    expect(init.referrerPolicy).toBe('no-referrer');
    expect(Object.keys(init.headers as Record<string, string>)).toEqual(['Accept']);
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('404 is not-found, without retries or failover', async () => {
    const { c, calls } = client(() => json({ error: 'x' }, 404), { baseUrls: ['https://a.test', 'https://b.test'] });
    expect(await c.resolve({ kind: 'arxiv', id: '2404.99999' })).toEqual({ kind: 'not-found', host: 'a.test' });
    expect(calls).toHaveLength(1);
  });
});

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

describe('mirror failover', () => {
  it('tries the next base after errors (not after a 404), in order', async () => {
    const { c, calls } = client(
      (url) => {
        if (url.startsWith('https://a.test')) return json({}, 500);
        if (url.startsWith('https://b.test')) throw new TypeError('down');
        return json(RECORD);
      },
      { baseUrls: ['https://a.test/', 'https://b.test', 'http://127.0.0.1:8787'], retries: 1 },
    );
    const r = await c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r).toMatchObject({ kind: 'record', host: '127.0.0.1:8787' });
    expect(calls.map((x) => new URL(x.url).host)).toEqual(['a.test', 'a.test', 'b.test', 'b.test', '127.0.0.1:8787']);
  });

  it('reports every host when all fail', async () => {
    const { c } = client(() => json({}, 502), { baseUrls: ['https://a.test', 'https://b.test'], retries: 0 });
    const r = await c.resolve({ kind: 'pith', id: SUFFIX });
    expect(r.kind).toBe('error');
    if (r.kind === 'error') {
      expect(r.reason).toMatch(/a\.test/);
      expect(r.reason).toMatch(/b\.test/);
    }
  });

  it('drops unsafe base URLs', async () => {
    expect(createClient({ baseUrls: ['http://evil.test', 'javascript:alert(1)', 'https://ok.test/', 'http://localhost:9/x/'], fetch: fetch }).baseUrls).toEqual(
      ['https://ok.test', 'http://localhost:9/x'],
    );
    const none = createClient({ baseUrls: ['http://evil.test'], fetch: vi.fn() as unknown as typeof fetch });
    expect((await none.resolve({ kind: 'pith', id: SUFFIX })).kind).toBe('error');
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
