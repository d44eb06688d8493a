import { describeId } from '../../lib/ids/util';
import type { PaperResult } from '../../lib/messages';
import { STATE_STYLE } from '../../lib/states';
import { popup as P } from '../../lib/strings';

function optionText(p: PaperResult): string {
  if (p.unchecked) return `${describeId(p.id)} · ${P.notYetChecked}`;
  const style = STATE_STYLE[p.state] ?? STATE_STYLE.pending;
  const head = p.headline ? ` — ${p.headline.length > 70 ? `${p.headline.slice(0, 69)}…` : p.headline}` : '';
  return `${style.badge} ${describeId(p.id)} · ${style.label}${head}`;
}

/**
 * On a listing, the papers of the tab to choose from (a select: a listing can
 * hold thousands). A listing checks the rows near the reader's viewport; the
 * others show as not yet checked, with one action to check them all.
 */
export function PaperPicker({
  papers,
  selected,
  onSelect,
  onCheckAll,
}: {
  papers: PaperResult[];
  selected: number;
  onSelect: (i: number) => void;
  onCheckAll?: () => void;
}) {
  const unchecked = papers.reduce((n, p) => n + (p.unchecked ? 1 : 0), 0);
  return (
    <div class="picker">
      <label for="paper-picker" class="picker-label">
        {P.papersHeading(papers.length)}
      </label>
      {unchecked > 0 && (
        <p class="picker-checked">
          {P.papersChecked(papers.length - unchecked, papers.length)}{' '}
          {onCheckAll && (
            <button type="button" class="btn btn-link" onClick={onCheckAll}>
              {P.checkAll}
            </button>
          )}
        </p>
      )}
      <select id="paper-picker" value={String(selected)} onChange={(e) => onSelect(Number(e.currentTarget.value))}>
        {papers.map((p, i) => (
          <option key={p.key} value={String(i)}>
            {optionText(p)}
          </option>
        ))}
      </select>
    </div>
  );
}
