import { describe, expect, it } from 'vitest';
import { FlushTimer, WriteQueue } from '../../../lib/resolver/write-queue';

describe('WriteQueue', () => {
  it('runs operations one after another, a failing one not stopping the next', async () => {
    const q = new WriteQueue(() => undefined);
    const log: string[] = [];
    const op =
      (name: string, ms: number, fail = false) =>
      () =>
        new Promise<void>((ok, no) =>
          setTimeout(() => {
            log.push(name);
            if (fail) no(new Error(name));
            else ok();
          }, ms),
        );
    void q.enqueue(op('slow', 20));
    void q.enqueue(op('failing', 1, true));
    await q.enqueue(op('fast', 0));
    expect(log).toEqual(['slow', 'failing', 'fast']);
    await expect(q.settled).resolves.toBeUndefined();
  });

  it('counts failures, keeps the last message, and backs off from 500 ms to at most 30 s; a success starts over', () => {
    const delays: number[] = [];
    const q = new WriteQueue((_fn, ms) => delays.push(ms));
    for (let i = 0; i < 9; i++) {
      q.failed(new Error(`quota ${i}`));
      q.retryLater(() => {});
    }
    q.failed('not an Error');
    expect(q.errors).toBe(10);
    expect(q.lastError).toBe('not an Error');
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    q.succeeded();
    q.failed(new Error('again'));
    q.retryLater(() => {});
    expect(delays.at(-1)).toBe(500);
  });
});

describe('FlushTimer', () => {
  it('runs the flush once for any number of schedules; with no delay, at the end of the tick', async () => {
    let flushes = 0;
    const t = new FlushTimer(0, () => flushes++);
    t.schedule();
    t.schedule();
    expect(flushes).toBe(0);
    await Promise.resolve();
    expect(flushes).toBe(1);
    t.schedule();
    await Promise.resolve();
    expect(flushes).toBe(2);
  });

  it('waits its delay; cancel() drops the pending run and lets the next schedule start a new one', async () => {
    let flushes = 0;
    const t = new FlushTimer(5, () => flushes++);
    t.schedule();
    t.cancel();
    await new Promise((ok) => setTimeout(ok, 15));
    expect(flushes).toBe(0);
    t.schedule();
    await new Promise((ok) => setTimeout(ok, 15));
    expect(flushes).toBe(1);
  });
});
