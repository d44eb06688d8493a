import type { Row } from './controller';

/** About one screen above and one below the viewport: rows there are checked before the reader reaches them. */
const NEAR_MARGIN = '100% 0px';

export interface Nearby {
  /** Watch more rows (added to the page later). */
  observe(rows: readonly Row[]): void;
  /** These papers have their final answer: their rows need no more watching. */
  done(keys: Iterable<string>): void;
  disconnect(): void;
}

/**
 * Which listing rows are within the viewport and its margin: an
 * IntersectionObserver on the rows' anchors. `onChange` gets the rows that
 * just came near, and every row near now, in page order. A row stops being
 * watched once its paper has its final answer (`done`): every observed
 * element costs the page a little work in every frame.
 */
export function watchNearby(rows: readonly Row[], onChange: (entered: Row[], near: Row[]) => void): Nearby {
  const byAnchor = new Map<Element, Row[]>();
  const byKey = new Map<string, Row[]>();
  const position = new Map<Row, number>();
  const near = new Set<Row>();
  const finished = new Set<string>();
  const io = new IntersectionObserver(
    (entries) => {
      const entered: Row[] = [];
      for (const e of entries) {
        for (const row of byAnchor.get(e.target) ?? []) {
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
      position.set(row, position.size);
      const list = byAnchor.get(row.anchor);
      if (list) list.push(row);
      else byAnchor.set(row.anchor, [row]);
      const k = byKey.get(row.key);
      if (k) k.push(row);
      else byKey.set(row.key, [row]);
      if (!finished.has(row.key)) io.observe(row.anchor);
    }
  };
  // Not before the page's first frame: observing 2,000 anchors while the parser's last chunk and the
  // first full layout are pending made that task longer, and no intersection is known before that frame.
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
      for (const key of keys) {
        if (finished.has(key)) continue;
        finished.add(key);
        for (const row of byKey.get(key) ?? []) {
          near.delete(row);
          io.unobserve(row.anchor);
        }
      }
    },
    disconnect: () => io.disconnect(),
  };
}
