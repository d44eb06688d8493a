/** Which screen the popup shows, and the small words on it: ages, labels, links, the raw record. */
import type { PaperId } from '../ids/key';
import { describeId } from '../ids/util';
import type { PaperResult } from '../messages';
import type { State } from '../states';
import { age as ageStrings } from '../strings';
import { PITH_ORIGIN } from '../pith/site';
import { at, str } from '../pith/record-fields';

export type Screen = 'loading' | 'not-found' | 'error' | 'invalid' | 'mismatch' | 'unsigned' | 'unconfirmed' | 'verified';

export function screenFor(state: State): Screen {
  return state === 'pending' ? 'loading' : state;
}

/** "3 hours ago" from a timestamp (ms); an unknown or future time is said so. */
export function formatAge(then: number | undefined, now: number): string {
  if (then === undefined || !Number.isFinite(then)) return ageStrings.unknown;
  const s = Math.floor((now - then) / 1000);
  if (s < -60) return ageStrings.unknown;
  if (s < 60) return ageStrings.justNow;
  const m = Math.floor(s / 60);
  if (m < 60) return ageStrings.minutes(m);
  const h = Math.floor(m / 60);
  if (h < 48) return ageStrings.hours(h);
  return ageStrings.days(Math.floor(h / 24));
}

/** A short name for a paper result: its title from the record, else its id. */
export function resultLabel(result: Pick<PaperResult, 'id' | 'headline'> & { record?: unknown }): string {
  return str(at(result.record, 'paper', 'title'), 200) ?? describeId(result.id);
}

/** Search link for a paper pith.science does not know (the search path is a guess at the site's UI). */
export function searchUrl(id: PaperId): string {
  return `${PITH_ORIGIN}/search?q=${encodeURIComponent(id.id)}`;
}

export function recordJson(record: unknown): string {
  return JSON.stringify(record, null, 2) ?? '';
}
