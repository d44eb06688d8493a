import { STATE_STYLE, type State } from './states';
import type { PaperResult } from './messages';

export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
  /** Icon paths by size, relative to the extension root: the state's variant, or the plain icon. */
  icon: Record<'16' | '32', string>;
}

const PLAIN_ICON = { '16': 'icon/16.png', '32': 'icon/32.png' } as const;
const stateIcon = (s: State) => ({ '16': `icon/state/state-${s}-16.png`, '32': `icon/state/state-${s}-32.png` });

const ORDER: State[] = ['verified', 'unsigned', 'mismatch', 'invalid', 'not-found', 'error', 'pending'];

/**
 * The toolbar badge for a tab. One paper: that paper's state. Several (a
 * listing): how many have a Pith record, red if any is invalid, and the
 * per-state counts in the tooltip.
 */
export function toolbarBadgeFor(all: PaperResult[]): ToolbarBadge {
  // Papers a one-paper page only mentions (its references) are not the page's: they never count.
  const results = all.filter((r) => r.role !== 'mentioned');
  if (results.length === 0) return { text: '', color: STATE_STYLE.pending.color, title: 'Pith Lens: no paper found on this page', icon: PLAIN_ICON };
  if (results.length === 1) {
    const r = results[0]!;
    const style = STATE_STYLE[r.state];
    const extra = r.versionNote ? ` (${r.versionNote})` : r.reason && r.state !== 'verified' ? ` ${r.reason}` : '';
    return { text: style.badge, color: style.color, title: `Pith Lens — ${style.label}: ${style.sentence}${extra}`, icon: stateIcon(r.state) };
  }
  const counts = new Map<State, number>();
  let unchecked = 0;
  for (const r of results) {
    // A listing checks the rows near the reader's viewport: the others are not yet checked, not "checking".
    if (r.unchecked) unchecked++;
    else counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  }
  const n = (s: State) => counts.get(s) ?? 0;
  const states = [...ORDER, ...[...counts.keys()].filter((s) => !ORDER.includes(s))];
  const summary = states
    .filter((s) => n(s) > 0)
    .map((s) => `${n(s)} ${(STATE_STYLE[s] ?? STATE_STYLE.pending).label.toLowerCase()}`)
    .join(', ');
  const total = results.length.toLocaleString('en-US');
  const title =
    unchecked > 0
      ? `Pith Lens — ${(results.length - unchecked - n('pending')).toLocaleString('en-US')} of ${total} papers checked${summary ? `: ${summary}` : ''}`
      : `Pith Lens — ${total} papers: ${summary}`;
  if (n('pending') > 0) return { text: STATE_STYLE.pending.badge, color: STATE_STYLE.pending.color, title, icon: stateIcon('pending') };
  const withRecord = n('verified') + n('unsigned') + n('mismatch') + n('invalid');
  const color = n('invalid') > 0 ? STATE_STYLE.invalid.color : n('verified') > 0 ? STATE_STYLE.verified.color : STATE_STYLE['not-found'].color;
  // A listing keeps the plain icon: the count and colour say it all.
  return { text: withRecord > 999 ? '999+' : String(withRecord), color, title, icon: PLAIN_ICON };
}
