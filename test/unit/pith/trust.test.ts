import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PINNED_KEYS, PITH_KEY_V1 } from '../../../lib/pith/pinned-keys';
import { PINNED_TRUST, createTrustStore, keyFingerprintB32, keyFingerprintHex } from '../../../lib/pith/trust';
import { base64ToBytes, hexToBytes } from '../../../lib/pith/hash';
import { generateTestKey } from '../../helpers/testkeys';

const keysJson = JSON.parse(readFileSync(new URL('../../fixtures/keys.json', import.meta.url), 'utf8')) as {
  keys: { key_id: string; public_key_hex: string; public_key_b64: string; fingerprint_sha256_hex: string; fingerprint_sha256_b32_first128bits: string }[];
};

describe('pinned key', () => {
  it('equals the published key in keys.json', () => {
    const k = keysJson.keys[0]!;
    expect(PITH_KEY_V1.key_id).toBe(k.key_id);
    expect(PITH_KEY_V1.public_key_hex).toBe(k.public_key_hex);
    expect(hexToBytes(PITH_KEY_V1.public_key_hex)).toEqual(base64ToBytes(k.public_key_b64));
    expect(PITH_KEY_V1.fingerprint_sha256_hex).toBe(k.fingerprint_sha256_hex);
    expect(PITH_KEY_V1.fingerprint_sha256_b32_first128bits).toBe(k.fingerprint_sha256_b32_first128bits);
  });
  it('recomputes both fingerprints', () => {
    const raw = hexToBytes(PITH_KEY_V1.public_key_hex);
    expect(keyFingerprintHex(raw)).toBe('8d4b5ee74e4693bcd1df2446408b0d54');
    expect(keyFingerprintB32(raw)).toBe('RVFV5Z2OI2J3ZUO7ERDEBCYNKS');
  });
  it('is the only key of the default store', () => {
    expect(PINNED_TRUST.keys().map((k) => k.keyId)).toEqual(['pith-v1-2026-05']);
    expect(PINNED_TRUST.get('pith-v1-2026-05')?.fingerprintHex).toBe('8d4b5ee74e4693bcd1df2446408b0d54');
    expect(PINNED_TRUST.get('other')).toBeUndefined();
    expect(PINNED_TRUST.has('pith-v1-2026-05')).toBe(true);
    expect(Object.isFrozen(PINNED_KEYS)).toBe(true);
    expect(Object.isFrozen(PITH_KEY_V1)).toBe(true);
  });
  it('accepts keys.json entries as they are', () => {
    expect(createTrustStore(keysJson.keys.map((k) => ({ ...k, algorithm: 'ed25519' }))).has('pith-v1-2026-05')).toBe(true);
  });
});

describe('createTrustStore refuses inconsistent keys', () => {
  it('a tampered hex fingerprint', () => {
    expect(() => createTrustStore([{ ...PITH_KEY_V1, fingerprint_sha256_hex: '8d4b5ee74e4693bcd1df2446408b0d55' }])).toThrow(/fingerprint/);
  });
  it('a tampered base32 fingerprint', () => {
    expect(() => createTrustStore([{ ...PITH_KEY_V1, fingerprint_sha256_b32_first128bits: 'RVFV5Z2OI2J3ZUO7ERDEBCYNKT' }])).toThrow(/base32 fingerprint/);
  });
  it('a tampered key (fingerprints kept)', () => {
    const hex = PITH_KEY_V1.public_key_hex;
    expect(() => createTrustStore([{ ...PITH_KEY_V1, public_key_hex: (hex[0] === 'b' ? 'c' : 'b') + hex.slice(1) }])).toThrow(/fingerprint/);
  });
  it('bad algorithm, bad length, duplicates, missing id', () => {
    expect(() => createTrustStore([{ ...PITH_KEY_V1, algorithm: 'rsa' }])).toThrow(/algorithm/);
    expect(() => createTrustStore([{ ...PITH_KEY_V1, public_key_hex: 'abcd', fingerprint_sha256_hex: undefined }])).toThrow(/32 raw bytes/);
    expect(() => createTrustStore([PITH_KEY_V1, PITH_KEY_V1])).toThrow(/duplicate/);
    expect(() => createTrustStore([{ ...PITH_KEY_V1, key_id: '' }])).toThrow(/key_id/);
  });
  it('builds stores of test keys, alone or beside the pinned one', () => {
    const t = generateTestKey('test-a');
    const store = createTrustStore([PITH_KEY_V1, t.spec]);
    expect(store.get('test-a')?.fingerprintHex).toBe(t.fingerprintHex);
    expect(createTrustStore(store.keys()).keys()).toHaveLength(2);
  });
});
