import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../lib/pith/hash';
import { derivePithNumber, suffixFromHash, shortPithNumber } from '../../../lib/pith/number';

describe('Pith Number derivation', () => {
  const seedHash = 'fe2ecf263871f8eeb42c11d4478df2b69b77748d33f8d92acab2b44d81666059';
  it('derives the seed record number', () => {
    expect(derivePithNumber(seedHash, '2024')).toBe('pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(derivePithNumber(seedHash, 2024)).toBe('pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(derivePithNumber(seedHash.toUpperCase(), 2024)).toBe('pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(suffixFromHash(seedHash)).toBe('7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(shortPithNumber(seedHash)).toBe('pith:7YXM6JRY');
  });
  it('derives the suffixes of the real receipts', () => {
    const sigs = JSON.parse(readFileSync(new URL('../../fixtures/signatures-real.json', import.meta.url), 'utf8')) as {
      signatures: { pith_number: string; canonical_sha256: string }[];
    };
    expect(sigs.signatures).toHaveLength(6);
    for (const s of sigs.signatures) {
      expect(derivePithNumber(s.canonical_sha256, s.pith_number.slice(5, 9))).toBe(s.pith_number);
    }
  });
  it('gives clear errors', () => {
    expect(() => derivePithNumber('abc', 2024)).toThrow(/SHA-256/);
    expect(() => derivePithNumber(seedHash + '00', 2024)).toThrow(/SHA-256/);
    expect(() => derivePithNumber(seedHash, '24')).toThrow(/four digits/);
    expect(() => derivePithNumber(seedHash, 20245)).toThrow(/four digits/);
    expect(() => derivePithNumber(seedHash, '2024-04')).toThrow(/four digits/);
    expect(() => suffixFromHash(undefined as unknown as string)).toThrow(/SHA-256/);
  });
  it('always yields 26 base32 chars', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.integer({ min: 1000, max: 9999 }), (b, y) => {
        expect(derivePithNumber(bytesToHex(b), y)).toMatch(/^pith:\d{4}:[A-Z2-7]{26}$/);
      }),
    );
  });
});
