/** The status words and the completeness ladder, all read from verification_status (unsigned). */
import { ladder as ladderStrings, status as S } from '../strings';
import { at, bool, num } from '../pith/record-fields';

export interface StatusWord {
  key: string;
  /** undefined when the record does not state the flag. */
  done?: boolean;
  label: string;
}

export function statusFlags(record: unknown): StatusWord[] {
  const vs = at(record, 'verification_status');
  const word = (key: string, name: string, yes: string, no: string): StatusWord => {
    const done = bool(at(vs, key));
    return done === undefined ? { key, label: S.notStated(name) } : { key, done, label: done ? yes : no };
  };
  return [
    word('author_attested', S.attestedName, S.attested, S.notAttested),
    word('externally_anchored', S.anchoredName, S.anchored, S.notAnchored),
    word('storage_verified', S.storedName, S.stored, S.notStored),
    word('references_resolved', S.refsName, S.refsResolved, S.refsPending),
  ];
}

export interface LadderRung {
  step: number;
  label: string;
  /** undefined when no flag the rung is inferred from is stated. */
  reached?: boolean;
}

/**
 * The five rungs, each inferred from verification_status (the mapping is ours,
 * not Pith's): 1 externally_anchored, 2 storage_verified, 3 author_attested or
 * any author claim, 4 citation_signatures > 0, 5 replication_records > 0.
 */
export function completenessLadder(record: unknown): LadderRung[] {
  const vs = at(record, 'verification_status');
  const flag = (k: string) => bool(at(vs, k));
  const positive = (k: string) => {
    const n = num(at(vs, k));
    return n === undefined ? undefined : n > 0;
  };
  const any = (...xs: (boolean | undefined)[]) => (xs.some((x) => x === true) ? true : xs.every((x) => x === undefined) ? undefined : false);
  const reached = [
    flag('externally_anchored'),
    flag('storage_verified'),
    any(flag('author_attested'), positive('weak_author_claims'), positive('strong_author_claims')),
    positive('citation_signatures'),
    positive('replication_records'),
  ];
  return ladderStrings.rungs.map((label, i) => {
    const r: LadderRung = { step: i + 1, label };
    const x = reached[i];
    if (x !== undefined) r.reached = x;
    return r;
  });
}
