/**
 * The one vocabulary of states (README.md lists them), used alike by the toolbar badge,
 * inline badges, the popup and the CLI. Each state has one colour, one badge
 * text and one sentence of explanation, defined here and nowhere else.
 */
export const STATES = ['verified', 'unconfirmed', 'unsigned', 'invalid', 'mismatch', 'not-found', 'error', 'pending'] as const;
export type State = (typeof STATES)[number];

export interface StateStyle {
  /** Short text for the toolbar badge (≤ 4 chars fits Chrome's badge). */
  badge: string;
  /** Word shown on inline badges and banners. */
  label: string;
  /** Background colour; chosen for ≥ 4.5:1 contrast with white text. */
  color: string;
  /** One sentence a reader can act on. */
  sentence: string;
}

export const STATE_STYLE: Record<State, StateStyle> = {
  verified: {
    badge: '✓',
    label: 'Verified',
    color: '#1a7f37',
    sentence: 'Hash recomputed, Pith Number re-derived and Pith’s signature checked locally against the pinned key.',
  },
  unconfirmed: {
    badge: '✓?',
    label: 'Unconfirmed',
    color: '#0b6a72',
    sentence: 'The record is signed and checks out, but nothing signed ties it to this id; the link is the resolver’s word.',
  },
  unsigned: {
    badge: '○',
    label: 'Unsigned',
    color: '#6e5600',
    sentence: 'The hash and Pith Number check out, but no signature from a pinned key vouches for them.',
  },
  invalid: {
    badge: '✗',
    label: 'Invalid',
    color: '#cf222e',
    sentence: 'A check failed: this record does not match its own hash, number or signature. Do not trust it.',
  },
  mismatch: {
    badge: '≠',
    label: 'Mismatch',
    color: '#953800',
    sentence: 'The record is valid, but it is not for the paper on this page.',
  },
  'not-found': {
    badge: '–',
    label: 'No Pith Number',
    color: '#57606a',
    sentence: 'Pith has no record for this paper yet.',
  },
  error: {
    badge: '!',
    label: 'Error',
    color: '#8250df',
    sentence: 'The resolver could not be reached; any record shown is from the cache and may be stale.',
  },
  pending: {
    badge: '…',
    label: 'Checking',
    color: '#0969da',
    sentence: 'Looking up and verifying this paper.',
  },
};
