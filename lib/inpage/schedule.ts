/**
 * Chunked work for the page's main thread: items are processed a few at a
 * time, one chunk per frame, each chunk stopping once it has used its time
 * budget, so that no task of ours comes near the 50 ms "long task" line even
 * on a 2,000-row listing. Every item is processed exactly once (or, with
 * `repeat`, once per time it is queued).
 *
 * No browser globals: the frame scheduler and the clock are passed in, so the
 * scheduling is unit-tested with a fake clock.
 */
export interface ChunkRunnerOptions<T> {
  /** Work for one item; keep it small (well under a millisecond). */
  run(item: T): void;
  /** Ask for `cb` to be called in a later task (a MessageChannel message, a timer, a frame). */
  nextTask(cb: () => void): void;
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
  /** Process items now, synchronously, for up to `budgetMs`; the rest follow in later tasks as usual. */
  runNow(budgetMs: number): void;
  /** Items waiting. */
  readonly pending: number;
  /** Stop; queued items are dropped. */
  cancel(): void;
}

export function createChunkRunner<T>(opts: ChunkRunnerOptions<T>): ChunkRunner<T> {
  const budget = opts.budgetMs ?? 8;
  const normal: T[] = [];
  let head = 0;
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
    while (head < normal.length) {
      const item = normal[head++] as T;
      if (queued.has(item)) return item;
    }
    return undefined;
  };

  const chunk = (limit: number) => {
    if (cancelled) return;
    const start = opts.now();
    let item: T | undefined;
    while ((item = next()) !== undefined) {
      process(item);
      if (opts.now() - start >= limit) break;
    }
    if (queued.size > 0) schedule();
    else {
      normal.length = 0;
      head = 0;
      opts.onIdle?.();
    }
  };

  const schedule = () => {
    if (scheduled || cancelled) return;
    scheduled = true;
    opts.nextTask(() => {
      scheduled = false;
      if (queued.size > 0) chunk(budget); // runNow may have done it all
    });
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
    runNow(budgetMs) {
      if (queued.size > 0) chunk(budgetMs);
    },
    get pending() {
      return queued.size;
    },
    cancel() {
      cancelled = true;
      queued.clear();
      normal.length = 0;
    },
  };
}

/**
 * The scheduler for a page: each chunk is its own task (a MessageChannel
 * message), so the browser can handle input and render between chunks, and a
 * task of ours holds only our own few milliseconds of work. Not
 * requestAnimationFrame: a rAF callback runs inside the frame's rendering
 * task, so on a 2,000-row listing (where every style/layout pass costs
 * hundreds of milliseconds on a slow machine) each chunk would sit in a long
 * task and the page would re-render once per chunk; nor plain timers, which
 * background tabs throttle to one per second. The channel is private to the
 * content script's world: the page cannot post to it.
 */
export function taskScheduler(MC: new () => MessageChannel): (cb: () => void) => void {
  const channel = new MC();
  const queue: Array<() => void> = [];
  channel.port1.onmessage = () => {
    const cb = queue.shift();
    cb?.();
  };
  return (cb) => {
    queue.push(cb);
    channel.port2.postMessage(null);
  };
}

/**
 * One chunk per frame: the task is posted right after the next animation
 * frame starts, so it runs after that frame is drawn, and the next frame lays
 * out at most one chunk's worth of new badges. On a 2,000-row listing every
 * frame that adds badges re-lays out the rows it touches, so two chunks in
 * one frame make a frame twice as long. A hidden tab gets no frames: its
 * badges are made when it is shown (its toolbar badge does not wait).
 */
export function frameTaskScheduler(MC: new () => MessageChannel, raf: (cb: () => void) => unknown): (cb: () => void) => void {
  const post = taskScheduler(MC);
  return (cb) => raf(() => post(cb));
}
