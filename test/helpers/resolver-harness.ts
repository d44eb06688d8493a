/**
 * A resolver on a client the test controls, a fake verifier and a clock it
 * advances: shared by the resolver, cache and lookupMany tests.
 */
import { vi } from 'vitest';
import { createResolver } from '../../lib/resolver/resolver';
import { memoryStorage } from '../../lib/resolver/storage';
import type { Verify } from '../../lib/resolver/record-entry';
import type { ClientResult } from '../../lib/pith/client';
import type { PaperId } from '../../lib/ids/key';
import type { VerifyReport } from '../../lib/pith/report';

export const H = 60 * 60 * 1000;
const TTL = { fresh: 1 * H, stale: 24 * H, negative: 0.5 * H };
export const ax = (id: string, version?: number): PaperId => (version ? { kind: 'arxiv', id, version } : { kind: 'arxiv', id });

export function recordText(id: string, extra: Record<string, unknown> = {}): string {
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

export const fakeVerify = vi.fn<Verify>((text: string): VerifyReport => {
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
export function controlledClient(auto?: (id: PaperId) => ClientResult | Promise<ClientResult>) {
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

export const recordFor = (id: PaperId): ClientResult =>
  id.kind === 'arxiv' && id.id.startsWith('9999')
    ? { kind: 'not-found', host: 'pith.test' }
    : { kind: 'record', text: recordText(id.id), host: 'pith.test', url: 'x' };

export function setup(
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
