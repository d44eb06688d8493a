import type { CardModel } from '../../lib/inpage/card-model';
import { el, setText } from './dom';

/**
 * The overlay card: a non-modal dialog anchored to a badge, built inside that
 * badge's closed shadow root (so aria-controls/aria-labelledby resolve) and
 * shown in the top layer as a popover where the browser has them (no page
 * z-index or overflow can hide it). A fixed skeleton whose parts are filled
 * with textContent: updating a card while it is open keeps focus in place.
 */
export interface CardView {
  readonly root: HTMLElement;
  update(m: CardModel): void;
  /** Focus the first control (Copy when there is a number, else Close). */
  focusFirst(): void;
  /** Place the card under (or above) a badge at `rect`, inside the viewport. */
  position(rect: DOMRect, viewport: { width: number; height: number }): void;
}

export interface CardEnv {
  /** Absolute URL of the full report for a paper (an extension page). */
  fullViewUrl(m: CardModel): string;
  /** Copy text to the clipboard; rejects when the page does not allow it. */
  copy(text: string): Promise<void>;
  /** Open the full report (an extension page) for a paper. */
  openFullView(m: CardModel): void;
  onClose(): void;
}

export const CARD_ID = 'pith-lens-card';
const GAP = 6;
const MARGIN = 8;

export function createCardView(doc: Document, env: CardEnv): CardView {
  const root = el(doc, 'div', {
    id: CARD_ID,
    class: 'card',
    role: 'dialog',
    'aria-modal': 'false',
    'aria-labelledby': 'pl-title',
    'aria-describedby': 'pl-sentence',
    tabindex: '-1',
  });
  const chip = el(doc, 'span', { class: 'chip' });
  const title = el(doc, 'h2', { id: 'pl-title', class: 'title' });
  const close = el(doc, 'button', { type: 'button', class: 'x', 'aria-label': 'Close' }, '×');
  const head = el(doc, 'div', { class: 'row' });
  head.append(chip, title, close);

  const sentence = el(doc, 'p', { id: 'pl-sentence', class: 'sentence' });
  const reason = el(doc, 'p', { class: 'reason' });

  const numLabel = el(doc, 'p', { class: 'label', id: 'pl-num-label' }, 'Pith Number');
  const code = el(doc, 'code', { 'aria-labelledby': 'pl-num-label' });
  const copy = el(doc, 'button', { type: 'button', class: 'copy' }, 'Copy');
  const num = el(doc, 'div', { class: 'num' });
  num.append(code, copy);
  const numBlock = el(doc, 'div');
  numBlock.append(numLabel, num);

  const version = el(doc, 'p', { class: 'note', role: 'note' });
  const headline = el(doc, 'p', { class: 'headline' });
  const summary = el(doc, 'p', { class: 'summary' });
  const fine = el(doc, 'p', { class: 'fine' }, 'Headline and summary are served beside the signed record; Pith’s signature does not cover them.');

  const full = el(doc, 'a', { target: '_blank', rel: 'noopener noreferrer' }, 'Full report');
  const site = el(doc, 'a', { target: '_blank', rel: 'noopener noreferrer' }, 'Open on pith.science ↗');
  const links = el(doc, 'div', { class: 'links' });
  links.append(full, site);

  root.append(head, sentence, reason, numBlock, version, headline, summary, fine, links);

  let model: CardModel | undefined;
  let copyTimer: ReturnType<typeof setTimeout> | undefined;

  close.addEventListener('click', (e) => {
    e.preventDefault();
    if (e.isTrusted) env.onClose();
  });
  copy.addEventListener('click', (e) => {
    e.preventDefault();
    if (!e.isTrusted || !model?.pithNumber) return;
    const text = model.pithNumber;
    const done = (msg: string) => {
      copy.textContent = msg;
      clearTimeout(copyTimer);
      copyTimer = setTimeout(() => (copy.textContent = 'Copy'), 1800);
    };
    env.copy(text).then(
      () => done('Copied'),
      () => {
        // No async clipboard here (an http: page, a denied permission): select
        // the number and copy the selection; failing that, leave it selected
        // for Ctrl+C / ⌘C.
        doc.getSelection()?.selectAllChildren(code);
        let copied = false;
        try {
          copied = doc.execCommand('copy');
        } catch {
          /* not allowed */
        }
        done(copied ? 'Copied' : 'Press Ctrl+C');
      },
    );
  });
  // A web page may not navigate to an extension page, so the extension opens it (click or middle-click).
  const openFull = (e: MouseEvent) => {
    if (e.type === 'auxclick' && e.button !== 1) return;
    e.preventDefault();
    if (e.isTrusted && model) env.openFullView(model);
  };
  full.addEventListener('click', openFull);
  full.addEventListener('auxclick', openFull);

  return {
    root,
    update(m) {
      model = m;
      chip.textContent = `${m.symbol} ${m.label}${m.stale ? ' · stale' : ''}`;
      chip.style.backgroundColor = m.color;
      title.textContent = m.idText;
      sentence.textContent = m.sentence;
      setText(reason, m.reason);
      numBlock.hidden = !m.pithNumber;
      code.textContent = m.pithNumber ?? '';
      setText(version, m.versionNote ? `${capitalize(m.versionNote)}; this page shows another version.` : undefined);
      setText(headline, m.headline);
      setText(summary, m.summary);
      fine.hidden = !m.headline && !m.summary;
      full.href = env.fullViewUrl(m);
      if (m.pithUrl) {
        site.hidden = false;
        site.href = m.pithUrl;
      } else {
        site.hidden = true;
        site.removeAttribute('href');
      }
    },
    focusFirst() {
      (model?.pithNumber ? copy : close).focus();
    },
    position(rect, viewport) {
      const w = root.offsetWidth;
      const h = root.offsetHeight;
      let left = Math.min(rect.left, viewport.width - w - MARGIN);
      left = Math.max(MARGIN, left);
      let top = rect.bottom + GAP;
      if (top + h > viewport.height - MARGIN && rect.top - GAP - h >= MARGIN) top = rect.top - GAP - h;
      root.style.left = `${Math.round(left)}px`;
      root.style.top = `${Math.round(Math.max(MARGIN, top))}px`;
    },
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
