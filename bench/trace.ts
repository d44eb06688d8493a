/**
 * tsx bench/trace.ts [abstract|listing|popup] [seconds]   (popup: the popup page for a tab on the abstract page; SCROLL=1: the scroll only)
 *
 * A development aid: records a Chrome trace (devtools.timeline) of the page's
 * renderer while the page is badged (warm cache; COLD=1 for cold), and prints where the main thread's time
 * goes by event (script, style recalc, layout, paint, parse …), plus the
 * longest tasks and what ran inside them.
 */
import { ABSTRACT_URL, LISTING_URL, installProbe, openAndSettle } from './browser';
import { snapshotExtension, startBenchWorld } from './world';
import { scrollCost } from './floor';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
  cat: string;
}

/** A main-thread task (the event's name differs between Chrome versions and trace categories). */
const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';

const which = process.argv[2] ?? 'listing';
const seconds = Number(process.argv[3] ?? 20);
const ext = snapshotExtension();
const world = await startBenchWorld(ext.dir);
try {
  await installProbe(world.browser.context);
  let url = which === 'listing' ? LISTING_URL : ABSTRACT_URL;
  if (which === 'popup') {
    const { tabId } = await openAndSettle(world, ABSTRACT_URL);
    url = `chrome-extension://${world.browser.extensionId}/popup.html?tab=${tabId}`;
  } else if (process.env.COLD !== '1') {
    // Warm the cache first (a cold 2,000-row listing takes ~30 s).
    const p = await world.browser.context.newPage();
    await p.goto(url);
    await new Promise((r) => setTimeout(r, which === 'listing' ? Number(process.env.WARM_S ?? 45) * 1000 : 2000));
    await p.close();
  }
  const page = await world.browser.context.newPage();
  const cdp = await world.browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  // Tracing events are not in playwright-core's typed CDP event map.
  const on = cdp as unknown as { on(e: string, f: (p: { value: TraceEvent[] }) => void): void; once(e: string, f: () => void): void };
  on.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise<void>((r) => on.once('Tracing.tracingComplete', () => r()));
  const scroll = process.env.SCROLL === '1';
  if (scroll) {
    // SCROLL=1: the page loaded and settled first; only the scroll of bench/floor.ts scrollCost is traced.
    await page.goto(url, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 3000));
  }
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
  if (scroll) console.log('scroll frame work', await scrollCost(page));
  else {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await new Promise((r) => setTimeout(r, seconds * 1000));
  }
  await cdp.send('Tracing.end');
  await done;
  // The renderer main thread: the thread with the most RunTask time among CrRendererMain threads.
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name));
  const mains = [...names].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k);
  const busy = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && isTask(e)) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = mains.sort((a, b) => (busy.get(b) ?? 0) - (busy.get(a) ?? 0))[0];
  const ev = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined);
  const by = new Map<string, { n: number; ms: number }>();
  for (const e of ev) {
    const k =
      e.name === 'FunctionCall' || e.name === 'EvaluateScript'
        ? `${e.name} ${String((e.args?.data as Record<string, unknown>)?.url ?? '')
            .replace(/^chrome-extension:\/\/[^/]+\//, 'ext:')
            .slice(0, 60)}`
        : e.name;
    const cur = by.get(k) ?? { n: 0, ms: 0 };
    cur.n++;
    cur.ms += e.dur! / 1000;
    by.set(k, cur);
  }
  console.log(`main thread ${main}, ${seconds} s traced`);
  for (const [k, v] of [...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
    console.log(`${v.ms.toFixed(1).padStart(9)} ms  ${String(v.n).padStart(6)}×  ${k}`);
  if (process.env.TIMELINE) {
    const nav = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main) ?? ev[0]!;
    for (const e of ev.filter((x) => !isTask(x) && x.dur! > 500).sort((a, b) => a.ts - b.ts)) {
      const data = (e.args?.data ?? {}) as Record<string, unknown>;
      console.log(
        `${((e.ts - nav.ts) / 1000).toFixed(1).padStart(8)} +${(e.dur! / 1000).toFixed(1)} ms ${e.name} ${String(data.url ?? data.type ?? data.functionName ?? '').slice(0, 80)}`,
      );
    }
    for (const e of events.filter((x) => `${x.pid}:${x.tid}` === main && /domContentLoaded|MarkDOMContent|loadEventStart|navigationStart/.test(x.name)))
      console.log(`${((e.ts - nav.ts) / 1000).toFixed(1).padStart(8)} mark ${e.name}`);
  }
  if (process.env.TASKS) {
    // Every task over 2 ms after navigation, in order, with what ran inside it.
    const nav = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main) ?? ev[0]!;
    for (const t of ev.filter((e) => isTask(e) && e.dur! > 2000).sort((a, b) => a.ts - b.ts)) {
      const inner = new Map<string, number>();
      for (const e of ev)
        if (e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && !isTask(e)) inner.set(e.name, (inner.get(e.name) ?? 0) + e.dur! / 1000);
      console.log(
        `${((t.ts - nav.ts) / 1000).toFixed(1).padStart(8)} task ${(t.dur! / 1000).toFixed(1).padStart(6)} ms: ${[...inner]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
          .join(', ')}`,
      );
    }
  }
  const tasks = ev
    .filter(isTask)
    .sort((a, b) => b.dur! - a.dur!)
    .slice(0, 5);
  for (const t of tasks) {
    const inner = new Map<string, number>();
    for (const e of ev)
      if (e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && !isTask(e)) inner.set(e.name, (inner.get(e.name) ?? 0) + e.dur! / 1000);
    console.log(
      `task ${(t.dur! / 1000).toFixed(0)} ms:`,
      [...inner]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([n, ms]) => `${n} ${ms.toFixed(0)}`)
        .join(', '),
    );
  }
} finally {
  await world.stop();
  ext.remove();
}
