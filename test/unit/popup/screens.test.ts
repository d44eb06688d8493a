import { describe, expect, test } from 'vitest';
import { screenFor, formatAge, resultLabel, recordJson } from '../../../lib/popup/screens';
import { STATES } from '../../../lib/states';
import { seed, SEED_TITLE, verifiedResult } from '../../helpers/seed-results';

describe('screens, ages, labels', () => {
  test('each state has a screen; pending is loading', () => {
    for (const s of STATES) expect(screenFor(s)).toBe(s === 'pending' ? 'loading' : s);
  });
  test('formatAge', () => {
    const now = 1_000_000_000_000;
    expect(formatAge(now - 5_000, now)).toBe('just now');
    expect(formatAge(now - 60_000, now)).toBe('1 minute ago');
    expect(formatAge(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(formatAge(now - 3 * 86400_000, now)).toBe('3 days ago');
    expect(formatAge(undefined, now)).toBe('an unknown time ago');
    expect(formatAge(now + 3600_000, now)).toBe('an unknown time ago');
  });
  test('resultLabel prefers the title', () => {
    expect(resultLabel(verifiedResult())).toBe(SEED_TITLE);
    expect(resultLabel({ id: { kind: 'doi', id: '10.1/x' } })).toBe('doi:10.1/x');
  });
  test('recordJson is the record, pretty printed', () => {
    expect(JSON.parse(recordJson(seed()))).toEqual(seed());
  });
});
