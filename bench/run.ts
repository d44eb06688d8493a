/**
 * npm run bench [-- --runs N] [--quick] [--ci] [--build] [--only a,b]
 *
 * Chromium + the local mirror + the fixture pages. Prints one JSON object
 * (stdout), then a readable table (stderr), writes bench/results.json, and
 * exits 1 when a budget (bench/budgets.json) is exceeded. See bench/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { World } from '../test/e2e/setup';
import { snapshotExtension, startBenchWorld } from './world';
import * as B from './browser';
import { ensureBuilt, measureSizes, ROOT, staleBuilds, type TargetSizes } from './sizes';
import { figure, fmt, round, type Figure } from './stats';
import { cacheHitCost, verifyRateNode, verifyRateWorker } from './verify';
import { floorRun, scrollCost, scrollFloorRun, type ScrollCost } from './floor';

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const value = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const quick = flag('quick');
const ci = flag('ci');
const runs = Math.max(1, Number(value('runs') ?? (quick ? 2 : 5)) | 0);
/** The 2,000-row listing runs are the slow ones: one in --quick. */
const listingRuns = quick && value('runs') === undefined ? 1 : runs;
/**
 * Cold 2,000-row listings take minutes today (see bench/README.md): at most
 * 3 of them unless asked (--cold-listing-runs N).
 */
const coldListingRuns = Math.max(1, Number(value('cold-listing-runs') ?? Math.min(listingRuns, 3)) | 0);
const only = new Set((value('only') ?? 'sizes,verify,abstract,listing,popup,memory').split(','));
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

// ---------------------------------------------------------------- helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function times<T>(n: number, what: string, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    out.push(await fn(i));
    log(`${what} ${i + 1}/${n}`);
  }
  return out;
}
const fig = <T>(list: T[], f: (x: T) => number) => figure(list.map(f));

/** Let the background write its cache (the resolver batches writes, 200 ms) and go quiet. */
async function settle(world: World): Promise<void> {
  await sleep(400);
  world.mirror.requests.reset();
}

/** `n` loads of `url` with the cache cleared before each and every Pith request `latencyMs` slower (0: none). */
function coldRuns(world: World, n: number, what: string, url: string, expect: number | null, latencyMs: number, timeoutMs?: number): Promise<B.BadgeRun[]> {
  return times(n, `${what} +${latencyMs} ms`, async () => {
    await B.clearCache(world);
    world.mirror.setFault(latencyMs ? { latencyMs } : null);
    try {
      const r = await B.badgeRun(world, url, expect, timeoutMs);
      await settle(world);
      return r;
    } finally {
      world.mirror.setFault(null);
    }
  });
}

/** Median and p90 of the per-run scroll figures. */
function scrollFigures(list: ScrollCost[]): { scrollFrame: Figure; scrollFrameP90: Figure } {
  return { scrollFrame: fig(list, (s) => s.median), scrollFrameP90: fig(list, (s) => s.p90) };
}

/** The floor's inline-blocks per frame: ≈30–40 ms frames on the 2,000-row listing here (bench/README.md). */
const FLOOR_PER_FRAME = 100;

// ---------------------------------------------------------------- the run

interface Results {
  meta: Record<string, unknown>;
  sizes?: Record<string, Record<string, { raw: number; gzip: number }>> & { files?: Record<string, TargetSizes['files']> };
  verify?: Record<string, Figure>;
  abstract?: Record<string, Record<string, Figure | unknown>>;
  listing?: Record<string, Record<string, Figure | unknown>>;
  popup?: Record<string, Figure | unknown>;
  memory?: Record<string, Figure>;
  budgets?: BudgetResult[];
}
interface BudgetResult {
  id: string;
  what: string;
  /** size: fails in every mode; time and ratio (metric ÷ over, both from this run): warn only with --ci. */
  kind: 'size' | 'time' | 'ratio';
  metric: string;
  /** ratio: the denominator's metric. */
  over?: string;
  max?: number;
  /** A floor instead of a ceiling (a share of runs, say). */
  min?: number;
  unit: string;
  value: number | null;
  status: 'pass' | 'fail' | 'warn' | 'missing';
}

async function main(): Promise<number> {
  const started = Date.now();
  const results: Results = {
    meta: {
      date: new Date().toISOString(),
      runs,
      listingRuns,
      coldListingRuns,
      quick,
      ci,
      node: process.version,
      cpus: (await import('node:os')).cpus().length,
      loadavg: (await import('node:os')).loadavg().map((x) => round(x)),
    },
  };

  ensureBuilt(flag('build'), log);
  const stale = staleBuilds();
  results.meta.staleBuilds = stale;
  for (const t of stale) log(`WARNING: .output/${t}-mv3 is older than the sources: its figures describe old code (npm run bench -- --build)`);

  if (only.has('sizes')) {
    const sizes: NonNullable<Results['sizes']> = { files: {} };
    for (const t of ['chrome', 'firefox'] as const) {
      const s = measureSizes(t);
      sizes[t] = Object.fromEntries(s.entries.map((e) => [e.entry, { raw: e.raw, gzip: e.gzip }]));
      sizes.files![t] = s.files;
    }
    results.sizes = sizes;
  }

  if (only.has('verify')) {
    log('verify in Node');
    const node = await times(runs, 'verify/node', async () => verifyRateNode(quick ? 300 : 1000));
    const hits = await times(runs, 'cache hit', () => cacheHitCost(quick ? 200 : 1000));
    results.verify = {
      nodePerSec: fig(node, (x) => x),
      cacheHitUs: fig(hits, (h) => h.withRecordUs),
      cacheHitNoRecordUs: fig(hits, (h) => h.withoutRecordUs),
    };
  }

  const needWorld = ['abstract', 'listing', 'popup', 'memory'].some((k) => only.has(k)) || only.has('verify');
  let world: World | undefined;
  let ext: ReturnType<typeof snapshotExtension> | undefined;
  let baseline: B.Baseline | undefined;
  try {
    if (needWorld) {
      ext = snapshotExtension();
      world = await startBenchWorld(ext.dir);
      await B.installProbe(world.browser.context);
    }
    if (world && only.has('verify')) {
      const sw = await times(runs, 'verify/worker', () =>
        verifyRateWorker(world!.browser.context.serviceWorkers()[0] ?? world!.browser.worker, quick ? 300 : 1000),
      );
      results.verify!.workerPerSec = fig(sw, (x) => x);
    }

    if (world && only.has('abstract')) {
      const url = B.ABSTRACT_URL;
      // Prime the cache, then warm runs.
      await B.badgeRun(world, url, 1);
      await settle(world);
      const warm = await times(runs, 'abstract warm', async () => {
        const r = await B.badgeRun(world!, url, 1);
        await settle(world!);
        return r;
      });
      const cold = (latencyMs: number) => coldRuns(world!, runs, 'abstract cold', url, 1, latencyMs);
      const cold0 = await cold(0);
      const cold100 = await cold(100);
      const final = (r: B.BadgeRun) => r.titleFrame !== null && r.titleFrame.state !== null && r.titleFrame.state !== 'pending';
      const summary = (list: B.BadgeRun[]) => ({
        badge: fig(list, (r) => r.lastBadge),
        // Final in the DOM (drawn with the next frame, which for the first frame is the page's own first layout and paint).
        badgeAfterDcl: fig(list, (r) => r.finalAt - r.dcl),
        drawnAfterDcl: fig(list, (r) => r.lastBadge - r.dcl),
        fcp: fig(list, (r) => r.fcp),
        // Runs whose badge was final in the first frame that shows the title (k of N).
        firstFrameFinal: `${list.filter(final).length}/${list.length}`,
        firstFrameFinalShare: round(list.filter(final).length / list.length, 3),
        firstBadgeAfterDcl: fig(list, (r) => r.firstBadge - r.dcl),
        dcl: fig(list, (r) => r.dcl),
        load: fig(list, (r) => r.load),
        longestTaskAfterParse: fig(list, (r) => r.longestTaskAfterParse),
        states: list.at(-1)?.states,
        pithRequests: list.at(-1)?.pithRequests,
      });
      results.abstract = { warm: summary(warm), cold: summary(cold0), cold100: summary(cold100) };
    }

    if (world && only.has('listing')) {
      const url = B.LISTING_URL;
      const n = B.LISTING_ROWS;
      // Checked where the reader looks: without scrolling, only the rows within a screen of the viewport.
      const notScrolled = (list: B.BadgeRun[]) => ({
        firstScreenAfterFcp: fig(list, (r) => r.lastBadge - r.fcp),
        lastBadge: fig(list, (r) => r.lastBadge),
        fcp: fig(list, (r) => r.fcp),
        dcl: fig(list, (r) => r.dcl),
        longestTaskAfterFcp: fig(list, (r) => r.longestTaskAfterFcp),
        longestTask: fig(list, (r) => r.longestTask),
        requests: fig(list, (r) => (r.pithRequests.resolve ?? 0) + (r.pithRequests.record ?? 0)),
        marginRows: fig(list, (r) => r.marginRows),
        badges: list.at(-1)?.badges,
        states: list.at(-1)?.states,
        longTasks: list.at(-1)?.longTasks,
      });
      const cold = (latencyMs: number) => coldRuns(world!, coldListingRuns, 'listing cold, not scrolled,', url, null, latencyMs, 120_000);
      const cold0 = await cold(0);
      const cold100 = await cold(100);
      // Warm: the rows near the top are cached by the cold runs; one load more, then the runs. Each run
      // scrolls from the top, 150 px a frame, while the rows coming near are badged, then jumps to the bottom.
      await B.badgeRun(world!, url, null, 120_000);
      await settle(world!);
      const heaps: Awaited<ReturnType<typeof B.workerHeap>>[] = [];
      const warm = await times(listingRuns, 'listing warm', async () => {
        const r = await B.badgeRun(world!, url, null, 120_000, async (page) => ({ scroll: await scrollCost(page), bottom: await B.toBottom(world!, page) }));
        await settle(world!);
        return r;
      });
      // The whole-page check ("Check all papers on this page", or the option): every row, warm.
      await B.setCheckAll(world!, true);
      let checkAll: B.BadgeRun[] = [];
      try {
        const prime = await B.badgeRun(world!, url, n, 900_000);
        await settle(world!);
        log(`listing, check all: priming load fetched ${prime.pithRequests.resolve ?? 0} ids`);
        checkAll = await times(listingRuns, 'listing check all, warm', async () => {
          const r = await B.badgeRun(world!, url, n, 300_000);
          if (only.has('memory')) heaps.push(await B.workerHeap(world!, true));
          await settle(world!);
          return r;
        });
      } finally {
        await B.setCheckAll(world!, false);
      }
      if (heaps.length) {
        results.memory = {
          workerHeapUsedMB: fig(heaps, (h) => h.used / 2 ** 20),
          workerHeapTotalMB: fig(heaps, (h) => h.total / 2 ** 20),
          workerHeapAfterGcMB: fig(heaps, (h) => (h.usedAfterGc ?? NaN) / 2 ** 20),
        };
      }
      results.listing = {
        cold: notScrolled(cold0),
        cold100: notScrolled(cold100),
        warm: {
          ...notScrolled(warm),
          ...scrollFigures(warm.map((r) => r.after!.scroll)),
          lastScreenAfterScroll: fig(warm, (r) => r.after!.bottom),
        },
        checkAll: {
          lastBadge: fig(checkAll, (r) => r.lastBadge),
          longestTaskAfterFcp: fig(checkAll, (r) => r.longestTaskAfterFcp),
          longestTaskAfterParse: fig(checkAll, (r) => r.longestTaskAfterParse),
          requests: fig(checkAll, (r) => (r.pithRequests.resolve ?? 0) + (r.pithRequests.record ?? 0)),
          badges: checkAll.at(-1)?.badges,
          states: checkAll.at(-1)?.states,
        },
        cache: await B.storageBytes(world!),
      };
    }

    if (world && only.has('popup')) {
      const { page, tabId } = await B.openAndSettle(world, B.ABSTRACT_URL);
      await settle(world);
      const list = await times(runs, 'popup', () => B.popupRun(world!, tabId));
      await page.close();
      results.popup = { verified: fig(list, (x) => x) };
    }
  } finally {
    await world?.stop();
    ext?.remove();
  }

  // The same pages without the extension, after the extension's browser is gone.
  if (only.has('abstract') || only.has('listing')) {
    const { startMirror } = await import('../test/mirror/server');
    const mirror = await startMirror({ port: 0 });
    try {
      baseline = await B.launchBaseline(mirror.port);
      if (results.abstract) {
        const base = await times(runs, 'abstract, no extension', () => B.loadBaseline(baseline!, B.ABSTRACT_URL));
        const load = fig(base, (b) => b.load);
        const dcl = fig(base, (b) => b.dcl);
        const warm = results.abstract.warm as Record<string, Figure>;
        results.abstract.noExtension = { dcl, load, longestTask: fig(base, (b) => b.longestTask) };
        results.abstract.overhead = {
          loadRatio: round(warm.load!.median / load.median, 3),
          dclRatio: round(warm.dcl!.median / dcl.median, 3),
          badgeOverLoadNoExt: round(warm.badge!.median / load.median, 3),
        };
      }
      if (results.listing) {
        const base = await times(listingRuns, 'listing, no extension', () => B.loadBaseline(baseline!, B.LISTING_URL, scrollCost));
        results.listing.noExtension = {
          dcl: fig(base, (b) => b.dcl),
          fcp: fig(base, (b) => b.fcp),
          load: fig(base, (b) => b.load),
          longestTask: fig(base, (b) => b.longestTask),
          longestTaskAfterFcp: fig(base, (b) => b.longestTaskAfterFcp),
          ...scrollFigures(base.map((b) => b.after!)),
        };
        // The floor: what 2,000 empty inline-blocks cost this machine (bench/floor.ts).
        const floor = async (k: number) => {
          const list = await times(listingRuns, `listing floor, ${k} per frame`, () => floorRun(baseline!, B.LISTING_URL, k));
          return { done: fig(list, (f) => f.done), addingMs: fig(list, (f) => f.done - f.start), longestTask: fig(list, (f) => f.longestTask) };
        };
        results.listing.floor = { perFrame: FLOOR_PER_FRAME, spread: await floor(FLOOR_PER_FRAME), oneFrame: await floor(B.LISTING_ROWS) };
        // The scroll floor: boxes filled in batches (the extension's pace, components/inpage/listing.ts) while scrolling.
        const scrollFloor = await times(listingRuns, 'listing scroll floor', () => scrollFloorRun(baseline!, B.LISTING_URL, 250));
        results.listing.scrollFloor = scrollFigures(scrollFloor);
      }
    } finally {
      await baseline?.close();
      await mirror.stop();
    }
  }

  // ---------------------------------------------------------------- budgets
  const { budgets } = JSON.parse(readFileSync(join(ROOT, 'bench/budgets.json'), 'utf8')) as { budgets: Omit<BudgetResult, 'value' | 'status'>[] };
  results.budgets = budgets.map((b) => {
    let v = lookup(results, b.metric);
    if (b.kind === 'ratio') {
      const d = b.over !== undefined ? lookup(results, b.over) : null;
      v = v === null || d === null || d === 0 ? null : round(v / d, 3);
    }
    const ok = v !== null && (b.max === undefined || v <= b.max) && (b.min === undefined || v >= b.min);
    const status: BudgetResult['status'] = v === null ? 'missing' : ok ? 'pass' : b.kind !== 'size' && ci ? 'warn' : 'fail';
    return { ...b, value: v, status };
  });
  results.meta.seconds = Math.round((Date.now() - started) / 1000);

  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(JSON.stringify(results) + '\n');
  process.stderr.write('\n' + table(results) + '\n');
  const failed = results.budgets.filter((b) => b.status === 'fail');
  for (const b of results.budgets)
    if (b.status !== 'pass')
      log(`${b.status.toUpperCase()}: ${b.what} — ${b.value ?? 'not measured'} ${b.unit} ${b.max !== undefined ? `> ${b.max}` : `< ${b.min}`} ${b.unit}`);
  return failed.length ? 1 : 0;
}

/** `a.b.c` into results; a Figure gives its median. Keys may contain ':' (content:arxiv). */
function lookup(r: unknown, path: string): number | null {
  let cur: unknown = r;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[k];
  }
  if (typeof cur === 'number') return cur;
  if (cur && typeof cur === 'object' && 'median' in cur) return (cur as Figure).median;
  return null;
}

// ---------------------------------------------------------------- the table

/** Median of one figure minus the median of another. */
function fmtDiff(x: unknown, y: unknown): string {
  const a = (x as Figure | undefined)?.median;
  const b = (y as Figure | undefined)?.median;
  return a === undefined || b === undefined ? 'n/a' : `${round(a - b, 1)} ms`;
}

export function table(r: Results): string {
  const rows: [string, string, string][] = [];
  const budgetOf = (metric: string) => r.budgets?.find((b) => b.metric === metric);
  const mark = (metric: string) => {
    const b = budgetOf(metric);
    if (!b) return '';
    const sign = b.status === 'pass' ? '✓' : b.status === 'warn' ? '⚠' : b.status === 'fail' ? '✗' : '?';
    const value = b.kind === 'ratio' ? ` (${b.value}${b.unit})` : '';
    if (b.max === undefined) return `${sign} ≥ ${b.min} ${b.unit}${value}`;
    return `${sign} ≤ ${b.unit === 'B' ? kb(b.max) : `${b.max} ${b.unit}`}${value}`;
  };
  const add = (name: string, value: string, metric = '') => rows.push([name, value, mark(metric)]);
  const f = (x: unknown, unit: string) => fmt(x as Figure, unit);
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

  if (r.sizes) {
    const names = new Set([...Object.keys(r.sizes.chrome ?? {}), ...Object.keys(r.sizes.firefox ?? {})]);
    for (const e of names) {
      const c = r.sizes.chrome?.[e];
      const ff = r.sizes.firefox?.[e];
      const s = (x?: { raw: number; gzip: number }) => (x ? `${kb(x.raw)} / ${kb(x.gzip)} gz` : 'n/a');
      add(`size ${e} (chrome | firefox)`, `${s(c)} | ${s(ff)}`, e === 'content:arxiv' || e === 'content:arxiv-listing' ? `sizes.chrome.${e}.gzip` : '');
    }
  }
  const a = r.abstract as Record<string, Record<string, unknown>> | undefined;
  if (a) {
    add('abstract: badge final (in the DOM) after DCL, warm', f(a.warm?.badgeAfterDcl, ' ms'), 'abstract.warm.badgeAfterDcl');
    add('abstract: badge drawn after DCL, warm | FCP after DCL', `${f(a.warm?.drawnAfterDcl, ' ms')} | ${fmtDiff(a.warm?.fcp, a.warm?.dcl)}`);
    add(
      'abstract: badge final in the first frame with the title, warm (k/N) | cold',
      `${a.warm?.firstFrameFinal} | ${a.cold?.firstFrameFinal}`,
      'abstract.warm.firstFrameFinalShare',
    );
    add('abstract: badge from nav start, warm', f(a.warm?.badge, ' ms'));
    add('abstract: badge from nav start, cold', f(a.cold?.badge, ' ms'));
    add('abstract: badge from nav start, cold +100 ms', f(a.cold100?.badge, ' ms'));
    add('abstract: badge after DCL, cold | cold +100', `${f(a.cold?.badgeAfterDcl, ' ms')} | ${f(a.cold100?.badgeAfterDcl, ' ms')}`);
    add('abstract: load, with | without extension', `${f(a.warm?.load, ' ms')} | ${f(a.noExtension?.load, ' ms')}`);
    add('abstract: DCL, with | without extension', `${f(a.warm?.dcl, ' ms')} | ${f(a.noExtension?.dcl, ' ms')}`);
    const o = a.overhead as Record<string, number> | undefined;
    if (o) add('abstract: load ratio | badge / load w/o ext', `${o.loadRatio}× | ${o.badgeOverLoadNoExt}×`, 'abstract.warm.load');
    add('abstract: longest task after parse, warm', f(a.warm?.longestTaskAfterParse, ' ms'));
  }
  const l = r.listing as Record<string, Record<string, unknown>> | undefined;
  if (l) {
    add('listing 2,000: first-screen badges after FCP, warm', f(l.warm?.firstScreenAfterFcp, ' ms'), 'listing.warm.firstScreenAfterFcp');
    add(
      'listing 2,000: first-screen badges after FCP, cold | cold +100 ms',
      `${f(l.cold?.firstScreenAfterFcp, ' ms')} | ${f(l.cold100?.firstScreenAfterFcp, ' ms')}`,
    );
    add('listing 2,000: FCP, warm | no ext', `${f(l.warm?.fcp, ' ms')} | ${f(l.noExtension?.fcp, ' ms')}`);
    add('listing 2,000: longest task after FCP, warm', f(l.warm?.longestTaskAfterFcp, ' ms'), 'listing.warm.longestTaskAfterFcp');
    add('listing 2,000: longest task after FCP, cold', f(l.cold?.longestTaskAfterFcp, ' ms'), 'listing.cold.longestTaskAfterFcp');
    add('listing 2,000: longest task after FCP, no extension (the page alone)', f(l.noExtension?.longestTaskAfterFcp, ' ms'));
    add('listing 2,000: longest task incl. parse, warm | no ext', `${f(l.warm?.longestTask, ' ms')} | ${f(l.noExtension?.longestTask, ' ms')}`);
    add(
      'listing 2,000: Pith requests cold, not scrolled | rows within the margin',
      `${f(l.cold?.requests, '')} | ${f(l.cold?.marginRows, '')}`,
      'listing.cold.requests',
    );
    add('listing 2,000: scroll frame work while badging, warm | no ext', `${f(l.warm?.scrollFrame, ' ms')} | ${f(l.noExtension?.scrollFrame, ' ms')}`);
    add(
      'listing 2,000: scroll frame p90 while badging, warm | no ext',
      `${f(l.warm?.scrollFrameP90, ' ms')} | ${f(l.noExtension?.scrollFrameP90, ' ms')}`,
      'listing.warm.scrollFrameP90',
    );
    const sf = l.scrollFloor as Record<string, Figure> | undefined;
    if (sf)
      add(
        'listing scroll floor (no ext, boxes filled every 250 ms while scrolling): median | p90',
        `${f(sf.scrollFrame, ' ms')} | ${f(sf.scrollFrameP90, ' ms')}`,
      );
    add('listing 2,000: last screen after scrolling to the bottom, warm', f(l.warm?.lastScreenAfterScroll, ' ms'), 'listing.warm.lastScreenAfterScroll');
    add('listing 2,000: check all, last badge (warm)', f(l.checkAll?.lastBadge, ' ms'), 'listing.checkAll.lastBadge');
    add('listing 2,000: check all, longest task after FCP (warm)', f(l.checkAll?.longestTaskAfterFcp, ' ms'));
    const fl = l.floor as { perFrame: number; spread: Record<string, Figure>; oneFrame: Record<string, Figure> } | undefined;
    if (fl) {
      add(
        `listing floor (no ext, empty inline-blocks), ${fl.perFrame}/frame: last | longest task`,
        `${f(fl.spread.done, ' ms')} | ${f(fl.spread.longestTask, ' ms')}`,
      );
      add('listing floor, all 2,000 in one frame: last | longest task', `${f(fl.oneFrame.done, ' ms')} | ${f(fl.oneFrame.longestTask, ' ms')}`);
    }
    const c = l.cache as { bytes: number; cacheEntries: number } | undefined;
    if (c) add('listing 2,000: cache after the runs (entries, storage.local)', `${c.cacheEntries} entries, ${(c.bytes / 2 ** 20).toFixed(2)} MiB`);
  }
  const v = r.verify as Record<string, Figure> | undefined;
  if (v) {
    add('verify: records/s, Node | worker', `${f(v.nodePerSec, '')} | ${f(v.workerPerSec, '')}`);
    add('cache hit (Node, memoryStorage): lookup | no record', `${f(v.cacheHitUs, ' µs')} | ${f(v.cacheHitNoRecordUs, ' µs')}`);
  }
  if (r.popup) add('popup: verified view, cached', f(r.popup.verified, ' ms'), 'popup.verified');
  if (r.memory) add('worker heap after 2,000-row listing (after GC)', `${f(r.memory.workerHeapUsedMB, ' MB')} (${f(r.memory.workerHeapAfterGcMB, ' MB')})`);

  const w = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), ['Metric', 'Median (min–max)', 'Budget'][i]!.length));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i]!)).join(' | ')} |`;
  return [line(['Metric', 'Median (min–max)', 'Budget']), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`[bench] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
