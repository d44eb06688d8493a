import { describe, expect, it } from 'vitest';
import { normalizePithNumber, parsePithNumber, PaperIdSchema } from '../../../lib/ids';

describe('parsePithNumber', () => {
  it.each([
    ['pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2', '7YXM6JRYOH4O5NBMCHKEPDPSW2', 2024],
    ['PITH:2024:7yxm6jryoh4o5nbmchkepdpsw2', '7YXM6JRYOH4O5NBMCHKEPDPSW2', 2024],
    ['pith:7YXM6JRY', '7YXM6JRY', undefined],
    ['pith:7yxm6jryoh4o', '7YXM6JRYOH4O', undefined],
    ['7YXM6JRYOH4O5NBM', '7YXM6JRYOH4O5NBM', undefined],
    ['7YXM6JRYOH4O5NBMCHKEPDPSW2', '7YXM6JRYOH4O5NBMCHKEPDPSW2', undefined],
    [' 7yxm6jry ', '7YXM6JRY', undefined],
  ])('%s', (input, id, year) => {
    const r = parsePithNumber(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.id).toEqual({ kind: 'pith', id });
      expect(r.year).toBe(year);
      expect(PaperIdSchema.safeParse(r.id).success).toBe(true);
    }
  });

  it.each([
    ['pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW1', /'1' is not in the Pith base32 alphabet/],
    ['pith:2024:7YXM6JRY', /26-character suffix, not 8/],
    ['pith:7YXM6JRYO', /8, 12, 16 or 26 characters, not 9/],
    ['7YXM6JR0', /'0' is not/],
    ['pith:24:7YXM6JRYOH4O5NBMCHKEPDPSW2', /four digits/],
    ['', /empty/],
    ['pith', /expected pith:SUFFIX/],
  ])('%s → error', (input, error) => {
    const r = parsePithNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('normalize is idempotent', () => {
    const n = normalizePithNumber('pith:2024:7yxm6jryoh4o5nbmchkepdpsw2');
    expect(n).toBe('7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(normalizePithNumber(n!)).toBe(n);
  });
});
