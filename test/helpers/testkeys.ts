/**
 * Test-only Ed25519 keys: generate a keypair, describe it as a trusted key, sign records.
 * Never imported from lib/.
 */
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { canonicalSha256 } from '../../lib/pith/canonical/serialize';
import { bytesToBase64, bytesToHex, hexToBytes } from '../../lib/pith/hash';
import { derivePithNumber, shortPithNumber } from '../../lib/pith/number';
import type { PinnedKeySpec } from '../../lib/pith/pinned-keys';
import { createTrustStore, keyFingerprintB32, keyFingerprintHex, type TrustStore } from '../../lib/pith/trust';

ed.hashes.sha512 = sha512;

export interface TestKey {
  keyId: string;
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  spec: PinnedKeySpec;
  trust: TrustStore;
  fingerprintHex: string;
  /** Ed25519 signature (base64) over the 32 raw bytes of a SHA-256 hex digest. */
  signHash(hashHex: string): string;
}

export function generateTestKey(keyId = 'test-key-1', seed?: Uint8Array): TestKey {
  const { secretKey, publicKey } = ed.keygen(seed);
  const spec: PinnedKeySpec = {
    key_id: keyId,
    algorithm: 'ed25519',
    public_key_hex: bytesToHex(publicKey),
    fingerprint_sha256_hex: keyFingerprintHex(publicKey),
    fingerprint_sha256_b32_first128bits: keyFingerprintB32(publicKey),
  };
  return {
    keyId,
    secretKey,
    publicKey,
    spec,
    trust: createTrustStore([spec]),
    fingerprintHex: spec.fingerprint_sha256_hex as string,
    signHash: (hashHex: string) => bytesToBase64(ed.sign(hexToBytes(hashHex), secretKey)),
  };
}

/**
 * A copy of `record` re-hashed, re-numbered and signed by `key`: canonical_sha256,
 * pith_number, short_pith_number, pith_short_* aliases and the receipt are rewritten.
 */
export function signRecord<T extends Record<string, unknown>>(record: T, key: TestKey): T {
  const r = structuredClone(record) as Record<string, unknown>;
  const cr = r.canonical_record as { metadata: { submitted_at: string } };
  const hash = canonicalSha256(cr);
  const number = derivePithNumber(hash, cr.metadata.submitted_at.slice(0, 4));
  const suffix = number.slice(10);
  r.canonical_sha256 = hash;
  r.pith_number = number;
  if ('short_pith_number' in r) r.short_pith_number = shortPithNumber(hash);
  if (Array.isArray(r.aliases)) {
    r.aliases = (r.aliases as { alias_kind: string; alias_value: string }[]).map((a) => {
      const m = /^pith_short_(\d+)$/.exec(a.alias_kind);
      return m ? { ...a, alias_value: suffix.slice(0, Number(m[1])) } : a;
    });
  }
  r.receipt = {
    ...((r.receipt as object | undefined) ?? { kind: 'pith_receipt', signed_message: 'canonical_sha256_bytes' }),
    key_id: key.keyId,
    algorithm: 'ed25519',
    canonical_sha256: hash,
    public_key_fingerprint: key.fingerprintHex,
    signature_b64: key.signHash(hash),
  };
  return r as T;
}
