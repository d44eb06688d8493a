import { titleCanonSha256 } from '../hash';
import type { Check } from '../report';
import { check } from './check';

/** Whether the served title is the one the signed `title_canon_sha256` names (display only: see CHECK_NAMES). */
export function checkTitle(served: string | undefined, signedHash: string): Check {
  if (served === undefined) return check('title', 'skip', 'The resolver serves no title beside the record.');
  const got = titleCanonSha256(served);
  return got === signedHash.toLowerCase()
    ? check('title', 'pass', 'The served title hashes to the signed title_canon_sha256: it is the signed title.', signedHash, got)
    : check(
        'title',
        'fail',
        'The served title does not hash to the signed title_canon_sha256: it is shown as served, not as the paper’s title.',
        signedHash,
        got,
      );
}
