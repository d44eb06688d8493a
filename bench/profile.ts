/**
 * tsx bench/profile.ts <listing-cold|listing-warm|abstract-warm> [seconds]
 *
 * A development aid for a missed budget: CPU-profiles the service worker and
 * the page's renderer (content script included: same isolate) while one page
 * is badged, and prints the functions with the most self time, by script.
 */
/// <reference types="chrome" />
import { ABSTRACT_URL, LISTING_ROWS, LISTING_URL, badgeRun, clearCache, installProbe, readProbe, workerCdp } from './browser';
import { snapshotExtension, startBenchWorld } from './world';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function top(p: Profile, n = 25): string {
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byFn = new Map<string, number>();
  const byUrl = new Map<string, number>();
  for (const node of p.nodes) {
    const t = (self.get(node.id) ?? 0) / 1000;
    if (!t) continue;
    const f = node.callFrame;
    const file = f.url.replace(/^chrome-extension:\/\/[^/]+\//, '').replace(/^https?:\/\/[^/]+/, '') || '(native)';
    const k = `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFn.set(k, (byFn.get(k) ?? 0) + t);
    byUrl.set(file, (byUrl.get(file) ?? 0) + t);
  }
  const total = (p.endTime - p.startTime) / 1000;
  const fmt = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, t]) => `  ${t.toFixed(1).padStart(8)} ms  ${name}`)
      .join('\n');
  return `profile ${total.toFixed(0)} ms\n by script:\n${fmt(byUrl, 8)}\n by function (self):\n${fmt(byFn, n)}`;
}

const which = process.argv[2] ?? 'listing-cold';
const ext = snapshotExtension();
const world = await startBenchWorld(ext.dir);
try {
  await installProbe(world.browser.context);
  const url = which.startsWith('listing') ? LISTING_URL : ABSTRACT_URL;
  const expect = which.startsWith('listing') ? LISTING_ROWS : 1;
  if (which.endsWith('warm')) await badgeRun(world, url, expect, 300_000);
  else await clearCache(world);
  const sw = await workerCdp(world);
  await sw.call('Profiler.enable');
  await sw.call('Profiler.setSamplingInterval', { interval: 200 });
  await sw.call('Profiler.start');
  const page = await world.browser.context.newPage();
  const cdp = await world.browser.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const tabId = await world.browser.tabIdOf(page);
  const limit = Date.now() + Number(process.argv[3] ?? 60) * 1000;
  let st: unknown;
  while (Date.now() < limit) {
    st = await world.browser.worker.evaluate(async (id) => {
      const o = await chrome.storage.session.get(`tab:${id}`);
      const p = (o[`tab:${id}`] as { papers?: { state: string }[] } | undefined)?.papers ?? [];
      return { n: p.length, pending: p.filter((x) => x.state === 'pending').length };
    }, tabId);
    const s = st as { n: number; pending: number };
    if (s.n >= expect && s.pending === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 500));
  const probe = await readProbe(page);
  console.log(
    'done after',
    Date.now() - t0,
    'ms',
    JSON.stringify(st),
    'last badge',
    probe.last,
    'dcl',
    probe.nav.dcl,
    'longtasks',
    JSON.stringify(probe.longtasks.map(([a, b]) => [Math.round(a), Math.round(b)])),
  );
  const swp = (await sw.call('Profiler.stop')).profile as Profile;
  const pp = ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile;
  console.log('SERVICE WORKER', top(swp));
  console.log('PAGE RENDERER', top(pp));
  await sw.close();
} finally {
  await world.stop();
  ext.remove();
}
