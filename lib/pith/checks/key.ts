import type { Check } from '../report';
import type { Receipt } from '../schemas';
import type { TrustStore, TrustedKey } from '../trust';
import { check } from './check';

/**
 * The `key` check: is the receipt's key one we pin, and do its algorithm and
 * fingerprint agree with the pinned key? `key` is set only when it passes.
 */
export function checkKey(receipt: Receipt | undefined, trust: TrustStore): { check: Check; key?: TrustedKey; keyPinned?: boolean; fingerprint?: string } {
  if (!receipt) return { check: check('key', 'skip', 'No receipt: no key signed this record.') };
  const known = trust.get(receipt.key_id);
  if (!known) {
    return {
      check: check(
        'key',
        'skip',
        `The receipt is signed with key ${JSON.stringify(receipt.key_id.slice(0, 80))}, which is not pinned: its signature cannot vouch for the record.`,
        undefined,
        receipt.key_id,
      ),
      keyPinned: false,
      ...(receipt.public_key_fingerprint !== undefined ? { fingerprint: receipt.public_key_fingerprint } : {}),
    };
  }
  const problems: string[] = [];
  if (receipt.algorithm !== known.algorithm) {
    problems.push(`the receipt names algorithm ${JSON.stringify(receipt.algorithm.slice(0, 40))}, the pinned key is ${known.algorithm}`);
  }
  const fp = receipt.public_key_fingerprint;
  if (fp !== undefined && fp.toLowerCase() !== known.fingerprintHex) {
    problems.push(`the receipt names fingerprint ${fp.slice(0, 80)}, the pinned key’s is ${known.fingerprintHex}`);
  }
  const pinned = { keyPinned: true, fingerprint: known.fingerprintHex };
  if (problems.length) return { check: check('key', 'fail', `Key ${known.keyId} is pinned, but ${problems.join('; ')}.`, known.fingerprintHex, fp), ...pinned };
  return {
    check: check(
      'key',
      'pass',
      fp !== undefined
        ? `Key ${known.keyId} is pinned (${known.algorithm}) and the receipt names its fingerprint.`
        : `Key ${known.keyId} is pinned (${known.algorithm}); the receipt names no fingerprint.`,
      known.fingerprintHex,
      fp,
    ),
    key: known,
    ...pinned,
  };
}
