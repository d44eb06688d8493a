import { describe, expect, test } from 'vitest';
import { checkRows, failedChecks, verificationView } from '../../../lib/popup/checks';
import { invalidResult, mismatchResult, SEED_SUFFIX, unsignedResult, verifiedResult } from '../../helpers/seed-results';

describe('checks and verification view', () => {
  test('every check of a verified report, in order, with symbols', () => {
    const rows = checkRows(verifiedResult().report);
    expect(rows.map((r) => r.name)).toEqual(['schema', 'canonical-hash', 'pith-number', 'aliases', 'key', 'signature', 'binding', 'title']);
    expect(rows.every((r) => r.symbol === '✓' && r.outcomeLabel === 'passed')).toBe(true);
    expect(rows[1]!.label).toBe('Canonical hash');
    expect(checkRows(undefined)).toEqual([]);
  });
  test('invalid: failed checks named', () => {
    const failed = failedChecks(invalidResult().report).map((r) => r.name);
    expect(failed).toEqual(['canonical-hash', 'pith-number', 'aliases', 'signature']);
    expect(checkRows(invalidResult().report).find((r) => r.name === 'binding')?.symbol).toBeDefined();
  });
  test('unknown check names sort last and keep their names', () => {
    const rows = checkRows({
      state: 'unsigned',
      checks: [
        { name: 'zeta', outcome: 'skip', detail: 'd' },
        { name: 'schema', outcome: 'pass', detail: 'ok' },
      ],
    });
    expect(rows.map((r) => [r.name, r.label, r.symbol])).toEqual([
      ['schema', 'Record shape', '✓'],
      ['zeta', 'zeta', '•'],
    ]);
  });
  test('verified: hashes equal, number re-derived, key pinned, binding', () => {
    const v = verificationView(verifiedResult());
    expect(v.hash).toEqual({
      published: 'fe2ecf263871f8eeb42c11d4478df2b69b77748d33f8d92acab2b44d81666059',
      recomputed: 'fe2ecf263871f8eeb42c11d4478df2b69b77748d33f8d92acab2b44d81666059',
      equal: true,
    });
    expect(v.number.derived).toBe(`pith:2024:${SEED_SUFFIX}`);
    expect(v.key).toEqual({ id: 'pith-v1-2026-05', fingerprint: '8d4b5ee74e4693bcd1df2446408b0d54', pinned: true, outcome: 'pass' });
    expect(v.signature.outcome).toBe('pass');
    expect(v.signature.algorithm).toBe('ed25519');
    expect(v.binding).toMatchObject({ outcome: 'pass', id: 'arxiv:2404.14294', version: 3 });
    expect(v.binding.titleHash).toMatch(/^0158e010/);
  });
  test('invalid: hashes differ', () => {
    const v = verificationView(invalidResult());
    expect(v.hash.equal).toBe(false);
    expect(v.number.derived).not.toBe(v.number.published);
  });
  test('mismatch: the binding fails', () => {
    expect(verificationView(mismatchResult()).binding.outcome).toBe('fail');
  });
  test('unsigned: no key, signature skipped', () => {
    const v = verificationView(unsignedResult());
    expect(v.signature.outcome).toBe('skip');
    expect(v.key.id).toBeUndefined();
  });
  test('no report, no record: empty but safe', () => {
    expect(verificationView({})).toEqual({ hash: {}, number: {}, key: {}, signature: {}, binding: {} });
  });
});
