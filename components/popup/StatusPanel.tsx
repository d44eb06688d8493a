import { popup as P } from '../../lib/strings';
import { completenessLadder, statusFlags } from '../../lib/popup/status';

/** Pith's status words (verification_status) and the completeness ladder inferred from them. */
export function StatusPanel({ record }: { record: unknown }) {
  const words = statusFlags(record);
  const rungs = completenessLadder(record);
  return (
    <div class="status">
      <h3>{P.statusHeading}</h3>
      <p class="note">{P.statusServedNote}</p>
      <ul class="status-words">
        {words.map((w) => (
          <li key={w.key} class={w.done === undefined ? 'sw sw-unknown' : w.done ? 'sw sw-yes' : 'sw sw-no'} data-flag={w.key}>
            {w.label}
          </li>
        ))}
      </ul>
      <h3>{P.ladderHeading}</h3>
      <ol class="ladder">
        {rungs.map((r) => {
          const word = r.reached === undefined ? P.ladderUnknown : r.reached ? P.ladderReached : P.ladderNotReached;
          return (
            <li key={r.step} class={r.reached ? 'rung rung-yes' : 'rung'} data-reached={String(r.reached ?? 'unknown')}>
              <span class="rung-step" aria-hidden="true">
                {r.step}
              </span>
              <span class="rung-label">{r.label}</span>
              <span class="rung-word">{word}</span>
            </li>
          );
        })}
      </ol>
      <p class="note">{P.ladderNote}</p>
    </div>
  );
}
