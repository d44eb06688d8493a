/**
 * Pith's published signing key, pinned (from pith-mirrors.json on pith.science, 2026-05;
 * see test/fixtures/keys.json). trust.ts recomputes both fingerprints from the raw key at
 * load and refuses to start if they disagree. Trust nothing else by default.
 */

/** A key as published (snake_case, as in keys.json); extra fields are ignored. */
export interface PinnedKeySpec {
  readonly key_id: string;
  readonly algorithm: string;
  /** The 32 raw Ed25519 public key bytes, hex. */
  readonly public_key_hex: string;
  /** First 16 bytes (hex) of SHA-256 over the raw key; recomputed and checked when given. */
  readonly fingerprint_sha256_hex?: string;
  /** First 26 base32 chars of SHA-256 over the raw key; recomputed and checked when given. */
  readonly fingerprint_sha256_b32_first128bits?: string;
}

export const PITH_KEY_V1: PinnedKeySpec = Object.freeze({
  key_id: 'pith-v1-2026-05',
  algorithm: 'ed25519',
  public_key_hex: 'b2d552b68890857171a78b36a5dccf368a953413288c353f7c9d9d6f94b709b3',
  fingerprint_sha256_hex: '8d4b5ee74e4693bcd1df2446408b0d54',
  fingerprint_sha256_b32_first128bits: 'RVFV5Z2OI2J3ZUO7ERDEBCYNKS',
});

export const PINNED_KEYS: readonly PinnedKeySpec[] = Object.freeze([PITH_KEY_V1]);
