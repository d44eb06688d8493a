import type { State } from '../states';

/** The checks of a verification report, in the order they are shown. */
/**
 * `title` compares the title the resolver serves beside the record with the
 * signed title hash; it decides whether that title is shown as the paper's,
 * never the state (the served title is not what the signature covers).
 */
export const CHECK_NAMES = ['schema', 'canonical-hash', 'pith-number', 'aliases', 'key', 'signature', 'binding', 'title'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** pass: checked and fine; fail: checked and wrong; skip: nothing to check (e.g. no receipt, no page). */
export type CheckOutcome = 'pass' | 'fail' | 'skip';

export interface Check {
  name: CheckName;
  outcome: CheckOutcome;
  /** One human sentence saying what was checked and what was found. */
  detail: string;
  expected?: string;
  computed?: string;
}

export interface VerifyReport {
  /** Derived from the checks; never `verified` on any doubt. Only verified|unsigned|invalid|mismatch. */
  state: State;
  checks: Check[];
  pithNumber?: string;
  canonicalSha256?: string;
  keyId?: string;
  /** True when the key that verified the signature is one of the pinned keys. */
  keyPinned?: boolean;
  fingerprint?: string;
  /** Set when the record is for another arXiv version than the one on the page. */
  versionNote?: string;
}
