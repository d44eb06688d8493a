import { STATE_STYLE, type State } from '../states';
import type { PaperResult } from '../messages';
import type { PaperId } from '../ids/key';
import { suffixOfPithNumber } from '../ids/pith-number';
import { describeId } from '../ids/util';
import { pithPageUrl } from '../pith/site';

/** Longest record text we put in a card; record fields are untrusted and unbounded. */
const MAX_TEXT = 600;

/** Everything a badge or a card shows, as plain strings: the DOM code only sets textContent/attributes. */
export interface CardModel {
  state: State;
  /** Badge symbol (✓ ✗ …). */
  symbol: string;
  label: string;
  color: string;
  sentence: string;
  /** `arXiv:2404.14294v3`, `doi:10.…`, `pith:…` */
  idText: string;
  pithNumber?: string;
  /** https://pith.science/pith/<26-char suffix>, only for a well-formed number. */
  pithUrl?: string;
  headline?: string;
  summary?: string;
  versionNote?: string;
  reason?: string;
  stale: boolean;
  /** The paper's key (`arxiv:2404.14294`), as the background knows it. */
  key: string;
  /** Query for the extension's report page (popup.html) showing this paper. */
  fullViewQuery: string;
  /** Accessible name of the badge button. */
  ariaLabel: string;
}

/** Control and bidi-override characters: the point is to match them. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Control characters out, whitespace collapsed, length capped: for text shown from a record. */
export function cleanText(s: string | undefined, max = MAX_TEXT): string | undefined {
  if (typeof s !== 'string') return undefined;
  let t = s.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
  if (t.length === 0) return undefined;
  if (t.length > max) t = t.slice(0, max - 1).trimEnd() + '…';
  return t;
}

/** The id as people write it (one implementation, shared with detection's messages). */
export const idText = describeId;

/** The report page's query for one paper; the background adds `tab=` when it opens it. */
export function fullViewQuery(key: string): string {
  return `?key=${encodeURIComponent(key)}`;
}

export function cardModel(r: PaperResult): CardModel {
  const style = STATE_STYLE[r.state] ?? STATE_STYLE.error;
  const suffix = suffixOfPithNumber(r.pithNumber);
  const m: CardModel = {
    state: r.state,
    symbol: style.badge,
    label: style.label,
    color: style.color,
    sentence: style.sentence,
    idText: idText(r.id),
    stale: r.stale === true,
    key: r.key,
    fullViewQuery: fullViewQuery(r.key),
    ariaLabel: `Pith Lens: ${style.label}${r.stale ? ' (stale)' : ''}. Show details for ${idText(r.id)}`,
  };
  const pn = cleanText(r.pithNumber, 80);
  if (pn) m.pithNumber = pn;
  if (suffix) m.pithUrl = pithPageUrl(suffix);
  const headline = cleanText(r.headline);
  if (headline) m.headline = headline;
  const summary = cleanText(r.summary);
  if (summary) m.summary = summary;
  const versionNote = cleanText(r.versionNote, 120);
  if (versionNote) m.versionNote = versionNote;
  const reason = cleanText(r.reason, 300);
  if (reason) m.reason = reason;
  return m;
}

/** The model for a paper we have not heard back about yet. */
export function pendingResult(key: string, id: PaperId): PaperResult {
  return { key, id, state: 'pending' };
}
