/**
 * Attacks by a dishonest resolver or mirror on the extension's path (issue 13):
 * client → verify → cache → bind. The real signed seed record served with
 * unsigned text rewritten around it may not make the resolver say more than
 * was checked, and a cached report cannot vouch for itself.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PaperId } from '../../../lib/ids/key';
import { createClient } from '../../../lib/pith/client';
import { reportStamp } from '../../../lib/pith/trust';
import { verify } from '../../../lib/pith/verify';
import { LookupCache } from '../../../lib/resolver/cache';
import { CACHE_VERSION } from '../../../lib/resolver/cache-entry';
import { createResolver } from '../../../lib/resolver/resolver';
import { memoryStorage } from '../../../lib/resolver/storage';
import type { State } from '../../../lib/states';

const SEED_TEXT = readFileSync(new URL('../../fixtures/records/2404.14294v3.record.json', import.meta.url), 'utf8');
const SEED = { kind: 'arxiv', id: '2404.14294' } as const;
const SEED_TITLE = 'A Survey on Efficient Inference for Large Language Models';
const FOREIGN_DOI = '10.1145/3442188.3445922';

function recordClient(text: string) {
  let requests = 0;
  return {
    get requests() {
      return requests;
    },
    resolve: async () => {
      requests++;
      return { kind: 'record' as const, text, host: 'pith.science', url: 'https://pith.science/x' };
    },
  };
}

describe('a cached report is only reused under its verifier’s stamp', () => {
  it('a forged entry (a "verified" report over an unsigned text) under another stamp is re-verified: not verified', async () => {
    const unsigned = JSON.parse(SEED_TEXT);
    delete unsigned.receipt;
    const storage = memoryStorage();
    const cache = new LookupCache(storage, { flushDelayMs: 0 });
    const forgedReport = { ...verify(SEED_TEXT), state: 'verified' as const };
    await cache.put('arxiv:2404.14294', {
      v: CACHE_VERSION,
      kind: 'record',
      fetchedAt: Date.now(),
      host: 'pith.science',
      text: JSON.stringify(unsigned),
      stamp: `${CACHE_VERSION}:default`,
      report: forgedReport,
      bind: { source: { id: '2404.14294', kind: 'arxiv', version: 3 }, dois: [] },
    });
    await cache.flush();
    const client = recordClient(SEED_TEXT);
    const resolver = createResolver({ client, storage, verify: (t) => verify(t), reportStamp: reportStamp('9.9.9'), flushDelayMs: 0 });
    const r = await resolver.lookup(SEED);
    expect(r.state).toBe('unsigned');
    expect(client.requests).toBe(0);
  });
});

describe('a dishonest server cannot fill the disk', () => {
  it('an oversized record is verified and shown but not cached', async () => {
    const big = JSON.parse(SEED_TEXT);
    big.padding = 'x'.repeat(300 * 1024);
    const text = JSON.stringify(big);
    const client = recordClient(text);
    const storage = memoryStorage();
    const resolver = createResolver({ client, storage, verify: (t) => verify(t), flushDelayMs: 0 });
    const first = await resolver.lookup(SEED);
    expect(first.state).toBe('verified');
    expect(first.recordText).toBe(text);
    await resolver.idle();
    expect([...storage.data.keys()].filter((k) => k.startsWith('pl:c:'))).toEqual([]);
    expect((await resolver.stats()).tooLarge).toBe(1);
    // Not cached: the next lookup asks again.
    await resolver.lookup(SEED);
    expect(client.requests).toBe(2);
  });
});

/** How much a state vouches for: a mutation may lower it, never raise it. */
const TRUST: Record<State, number> = { verified: 3, unconfirmed: 2, unsigned: 1, mismatch: 0, invalid: 0, 'not-found': 0, error: 0, pending: 0 };

const PAGES: { id: PaperId; title?: string }[] = [
  { id: { kind: 'arxiv', id: '2404.14294', version: 3 }, title: SEED_TITLE },
  { id: { kind: 'arxiv', id: '2404.14294' } },
  { id: { kind: 'doi', id: '10.48550/arXiv.2404.14294' } },
  { id: { kind: 'doi', id: FOREIGN_DOI } },
  { id: { kind: 'doi', id: FOREIGN_DOI }, title: SEED_TITLE },
  { id: { kind: 'pith', id: '7YXM6JRY' } },
  { id: { kind: 'arxiv', id: '2404.14295' } },
];

/** A JSON value a hostile resolver might put anywhere outside the signed parts. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(
    [{ alias_kind: 'doi', alias_value: FOREIGN_DOI }],
    [{ alias_kind: 'doi', alias_value: '10.48550/arxiv.2404.14295' }],
    [{ alias_kind: 'arxiv', alias_value: '2404.14295' }],
    { title: 'Retracted: fabricated results', authors_text: 'Nobody' },
    { kind: 'arxiv', id: '2404.14295', version: 1 },
    'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2',
    'verified',
  ),
);

/** Mutations of any field outside `canonical_record` and `receipt`: replace, delete, or rewrite one level down. */
const mutation = fc.record({
  key: fc.constantFrom(...Object.keys(JSON.parse(SEED_TEXT)).filter((k) => k !== 'canonical_record' && k !== 'receipt'), 'extra'),
  op: fc.constantFrom('replace', 'delete', 'nested'),
  sub: fc.constantFrom('title', 'authors_text', 'headline', 'alias_value', 'id', 'kind', '0', 'x'),
  value: hostileValue,
});

function mutate(text: string, muts: { key: string; op: string; sub: string; value: unknown }[]): string {
  const rec = JSON.parse(text) as Record<string, unknown>;
  for (const m of muts) {
    // A copy: fast-check hands out the same constant objects to every run, and a nested rewrite
    // must neither change them for later runs nor tie one to itself (JSON text has no cycles).
    const value = structuredClone(m.value);
    if (m.op === 'delete') delete rec[m.key];
    else if (m.op === 'replace') rec[m.key] = value;
    else {
      const cur = rec[m.key];
      if (Array.isArray(cur)) cur.push(value);
      else if (cur && typeof cur === 'object') (cur as Record<string, unknown>)[m.sub] = value;
      else rec[m.key] = { [m.sub]: value };
    }
  }
  return JSON.stringify(rec);
}

/** The extension's path: client → verify → cache → bind, with the served text as the resolver sent it. */
async function stateThroughResolver(text: string, page: { id: PaperId; title?: string }): Promise<State> {
  const resolver = createResolver({
    client: { resolve: async () => ({ kind: 'record', text, host: 'pith.science', url: 'https://pith.science/x' }) },
    storage: memoryStorage(),
    verify: (t) => verify(t),
    flushDelayMs: 0,
  });
  const first = await resolver.lookup(page.id, page.title !== undefined ? { title: page.title } : {});
  // And again from the cache: a stored entry may not vouch for more than the fresh answer.
  const again = await resolver.lookup(page.id, page.title !== undefined ? { title: page.title } : {});
  expect(again.state).toBe(first.state);
  return first.state;
}

describe('property: unsigned fields cannot raise trust', () => {
  const base = new Map<number, State>();
  beforeAll(async () => {
    for (const [i, p] of PAGES.entries()) base.set(i, await stateThroughResolver(SEED_TEXT, p));
    // The seed itself: verified on its own ids, unconfirmed for the foreign DOI, mismatch for another paper.
    expect([...base.values()]).toEqual(['verified', 'verified', 'verified', 'unconfirmed', 'verified', 'verified', 'mismatch']);
  });

  it('for random mutations outside canonical_record and receipt, the state is never more trusting', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: PAGES.length - 1 }), async (muts, pageIndex) => {
        const page = PAGES[pageIndex]!;
        const mutated = await stateThroughResolver(mutate(SEED_TEXT, muts), page);
        expect(TRUST[mutated]).toBeLessThanOrEqual(TRUST[base.get(pageIndex)!]);
        // verify() alone (the CLI's `verify --arxiv/--title`) agrees.
        const direct = verify(mutate(SEED_TEXT, muts), { pageId: page.id, ...(page.title !== undefined ? { pageTitle: page.title } : {}) }).state;
        expect(TRUST[direct]).toBeLessThanOrEqual(TRUST[base.get(pageIndex)!]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('what the popup is told about where and what was served', () => {
  it('"served by" is the host that answered after redirects, and the record text is kept exactly as served', async () => {
    const fetchRedirected: typeof fetch = async () => {
      const res = new Response(SEED_TEXT, { status: 200, headers: { 'content-type': 'application/json' } });
      // fetch follows redirects; the Response's url is where it ended.
      Object.defineProperty(res, 'url', { value: 'https://mirror.elsewhere.example/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2.json' });
      return res;
    };
    const resolver = createResolver({
      client: createClient({ baseUrls: ['https://pith.science'], fetch: fetchRedirected, retries: 0 }),
      storage: memoryStorage(),
      verify: (t) => verify(t),
      flushDelayMs: 0,
    });
    const r = await resolver.lookup({ kind: 'arxiv', id: '2404.14294' });
    expect(r.state).toBe('verified');
    expect(r.host).toBe('mirror.elsewhere.example');
    expect(r.recordText).toBe(SEED_TEXT);
  });
});
