import { describeId } from '../../lib/ids/util';
import type { PaperResult } from '../../lib/messages';
import { STATE_STYLE } from '../../lib/states';
import { popup as P } from '../../lib/strings';

function optionText(p: PaperResult): string {
  const head = p.headline ? ` — ${p.headline.length > 70 ? `${p.headline.slice(0, 69)}…` : p.headline}` : '';
  return `${STATE_STYLE[p.state].badge} ${describeId(p.id)} · ${STATE_STYLE[p.state].label}${head}`;
}

/** On a listing, the papers of the tab to choose from (a select: a listing can hold thousands). */
export function PaperPicker({ papers, selected, onSelect }: { papers: PaperResult[]; selected: number; onSelect: (i: number) => void }) {
  return (
    <div class="picker">
      <label for="paper-picker" class="picker-label">
        {P.papersHeading(papers.length)}
      </label>
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
