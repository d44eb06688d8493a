import type { PaperId } from '../../lib/ids/key';
import { cardModel, pendingResult, type CardModel } from '../../lib/inpage/card-model';
import { placeBadge } from '../../lib/inpage/placement';
import type { ResultStore } from '../../lib/inpage/results';
import { createChunkRunner, frameTaskScheduler, taskScheduler } from '../../lib/inpage/schedule';
import { createBadge, type Badge } from './badge';
import { CARD_ID, createCardView, type CardView } from './card';

/** On the host while its card is open: lifts the badge's containment (inpage.css), so the card is neither clipped nor skipped. */
const CARD_ATTR = 'data-card';

/** A paper on the page that gets an inline badge. */
export interface Row {
  key: string;
  id: PaperId;
  anchor: Element;
  /** The host reserved next to the anchor while the page parsed (reserveBadge): the badge is drawn into it. */
  host?: HTMLElement;
}

export interface InpageEnv {
  doc: Document;
  win: Window;
  fullViewUrl(m: CardModel): string;
  copy(text: string): Promise<void>;
  openFullView(m: CardModel): void;
  /** Test seams; default to a MessageChannel task per chunk and performance.now. */
  nextTask?(cb: () => void): void;
  now?(): number;
  budgetMs?: number;
  /** Create badges synchronously for up to this long before the first chunk task (default: none). */
  firstChunkMs?: number;
  /** Called once every row has its badge. */
  onAllPlaced?(): void;
}

export interface Inpage {
  /** Answers for these keys changed in the store: redraw their badges (batched). */
  changed(keys: readonly string[]): void;
  /** Badge these rows too (rows already badged or queued are ignored), one chunk per frame. */
  add(rows: Iterable<Row>): void;
  /** Create queued badges now, synchronously, for up to `ms` (the rest follow as usual). */
  placeNow(ms: number): void;
  /** Badges drawn so far. */
  readonly count: number;
  destroy(): void;
}

/**
 * Inline badges for a page: created in page order in chunks, each chunk its
 * own short task within a small time budget (the first chunk covers the rows
 * at the top, the rest follow within a second on a 2,000-row listing);
 * answers redrawn the same way; one card open at a time.
 */
export function createInpage(rows: readonly Row[], store: ResultStore, env: InpageEnv): Inpage {
  const { doc, win } = env;
  const nextTask = env.nextTask ?? taskScheduler(MessageChannel);
  // Creating badges adds to the page's layout: at most one chunk per frame. Updates stay in their contained hosts.
  const nextFrameTask = env.nextTask ?? frameTaskScheduler(MessageChannel, (cb) => win.requestAnimationFrame(cb));
  const now = env.now ?? (() => win.performance.now());
  const byKey = new Map<string, Badge[]>();
  let count = 0;

  const modelFor = (row: Row): CardModel => cardModel(store.get(row.key) ?? pendingResult(row.key, row.id));

  const creator = createChunkRunner<Row>({
    nextTask: nextFrameTask,
    now,
    budgetMs: env.budgetMs,
    run(row) {
      if (row.host ? !row.host.isConnected : !row.anchor.isConnected) return;
      const badge = createBadge(doc, row.key, modelFor(row), toggle, row.host);
      if (!row.host) placeBadge(row.anchor, badge.host);
      count++;
      const list = byKey.get(row.key);
      if (list) list.push(badge);
      else byKey.set(row.key, [badge]);
    },
    onIdle() {
      env.onAllPlaced?.();
    },
  });

  const updater = createChunkRunner<string>({
    nextTask,
    now,
    budgetMs: env.budgetMs,
    repeat: true,
    run(key) {
      const list = byKey.get(key);
      const r = store.get(key);
      if (!list || !r) return; // not drawn yet: it reads the latest answer when it is
      const m = cardModel(r);
      for (const b of list) {
        b.set(m);
        if (open?.badge === b) open.view.update(m);
      }
    },
  });

  creator.enqueue(rows);
  if (env.firstChunkMs) creator.runNow(env.firstChunkMs);

  // ---------------------------------------------------------------- the card

  let open: { badge: Badge; view: CardView; cleanup: () => void } | null = null;

  function toggle(b: Badge): void {
    if (open?.badge === b) close(true);
    else openCard(b);
  }

  function openCard(b: Badge): void {
    close(false);
    const view = createCardView(doc, {
      fullViewUrl: env.fullViewUrl,
      copy: env.copy,
      openFullView: env.openFullView,
      onClose: () => close(true),
    });
    view.update(b.model);
    const popover = typeof view.root.showPopover === 'function';
    if (popover) view.root.setAttribute('popover', 'manual');
    b.host.setAttribute(CARD_ATTR, '');
    b.shadow.append(view.root);
    if (popover) {
      try {
        view.root.showPopover();
      } catch {
        /* not in a document that allows it: stays a fixed box */
      }
    }
    const place = () => view.position(b.host.getBoundingClientRect(), { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight });
    place();
    b.button.setAttribute('aria-expanded', 'true');
    b.button.setAttribute('aria-controls', CARD_ID);

    let frame = false;
    const onMove = () => {
      if (frame) return;
      frame = true;
      win.requestAnimationFrame(() => {
        frame = false;
        if (open?.view === view) place();
      });
    };
    const onPointerDown = (e: Event) => {
      if (!e.isTrusted) return;
      if (e.composedPath().includes(b.host)) return;
      close(false);
    };
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      if (!k.isTrusted || k.key !== 'Escape') return;
      k.preventDefault();
      k.stopPropagation();
      close(true);
    };
    const onFocusOut = (e: Event) => {
      const to = (e as FocusEvent).relatedTarget as Node | null;
      // Focus left for something else on the page (Tab past the card): close quietly.
      if (to && to !== b.host && !b.shadow.contains(to)) close(false);
    };
    doc.addEventListener('pointerdown', onPointerDown, true);
    win.addEventListener('scroll', onMove, { capture: true, passive: true });
    win.addEventListener('resize', onMove, { passive: true });
    b.shadow.addEventListener('keydown', onKey);
    b.shadow.addEventListener('focusout', onFocusOut);
    open = {
      badge: b,
      view,
      cleanup() {
        doc.removeEventListener('pointerdown', onPointerDown, true);
        win.removeEventListener('scroll', onMove, true);
        win.removeEventListener('resize', onMove);
        b.shadow.removeEventListener('keydown', onKey);
        b.shadow.removeEventListener('focusout', onFocusOut);
      },
    };
    view.focusFirst();
  }

  function close(returnFocus: boolean): void {
    if (!open) return;
    const { badge, view, cleanup } = open;
    open = null;
    cleanup();
    try {
      if (view.root.matches(':popover-open')) view.root.hidePopover();
    } catch {
      /* no popover support */
    }
    view.root.remove();
    badge.host.removeAttribute(CARD_ATTR);
    badge.button.setAttribute('aria-expanded', 'false');
    badge.button.removeAttribute('aria-controls');
    if (returnFocus) badge.button.focus();
  }

  return {
    changed(keys) {
      updater.enqueue(keys);
    },
    add(more) {
      creator.enqueue(more);
    },
    placeNow(ms) {
      creator.runNow(ms);
    },
    get count() {
      return count;
    },
    destroy() {
      close(false);
      creator.cancel();
      updater.cancel();
      for (const list of byKey.values()) for (const b of list) b.host.remove();
      byKey.clear();
    },
  };
}
