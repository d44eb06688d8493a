import { describe, expect, it, vi } from 'vitest';
import { createResolver } from '../../../lib/resolver/resolver';
import { memoryStorage } from '../../../lib/resolver/storage';
import { H, ax, controlledClient, fakeVerify, recordFor, recordText, setup } from '../../helpers/resolver-harness';

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
