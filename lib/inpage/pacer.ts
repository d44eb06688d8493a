/**
 * When a listing's badges are drawn while the reader scrolls. Drawing even
 * one badge into a 2,000-row list makes the browser walk the whole list in
 * that frame (pre-paint over the list's 4,000 children, bench/README.md:
 * scroll frame), so badges are drawn in batches, not as each row comes near:
 * at most one batch per `gapMs`, and each batch waits up to `settleMs` for
 * the answers of the rows it draws, so a row is drawn once, in its final
 * state, when its answer is quick (a cached record). After a quiet spell (a
 * jump to the bottom of the page) the first batch goes as soon as its answers
 * are in.
 *
 * No browser globals: the clock is passed in (unit-tested with fake timers).
 */
import type { Clock } from '../clock';

export interface PacerOptions {
  clock: Clock;
  /** Least time between two batches (setGap changes it). */
  gapMs: number;
  /** Longest a batch waits for its rows' answers. */
  settleMs: number;
  /** Whether everything waiting to be drawn has its final answer. */
  ready(): boolean;
  /** Draw everything waiting. */
  flush(): void;
}

export interface Pacer {
  /** Something is waiting to be drawn (a row came near, an answer came in). */
  poke(): void;
  /** A new least time between batches (0 while the page loads: its first screen is drawn as answers come). */
  setGap(ms: number): void;
  cancel(): void;
}

export function createPacer(opts: PacerOptions): Pacer {
  const { clock } = opts;
  let last = -Infinity;
  /** When the oldest thing now waiting was first poked; undefined when nothing waits. */
  let since: number | undefined;
  let timer: unknown;
  let due = Infinity;
  let gap = opts.gapMs;

  const flushNow = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
    due = Infinity;
    since = undefined;
    last = clock.now();
    opts.flush();
  };

  return {
    poke() {
      const now = clock.now();
      since ??= now;
      const earliest = last + gap;
      const ready = opts.ready();
      if (now >= earliest && ready) return flushNow();
      const at = ready ? earliest : Math.max(earliest, since + opts.settleMs);
      if (timer !== undefined && at >= due) return;
      if (timer !== undefined) clock.clearTimeout(timer);
      due = at;
      timer = clock.setTimeout(flushNow, Math.max(0, at - now));
    },
    setGap(ms) {
      gap = ms;
    },
    cancel() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      since = undefined;
    },
  };
}
