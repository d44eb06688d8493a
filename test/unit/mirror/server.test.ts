/**
 * The resolver against the real local mirror (port 0), for every fault switch.
 * Expected states:
 *   2404.14294 (seed, Pith key)          → verified
 *   real canonical records (no receipt)   → unsigned
 *   synthetic records (test key)          → unsigned (test keys are never pinned)
 *   2404.99998 / `tampered` fault         → invalid
 *   2404.99999, 2404.9999*, `404` fault   → not-found
 *   500, dropped connection, timeout, malformed JSON, 429 exhausted → error
 *   wrong schema: JSON that is not record-shaped → error (the client refuses it);
 *                 record-shaped JSON with wrong fields (`wrongSchema: 'record'`) → invalid (the verifier refuses it)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { startMirror, type Mirror } from '../../mirror/server';
import { createClient } from '../../../lib/pith/client';
import { createResolver } from '../../../lib/resolver/resolver';
import { memoryStorage } from '../../../lib/resolver/storage';
import { verify } from '../../../lib/pith/verify';
import type { PaperId } from '../../../lib/ids/key';
import type { LookupResult } from '../../../lib/messages';

let mirror: Mirror;
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  mirror = await startMirror({ port: 0, https: true });
});
afterAll(async () => {
  await mirror?.stop();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});
afterEach(() => {
  mirror.clearFaults();
  mirror.setResolveMode('pointer');
});

const SEED = '2404.14294';
const SEED_TITLE = 'A Survey on Efficient Inference for Large Language Models';
const ax = (id: string, version?: number): PaperId => (version ? { kind: 'arxiv', id, version } : { kind: 'arxiv', id });

function resolverFor(baseUrls = [mirror.url], o: { timeoutMs?: number; retries?: number } = {}) {
  const client = createClient({ baseUrls, fetch, timeoutMs: o.timeoutMs ?? 2000, retries: o.retries ?? 2, backoffMs: 5, maxDelayMs: 50 });
  return createResolver({ client, storage: memoryStorage(), verify: (t) => verify(t), flushDelayMs: 0 });
}

async function lookup(id: PaperId, page: { title?: string } = {}, o?: { timeoutMs?: number; retries?: number }): Promise<LookupResult> {
  const r = resolverFor(undefined, o);
  const out = await r.lookup(id, page);
  await r.idle();
  return out;
}

function raw(
  path: string,
  o: { host?: string; method?: string; body?: string; https?: boolean; accept?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = (o.https ? httpsRequest : httpRequest)(
      {
        host: '127.0.0.1',
        port: o.https ? mirror.httpsPort : mirror.port,
        path,
        method: o.method ?? 'GET',
        headers: { ...(o.host ? { Host: o.host } : {}), ...(o.accept ? { Accept: o.accept } : {}), ...(o.body ? { 'Content-Type': 'application/json' } : {}) },
        ...(o.https ? { rejectUnauthorized: false, servername: o.host ?? 'pith.science' } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(o.body);
  });
}

describe('record set', () => {
  it('the seed is verified, bound to its id and title', async () => {
    const r = await lookup(ax(SEED, 3), { title: SEED_TITLE });
    expect(r).toMatchObject({ state: 'verified', pithNumber: 'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2' });
    expect(r.headline).toMatch(/survey organizes/);
    expect(r.summary).toMatch(/surveys techniques/);
    expect(r.versionNote).toBeUndefined();
    expect((await lookup(ax(SEED, 1))).versionNote).toBe('record is for v3');
  });

  it('the seed by DOI, by Pith id (short and full) and with the resolve endpoint answering the full record', async () => {
    expect((await lookup({ kind: 'doi', id: '10.48550/arxiv.2404.14294' })).state).toBe('verified');
    expect((await lookup({ kind: 'pith', id: '7YXM6JRY' })).state).toBe('verified');
    expect((await lookup({ kind: 'pith', id: '7YXM6JRYOH4O5NBMCHKEPDPSW2' })).state).toBe('verified');
    mirror.setResolveMode('record');
    expect((await lookup(ax(SEED))).state).toBe('verified');
  });

  it('the five real canonical records are unsigned', async () => {
    for (const id of ['1903.07835', '2302.14782', '1306.0013', '2605.00424', '2304.01373']) {
      expect((await lookup(ax(id))).state, id).toBe('unsigned');
    }
  });

  it('synthetic records are unsigned and bind to the generated listing titles', async () => {
    const { titleFor, listingIds } = await import('../../fixtures/pages/generate-listing');
    const ids = listingIds(40).slice(25);
    for (const [i, id] of ids.entries()) {
      const r = await lookup(ax(id), { title: titleFor(id, 25 + i) });
      expect(r.state, id).toBe('unsigned');
      expect(r.headline).toMatch(/Synthetic headline/);
    }
    expect((await lookup(ax('hep-th/9901001'))).state).toBe('unsigned');
  });

  it('the tampered record is invalid; 2404.99999 and 2404.9999x are not found', async () => {
    expect((await lookup(ax('2404.99998'))).state).toBe('invalid');
    expect((await lookup(ax('2404.99999'))).state).toBe('not-found');
    expect((await lookup(ax('2404.99991'))).state).toBe('not-found');
    expect((await lookup({ kind: 'doi', id: '10.1145/3442188.3445922' })).state).toBe('not-found');
    expect((await lookup({ kind: 'pith', id: 'AAAAAAAAAAAA' })).state).toBe('not-found');
  });

  it('serves bundles, state, ld+json, mirrors and the signing key', async () => {
    const bundle = await raw('/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2/bundle.json');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['access-control-allow-origin']).toBe('*');
    expect(verify(bundle.body).state).toBe('verified');
    expect(JSON.parse((await raw('/pith/7YXM6JRY/state.json')).body).state_type).toBe('pith_open_graph_state');
    const ld = await raw('/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2', { accept: 'application/ld+json' });
    expect(JSON.parse(ld.body).record_type).toBe('pith_number_record');
    expect((await raw('/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2', { accept: 'text/html' })).body).toMatch(/<h1>/);
    const mirrors = JSON.parse((await raw('/pith-mirrors.json')).body) as { mirrors: { base_url: string }[] };
    expect(mirrors.mirrors[0]!.base_url).toBe(`http://127.0.0.1:${mirror.port}`);
    const keys = JSON.parse((await raw('/pith-signing-key.json')).body) as { keys: { key_id: string }[] };
    expect(keys.keys.map((k) => k.key_id)).toEqual(['pith-v1-2026-05', 'mirror-test-key']);
  });
});

describe('fault switches', () => {
  it('404 → not-found', async () => {
    mirror.setFault({ status: 404 });
    expect((await lookup(ax(SEED))).state).toBe('not-found');
  });

  it('500 → error after retries; a single 500 is retried away', async () => {
    mirror.setFault({ status: 500 });
    mirror.requests.reset();
    const r = await lookup(ax(SEED), {}, { retries: 2 });
    expect(r.state).toBe('error');
    expect(r.reason).toMatch(/HTTP 500/);
    expect(mirror.requests.counts()['/api/pith-number/resolve']).toBe(3);
    mirror.setFault({ status: 500, times: 1 });
    expect((await lookup(ax(SEED))).state).toBe('verified');
  });

  it('429 exhausted → error; 429 once with Retry-After → verified', async () => {
    mirror.setFault({ status: 429, retryAfter: 0 });
    const r = await lookup(ax(SEED), {}, { retries: 1 });
    expect(r.state).toBe('error');
    expect(r.reason).toMatch(/429/);
    mirror.setFault({ status: 429, retryAfter: 1, times: 1 });
    expect((await lookup(ax(SEED))).state).toBe('verified');
  });

  it('dropped connection → error', async () => {
    mirror.setFault({ drop: true });
    const r = await lookup(ax(SEED), {}, { retries: 1 });
    expect(r.state).toBe('error');
    expect(r.reason).toMatch(/could not be reached/);
  });

  it('latency beyond the timeout → error; small latency → verified', async () => {
    mirror.setFault({ latencyMs: 400 });
    const r = await lookup(ax(SEED), {}, { timeoutMs: 80, retries: 1 });
    expect(r.state).toBe('error');
    expect(r.reason).toMatch(/did not answer/);
    mirror.setFault({ latencyMs: 20 });
    expect((await lookup(ax(SEED))).state).toBe('verified');
  });

  it('malformed JSON → error', async () => {
    mirror.setFault({ malformed: true });
    const r = await lookup(ax(SEED));
    expect(r.state).toBe('error');
    expect(r.reason).toMatch(/not valid JSON/);
  });

  it('wrong schema → error (not record-shaped) or invalid (record-shaped)', async () => {
    mirror.setFault({ wrongSchema: true });
    expect((await lookup(ax(SEED))).state).toBe('error');
    mirror.setFault({ wrongSchema: 'record' });
    expect((await lookup(ax(SEED))).state).toBe('invalid');
  });

  it('tampered → invalid, also through the pointer path', async () => {
    mirror.setFault({ tampered: true });
    expect((await lookup(ax(SEED))).state).toBe('invalid');
    expect((await lookup({ kind: 'pith', id: '7YXM6JRY' })).state).toBe('invalid');
    expect((await lookup(ax('1903.07835'))).state).toBe('invalid');
  });

  it('per-id faults touch only that id (by arXiv id, DOI or Pith suffix)', async () => {
    mirror.setFault({ status: 500 }, SEED);
    expect((await lookup(ax(SEED), {}, { retries: 0 })).state).toBe('error');
    expect((await lookup(ax('1903.07835'))).state).toBe('unsigned');
    mirror.clearFaults();
    mirror.setFault({ status: 404 }, '10.48550/arxiv.1903.07835');
    expect((await lookup(ax('1903.07835'))).state).toBe('not-found');
    mirror.clearFaults();
    mirror.setFault({ tampered: true }, '7yxm6jryoh4o5nbmchkepdpsw2');
    expect((await lookup(ax(SEED))).state).toBe('invalid');
  });

  it('stale-on-error: a cached record is served stale with state error', async () => {
    const r = resolverFor(undefined, { retries: 0 });
    expect((await r.lookup(ax(SEED))).state).toBe('verified');
    mirror.setFault({ drop: true });
    const s = await r.lookup(ax(SEED), { title: SEED_TITLE }, { force: true });
    expect(s).toMatchObject({ state: 'error', stale: true, pithNumber: 'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2' });
    expect(s.report?.state).toBe('verified');
    await r.idle();
  });

  it('fails over from a dead base to the mirror', async () => {
    const r = resolverFor(['http://127.0.0.1:9', mirror.url], { retries: 0, timeoutMs: 1000 });
    const out = await r.lookup(ax(SEED));
    expect(out.state).toBe('verified');
    expect(out.host).toBe(`127.0.0.1:${mirror.port}`);
  });

  it('the HTTP control API flips faults and counts requests', async () => {
    expect(JSON.parse((await raw('/__mirror/fault', { method: 'POST', body: JSON.stringify({ fault: { status: 404 }, id: SEED }) })).body).faults).toEqual({
      [SEED]: { status: 404 },
    });
    expect((await lookup(ax(SEED))).state).toBe('not-found');
    await raw('/__mirror/fault', { method: 'POST', body: JSON.stringify({ clear: true }) });
    await raw('/__mirror/requests?reset=1');
    expect((await lookup(ax(SEED))).state).toBe('verified');
    const counts = JSON.parse((await raw('/__mirror/requests')).body) as { total: number; counts: Record<string, number> };
    expect(counts.counts).toEqual({ '/api/pith-number/resolve': 1, '/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2.json': 1 });
    expect((await raw('/__mirror/fault', { method: 'POST', body: 'nope' })).status).toBe(400);
  });

  it('lookupMany over the fixture listing ids streams every state without throwing', async () => {
    const { listingIds } = await import('../../fixtures/pages/generate-listing');
    const r = resolverFor();
    const seen = new Map<string, string>();
    await r.lookupMany(
      listingIds(25).map((id) => ({ id: ax(id) })),
      (x) => seen.set(x.id.id, x.state),
    );
    expect(seen.size).toBe(25);
    expect(seen.get(SEED)).toBe('verified');
    expect(seen.get('1903.07835')).toBe('unsigned');
    expect(seen.get('2404.99999')).toBe('not-found');
    expect(seen.get('2404.00001')).toBe('unsigned');
    await r.idle();
  });
});

describe('fixture pages and TLS', () => {
  it('serves pages by Host, with version fallback, search, PDF and the generated listing', async () => {
    const abs = await raw('/abs/2404.14294v3', { host: 'arxiv.org' });
    expect(abs.status).toBe(200);
    expect(abs.body).toMatch(/citation_title/);
    expect((await raw('/abs/2404.14294', { host: 'export.arxiv.org' })).status).toBe(200);
    expect((await raw('/search/?query=llm&searchtype=all', { host: 'arxiv.org' })).status).toBe(200);
    const pdf = await raw('/pdf/2404.14294v3', { host: 'arxiv.org' });
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    const list = await raw('/list/cs.CL/pastweek?show=2000', { host: 'arxiv.org' });
    expect(list.status).toBe(200);
    expect((list.body.match(/title="Abstract"/g) ?? []).length).toBe(2000);
    expect((await raw('/list/cs.CL/new', { host: 'www.arxiv.org' })).status).toBe(200);
    expect((await raw('/doi/10.1145/3442188.3445922', { host: 'publisher.example' })).status).toBe(200);
    expect((await raw('/abs/../../../etc/passwd', { host: 'arxiv.org' })).status).toBe(404);
    expect((await raw('/nothing-here', { host: 'arxiv.org' })).status).toBe(404);
  });

  it('answers over TLS as pith.science and arxiv.org', async () => {
    expect(mirror.httpsPort).toBeGreaterThan(0);
    const r = await raw('/api/pith-number/resolve?arxiv=2404.14294&json=true', { https: true, host: 'pith.science' });
    expect(JSON.parse(r.body).pith_number).toBe('pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect((await raw('/abs/2404.14294', { https: true, host: 'arxiv.org' })).body).toMatch(/citation_title/);
  });
});
