import { popup as P } from '../../lib/strings';
import type { CheckRow } from '../../lib/popup/checks';
import { OutcomeMark } from '../common/OutcomeMark';

/** Expected against computed, shown where a check failed. */
export function ExpectedComputed({ row }: { row: CheckRow }) {
  if (row.expected === undefined && row.computed === undefined) return null;
  return (
    <dl class="ec">
      {row.expected !== undefined && (
        <div class="field">
          <dt>{P.expected}</dt>
          <dd>
            <code>{row.expected}</code>
          </dd>
        </div>
      )}
      {row.computed !== undefined && (
        <div class="field">
          <dt>{P.computed}</dt>
          <dd>
            <code>{row.computed}</code>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** Every check of the report: mark, name, the detail sentence; expected vs computed on failures. */
export function ChecksList({ rows }: { rows: CheckRow[] }) {
  return (
    <ul class="checks">
      {rows.map((row) => (
        <li key={row.name} class={`check check-${row.outcome}`} data-check={row.name}>
          <p class="check-head">
            <OutcomeMark outcome={row.outcome} /> <span class="check-label">{row.label}</span>
          </p>
          <p class="check-detail">{row.detail}</p>
          {row.outcome === 'fail' && <ExpectedComputed row={row} />}
        </li>
      ))}
    </ul>
  );
}
