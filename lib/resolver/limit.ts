/** A concurrency limit: at most `n` tasks run at once, the rest wait in FIFO order. */
export interface Limit {
  <T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly pending: number;
}

export function createLimit(n: number): Limit {
  const max = Math.max(1, Math.floor(n));
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= max) return;
    const run = queue.shift();
    if (run) run();
  };
  const limit = <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        active++;
        let p: Promise<T>;
        try {
          p = task();
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(resolve, reject).finally(() => {
          active--;
          next();
        });
      });
      next();
    });
  Object.defineProperties(limit, {
    active: { get: () => active },
    pending: { get: () => queue.length },
  });
  return limit as Limit;
}

/**
 * In-flight dedup: while a task for `key` runs, callers for the same key share
 * its promise; once it settles the key is free again.
 */
export function createDedup<T>() {
  const inflight = new Map<string, Promise<T>>();
  return {
    run(key: string, task: () => Promise<T>): Promise<T> {
      const existing = inflight.get(key);
      if (existing) return existing;
      const p = task().finally(() => {
        if (inflight.get(key) === p) inflight.delete(key);
      });
      inflight.set(key, p);
      return p;
    },
    has: (key: string) => inflight.has(key),
    get size() {
      return inflight.size;
    },
    /** Settles when everything in flight now has settled. */
    async idle(): Promise<void> {
      while (inflight.size) await Promise.allSettled([...inflight.values()]);
    },
  };
}
