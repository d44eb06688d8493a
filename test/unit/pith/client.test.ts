import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../lib/pith/client';
import { RECORD, SUFFIX, client, json } from '../../helpers/fake-fetch';

const POINTER = { pith_number: `pith:2024:${SUFFIX}` };

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
