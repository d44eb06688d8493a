import type { CheckOutcome } from '../../lib/pith/report';
import { popup as P } from '../../lib/strings';
import { OUTCOME_SYMBOL } from '../../lib/popup/checks';

/** ✓ ✗ • for pass, fail, skip; the word for screen readers. */
export function OutcomeMark({ outcome }: { outcome: CheckOutcome }) {
  return (
    <span class={`mark mark-${outcome}`}>
      <span aria-hidden="true">{OUTCOME_SYMBOL[outcome]}</span>
      <span class="sr-only">{P.outcome(outcome)}</span>
    </span>
  );
}
