/**
 * Pith Number derivation (the Pith protocol): `pith:<YYYY>:<26 base32 chars>`, the 26 chars being the
 * first 26 of the RFC 4648 base32 encoding of the 32 bytes of `canonical_sha256`.
 * Parsing user-typed Pith Numbers lives in lib/ids/.
 */
import { base32nopad } from '@scure/base';
import { hexToBytes } from './hash';

const PITH_SUFFIX_LENGTH = 26;
const PITH_SHORT_LENGTH = 8;

function hashBytes(canonicalSha256Hex: string): Uint8Array {
  if (typeof canonicalSha256Hex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(canonicalSha256Hex)) {
    throw new Error(`not a SHA-256 hex digest (64 hex digits): ${JSON.stringify(String(canonicalSha256Hex).slice(0, 80))}`);
  }
  return hexToBytes(canonicalSha256Hex);
}

/** The 26-char suffix (also the URL path segment) for a canonical SHA-256. Reading the suffix out of a Pith Number string is lib/ids/pith-number.ts suffixOfPithNumber. */
export function suffixFromHash(canonicalSha256Hex: string): string {
  return base32nopad.encode(hashBytes(canonicalSha256Hex)).slice(0, PITH_SUFFIX_LENGTH);
}

/** `pith:YYYY:<suffix>`; `year` is a 4-digit year (number or string, e.g. submitted_at.slice(0, 4)). */
export function derivePithNumber(canonicalSha256Hex: string, year: string | number): string {
  const y = typeof year === 'number' ? String(year) : year;
  if (typeof y !== 'string' || !/^[0-9]{4}$/.test(y)) {
    throw new Error(`year must be four digits: ${JSON.stringify(String(year).slice(0, 40))}`);
  }
  return `pith:${y}:${suffixFromHash(canonicalSha256Hex)}`;
}

/** `pith:` + the first 8 suffix chars, e.g. `pith:7YXM6JRY`. */
export function shortPithNumber(canonicalSha256Hex: string): string {
  return `pith:${suffixFromHash(canonicalSha256Hex).slice(0, PITH_SHORT_LENGTH)}`;
}
