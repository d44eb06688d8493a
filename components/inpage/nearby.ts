import type { Row } from './controller';

/** About one screen above and one below the viewport: rows there are checked before the reader reaches them. */
const NEAR_MARGIN = '100% 0px';
/**
 * Rows watched at a time, around the viewport. The browser checks every
 * observed element in every frame: all 2,000 rows of a listing cost each
 * scroll frame several milliseconds (bench/README.md: scroll frame), a
 * window of rows almost nothing.
 */
const WINDOW = 120;

export interface Nearby {
  /** Watch more rows (added to the page later). */
  observe(rows: readonly Row[]): void;
  /** These papers have their final answer: their rows need no more watching. */
  done(keys: Iterable<string>): void;
  disconnect(): void;
}

/**
 * Which listing rows are within the viewport and its margin: an
 * IntersectionObserver on the anchors of a window of rows around the
 * viewport, moved as the reader scrolls (centred on the row at the
 * viewport's top, found by bisection, when the viewport nears the window's
 * edge or leaves it). `onChange` gets the rows that just came near, and
 * every row near now, in page order. A row stops being watched once its
 * paper has its final answer (`done`).
 */
export function watchNearby(rows: readonly Row[], onChange: (entered: Row[], near: Row[]) => void): Nearby {
  const list: Row[] = [];
  const position = new Map<Row, number>();
  const byAnchor = new Map<Element, Row[]>();
  const near = new Set<Row>();
  const finished = new Set<string>();
  let lo = 0;
  let hi = 0;

  const inWindow = (i: number) => i >= lo && i < hi;
  const watch = (row: Row) => {
    if (!finished.has(row.key)) io.observe(row.anchor);
  };
  const unwatch = (row: Row) => {
    near.delete(row);
    io.unobserve(row.anchor);
  };

  /** Watch rows [from, from + WINDOW) instead of the current window. */
  const moveTo = (from: number) => {
    const start = Math.max(0, Math.min(from, list.length - WINDOW));
    const end = Math.min(list.length, start + WINDOW);
    if (start === lo && end === hi) return;
    for (let i = lo; i < hi; i++) if (i < start || i >= end) unwatch(list[i]!);
    for (let i = start; i < end; i++) if (!inWindow(i)) watch(list[i]!);
    lo = start;
    hi = end;
  };

  /** The first row whose anchor is not above the viewport (rows are in page order, so their tops increase). */
  const rowAtTop = (): number => {
    let a = 0;
    let b = list.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (list[mid]!.anchor.getBoundingClientRect().bottom < 0) a = mid + 1;
      else b = mid;
    }
    return a;
  };

  /**
   * Centre the window on the row at the viewport's top when the viewport nears the window's edge or
   * has left it (a quarter of the window from either end: fewer, larger moves), or when the window
   * is short of rows.
   */
  const follow = () => {
    if (list.length <= WINDOW) return moveTo(0);
    const top = rowAtTop();
    if (top < lo + WINDOW / 4 || top >= hi - WINDOW / 4 || hi - lo < WINDOW) moveTo(top - WINDOW / 2);
  };

  const io = new IntersectionObserver(
    (entries) => {
      const entered: Row[] = [];
      for (const e of entries) {
        for (const row of byAnchor.get(e.target) ?? []) {
          if (!inWindow(position.get(row)!)) continue;
          if (!e.isIntersecting) near.delete(row);
          else if (!near.has(row)) {
            near.add(row);
            entered.push(row);
          }
        }
      }
      onChange(
        entered,
        [...near].sort((a, b) => position.get(a)! - position.get(b)!),
      );
    },
    { rootMargin: NEAR_MARGIN },
  );

  const observe = (more: readonly Row[]) => {
    if (!started) return void pending.push(...more);
    for (const row of more) {
      if (position.has(row)) continue;
      position.set(row, list.length);
      list.push(row);
      const same = byAnchor.get(row.anchor);
      if (same) same.push(row);
      else byAnchor.set(row.anchor, [row]);
    }
    follow();
  };
  // The window follows the reader: at most once a frame while the page scrolls. The observer alone
  // cannot tell: rows already answered are no longer watched, and rows that were never near do not
  // change when the viewport jumps past them.
  let scrollFrame = false;
  const onScroll = () => {
    if (scrollFrame || !started) return;
    scrollFrame = true;
    requestAnimationFrame(() => {
      scrollFrame = false;
      follow();
    });
  };
  addEventListener('scroll', onScroll, { passive: true });
  // Not before the page's first frame: no intersection is known before it, and reading row positions
  // (rowAtTop) before it would lay the page out early.
  let started = false;
  const pending: Row[] = [...rows];
  requestAnimationFrame(() =>
    setTimeout(() => {
      started = true;
      observe(pending.splice(0));
    }, 0),
  );
  return {
    observe,
    done(keys) {
      for (const key of keys) finished.add(key);
      for (let i = lo; i < hi; i++) if (finished.has(list[i]!.key)) unwatch(list[i]!);
    },
    disconnect() {
      io.disconnect();
      removeEventListener('scroll', onScroll);
    },
  };
}
