/**
 * Local verification of a Pith record, bundle or minimal {pith_number, canonical_sha256,
 * canonical_record, receipt?}: every check with its own outcome (one function per check
 * in checks/, named as in the report), and a state derived from them that is `verified`
 * only when nothing is in doubt. Synchronous; never throws.
 */
import type { PaperId } from '../ids/key';
import type { State } from '../states';
import { bindReport } from './binding';
import { checkAliases } from './checks/aliases';
import { checkCanonicalHash } from './checks/canonical-hash';
import { check, errorMessage } from './checks/check';
import { checkKey } from './checks/key';
import { checkPithNumber } from './checks/pith-number';
import { checkSchema } from './checks/schema';
import { checkSignature } from './checks/signature';
import { checkTitle } from './checks/title';
import { CHECK_NAMES, type Check, type CheckName, type VerifyReport } from './report';
import { PINNED_TRUST, type TrustStore } from './trust';

export interface VerifyOptions {
  /** Keys whose signatures count; default: Pith's pinned key only. */
  trust?: TrustStore;
  /** The page's own title (raw `citation_title`), bound through `title_canon_sha256`. */
  pageTitle?: string;
  /** The id of the paper on the page. */
  pageId?: PaperId;
}

type PartialChecks = Partial<Record<CheckName, Check>>;

/** The checks whose failure makes a record invalid (the served title's does not: it decides only how the title is shown). */
const INTEGRITY: readonly CheckName[] = ['schema', 'canonical-hash', 'pith-number', 'aliases', 'key', 'signature'];

/** Build the report from the checks given; absent ones are skipped with `why`. */
function finish(checks: PartialChecks, why: string, extra: Omit<VerifyReport, 'state' | 'checks'> = {}): VerifyReport {
  const list = CHECK_NAMES.map((n) => checks[n] ?? check(n, 'skip', why));
  return { state: deriveState(list), checks: list, ...extra };
}

/** The state from the checks: fail closed, `verified` only with a passing signature under a trusted key. */
function deriveState(checks: readonly Check[]): State {
  const by = new Map(checks.map((c) => [c.name, c.outcome]));
  if (INTEGRITY.some((n) => by.get(n) === 'fail')) return 'invalid';
  if (by.get('schema') !== 'pass' || by.get('canonical-hash') !== 'pass' || by.get('pith-number') !== 'pass') {
    return 'invalid';
  }
  if (by.get('binding') === 'fail') return 'mismatch';
  if (by.get('key') === 'pass' && by.get('signature') === 'pass') return 'verified';
  return 'unsigned';
}

export function verify(input: unknown, opts: VerifyOptions = {}): VerifyReport {
  try {
    return verifyUnsafe(input, opts ?? {});
  } catch (e) {
    return finish(
      { schema: check('schema', 'fail', `Verification stopped on an unexpected error: ${errorMessage(e)}.`) },
      'Not checked: verification stopped on an error.',
    );
  }
}

function verifyUnsafe(rawInput: unknown, opts: VerifyOptions): VerifyReport {
  const trust = opts.trust ?? PINNED_TRUST;
  const checks: PartialChecks = {};
  const extra: Omit<VerifyReport, 'state' | 'checks'> = {};

  const schema = checkSchema(rawInput);
  checks.schema = schema.check;
  if (!schema.value) return finish(checks, 'Not checked: the input did not match the schema.');
  const { input, rawCanonical, event, servedTitle } = schema.value;
  const cr = input.canonical_record;
  const receipt = input.receipt ?? undefined;
  if (receipt) extra.keyId = receipt.key_id;

  const hash = checkCanonicalHash(input, rawCanonical, receipt, event);
  checks['canonical-hash'] = hash.check;
  if (hash.computed !== undefined) extra.canonicalSha256 = hash.computed;

  const number = checkPithNumber(input, hash.computed, event);
  checks['pith-number'] = number.check;
  if (hash.check.outcome === 'pass' && number.check.outcome === 'pass') extra.pithNumber = number.derived;

  checks.aliases = checkAliases(input.aliases ?? [], input.source, cr.source, number.suffix);
  checks.title = checkTitle(servedTitle, cr.metadata.title_canon_sha256);

  const key = checkKey(receipt, trust);
  checks.key = key.check;
  if (key.keyPinned !== undefined) extra.keyPinned = key.keyPinned;
  if (key.fingerprint !== undefined) extra.fingerprint = key.fingerprint;

  checks.signature = checkSignature(receipt, key.check.outcome, key.key, hash.computed);

  // binding: the same code the cache uses to re-bind a stored report to each page
  checks.binding = check('binding', 'skip', 'No page to bind the record to.');
  const report = finish(checks, 'Not checked.', extra);
  const pageTitle = typeof opts.pageTitle === 'string' && opts.pageTitle.trim() !== '' ? opts.pageTitle : undefined;
  if (!opts.pageId && pageTitle === undefined) return report;
  return bindReport(report, cr, input.aliases ?? [], { id: opts.pageId, title: pageTitle });
}
