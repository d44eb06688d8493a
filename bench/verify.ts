/**
 * Verification throughput: records verified per second in Node and in the
 * extension's service worker, and the cost of a resolver cache hit in Node.
 *
 * The worker bundle does not expose verify(), so we bundle lib/pith/verify.ts
 * (the same source, same @noble versions) as an IIFE with esbuild and inject
 * it with worker.evaluate. That measures the verifier on the worker's V8 with
 * the worker's flags, without the message round trip and storage of a forced
 * lookup (those are in the page and popup figures).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { verify } from '../lib/pith/verify';
import { createResolver } from '../lib/resolver/resolver';
import { memoryStorage } from '../lib/resolver/storage';
import { ROOT } from './sizes';

export const SEED_RECORD = readFileSync(join(ROOT, 'test/fixtures/records/2404.14294v3.record.json'), 'utf8');
const SEED_ID = { kind: 'arxiv', id: '2404.14294' } as const;

/** Verify the seed record for ~`ms` milliseconds (after a warm-up); records per second. */
export function verifyRateNode(ms: number): number {
  const state = verify(SEED_RECORD).state;
  if (state !== 'verified') throw new Error(`seed record verifies as ${state} in Node`);
  for (let i = 0; i < 20; i++) verify(SEED_RECORD);
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    verify(SEED_RECORD);
    n++;
    t = performance.now();
  }
  return (n * 1000) / (t - t0);
}

let iife: Promise<string> | undefined;
/** lib/pith/verify.ts as an IIFE that sets globalThis.__pithBenchVerify. */
export function verifyBundle(): Promise<string> {
  iife ??= build({
    stdin: {
      contents: `import { verify } from './lib/pith/verify';\nglobalThis.__pithBenchVerify = verify;`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return iife;
}

/** Same loop inside the service worker. */
export async function verifyRateWorker(worker: Worker, ms: number): Promise<number> {
  const code = await verifyBundle();
  await worker.evaluate(code);
  const r = await worker.evaluate(
    ({ text, ms }) => {
      const v = (globalThis as unknown as { __pithBenchVerify: (t: string) => { state: string } }).__pithBenchVerify;
      const state = v(text).state;
      for (let i = 0; i < 20; i++) v(text);
      let n = 0;
      const t0 = performance.now();
      let t = t0;
      while (t - t0 < ms) {
        v(text);
        n++;
        t = performance.now();
      }
      return { state, rate: (n * 1000) / (t - t0) };
    },
    { text: SEED_RECORD, ms },
  );
  if (r.state !== 'verified') throw new Error(`seed record verifies as ${r.state} in the worker`);
  return r.rate;
}

/**
 * A cache hit: resolver.lookup from a warm memoryStorage (the record cached
 * and fresh; no network, no verification). Microseconds per lookup, with the
 * parsed record included (what the popup asks for) and without (lookupMany's
 * default, what a page gets).
 */
export async function cacheHitCost(iterations: number): Promise<{ withRecordUs: number; withoutRecordUs: number }> {
  let fetches = 0;
  const resolver = createResolver({
    client: {
      async resolve() {
        fetches++;
        return { kind: 'record', text: SEED_RECORD, host: 'bench.invalid' } as never;
      },
    },
    storage: memoryStorage(),
    verify: (t) => verify(t),
    flushDelayMs: 0,
  });
  const first = await resolver.lookup(SEED_ID);
  if (first.state !== 'verified') throw new Error(`resolver answers ${first.state} for the seed record`);
  await resolver.idle();
  const time = async (includeRecord: boolean) => {
    for (let i = 0; i < 50; i++) await resolver.lookup(SEED_ID, {}, { includeRecord });
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await resolver.lookup(SEED_ID, {}, { includeRecord });
    return ((performance.now() - t0) * 1000) / iterations;
  };
  const withRecordUs = await time(true);
  const withoutRecordUs = await time(false);
  if (fetches !== 1) throw new Error(`cache hits went to the network (${fetches} fetches)`);
  return { withRecordUs, withoutRecordUs };
}
