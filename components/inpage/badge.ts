import type { CardModel } from '../../lib/inpage/card-model';
import { closedShadow, el } from './dom';
import { INPAGE_CSS } from './styles';
import { placeBadge } from '../../lib/inpage/placement';

/** One inline badge: a host element in the page, a closed shadow root, a button inside. */
export interface Badge {
  /** The element in the page's tree (an inline-flex span with nothing in its light DOM). */
  readonly host: HTMLElement;
  /** The closed shadow root; never exposed to the page. */
  readonly shadow: ShadowRoot;
  readonly button: HTMLButtonElement;
  readonly key: string;
  model: CardModel;
  set(model: CardModel): void;
}

/** Marks our hosts for people reading the DOM; never used to find them (a page can copy it). */
export const HOST_ATTR = 'data-pith-lens';
/**
 * The page learns nothing from our DOM but a badge's presence: the state is
 * kept on the button inside the closed shadow root (which the DevTools
 * protocol can read for tests, a page cannot), and each drawing is logged in
 * this content script's own world, whose globals no page script can reach:
 * the bench and the first-frame test read when each state was drawn there.
 */
const STATE_ATTR = 'data-state';
const DRAWN_LOG = Symbol.for('pith-lens.drawn');
interface Drawn {
  key: string;
  state: string;
  /** performance.now() when the state was drawn (the page's time origin). */
  at: number;
}
const drawn: Drawn[] = ((globalThis as Record<symbol, unknown>)[DRAWN_LOG] as Drawn[] | undefined) ?? [];
(globalThis as Record<symbol, unknown>)[DRAWN_LOG] = drawn;

/** The closed shadow roots of hosts placed ahead of their badges (reserveBadge). */
const reserved = new WeakMap<HTMLElement, ShadowRoot>();

function newHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  const host = doc.createElement('span');
  host.setAttribute(HOST_ATTR, 'badge');
  return { host, shadow: closedShadow(host, INPAGE_CSS) };
}

/**
 * An empty host of the badge's one size, placed next to `anchor` now (while
 * the page parses, or before the reader nears the row); its badge is drawn
 * into it later (createBadge with `host`). A listing's rows then never move
 * when badges arrive, and drawing one re-lays out only its contained host,
 * not the 4,000-child list (bench/README.md: scroll frame). Undefined when
 * the anchor is detached.
 */
export function reserveBadge(doc: Document, anchor: Element): HTMLElement | undefined {
  const { host, shadow } = newHost(doc);
  if (!placeBadge(anchor, host)) return undefined;
  reserved.set(host, shadow);
  return host;
}

/** A badge in `host` when one was reserved for it, else in a new host (for the caller to place). */
export function createBadge(doc: Document, key: string, model: CardModel, onActivate: (b: Badge) => void, into?: HTMLElement): Badge {
  const shadowOf = into && reserved.get(into);
  const { host, shadow } = into && shadowOf ? { host: into, shadow: shadowOf } : newHost(doc);
  if (shadowOf) reserved.delete(host);
  const button = el(doc, 'button', { type: 'button', class: 'b', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' });
  const prefix = el(doc, 'span', { class: 'p', 'aria-hidden': 'true' }, 'Pith');
  const symbol = el(doc, 'span', { class: 's', 'aria-hidden': 'true' });
  const label = el(doc, 'span', { 'aria-hidden': 'true' });
  button.append(prefix, symbol, label);
  shadow.append(button);

  let drawnOnce = false;
  const badge: Badge = {
    host,
    shadow,
    button,
    key,
    model,
    set(m) {
      const same = drawnOnce && looksSame(badge.model, m);
      badge.model = m;
      drawnOnce = true;
      // The same look again (an answer re-sent after a reconnect, a batch that updates what it just drew):
      // no DOM write, so the page has nothing to lay out or paint again.
      if (same) return;
      button.setAttribute(STATE_ATTR, m.state);
      drawn.push({ key, state: m.state, at: performance.now() });
      symbol.textContent = m.symbol;
      label.textContent = m.label;
      button.style.backgroundColor = m.color;
      button.setAttribute('aria-label', m.ariaLabel);
      button.setAttribute('title', `${m.label}: ${m.sentence}`);
    },
  };
  badge.set(model);

  button.addEventListener('click', (e) => {
    // Only a person's click (or Enter/Space on the focused button, which the
    // browser turns into a trusted click) opens the card; a page script's
    // synthetic events are ignored.
    e.preventDefault();
    e.stopPropagation();
    if (!e.isTrusted) return;
    onActivate(badge);
  });
  return badge;
}

/** Whether two models draw the same badge (what set() writes). */
function looksSame(a: CardModel, b: CardModel): boolean {
  return a.state === b.state && a.symbol === b.symbol && a.label === b.label && a.color === b.color && a.ariaLabel === b.ariaLabel && a.sentence === b.sentence;
}
