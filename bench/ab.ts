/**
 * Two builds, measured alternately in the same run: `tsx bench/ab.ts popup|abstract|load DIR_A DIR_B [runs]`
 * (DIR = a built chrome-mv3 directory, e.g. a baseline built from another commit). On a machine others
 * load, only such same-run comparisons mean much: each figure is printed with the other's, run by run.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as B from './browser';
import { startBenchWorld } from './world';

const [what, a, b, n] = process.argv.slice(2);
if ((what !== 'popup' && what !== 'abstract' && what !== 'load') || !a || !b) {
  console.error("usage: tsx bench/ab.ts popup|abstract|load DIR_A DIR_B [runs]   (load: the abstract page's load event)");
  process.exit(2);
}
const runs = Number(n ?? 10);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

async function side(dir: string) {
  const copy = mkdtempSync(join(tmpdir(), 'pith-ab-'));
  cpSync(dir, copy, { recursive: true });
  const world = await startBenchWorld(copy);
  await B.installProbe(world.browser.context);
  const { page, tabId } = await B.openAndSettle(world, B.ABSTRACT_URL);
  return {
    async run(): Promise<number> {
      if (what === 'popup') return B.popupRun(world, tabId);
      const r = await B.badgeRun(world, B.ABSTRACT_URL, 1);
      return what === 'load' ? r.load : r.lastBadge - r.dcl;
    },
    async stop() {
      await page.close();
      await world.stop();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

const A = await side(a);
const Bs = await side(b);
const xs: number[] = [];
const ys: number[] = [];
try {
  for (let i = 0; i < runs; i++) {
    xs.push(await A.run());
    ys.push(await Bs.run());
    console.error(`${what} run ${i + 1}: A ${xs.at(-1)!.toFixed(1)} ms, B ${ys.at(-1)!.toFixed(1)} ms`);
  }
} finally {
  await A.stop();
  await Bs.stop();
}
console.log(
  JSON.stringify({ what, runs, a: { dir: a, median: median(xs), all: xs }, b: { dir: b, median: median(ys), all: ys }, ratio: median(ys) / median(xs) }),
);
