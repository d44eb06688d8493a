/**
 * Attacks by a dishonest resolver or mirror (issue 13): the real signed seed
 * record served with unsigned text rewritten around it. None of them may make
 * the extension's core or the CLI say more than was checked.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main, EXIT, type CliIo } from '../../../cli/main';
import { nodeIo } from '../../../cli/node-io';
import type { PaperId } from '../../../lib/ids/key';
import { verify } from '../../../lib/pith/verify';
import { createClient } from '../../../lib/pith/client';
import { createResolver } from '../../../lib/resolver/resolver';
import { memoryStorage } from '../../../lib/resolver/storage';
import type { State } from '../../../lib/states';
import { startMirror, type Mirror } from '../../mirror/server';

const SEED_TEXT = readFileSync(new URL('../../fixtures/records/2404.14294v3.record.json', import.meta.url), 'utf8');
const SEED_TITLE = 'A Survey on Efficient Inference for Large Language Models';
const FOREIGN_DOI = '10.1145/3442188.3445922';

let mirror: Mirror;
beforeAll(async () => {
  mirror = await startMirror({ port: 0 });
});
afterAll(async () => {
  await mirror?.stop();
});
afterEach(() => mirror.clearFaults());

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { ...nodeIo, stdout: (t) => (out += t), stderr: (t) => (err += t) };
  return { code: await main(argv, io), out, err };
}

describe('an unsigned DOI alias does not bind', () => {
  it('CLI: the real signed record served for a foreign DOI, with that DOI added to its aliases, is UNCONFIRMED (exit 6)', async () => {
    mirror.setFault({ answerWith: '2404.14294', extraAliases: [{ alias_kind: 'doi', alias_value: FOREIGN_DOI }] }, FOREIGN_DOI);
    const r = await cli(['resolve', FOREIGN_DOI, '--base', mirror.url]);
    expect(r.code).toBe(EXIT.unconfirmed);
    expect(r.code).toBe(6);
    expect(r.out).toMatch(/^UNCONFIRMED/);
    expect(r.out).not.toMatch(/VERIFIED/);
    const json = await cli(['resolve', FOREIGN_DOI, '--base', mirror.url, '--json']);
    const parsed = JSON.parse(json.out);
    expect(parsed.state).toBe('unconfirmed');
    const binding = parsed.report.checks.find((c: { name: string }) => c.name === 'binding');
    expect(binding.outcome).not.toBe('pass');
    expect(binding.detail).toContain('resolver');
  });

  it('CLI: the same DOI with no alias at all is unconfirmed too; the arXiv DOI derived from the signed source still verifies', async () => {
    mirror.setFault({ answerWith: '2404.14294' }, FOREIGN_DOI);
    expect((await cli(['resolve', FOREIGN_DOI, '--base', mirror.url])).code).toBe(EXIT.unconfirmed);
    expect((await cli(['resolve', '10.48550/arXiv.2404.14294', '--base', mirror.url])).code).toBe(EXIT.verified);
  });

  it('a page title that hashes to the signed title binds a DOI the signature does not name', () => {
    const rec = JSON.parse(SEED_TEXT);
    rec.aliases.push({ alias_kind: 'doi', alias_value: FOREIGN_DOI });
    expect(verify(rec, { pageId: { kind: 'doi', id: FOREIGN_DOI } }).state).toBe('unconfirmed');
    expect(verify(rec, { pageId: { kind: 'doi', id: FOREIGN_DOI }, pageTitle: SEED_TITLE }).state).toBe('verified');
    expect(verify(rec, { pageId: { kind: 'doi', id: FOREIGN_DOI }, pageTitle: 'On the Dangers of Stochastic Parrots' }).state).toBe('mismatch');
  });
});

describe('a forged served title is never the verified paper’s identity', () => {
  it('the state stays verified and the title check fails (the popup labels it: popup-attacks.test.tsx)', async () => {
    mirror.setFault({ paper: { title: 'Retracted: fabricated results', authors_text: 'Nobody' } }, '2404.14294');
    const r = await cli(['resolve', '2404.14294', '--base', mirror.url, '--json']);
    const parsed = JSON.parse(r.out);
    expect(parsed.state).toBe('verified');
    const title = parsed.report.checks.find((c: { name: string }) => c.name === 'title');
    expect(title.outcome).toBe('fail');
    expect(title.detail).toContain('shown as served');
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
    if (m.op === 'delete') delete rec[m.key];
    else if (m.op === 'replace') rec[m.key] = m.value;
    else {
      const cur = rec[m.key];
      if (Array.isArray(cur)) cur.push(m.value);
      else if (cur && typeof cur === 'object') (cur as Record<string, unknown>)[m.sub] = m.value;
      else rec[m.key] = { [m.sub]: m.value };
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

describe('the built command line (`npx pith-lens`, dist/pith-lens.mjs)', () => {
  it('prints UNCONFIRMED and exits 6 for the foreign DOI a dishonest resolver vouches for', async () => {
    const { execFileSync, spawn } = await import('node:child_process');
    const root = new URL('../../../', import.meta.url).pathname;
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    mirror.setFault({ answerWith: '2404.14294', extraAliases: [{ alias_kind: 'doi', alias_value: FOREIGN_DOI }] }, FOREIGN_DOI);
    // Asynchronously: the mirror answers from this process.
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((ok) => {
        const child = spawn(process.execPath, ['dist/pith-lens.mjs', ...args], { cwd: root });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('close', (code) => ok({ code, out }));
      });
    const r = await run(['resolve', FOREIGN_DOI, '--base', mirror.url]);
    expect(r.out).toMatch(/^UNCONFIRMED/);
    expect(r.code).toBe(6);
  });
});
