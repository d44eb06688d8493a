import type { ComponentChildren } from 'preact';
import { STATE_STYLE, type State } from '../../lib/states';

/** The state's colour, label and sentence, as lib/states.ts defines them. */
export function StateBanner({ state, children }: { state: State; children?: ComponentChildren }) {
  const style = STATE_STYLE[state];
  return (
    <section class="banner" data-state={state} style={{ backgroundColor: style.color }} role="status" aria-live="polite">
      <h2 class="banner-label">
        <span class="banner-badge" aria-hidden="true">
          {style.badge}
        </span>{' '}
        {style.label}
      </h2>
      <p class="banner-sentence">{style.sentence}</p>
      {children}
    </section>
  );
}
