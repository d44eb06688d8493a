import { describe, expect, test } from 'vitest';
import { statusFlags, completenessLadder } from '../../../lib/popup/status';
import { seed } from '../../helpers/seed-results';

describe('status words and ladder', () => {
  test('the seed: not attested, not anchored, not stored, refs resolved', () => {
    expect(statusFlags(seed()).map((w) => w.label)).toEqual(['not attested', 'not anchored', 'not stored', 'refs resolved']);
  });
  test('flags set', () => {
    const rec = seed();
    Object.assign(rec.verification_status, { author_attested: true, externally_anchored: true, storage_verified: true, references_resolved: false });
    expect(statusFlags(rec).map((w) => w.label)).toEqual(['attested', 'anchored', 'stored', 'refs pending']);
  });
  test('missing flags are said to be not stated, not guessed', () => {
    const w = statusFlags({});
    expect(w.every((x) => x.done === undefined)).toBe(true);
    expect(w[0]!.label).toBe('author attestation: not stated');
  });
  test('ladder from the seed: no rung reached', () => {
    const l = completenessLadder(seed());
    expect(l.map((r) => r.label)).toEqual(['Bitcoin timestamp', 'Internet Archive', 'Author claim', 'Citations', 'Replications']);
    expect(l.map((r) => r.reached)).toEqual([false, false, false, false, false]);
  });
  test('ladder inference from the flags', () => {
    const rec = seed();
    Object.assign(rec.verification_status, { externally_anchored: true, weak_author_claims: 1, citation_signatures: 2 });
    expect(completenessLadder(rec).map((r) => r.reached)).toEqual([true, false, true, true, false]);
    expect(completenessLadder({}).map((r) => r.reached)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
