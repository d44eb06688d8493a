/**
 * Two listing figures that are not about our code alone:
 *
 * - **Scroll frame**: main-thread work per frame while the badged listing is
 *   scrolled (what a reader feels after the badges are in), next to the same
 *   page without the extension.
 * - **Floor**: the same listing without the extension, where a script that
 *   does nothing else adds 2,000 empty inline-blocks of the badge host's box
 *   (154×26 px, the same margins) next to the rows'
 *   abstract links, k per frame, from the page's first frame on. No shadow
 *   root, no data, no JavaScript of ours: the least any inline badge costs on
 *   this machine. If the floor misses a budget, no inline badge meets it.
 *
 * The page-side code is plain JavaScript in strings (tsx would otherwise add
 * helpers the page does not have).
 */
import type { Page } from 'playwright-core';
import type { Baseline } from './browser';

export interface ScrollCost {
  /** Main-thread work per scroll frame (rAF → the task after the frame), ms. */
  median: number;
  p90: number;
  max: number;
}

const SCROLL_FRAMES = 60;

/** Scroll `page` by 150 px per frame for 60 frames from the top; the work each frame took. */
export async function scrollCost(page: Page): Promise<ScrollCost> {
  return page.evaluate(`(async () => {
    window.scrollTo(0, 0);
    await new Promise((r) => setTimeout(r, 200));
    const work = [];
    for (let i = 0; i < ${SCROLL_FRAMES}; i++) {
      work.push(await new Promise((res) => requestAnimationFrame(() => {
        const t0 = performance.now();
        window.scrollBy(0, 150);
        const c = new MessageChannel();
        c.port1.onmessage = () => res(performance.now() - t0);
        c.port2.postMessage(0);
      })));
    }
    work.sort((a, b) => a - b);
    const at = (q) => Math.round(work[Math.min(work.length - 1, Math.floor(q * work.length))] * 10) / 10;
    return { median: at(0.5), p90: at(0.9), max: at(1) };
  })()`) as Promise<ScrollCost>;
}

export interface FloorRun {
  /** Navigation start → the frame with the last inline-block drawn (the task after it). */
  done: number;
  /** When the first ones were added (after the page's first frame). */
  start: number;
  /** Longest task from `start` on. */
  longestTask: number;
}

/** Insertion script for the floor, run from DOMContentLoaded; `k` blocks per frame. */
const floorScript = (k: number) => `(() => {
  const F = (window.__pithFloor = { lt: [] });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) F.lt.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => {
    const anchors = [...document.querySelectorAll('dt a[title=Abstract]')];
    const afterFrame = (cb) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = cb; c.port2.postMessage(0); });
    let i = 0;
    const step = () => {
      if (i >= anchors.length) { F.done = performance.now(); return; }
      if (i === 0) F.start = performance.now();
      for (const a of anchors.slice(i, i + ${k})) {
        const b = document.createElement('span');
        b.style.cssText = 'display:inline-block;width:154px;height:26px;margin:-7px 0 -7px 2px;vertical-align:middle';
        a.insertAdjacentElement('afterend', b);
      }
      i += ${k};
      afterFrame(step);
    };
    setTimeout(() => afterFrame(step), 0);
  });
})()`;

/** One floor run on `url` in the baseline browser (no extension). */
export async function floorRun(base: Baseline, url: string, perFrame: number): Promise<FloorRun> {
  const page = await base.context.newPage();
  try {
    await page.addInitScript({ content: floorScript(perFrame) });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction('window.__pithFloor && window.__pithFloor.done !== undefined', undefined, { timeout: 60_000, polling: 100 });
    await page.waitForTimeout(300); // let the last long task report
    const f = (await page.evaluate('window.__pithFloor')) as { lt: [number, number][]; start: number; done: number };
    return { done: f.done, start: f.start, longestTask: Math.max(0, ...f.lt.filter(([s]) => s >= f.start - 1).map(([, d]) => d)) };
  } finally {
    await page.close();
  }
}

/**
 * The scroll floor: the listing without the extension, with an empty box of
 * the badge host's size and containment next to every row's abstract link
 * (as the extension reserves them while the page parses), scrolled as
 * scrollCost does while, every `gapMs`, the boxes of the rows within a screen
 * of the viewport get their content (a coloured label, as a badge is drawn
 * into its host). No shadow root and no code of ours: the least a batch of
 * inline badges drawn while the reader scrolls costs the scroll frames here.
 */
export async function scrollFloorRun(base: Baseline, url: string, gapMs: number): Promise<ScrollCost> {
  const page = await base.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(`(() => {
      const boxes = [...document.querySelectorAll('dt a[title=Abstract]')].map((a) => {
        const b = document.createElement('span');
        b.style.cssText = 'display:inline-flex;width:146px;height:18px;padding:4px;margin:-7px 0 -7px 2px;vertical-align:middle;contain:strict';
        a.insertAdjacentElement('afterend', b);
        return b;
      });
      setInterval(() => {
        const h = innerHeight;
        for (const b of boxes) {
          if (b.firstChild) continue;
          const r = b.getBoundingClientRect();
          if (r.bottom < -h || r.top > 2 * h) continue;
          const s = document.createElement('span');
          s.textContent = 'Pith ✓ Verified';
          s.style.cssText = 'display:inline-flex;height:18px;padding:0 7px;border-radius:9px;color:#fff;background:#1a7f37;font:12px/1.45 system-ui';
          b.append(s);
        }
      }, ${gapMs});
    })()`);
    await page.waitForTimeout(500);
    return await scrollCost(page);
  } finally {
    await page.close();
  }
}
