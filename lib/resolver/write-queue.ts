/**
 * When the cache's writes reach storage: batched (one storage.set per flush,
 * `FlushTimer`), one operation after another (`WriteQueue`), and a failed
 * write (quota, a closing context) kept, counted and retried with backoff,
 * never silently dropped. Apart from cache.ts, which decides what to write.
 */

/** Retries of a failed write back off up to this delay. */
const MAX_RETRY_DELAY_MS = 30_000;

export class WriteQueue {
  private chain: Promise<void> = Promise.resolve();
  private consecutiveFailures = 0;
  /** Writes that failed since the worker started (each is retried). */
  errors = 0;
  lastError: string | undefined;

  /** `setTimer`: how a retry waits (injected for tests). */
  constructor(private readonly setTimer: (fn: () => void, ms: number) => unknown) {}

  /** Runs storage operations one after another; a failure is the operation's own to handle. */
  enqueue(op: () => Promise<unknown>): Promise<void> {
    this.chain = this.chain.then(op).then(
      () => {},
      () => {},
    );
    return this.chain;
  }

  /** Settles when every operation queued so far has. */
  get settled(): Promise<void> {
    return this.chain;
  }

  succeeded(): void {
    this.consecutiveFailures = 0;
  }

  failed(e: unknown): void {
    this.errors++;
    this.consecutiveFailures++;
    this.lastError = e instanceof Error ? e.message : String(e);
  }

  /** After a failed write: run `retry` later, backing off, until storage takes it. */
  retryLater(retry: () => void): void {
    const delay = Math.min(MAX_RETRY_DELAY_MS, 250 * 2 ** Math.min(this.consecutiveFailures, 10));
    this.setTimer(retry, delay);
  }
}

/** Runs `flush` once, `delayMs` after the first schedule() (0: at the end of the current tick), however often it is scheduled meanwhile. */
export class FlushTimer {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private scheduled = false;

  constructor(
    private readonly delayMs: number,
    private readonly flush: () => void,
  ) {}

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const go = () => {
      this.timer = undefined;
      this.scheduled = false;
      this.flush();
    };
    if (this.delayMs > 0) this.timer = setTimeout(go, this.delayMs);
    else queueMicrotask(go);
  }

  /** A flush starts now: the pending timer, if any, is not needed. */
  cancel(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.scheduled = false;
    }
  }
}
