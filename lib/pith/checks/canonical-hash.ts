import type { Check } from '../report';
import type { MinimalInput, Receipt } from '../schemas';
import { canonicalSha256 } from '../canonical/serialize';
import { check, errorMessage } from './check';
import type { RecordCreatedEvent } from './schema';

/**
 * The `canonical-hash` check: SHA-256 of the canonical record, serialized
 * canonically here, against the published hash, the receipt's and a bundle
 * event's. `computed` is the hash when it could be computed at all.
 */
export function checkCanonicalHash(
  input: MinimalInput,
  rawCanonical: unknown,
  receipt: Receipt | undefined,
  event: RecordCreatedEvent | undefined,
): { check: Check; computed?: string } {
  let computed: string | undefined;
  try {
    computed = canonicalSha256(rawCanonical);
  } catch (e) {
    return { check: check('canonical-hash', 'fail', `The canonical record cannot be serialized canonically: ${errorMessage(e)}.`, input.canonical_sha256) };
  }
  const problems: string[] = [];
  if (input.canonical_sha256 !== computed) problems.push('the published canonical_sha256 differs from the hash of the canonical record');
  if (receipt?.canonical_sha256 !== undefined && receipt.canonical_sha256 !== computed) {
    problems.push(`the receipt names another hash (${receipt.canonical_sha256.slice(0, 80)})`);
  }
  if (event?.canonicalSha256 !== undefined && event.canonicalSha256 !== computed) {
    problems.push('the record_created event names another hash');
  }
  if (event?.hasRecord) {
    let eventHash: string | undefined;
    try {
      eventHash = canonicalSha256(event.canonicalRecord);
    } catch {
      eventHash = undefined;
    }
    if (eventHash !== computed) problems.push('the record_created event carries another canonical record');
  }
  const result = problems.length
    ? check('canonical-hash', 'fail', `Hash mismatch: ${problems.join('; ')}.`, input.canonical_sha256, computed)
    : check(
        'canonical-hash',
        'pass',
        receipt?.canonical_sha256 !== undefined
          ? 'SHA-256 of the canonical record, recomputed here, equals the published hash and the receipt’s.'
          : 'SHA-256 of the canonical record, recomputed here, equals the published hash.',
        input.canonical_sha256,
        computed,
      );
  return { check: result, computed };
}
