import type { Check } from '../report';
import type { MinimalInput } from '../schemas';
import { derivePithNumber, suffixFromHash, shortPithNumber } from '../number';
import { check } from './check';
import type { RecordCreatedEvent } from './schema';

/**
 * The `pith-number` check: the Pith Number re-derived from the recomputed
 * hash and the submission year, against the published (and short) number.
 */
export function checkPithNumber(
  input: MinimalInput,
  computed: string | undefined,
  event: RecordCreatedEvent | undefined,
): { check: Check; suffix?: string; derived?: string } {
  if (computed === undefined) {
    return { check: check('pith-number', 'skip', 'Not checked: the canonical hash could not be computed.', input.pith_number) };
  }
  const suffix = suffixFromHash(computed);
  const submittedAt = input.canonical_record.metadata.submitted_at;
  const year = submittedAt.slice(0, 4);
  if (!/^[0-9]{4}$/.test(year)) {
    return {
      check: check(
        'pith-number',
        'fail',
        `metadata.submitted_at does not start with a four-digit year (${JSON.stringify(submittedAt.slice(0, 40))}).`,
        input.pith_number,
      ),
      suffix,
    };
  }
  const derived = derivePithNumber(computed, year);
  const short = shortPithNumber(computed);
  const problems: string[] = [];
  if (input.pith_number !== derived) problems.push(`the published Pith Number is ${JSON.stringify(input.pith_number.slice(0, 80))}`);
  if (input.short_pith_number !== undefined && input.short_pith_number !== short) {
    problems.push(`the short number is ${JSON.stringify(input.short_pith_number.slice(0, 80))}, not ${short}`);
  }
  if (event?.subject !== undefined && event.subject !== derived) problems.push('the record_created event names another Pith Number');
  const result = problems.length
    ? check('pith-number', 'fail', `Re-derived ${derived} from the hash and year, but ${problems.join('; ')}.`, input.pith_number, derived)
    : check('pith-number', 'pass', `Re-derived ${derived} from the hash and the submission year; it matches.`, input.pith_number, derived);
  return { check: result, suffix, derived };
}
