import { STATE_STYLE, type State } from './states';
import type { PaperResult } from './messages';

export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

const ORDER: State[] = ['verified', 'unsigned', 'mismatch', 'invalid', 'not-found', 'error', 'pending'];

/**
 * The toolbar badge for a tab. One paper: that paper's state. Several (a
 * listing): how many have a Pith record, red if any is invalid, and the
 * per-state counts in the tooltip.
 */
export function toolbarBadgeFor(results: PaperResult[]): ToolbarBadge {
  if (results.length === 0) return { text: '', color: STATE_STYLE.pending.color, title: 'Pith Lens: no paper found on this page' };
  if (results.length === 1) {
    const r = results[0]!;
    const style = STATE_STYLE[r.state];
    const extra = r.versionNote ? ` (${r.versionNote})` : r.reason && r.state !== 'verified' ? ` ${r.reason}` : '';
    return { text: style.badge, color: style.color, title: `Pith Lens — ${style.label}: ${style.sentence}${extra}` };
  }
  const counts = new Map<State, number>();
  for (const r of results) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  const n = (s: State) => counts.get(s) ?? 0;
  const summary = ORDER.filter((s) => n(s) > 0)
    .map((s) => `${n(s)} ${STATE_STYLE[s].label.toLowerCase()}`)
    .join(', ');
  const title = `Pith Lens — ${results.length} papers: ${summary}`;
  if (n('pending') > 0) return { text: STATE_STYLE.pending.badge, color: STATE_STYLE.pending.color, title };
  const withRecord = n('verified') + n('unsigned') + n('mismatch') + n('invalid');
  const color = n('invalid') > 0 ? STATE_STYLE.invalid.color : n('verified') > 0 ? STATE_STYLE.verified.color : STATE_STYLE['not-found'].color;
  return { text: withRecord > 999 ? '999+' : String(withRecord), color, title };
}
