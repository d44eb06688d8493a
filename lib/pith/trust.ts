/**
 * The trust store: the Ed25519 keys whose signatures make a record `verified`.
 * Keys are given as specs (the shape of keys.json / the mirror manifest); every fingerprint
 * a spec states is recomputed from the raw key, and any disagreement throws.
 */
import { base32nopad } from '@scure/base';
import { bytesToHex, hexToBytes, sha256Bytes } from './hash';
import { PINNED_KEYS, type PinnedKeySpec } from './pinned-keys';

export interface TrustedKey {
  readonly keyId: string;
  readonly algorithm: 'ed25519';
  readonly publicKey: Uint8Array;
  readonly publicKeyHex: string;
  /** First 16 bytes (hex) of SHA-256 over the raw key. */
  readonly fingerprintHex: string;
  /** First 26 base32 chars of SHA-256 over the raw key. */
  readonly fingerprintB32: string;
}

export interface TrustStore {
  get(keyId: string): TrustedKey | undefined;
  has(keyId: string): boolean;
  keys(): readonly TrustedKey[];
}

/** First 16 bytes (hex) of SHA-256 over the raw public key. */
export function keyFingerprintHex(rawKey: Uint8Array): string {
  return bytesToHex(sha256Bytes(rawKey).subarray(0, 16));
}

/** First 26 base32 chars of the whole SHA-256 over the raw public key. */
export function keyFingerprintB32(rawKey: Uint8Array): string {
  return base32nopad.encode(sha256Bytes(rawKey)).slice(0, 26);
}

/** Validate a spec and build a TrustedKey; throws on any inconsistency. */
function trustedKeyFromSpec(spec: PinnedKeySpec): TrustedKey {
  if (!spec || typeof spec.key_id !== 'string' || spec.key_id.length === 0) throw new Error('trust store: key without key_id');
  const id = spec.key_id;
  if (spec.algorithm !== 'ed25519') throw new Error(`trust store: key ${id} has unsupported algorithm ${String(spec.algorithm)}`);
  if (typeof spec.public_key_hex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(spec.public_key_hex)) {
    throw new Error(`trust store: key ${id} is not 32 raw bytes of hex`);
  }
  const publicKey = hexToBytes(spec.public_key_hex);
  const fingerprintHex = keyFingerprintHex(publicKey);
  const fingerprintB32 = keyFingerprintB32(publicKey);
  if (spec.fingerprint_sha256_hex !== undefined && spec.fingerprint_sha256_hex.toLowerCase() !== fingerprintHex) {
    throw new Error(`trust store: key ${id} fingerprint ${spec.fingerprint_sha256_hex} does not match its key (${fingerprintHex})`);
  }
  if (spec.fingerprint_sha256_b32_first128bits !== undefined && spec.fingerprint_sha256_b32_first128bits !== fingerprintB32) {
    throw new Error(`trust store: key ${id} base32 fingerprint ${spec.fingerprint_sha256_b32_first128bits} does not match its key (${fingerprintB32})`);
  }
  return Object.freeze({
    keyId: id,
    algorithm: 'ed25519' as const,
    publicKey,
    publicKeyHex: bytesToHex(publicKey),
    fingerprintHex,
    fingerprintB32,
  });
}

/** A trust store over the given keys; throws on a bad or duplicate key. */
export function createTrustStore(keys: readonly (PinnedKeySpec | TrustedKey)[]): TrustStore {
  const map = new Map<string, TrustedKey>();
  for (const k of keys) {
    const tk = 'keyId' in k ? trustedKeyFromSpec(specOf(k)) : trustedKeyFromSpec(k);
    if (map.has(tk.keyId)) throw new Error(`trust store: duplicate key_id ${tk.keyId}`);
    map.set(tk.keyId, tk);
  }
  const list = Object.freeze([...map.values()]);
  return Object.freeze({
    get: (keyId: string) => map.get(keyId),
    has: (keyId: string) => map.has(keyId),
    keys: () => list,
  });
}

function specOf(k: TrustedKey): PinnedKeySpec {
  return {
    key_id: k.keyId,
    algorithm: k.algorithm,
    public_key_hex: k.publicKeyHex,
    fingerprint_sha256_hex: k.fingerprintHex,
    fingerprint_sha256_b32_first128bits: k.fingerprintB32,
  };
}

/** The default trust store: Pith's pinned key(s) only. Built (and checked) at load. */
export const PINNED_TRUST: TrustStore = createTrustStore(PINNED_KEYS);

/**
 * Names the verifier configuration a cached report was computed under: the
 * extension's version and every trusted key (id and fingerprint). A cached
 * report under another stamp is recomputed from its stored text.
 */
export function reportStamp(extensionVersion: string, trust: TrustStore = PINNED_TRUST): string {
  return [extensionVersion, ...trust.keys().map((k) => `${k.keyId}=${k.fingerprintHex}`)].join('|');
}
