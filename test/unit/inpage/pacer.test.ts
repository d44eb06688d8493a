import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPacer } from '../../../lib/inpage/pacer';

describe('the pacer of a listing’s badge batches', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = (ready: () => boolean) => {
    const flushes: number[] = [];
    const pacer = createPacer({
      clock: { now: () => Date.now(), setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
      gapMs: 250,
      settleMs: 100,
      ready,
      flush: () => flushes.push(Date.now()),
    });
    return { pacer, flushes };
  };

  it('draws at once after a quiet spell when every answer is in', () => {
    const t0 = Date.now();
    const { pacer, flushes } = make(() => true);
    pacer.poke();
    expect(flushes).toEqual([t0]);
  });

  it('waits for answers up to settleMs, and draws as soon as they are in', () => {
    let answered = false;
    const t0 = Date.now();
    const { pacer, flushes } = make(() => answered);
    pacer.poke();
    vi.advanceTimersByTime(40);
    expect(flushes).toEqual([]);
    answered = true;
    pacer.poke(); // the answer came in
    expect(flushes).toEqual([t0 + 40]);
  });

  it('draws what it has once settleMs has passed without the answers', () => {
    const t0 = Date.now();
    const { pacer, flushes } = make(() => false);
    pacer.poke();
    vi.advanceTimersByTime(99);
    expect(flushes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(flushes).toEqual([t0 + 100]);
  });

  it('while rows keep coming (a scroll), at most one batch per gapMs', () => {
    const t0 = Date.now();
    const { pacer, flushes } = make(() => true);
    // A row comes near every 16 ms for a second.
    for (let t = 0; t < 1000; t += 16) {
      pacer.poke();
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(300);
    expect(flushes.length).toBeGreaterThanOrEqual(4);
    expect(flushes.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < flushes.length; i++) expect(flushes[i]! - flushes[i - 1]!).toBeGreaterThanOrEqual(250);
    expect(flushes[0]).toBe(t0);
  });

  it('with no gap (the page still loading), every answer is drawn as it comes', () => {
    const t0 = Date.now();
    const { pacer, flushes } = make(() => true);
    pacer.setGap(0);
    pacer.poke();
    vi.advanceTimersByTime(10);
    pacer.poke();
    expect(flushes).toEqual([t0, t0 + 10]);
  });

  it('cancel drops the batch waiting', () => {
    const { pacer, flushes } = make(() => false);
    pacer.poke();
    pacer.cancel();
    vi.advanceTimersByTime(1000);
    expect(flushes).toEqual([]);
  });
});
