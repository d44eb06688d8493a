import { describe, expect, it, vi } from 'vitest';
import { createResolver, type Verify } from '../../../lib/resolver/resolver';
import { memoryStorage } from '../../../lib/resolver/storage';
import { CACHE_VERSION, INDEX_KEY, ENTRY_PREFIX } from '../../../lib/resolver/cache-entry';
import type { ClientResult } from '../../../lib/pith/client';
import type { PaperId } from '../../../lib/ids/key';
import type { VerifyReport } from '../../../lib/pith/report';
import type { LookupResult } from '../../../lib/messages';

const H = 60 * 60 * 1000;
const TTL = { fresh: 1 * H, stale: 24 * H, negative: 0.5 * H };
const ax = (id: string, version?: number): PaperId => (version ? { kind: 'arxiv', id, version } : { kind: 'arxiv', id });

function recordText(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    record_type: 'pith_number_record',
    pith_number: 'pith:2024:AAAAAAAABBBBBBBBCCCCCCCCDD',
    canonical_record: { source: { id, kind: 'arxiv', version: 2 }, metadata: { title_canon_sha256: 'ab'.repeat(32) } },
    aliases: [{ alias_kind: 'doi', alias_value: `10.48550/arxiv.${id}` }],
    paper: { headline: `Headline ${id}` },
    graph_snapshot: { verdict: { one_line_summary: `Summary ${id}` } },
    ...extra,
  });
}

const fakeVerify = vi.fn<Verify>((text: string): VerifyReport => {
  const o = JSON.parse(text) as { bad?: boolean; signed?: boolean; pith_number: string };
  const state = o.bad ? 'invalid' : o.signed === false ? 'unsigned' : 'verified';
  return {
    state,
    pithNumber: o.pith_number,
    keyPinned: state === 'verified',
    checks: [
      { name: 'canonical-hash', outcome: o.bad ? 'fail' : 'pass', detail: 'd' },
      { name: 'signature', outcome: state === 'verified' ? 'pass' : 'skip', detail: 'd' },
      { name: 'binding', outcome: 'skip', detail: 'd' },
    ],
  };
});

interface Pending {
  id: PaperId;
  resolve: (r: ClientResult) => void;
}

/** A client whose answers the test controls, or an automatic one. */
function controlledClient(auto?: (id: PaperId) => ClientResult | Promise<ClientResult>) {
  const pending: Pending[] = [];
  const calls: PaperId[] = [];
  let active = 0;
  let maxActive = 0;
  return {
    pending,
    calls,
    get maxActive() {
      return maxActive;
    },
    resolve: vi.fn(async (id: PaperId): Promise<ClientResult> => {
      calls.push(id);
      active++;
      maxActive = Math.max(maxActive, active);
      try {
        if (auto) {
          await new Promise((r) => setTimeout(r, 1));
          return await auto(id);
        }
        return await new Promise<ClientResult>((resolve) => pending.push({ id, resolve }));
      } finally {
        active--;
      }
    }),
  };
}

const recordFor = (id: PaperId): ClientResult =>
  id.kind === 'arxiv' && id.id.startsWith('9999')
    ? { kind: 'not-found', host: 'pith.test' }
    : { kind: 'record', text: recordText(id.id), host: 'pith.test', url: 'x' };

function setup(
  opts: {
    auto?: (id: PaperId) => ClientResult | Promise<ClientResult>;
    storage?: ReturnType<typeof memoryStorage>;
    concurrency?: number;
    maxEntries?: number;
    reportStamp?: string;
  } = {},
) {
  let t = 1_000_000;
  const clock = { now: () => t, advance: (ms: number) => (t += ms) };
  const client = controlledClient(opts.auto ?? recordFor);
  const storage = opts.storage ?? memoryStorage();
  const resolver = createResolver({
    client,
    storage,
    verify: fakeVerify,
    now: clock.now,
    ttl: TTL,
    concurrency: opts.concurrency ?? 6,
    maxEntries: opts.maxEntries ?? 100,
    flushDelayMs: 0,
    ...(opts.reportStamp ? { reportStamp: opts.reportStamp } : {}),
  });
  return { resolver, client, storage, clock };
}

describe('resolver states', () => {
  it('record → verify → bound result with headline and summary', async () => {
    const { resolver } = setup();
    const r = await resolver.lookup(ax('2404.00001', 2));
    expect(r).toMatchObject({
      key: 'arxiv:2404.00001',
      state: 'verified',
      pithNumber: 'pith:2024:AAAAAAAABBBBBBBBCCCCCCCCDD',
      headline: 'Headline 2404.00001',
      summary: 'Summary 2404.00001',
      host: 'pith.test',
    });
    expect(r.report?.checks.find((c) => c.name === 'binding')?.outcome).toBe('pass');
    expect((r.record as { record_type: string }).record_type).toBe('pith_number_record');
    expect(r.stale).toBeUndefined();
  });

  it('a record for another arXiv id is a mismatch; another version is a note', async () => {
    const { resolver } = setup({ auto: () => ({ kind: 'record', text: recordText('2404.77777'), host: 'h', url: 'u' }) });
    expect((await resolver.lookup(ax('2404.00001'))).state).toBe('mismatch');
    const { resolver: r2 } = setup();
    const v = await r2.lookup(ax('2404.00001', 5));
    expect(v.state).toBe('verified');
    expect(v.versionNote).toBe('record is for v2');
  });

  it('a page title that does not hash to the record is a mismatch', async () => {
    const { resolver } = setup();
    expect((await resolver.lookup(ax('2404.00001'), { title: 'Some title' })).state).toBe('mismatch');
  });

  it('invalid stays invalid; a throwing verifier becomes invalid', async () => {
    const { resolver } = setup({ auto: (id) => ({ kind: 'record', text: recordText(id.id, { bad: true }), host: 'h', url: 'u' }) });
    expect((await resolver.lookup(ax('2404.00001'), { title: 'x' })).state).toBe('invalid');
    const client = controlledClient(recordFor);
    const r = createResolver({
      client,
      storage: memoryStorage(),
      verify: () => {
        throw new Error('boom');
      },
      flushDelayMs: 0,
    });
    expect((await r.lookup(ax('2404.00001'))).state).toBe('invalid');
  });

  it('404 → not-found; error without cache → error with a reason', async () => {
    const { resolver } = setup();
    expect(await resolver.lookup(ax('9999.00001'))).toMatchObject({ state: 'not-found', host: 'pith.test' });
    const { resolver: r2 } = setup({ auto: () => ({ kind: 'error', reason: 'the resolver could not be reached (network error)' }) });
    expect(await r2.lookup(ax('2404.00001'))).toMatchObject({ state: 'error', reason: 'the resolver could not be reached (network error)' });
    const { resolver: r3 } = setup({ auto: () => Promise.reject(new Error('client bug')) });
    expect((await r3.lookup(ax('2404.00001'))).state).toBe('error');
  });
});

describe('dedup and concurrency', () => {
  it('two callers for one id share one request', async () => {
    const c2 = controlledClient();
    const r = createResolver({ client: c2, storage: memoryStorage(), verify: fakeVerify, flushDelayMs: 0 });
    const a = r.lookup(ax('2404.00001'));
    const b = r.lookup(ax('2404.00001', 3), { title: undefined });
    await vi.waitFor(() => expect(c2.pending).toHaveLength(1));
    c2.pending[0]!.resolve({ kind: 'record', text: recordText('2404.00001'), host: 'h', url: 'u' });
    const [ra, rb] = await Promise.all([a, b]);
    expect(c2.calls).toHaveLength(1);
    expect(ra.state).toBe('verified');
    expect(rb.versionNote).toBe('record is for v2');
  });

  it('never runs more than `concurrency` requests at once', async () => {
    const { resolver, client } = setup({ concurrency: 3 });
    const ids = Array.from({ length: 20 }, (_, i) => ax(`2404.${String(i).padStart(5, '0')}`));
    const out = await Promise.all(ids.map((id) => resolver.lookup(id)));
    expect(out.every((r) => r.state === 'verified')).toBe(true);
    expect(client.calls).toHaveLength(20);
    expect(client.maxActive).toBe(3);
  });
});

describe('cache TTLs', () => {
  it('fresh: no network; stale: served at once and refreshed in the background; expired: refetched', async () => {
    const { resolver, client, clock } = setup();
    await resolver.lookup(ax('2404.00001'));
    expect(client.calls).toHaveLength(1);
    clock.advance(0.5 * H);
    expect((await resolver.lookup(ax('2404.00001'))).state).toBe('verified');
    expect(client.calls).toHaveLength(1);

    clock.advance(2 * H); // stale window
    const s = await resolver.lookup(ax('2404.00001'));
    expect(s.state).toBe('verified');
    expect(s.fetchedAt).toBe(1_000_000);
    await resolver.idle();
    expect(client.calls).toHaveLength(2);
    const after = await resolver.lookup(ax('2404.00001'));
    expect(after.fetchedAt).toBe(clock.now());
    expect(client.calls).toHaveLength(2);

    clock.advance(48 * H); // beyond stale
    const e = await resolver.lookup(ax('2404.00001'));
    expect(client.calls).toHaveLength(3);
    expect(e.fetchedAt).toBe(clock.now());
  });

  it('force refetches', async () => {
    const { resolver, client } = setup();
    await resolver.lookup(ax('2404.00001'));
    await resolver.lookup(ax('2404.00001'), {}, { force: true });
    expect(client.calls).toHaveLength(2);
  });

  it('negative entries live shorter', async () => {
    const { resolver, client, clock } = setup();
    expect((await resolver.lookup(ax('9999.00001'))).state).toBe('not-found');
    clock.advance(0.25 * H);
    expect((await resolver.lookup(ax('9999.00001'))).state).toBe('not-found');
    expect(client.calls).toHaveLength(1);
    clock.advance(0.5 * H);
    await resolver.lookup(ax('9999.00001'));
    expect(client.calls).toHaveLength(2);
  });

  it('stale-on-error: a cached record is served marked stale with state error and the report kept', async () => {
    let fail = false;
    const { resolver, clock } = setup({
      auto: (id) => (fail ? { kind: 'error', reason: 'the resolver had a server error (HTTP 500)', status: 500 } : recordFor(id)),
    });
    await resolver.lookup(ax('2404.00001'));
    fail = true;
    clock.advance(30 * 24 * H);
    const r = await resolver.lookup(ax('2404.00001'));
    expect(r).toMatchObject({ state: 'error', stale: true, pithNumber: 'pith:2024:AAAAAAAABBBBBBBBCCCCCCCCDD', headline: 'Headline 2404.00001' });
    expect(r.reason).toMatch(/server error/);
    expect(r.report?.state).toBe('verified');
    const forced = await resolver.lookup(ax('2404.00001'), {}, { force: true });
    expect(forced).toMatchObject({ state: 'error', stale: true });
  });
});

describe('cache storage', () => {
  it('LRU bound: the least recently used entries go, writes are batched', async () => {
    const { resolver, storage, clock } = setup({ maxEntries: 3 });
    for (const n of [1, 2, 3]) {
      await resolver.lookup(ax(`2404.0000${n}`));
      clock.advance(1000);
    }
    await resolver.lookup(ax('2404.00001')); // touch 1: 2 is now the oldest
    clock.advance(1000);
    await resolver.lookup(ax('2404.00004'));
    await resolver.idle();
    const keys = [...storage.data.keys()].filter((k) => k.startsWith(ENTRY_PREFIX)).sort();
    expect(keys).toEqual(['pl:c:arxiv:2404.00001', 'pl:c:arxiv:2404.00003', 'pl:c:arxiv:2404.00004']);
    const index = storage.data.get(INDEX_KEY) as { v: number; e: Record<string, number> };
    expect(Object.keys(index.e).sort()).toEqual(keys);
    expect(await resolver.cache.size()).toBe(3);
  });

  it('stores the record text (bigint-safe), fetchedAt, host and the page-independent report', async () => {
    // The literal is meant to lose precision: the record text must keep the digits JSON.parse would not.
    // eslint-disable-next-line no-loss-of-precision
    const big = recordText('2404.00001', { n: 123456789012345678901234567890 });
    const text = big.replace('1.2345678901234568e+29', '123456789012345678901234567890');
    const { resolver, storage } = setup({ auto: () => ({ kind: 'record', text, host: 'pith.test', url: 'u' }) });
    await resolver.lookup(ax('2404.00001'), { title: 'wrong title' });
    await resolver.idle();
    const e = storage.data.get('pl:c:arxiv:2404.00001') as { text: string; host: string; fetchedAt: number; report: VerifyReport; v: number };
    expect(e.text).toBe(text);
    expect(e.text).toContain('123456789012345678901234567890');
    expect(e).toMatchObject({ host: 'pith.test', fetchedAt: 1_000_000, v: CACHE_VERSION });
    expect(e.report.state).toBe('verified'); // not the page's mismatch
  });

  it('recent entries are answered from memory: a warm lookup makes no storage read; clear() forgets them', async () => {
    const { resolver, storage, client } = setup();
    await resolver.lookup(ax('2404.00001'));
    await resolver.idle();
    const reads = storage.ops.get;
    expect((await resolver.lookup(ax('2404.00001'))).state).toBe('verified');
    expect(storage.ops.get).toBe(reads);
    expect(client.calls).toHaveLength(1);
    await resolver.clear();
    await resolver.lookup(ax('2404.00001'));
    expect(client.calls).toHaveLength(2);
  });

  it('corrupted entries are ignored and removed', async () => {
    const storage = memoryStorage({
      [INDEX_KEY]: { v: CACHE_VERSION, e: { 'pl:c:arxiv:2404.00001': 1 } },
      'pl:c:arxiv:2404.00001': { v: CACHE_VERSION, kind: 'record', text: 42 },
      'pl:c:arxiv:2404.00002': 'garbage',
    });
    const { resolver, client } = setup({ storage });
    const r = await resolver.lookup(ax('2404.00001'));
    expect(r.state).toBe('verified');
    expect(client.calls).toHaveLength(1);
    await resolver.lookup(ax('2404.00002'));
    await resolver.idle();
    expect((storage.data.get('pl:c:arxiv:2404.00001') as { text: string }).text).toContain('2404.00001');
    expect(typeof storage.data.get('pl:c:arxiv:2404.00002')).toBe('object');
  });

  it('a corrupted entry that is not refetched is removed from storage', async () => {
    const storage = memoryStorage({ [INDEX_KEY]: { v: CACHE_VERSION, e: {} }, 'pl:c:arxiv:2404.00009': { v: CACHE_VERSION, kind: 'nope' } });
    const { resolver } = setup({ storage, auto: () => ({ kind: 'error', reason: 'offline' }) });
    expect((await resolver.lookup(ax('2404.00009'))).state).toBe('error');
    await resolver.idle();
    expect(storage.data.has('pl:c:arxiv:2404.00009')).toBe(false);
  });

  it('a version stamp change drops old entries instead of crashing', async () => {
    const storage = memoryStorage({
      [INDEX_KEY]: { v: CACHE_VERSION - 1, e: { 'pl:c:arxiv:2404.00001': 5 } },
      'pl:c:arxiv:2404.00001': { v: CACHE_VERSION - 1, something: 'old shape' },
      'pl:c:arxiv:2404.00002': { v: CACHE_VERSION - 1, other: true },
      unrelated: 'kept',
    });
    const { resolver, client } = setup({ storage });
    const r = await resolver.lookup(ax('2404.00003'));
    expect(r.state).toBe('verified');
    await resolver.idle();
    expect(storage.data.has('pl:c:arxiv:2404.00001')).toBe(false);
    expect(storage.data.has('pl:c:arxiv:2404.00002')).toBe(false);
    expect(storage.data.get('unrelated')).toBe('kept');
    expect((storage.data.get(INDEX_KEY) as { v: number }).v).toBe(CACHE_VERSION);
    expect(client.calls).toHaveLength(1);
  });

  it('a new reportStamp re-verifies cached text without the network', async () => {
    const storage = memoryStorage();
    const a = setup({ storage, reportStamp: 'trust-1' });
    await a.resolver.lookup(ax('2404.00001'));
    await a.resolver.idle();
    fakeVerify.mockClear();
    const b = setup({ storage, reportStamp: 'trust-2' });
    expect((await b.resolver.lookup(ax('2404.00001'))).state).toBe('verified');
    expect(fakeVerify).toHaveBeenCalledTimes(1);
    expect(b.client.calls).toHaveLength(0);
  });

  it('storage failures never fail a lookup', async () => {
    const broken = { get: () => Promise.reject(new Error('x')), set: () => Promise.reject(new Error('quota')), remove: () => Promise.reject(new Error('x')) };
    const client = controlledClient(recordFor);
    const r = createResolver({ client, storage: broken, verify: fakeVerify, flushDelayMs: 0 });
    expect((await r.lookup(ax('2404.00001'))).state).toBe('verified');
    await r.idle();
  });

  it('clear() and stats()', async () => {
    const { resolver, storage } = setup();
    await resolver.lookup(ax('2404.00001'));
    await resolver.lookup(ax('9999.00001'));
    await resolver.lookup(ax('2404.00001'));
    const s = await resolver.stats();
    expect(s).toMatchObject({ entries: 2, records: 1, notFound: 1, hits: 1, misses: 2, fetches: 2, version: CACHE_VERSION });
    expect(s.bytes).toBeGreaterThan(100);
    await resolver.clear();
    expect([...storage.data.keys()].filter((k) => k.startsWith(ENTRY_PREFIX))).toEqual([]);
    expect((await resolver.stats()).entries).toBe(0);
  });
});

describe('lookupMany', () => {
  it('answers cached ones first from one storage read, then streams the rest', async () => {
    const storage = memoryStorage();
    const { resolver, client } = setup({ storage });
    await resolver.lookup(ax('2404.00001'));
    await resolver.lookup(ax('2404.00002'));
    await resolver.idle();
    const before = storage.ops.get;
    const seen: LookupResult[] = [];
    await resolver.lookupMany(
      [{ id: ax('2404.00003') }, { id: ax('2404.00001') }, { id: ax('9999.00001') }, { id: ax('2404.00002'), title: 'wrong' }, { id: ax('2404.00003') }],
      (r) => seen.push(r),
    );
    expect(storage.ops.get - before).toBe(1);
    expect(seen.slice(0, 2).map((r) => [r.key, r.state])).toEqual([
      ['arxiv:2404.00001', 'verified'],
      ['arxiv:2404.00002', 'mismatch'],
    ]);
    expect(seen).toHaveLength(5);
    expect(seen.filter((r) => r.key === 'arxiv:2404.00003')).toHaveLength(2);
    expect(client.calls.filter((c) => c.id === '2404.00003')).toHaveLength(1);
    expect(seen.find((r) => r.key === 'arxiv:9999.00001')?.state).toBe('not-found');
    expect(seen.every((r) => r.record === undefined)).toBe(true);
  });

  it('a warm 2,000-row listing re-verifies nothing and makes no request', async () => {
    const { resolver, client } = setup({ maxEntries: 5000 });
    const papers = Array.from({ length: 2000 }, (_, i) => ({ id: ax(`2404.${String(i).padStart(5, '0')}`) }));
    await resolver.lookupMany(papers, () => {});
    await resolver.idle();
    expect(client.calls).toHaveLength(2000);
    fakeVerify.mockClear();
    const out: LookupResult[] = [];
    await resolver.lookupMany(papers, (r) => out.push(r));
    expect(out).toHaveLength(2000);
    expect(out.every((r) => r.state === 'verified')).toBe(true);
    expect(fakeVerify).not.toHaveBeenCalled();
    expect(client.calls).toHaveLength(2000);
  });

  it('an aborted listing (tab closed) stops sending ids to the network', async () => {
    const { resolver, client } = setup({ concurrency: 2 });
    const papers = Array.from({ length: 100 }, (_, i) => ({ id: ax(`2404.${String(i).padStart(5, '0')}`) }));
    const stop = new AbortController();
    const seen: LookupResult[] = [];
    await resolver.lookupMany(
      papers,
      (r) => {
        seen.push(r);
        if (seen.length === 3) stop.abort();
      },
      { signal: stop.signal },
    );
    // The two in flight when it was aborted finish; nothing new starts.
    expect(client.calls.length).toBeLessThanOrEqual(4);
    expect(seen.length).toBe(client.calls.length);
  });

  it('a throwing listener does not stop the stream', async () => {
    const { resolver } = setup();
    let n = 0;
    await resolver.lookupMany([{ id: ax('2404.00001') }, { id: ax('2404.00002') }], () => {
      n++;
      throw new Error('listener');
    });
    expect(n).toBe(2);
  });
});
