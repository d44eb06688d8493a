import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createChunkRunner, frameTaskScheduler, taskScheduler } from '../../../lib/inpage/schedule';

/** A fake page: a clock that items advance, and frames we run by hand. */
function fakePage(costOf: (item: number) => number) {
  let t = 0;
  const frames: Array<() => void> = [];
  const chunks: { start: number; end: number; items: number[] }[] = [];
  let current: { start: number; end: number; items: number[] } | undefined;
  return {
    now: () => t,
    nextTask: (cb: () => void) => frames.push(cb),
    run(item: number) {
      current?.items.push(item);
      t += costOf(item);
    },
    /** Run one frame; returns false when nothing was scheduled. */
    frame(): boolean {
      const cb = frames.shift();
      if (!cb) return false;
      current = { start: t, end: t, items: [] };
      cb();
      current.end = t;
      chunks.push(current);
      current = undefined;
      t += 16; // the rest of the frame belongs to the page
      return true;
    },
    frames,
    chunks,
  };
}

describe('createChunkRunner', () => {
  test('2,000 items in chunks: every item once, in order, no chunk over the budget plus one item', () => {
    const page = fakePage(() => 0.05); // 50 µs per badge
    const seen: number[] = [];
    const runner = createChunkRunner<number>({
      run: (i) => {
        seen.push(i);
        page.run(i);
      },
      nextTask: page.nextTask,
      now: page.now,
      budgetMs: 8,
    });
    const items = Array.from({ length: 2000 }, (_, i) => i);
    runner.enqueue(items);
    expect(seen).toEqual([]); // nothing runs synchronously
    while (page.frame());
    expect(seen).toEqual(items);
    expect(runner.pending).toBe(0);
    for (const c of page.chunks) expect(c.end - c.start).toBeLessThan(8 + 0.05 + 1e-9);
    expect(page.chunks.length).toBeGreaterThan(10);
    expect(Math.max(...page.chunks.map((c) => c.end - c.start))).toBeLessThan(50);
  });

  test('a slow item ends its chunk: later items wait for the next frame', () => {
    const page = fakePage((i) => (i === 3 ? 30 : 1));
    const runner = createChunkRunner<number>({ run: page.run, nextTask: page.nextTask, now: page.now, budgetMs: 8 });
    runner.enqueue([0, 1, 2, 3, 4, 5]);
    page.frame();
    expect(page.chunks[0]?.items).toEqual([0, 1, 2, 3]);
    page.frame();
    expect(page.chunks[1]?.items).toEqual([4, 5]);
    expect(page.frame()).toBe(false);
  });

  test('repeat mode: an item can be queued again after it ran, but not twice at once', () => {
    const page = fakePage(() => 1);
    const seen: string[] = [];
    const runner = createChunkRunner<string>({ run: (k) => seen.push(k), nextTask: page.nextTask, now: page.now, repeat: true });
    runner.enqueue(['a', 'b', 'a']);
    while (page.frame());
    runner.enqueue(['a']);
    while (page.frame());
    expect(seen).toEqual(['a', 'b', 'a']);
  });

  test('enqueueing an item already done does nothing', () => {
    const page = fakePage(() => 1);
    const seen: number[] = [];
    const runner = createChunkRunner<number>({ run: (i) => seen.push(i), nextTask: page.nextTask, now: page.now });
    runner.enqueue([1, 2]);
    while (page.frame());
    runner.enqueue([1, 2, 3]);
    while (page.frame());
    expect(seen).toEqual([1, 2, 3]);
  });

  test('onIdle fires when the queue drains; cancel drops what is left', () => {
    const page = fakePage(() => 5);
    let idle = 0;
    const seen: number[] = [];
    const runner = createChunkRunner<number>({
      run: (i) => {
        seen.push(i);
        page.run(i);
      },
      nextTask: page.nextTask,
      now: page.now,
      budgetMs: 8,
      onIdle: () => idle++,
    });
    runner.enqueue([1, 2]);
    while (page.frame());
    expect(idle).toBe(1);
    runner.enqueue([3, 4, 5, 6]);
    page.frame();
    runner.cancel();
    while (page.frame());
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(idle).toBe(1);
  });

  test('property: any costs: all items run exactly once, in order; chunks stay within budget + one item', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 300 }), (costs) => {
        const page = fakePage((i) => costs[i] ?? 0);
        const count = new Map<number, number>();
        const runner = createChunkRunner<number>({
          run: (i) => {
            count.set(i, (count.get(i) ?? 0) + 1);
            page.run(i);
          },
          nextTask: page.nextTask,
          now: page.now,
          budgetMs: 8,
        });
        runner.enqueue(costs.map((_, i) => i));
        while (page.frame());
        expect(count.size).toBe(costs.length);
        for (const n of count.values()) expect(n).toBe(1);
        const maxCost = Math.max(...costs);
        for (const c of page.chunks) expect(c.end - c.start).toBeLessThanOrEqual(8 + maxCost + 1e-9);
      }),
    );
  });
});

describe('taskScheduler', () => {
  test('each callback runs in its own task, in order, never synchronously', async () => {
    const schedule = taskScheduler(MessageChannel);
    const seen: number[] = [];
    schedule(() => seen.push(1));
    schedule(() => seen.push(2));
    expect(seen).toEqual([]);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([1, 2]);
  });

  test('runNow: processes synchronously within its own budget, the rest in later tasks, each item once', () => {
    const page = fakePage(() => 1);
    const seen: number[] = [];
    let idle = 0;
    const runner = createChunkRunner<number>({
      run: (i) => (page.run(i), seen.push(i)),
      nextTask: page.nextTask,
      now: page.now,
      budgetMs: 2,
      onIdle: () => idle++,
    });
    runner.enqueue([1, 2, 3, 4, 5, 6, 7, 8]);
    runner.runNow(5);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    while (page.frame());
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(idle).toBe(1);
    // Everything done synchronously: the task already scheduled does nothing, onIdle is not called twice.
    runner.enqueue([9]);
    runner.runNow(5);
    expect(seen.at(-1)).toBe(9);
    while (page.frame());
    expect(seen.filter((i) => i === 9)).toHaveLength(1);
    expect(idle).toBe(2);
  });
});

describe('frameTaskScheduler', () => {
  test('each task waits for the next animation frame, then runs as its own task', async () => {
    const frames: Array<() => void> = [];
    const schedule = frameTaskScheduler(MessageChannel, (cb) => frames.push(cb));
    const ran: string[] = [];
    schedule(() => ran.push('a'));
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual([]); // no frame yet
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(ran).toEqual([]); // not inside the frame's own task
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual(['a']);
  });
});
