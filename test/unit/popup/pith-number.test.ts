import { describe, expect, test } from 'vitest';
import { fullPithNumber, pithNumberView } from '../../../lib/popup/pith-number';
import { SEED_SUFFIX, verifiedResult } from '../../helpers/seed-results';

describe('pithNumberView', () => {
  test('full and short forms, URL and LaTeX from the seed', () => {
    const v = pithNumberView(verifiedResult())!;
    expect(v.full).toBe(`pith:2024:${SEED_SUFFIX}`);
    expect(v.short).toBe('pith:7YXM6JRY');
    expect(v.url).toBe(`https://pith.science/pith/${SEED_SUFFIX}`);
    expect(v.latex).toBe(`\\pithnumber{${SEED_SUFFIX}}`);
  });
  test('ignores malformed numbers, never builds a URL from junk', () => {
    expect(pithNumberView({ record: { pith_number: 'pith:2024:"><script>' } })).toBeUndefined();
    expect(pithNumberView({ record: {}, pithNumber: 'javascript:alert(1)' })).toBeUndefined();
    expect(fullPithNumber(`pith:2024:${SEED_SUFFIX}`)).toEqual({ year: '2024', suffix: SEED_SUFFIX });
    expect(fullPithNumber(`pith:2024:${SEED_SUFFIX.slice(0, 8)}`)).toBeUndefined();
  });
  test('falls back to the re-derived number when the record has none', () => {
    const v = pithNumberView({ record: {}, report: { state: 'unsigned', checks: [], pithNumber: `pith:2024:${SEED_SUFFIX}` } });
    expect(v?.suffix).toBe(SEED_SUFFIX);
  });
});
