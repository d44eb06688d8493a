import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import { base64ToBytes, hexToBytes } from '../hash';
import type { Check, CheckOutcome } from '../report';
import type { Receipt } from '../schemas';
import type { TrustedKey } from '../trust';
import { check, errorMessage } from './check';

// noble's synchronous ed.verify needs a synchronous SHA-512.
ed.hashes.sha512 = sha512;

const SIGNED_MESSAGE = 'canonical_sha256_bytes';

/**
 * The `signature` check: the receipt's Ed25519 signature over the 32 raw
 * bytes of the recomputed hash, under the key the `key` check passed (none
 * when it did not: then the signature cannot vouch and is not checked).
 */
export function checkSignature(receipt: Receipt | undefined, keyOutcome: CheckOutcome, key: TrustedKey | undefined, hashHex: string | undefined): Check {
  if (!receipt) return check('signature', 'skip', 'No receipt: the record is not signed.');
  let sig: Uint8Array | undefined;
  let sigProblem: string | undefined;
  try {
    sig = base64ToBytes(receipt.signature_b64);
    if (sig.length !== 64) sigProblem = `signature_b64 decodes to ${sig.length} bytes, not 64`;
  } catch (e) {
    sigProblem = `signature_b64 is not valid base64 (${errorMessage(e)})`;
  }
  if (sigProblem === undefined && receipt.signed_message !== undefined && receipt.signed_message !== SIGNED_MESSAGE) {
    sigProblem = `the receipt says it signs ${JSON.stringify(receipt.signed_message.slice(0, 60))}, not ${SIGNED_MESSAGE}`;
  }
  if (sigProblem !== undefined) return check('signature', 'fail', `Malformed receipt: ${sigProblem}.`);
  if (keyOutcome === 'skip') return check('signature', 'skip', 'Not checked: the signing key is not pinned.');
  if (!key) return check('signature', 'skip', 'Not checked: the key check failed.');
  if (hashHex === undefined) return check('signature', 'skip', 'Not checked: the canonical hash could not be computed.');
  return edVerify(sig as Uint8Array, hashHex, key.publicKey)
    ? check('signature', 'pass', `Ed25519 signature over the 32 bytes of the canonical hash is valid under ${key.keyId}.`)
    : check('signature', 'fail', `Ed25519 signature over the 32 bytes of the canonical hash is NOT valid under ${key.keyId}.`);
}

function edVerify(sig: Uint8Array, hashHex: string, publicKey: Uint8Array): boolean {
  try {
    // zip215: false = RFC 8032 / FIPS 186-5 strict verification (canonical encodings, no small-order keys).
    return ed.verify(sig, hexToBytes(hashHex), publicKey, { zip215: false });
  } catch {
    return false;
  }
}
