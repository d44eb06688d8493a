/** The checks list and the verification panel: every check of the report, and the hashes, number, key, signature and binding. */
import type { LookupResult } from '../messages';
import { CHECK_NAMES, type CheckOutcome } from '../pith/report';
import { popup as P } from '../strings';
import { at, num, str } from '../pith/record-fields';

export type Report = NonNullable<LookupResult['report']>;

export const OUTCOME_SYMBOL: Record<CheckOutcome, string> = { pass: '✓', fail: '✗', skip: '•' };

export interface CheckRow {
  name: string;
  label: string;
  outcome: CheckOutcome;
  symbol: string;
  outcomeLabel: string;
  detail: string;
  expected?: string;
  computed?: string;
}

/** Every check of the report, in the documented order, then any others as given. */
export function checkRows(report: Report | undefined): CheckRow[] {
  if (!report) return [];
  const order = (n: string) => {
    const i = (CHECK_NAMES as readonly string[]).indexOf(n);
    return i < 0 ? CHECK_NAMES.length : i;
  };
  return [...report.checks]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => order(a.c.name) - order(b.c.name) || a.i - b.i)
    .map(({ c }) => {
      const row: CheckRow = {
        name: c.name,
        label: P.checkLabel(c.name),
        outcome: c.outcome,
        symbol: OUTCOME_SYMBOL[c.outcome],
        outcomeLabel: P.outcome(c.outcome),
        detail: c.detail,
      };
      if (c.expected !== undefined) row.expected = c.expected;
      if (c.computed !== undefined) row.computed = c.computed;
      return row;
    });
}

export function failedChecks(report: Report | undefined): CheckRow[] {
  return checkRows(report).filter((r) => r.outcome === 'fail');
}

export interface VerificationView {
  hash: { published?: string; recomputed?: string; equal?: boolean };
  number: { published?: string; derived?: string };
  key: { id?: string; fingerprint?: string; pinned?: boolean; outcome?: CheckOutcome };
  signature: { outcome?: CheckOutcome; detail?: string; signedAt?: string; algorithm?: string };
  binding: { outcome?: CheckOutcome; detail?: string; id?: string; version?: number; titleHash?: string };
}

export function verificationView(result: Pick<LookupResult, 'record' | 'report'>): VerificationView {
  const { record, report } = result;
  const byName = new Map((report?.checks ?? []).map((c) => [c.name, c]));
  const hashCheck = byName.get('canonical-hash');
  const numCheck = byName.get('pith-number');
  const keyCheck = byName.get('key');
  const sigCheck = byName.get('signature');
  const bindCheck = byName.get('binding');

  const publishedHash = str(hashCheck?.expected, 128) ?? str(at(record, 'canonical_sha256'), 128);
  const recomputed = str(hashCheck?.computed, 128) ?? str(report?.canonicalSha256, 128);
  const hash: VerificationView['hash'] = {};
  if (publishedHash) hash.published = publishedHash;
  if (recomputed) hash.recomputed = recomputed;
  if (publishedHash && recomputed) hash.equal = publishedHash.toLowerCase() === recomputed.toLowerCase();

  const number: VerificationView['number'] = {};
  const pubNum = str(numCheck?.expected, 64) ?? str(at(record, 'pith_number'), 64);
  const derived = str(numCheck?.computed, 64) ?? str(report?.pithNumber, 64);
  if (pubNum) number.published = pubNum;
  if (derived) number.derived = derived;

  const key: VerificationView['key'] = {};
  const keyId = str(report?.keyId, 128) ?? str(at(record, 'receipt', 'key_id'), 128);
  const fp = str(report?.fingerprint, 128) ?? str(at(record, 'receipt', 'public_key_fingerprint'), 128);
  if (keyId) key.id = keyId;
  if (fp) key.fingerprint = fp;
  if (report?.keyPinned !== undefined) key.pinned = report.keyPinned;
  if (keyCheck) key.outcome = keyCheck.outcome;

  const signature: VerificationView['signature'] = {};
  if (sigCheck) {
    signature.outcome = sigCheck.outcome;
    signature.detail = sigCheck.detail;
  }
  const signedAt = str(at(record, 'receipt', 'signed_at'), 64);
  const algorithm = str(at(record, 'receipt', 'algorithm'), 32);
  if (signedAt) signature.signedAt = signedAt;
  if (algorithm) signature.algorithm = algorithm;

  const binding: VerificationView['binding'] = {};
  if (bindCheck) {
    binding.outcome = bindCheck.outcome;
    binding.detail = bindCheck.detail;
  }
  const src = at(record, 'canonical_record', 'source');
  const srcKind = str(at(src, 'kind'), 32);
  const srcId = str(at(src, 'id'), 128);
  if (srcId) binding.id = srcKind ? `${srcKind}:${srcId}` : srcId;
  const v = num(at(src, 'version'));
  if (v !== undefined) binding.version = v;
  const th = str(at(record, 'canonical_record', 'metadata', 'title_canon_sha256'), 128);
  if (th) binding.titleHash = th;
  return { hash, number, key, signature, binding };
}
