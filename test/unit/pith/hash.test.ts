import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base32, base32nopad } from '@scure/base';

// Pith Numbers use RFC 4648 base32 without padding, from @scure/base: these
// vectors pin the library to that reading.
const base32Encode = (b: Uint8Array) => base32nopad.encode(b);
const base32Decode = (s: string) => (s.endsWith('=') ? base32.decode(s) : base32nopad.decode(s));
import { base64ToBytes, bytesToBase64, bytesToHex, canonText, hexToBytes, isSha256Hex, sha256Hex, titleCanonSha256 } from '../../../lib/pith/hash';

const te = new TextEncoder();

describe('sha256 and titles', () => {
  it('hashes strings as UTF-8 and bytes as given', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(te.encode('é'))).toBe(sha256Hex('é'));
  });
  it('title_canon_sha256 of the seed title', () => {
    expect(titleCanonSha256('A Survey on Efficient Inference for Large Language Models')).toBe(
      '0158e010d7858a65e7781dd03ec62b813bbae982fd020a8150281fd273403c03',
    );
    expect(titleCanonSha256('  A  Survey on\nEfficient\tInference for LARGE Language Models ')).toBe(
      '0158e010d7858a65e7781dd03ec62b813bbae982fd020a8150281fd273403c03',
    );
  });
  it('collapses whitespace like Python str.split()', () => {
    expect(canonText('\u00a0 A\u2003b\x1c c \u3000')).toBe('a b c');
    expect(canonText('\ufeffx')).toBe('\ufeffx'); // not whitespace for Python
  });
});

describe('hex and base64', () => {
  it('round-trips bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
        expect(hexToBytes(bytesToHex(b))).toEqual(b);
        const s = bytesToBase64(b);
        expect(s).toBe(Buffer.from(b).toString('base64'));
        expect(base64ToBytes(s)).toEqual(b);
      }),
    );
  });
  it('is strict', () => {
    expect(() => hexToBytes('abc')).toThrow();
    expect(() => hexToBytes('zz')).toThrow();
    for (const bad of ['A', 'AA=', 'AA==A===', 'AB==', 'A B=', 'AA-_', 'AAA=\n', '====', 'AAAA====', 'Zm9v YmFy']) {
      expect(() => base64ToBytes(bad), bad).toThrow();
    }
    expect(base64ToBytes('AA==')).toEqual(new Uint8Array([0]));
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });
  it('isSha256Hex', () => {
    expect(isSha256Hex('a'.repeat(64))).toBe(true);
    expect(isSha256Hex('A'.repeat(64))).toBe(false);
    expect(isSha256Hex('a'.repeat(63))).toBe(false);
    expect(isSha256Hex(5)).toBe(false);
  });
});

describe('base32 (RFC 4648)', () => {
  it('RFC 4648 test vectors, unpadded', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ];
    for (const [plain, enc] of cases) {
      expect(base32Encode(te.encode(plain))).toBe(enc);
      expect(base32Decode(enc)).toEqual(te.encode(plain));
    }
    expect(base32Decode('MZXW6YQ=')).toEqual(te.encode('foob'));
  });
  it('round-trips and rejects bad input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(base32Decode(base32Encode(b))).toEqual(b);
      }),
    );
    expect(() => base32Decode('mzxw6')).toThrow();
    expect(() => base32Decode('MZXW1')).toThrow();
    expect(() => base32Decode('M')).toThrow();
    expect(() => base32Decode('MY')).not.toThrow();
    expect(() => base32Decode('MB')).toThrow(); // non-zero trailing bits
  });
});
