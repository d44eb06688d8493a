/**
 * The cache cannot vouch for itself (issue 13): the stamp a stored report is
 * reused under names what made it.
 */
import { describe, expect, it } from 'vitest';
import { reportStamp } from '../../../lib/pith/trust';

describe('a cached report is only reused under its verifier’s stamp', () => {
  it('the stamp names the extension version and every pinned key', () => {
    expect(reportStamp('0.1.0')).toContain('0.1.0');
    expect(reportStamp('0.1.0')).toContain('pith-v1-2026-05=8d4b5ee74e4693bcd1df2446408b0d54');
    expect(reportStamp('0.1.0')).not.toBe(reportStamp('0.1.1'));
  });
});
