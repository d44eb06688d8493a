import type { CardModel } from '../../lib/inpage/card-model';
import { closedShadow, el } from './dom';
import { INPAGE_CSS } from './styles';

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
 * The badge's state on the host, for tools reading the page (tests, the
 * bench). Informational only: nothing is styled or decided by it, so a page
 * that rewrites it changes nothing a reader sees.
 */
export const STATE_ATTR = 'data-state';

export function createBadge(doc: Document, key: string, model: CardModel, onActivate: (b: Badge) => void): Badge {
  const host = doc.createElement('span');
  host.setAttribute(HOST_ATTR, 'badge');
  const shadow = closedShadow(host, INPAGE_CSS);
  const button = el(doc, 'button', { type: 'button', class: 'b', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' });
  const prefix = el(doc, 'span', { class: 'p', 'aria-hidden': 'true' }, 'Pith');
  const symbol = el(doc, 'span', { class: 's', 'aria-hidden': 'true' });
  const label = el(doc, 'span', { 'aria-hidden': 'true' });
  button.append(prefix, symbol, label);
  shadow.append(button);

  const badge: Badge = {
    host,
    shadow,
    button,
    key,
    model,
    set(m) {
      badge.model = m;
      host.setAttribute(STATE_ATTR, m.state);
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
