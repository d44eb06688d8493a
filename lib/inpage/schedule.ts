/**
 * Chunked work for the page's main thread: items are processed a few at a
 * time, one chunk per frame, each chunk stopping once it has used its time
 * budget, so that no task of ours comes near the 50 ms "long task" line even
 * on a 2,000-row listing. Items can be moved to the front (rows that scroll
 * into view) and every item is processed exactly once.
 *
 * No browser globals: the frame scheduler and the clock are passed in, so the
 * scheduling is unit-tested with a fake clock.
 */
export interface ChunkRunnerOptions<T> {
  /** Work for one item; keep it small (well under a millisecond). */
  run(item: T): void;
  /** Ask for `cb` to be called in a later task (requestAnimationFrame, setTimeout). */
  requestFrame(cb: () => void): void;
  /** A monotonic clock in milliseconds (performance.now). */
  now(): number;
  /** Time a chunk may use before yielding; 8 ms leaves most of a 16 ms frame to the page. */
  budgetMs?: number;
  /** Called once each time the queue drains. */
  onIdle?(): void;
  /**
   * When true an item may be queued again after it was processed (updates);
   * when false (the default) each item is processed once (creation).
   */
  repeat?: boolean;
}

export interface ChunkRunner<T> {
  /** Add items at the back, in order. Items already queued or done are ignored. */
  enqueue(items: Iterable<T>): void;
  /** Move an item to the front (e.g. it scrolled into view). No effect when done or unknown. */
  prioritize(item: T): void;
  /** Process one item now, out of turn (e.g. the user acted on it). */
  runNow(item: T): void;
  /** True once the item has been processed. */
  isDone(item: T): boolean;
  /** Items waiting. */
  readonly pending: number;
  /** Stop; queued items are dropped. */
  cancel(): void;
}

export function createChunkRunner<T>(opts: ChunkRunnerOptions<T>): ChunkRunner<T> {
  const budget = opts.budgetMs ?? 8;
  // Two queues: prioritized items first (LIFO: the most recently seen row is
  // the one the reader is looking at), then the rest in order. A Set records
  // what is queued so that a prioritized item is skipped in the normal queue.
  const normal: T[] = [];
  let head = 0;
  const urgent: T[] = [];
  const queued = new Set<T>();
  const done = new Set<T>();
  let scheduled = false;
  let cancelled = false;

  const process = (item: T) => {
    queued.delete(item);
    if (!opts.repeat) done.add(item);
    opts.run(item);
  };

  const next = (): T | undefined => {
    while (urgent.length > 0) {
      const item = urgent.pop() as T;
      if (queued.has(item)) return item;
    }
    while (head < normal.length) {
      const item = normal[head++] as T;
      if (queued.has(item)) return item;
    }
    return undefined;
  };

  const chunk = () => {
    scheduled = false;
    if (cancelled) return;
    const start = opts.now();
    let item: T | undefined;
    while ((item = next()) !== undefined) {
      process(item);
      if (opts.now() - start >= budget) break;
    }
    if (queued.size > 0) schedule();
    else {
      normal.length = 0;
      head = 0;
      urgent.length = 0;
      opts.onIdle?.();
    }
  };

  const schedule = () => {
    if (scheduled || cancelled) return;
    scheduled = true;
    opts.requestFrame(chunk);
  };

  return {
    enqueue(items) {
      let added = false;
      for (const item of items) {
        if (queued.has(item) || done.has(item)) continue;
        queued.add(item);
        normal.push(item);
        added = true;
      }
      if (added) schedule();
    },
    prioritize(item) {
      if (!queued.has(item)) return;
      urgent.push(item);
    },
    runNow(item) {
      if (done.has(item) || cancelled) return;
      process(item);
    },
    isDone: (item) => done.has(item),
    get pending() {
      return queued.size;
    },
    cancel() {
      cancelled = true;
      queued.clear();
      normal.length = 0;
      urgent.length = 0;
    },
  };
}

/**
 * A frame scheduler for a page: requestAnimationFrame while the tab is shown
 * (work lands between paints), a timer while it is hidden (rAF does not run
 * in background tabs, and every row must still end with a badge).
 */
export function pageFrameScheduler(win: {
  requestAnimationFrame(cb: () => void): unknown;
  setTimeout(cb: () => void, ms: number): unknown;
  document: { visibilityState: string };
}): (cb: () => void) => void {
  return (cb) => {
    if (win.document.visibilityState === 'visible') win.requestAnimationFrame(cb);
    else win.setTimeout(cb, 16);
  };
}
