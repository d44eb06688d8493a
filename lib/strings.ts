/**
 * Every user-facing string of the popup and the options page, in one module so
 * that a translation can replace it later. State words (label, colour, badge,
 * sentence) live in lib/states.ts and are not repeated here.
 *
 * Plain strings, or small functions for strings with values in them. No HTML:
 * everything here is rendered as text.
 */
import type { CheckName, CheckOutcome } from './pith/report';

const APP_NAME = 'Pith Lens';

const CHECK_LABELS: Record<CheckName, string> = {
  schema: 'Record shape',
  'canonical-hash': 'Canonical hash',
  'pith-number': 'Pith Number',
  aliases: 'Aliases',
  key: 'Signing key',
  signature: 'Signature',
  binding: 'Binding to this page',
  title: 'Served title',
};

const OUTCOME_LABELS: Record<CheckOutcome, string> = {
  pass: 'passed',
  fail: 'failed',
  skip: 'not checked',
};

export const popup = {
  title: APP_NAME,
  optionsLink: 'Settings',
  loading: 'Loading the record and checking it…',

  // Lookup box
  lookupLabel: 'Look up a paper',
  lookupHint: 'arXiv id, DOI, Pith Number or a paper link',
  lookupPlaceholder: 'e.g. 2404.14294 or pith:7YXM6JRY',
  lookupButton: 'Look up',
  lookupEmpty: 'Type an arXiv id, a DOI, a Pith Number or a paper link.',
  lookupNone: 'Not an arXiv id, DOI, Pith Number or paper link.',
  recentHeading: 'Recent lookups',
  backToPage: 'Back to the papers on this page',
  lookupResultFor: (what: string) => `Result for ${what}`,

  // Non-paper page
  nonPaperHeading: 'No paper on this page',
  nonPaperText: 'Pith Lens found no arXiv id, DOI or Pith Number here. Type one to look it up.',

  // Listing
  papersHeading: (n: number) => `${n} papers on this page`,
  /** Rows of a listing the page has not asked to check yet (they are checked as the reader scrolls near them). */
  notYetChecked: 'Not yet checked',
  papersChecked: (checked: number, n: number) => `${checked.toLocaleString('en-US')} of ${n.toLocaleString('en-US')} checked so far.`,
  checkAll: 'Check all papers on this page',

  // Paper
  arxiv: 'arXiv',
  version: (v: number) => `v${v}`,
  categories: 'Categories',
  submitted: 'Submitted',
  untitled: 'Untitled record',
  titleServedLabel: 'Title as served — does not match the signed title',
  titleUncheckedLabel: 'Title as served — not checked against the signed title',
  authorsServedLabel: 'Authors as served (not signed)',
  pithNumberHeading: 'Pith Number',
  pithFull: 'Full',
  pithShort: 'Short',

  // Claims
  claimsHeading: 'Claims',
  claimsServedNote: 'Served by the resolver beside the record; not covered by the signature.',
  headline: 'Headline',
  summary: 'One-line summary',
  strongestClaim: 'Strongest claim',
  weakestAssumption: 'Weakest assumption',
  otherClaim: 'Claim',
  machineExtracted: 'machine extracted',
  noClaims: 'This record carries no claims or verdict.',
  countClaims: 'Claims',
  countReferences: 'References',
  countReferencesResolved: (resolved: number, total: number) => `${resolved} of ${total} resolved`,
  countInbound: 'Inbound citations',
  verdictBy: (who: string) => `Verdict by ${who}`,

  // Verification
  verificationHeading: 'Verification',
  verificationIntro: 'Every check was run in your browser on the record as served.',
  hashHeading: 'Canonical hash',
  hashPublished: 'Published',
  hashRecomputed: 'Recomputed here',
  hashEqual: 'equal',
  hashDiffer: 'differ',
  numberPublished: 'Published Pith Number',
  numberDerived: 'Re-derived Pith Number',
  keyHeading: 'Signing key',
  keyId: 'Key id',
  keyFingerprint: 'Fingerprint',
  keyPinned: 'pinned',
  keyNotPinned: 'not pinned',
  keyUnknown: 'no key named',
  signatureHeading: 'Signature',
  signedAt: 'Signed at',
  bindingHeading: 'Binding',
  bindingId: 'Record is for',
  bindingVersion: 'Version',
  bindingTitleHash: 'Title hash',
  scopeHeading: 'What the signature covers',
  scopeSigned: 'Signed by Pith (checked here): the canonical record, through its hash.',
  scopeSignedFields: 'Source id, kind and version; licence; primary and cross-listed categories; submission date; title hash; abstract hash; schema version.',
  scopeServed: 'Merely served by the resolver (not signed, not checked):',
  scopeServedFields: 'title and authors as displayed, claims, verdict, status flags, references, citations, aliases beyond the checks above.',
  statusHeading: 'Status at Pith',
  statusServedNote: 'Status words as the resolver serves them (verification_status); not signed.',
  ladderHeading: 'Completeness ladder',
  ladderNote: 'Which rungs are reached is inferred from the status flags; Pith does not publish the mapping.',
  ladderReached: 'reached',
  ladderNotReached: 'not reached',
  ladderUnknown: 'not stated',
  outcome: (o: CheckOutcome) => OUTCOME_LABELS[o],
  checkLabel: (name: string) => (CHECK_LABELS as Record<string, string | undefined>)[name] ?? name,
  expected: 'Expected',
  computed: 'Computed',
  servedBy: (host: string) => `Served by ${host}`,

  // State screens
  whatFailed: 'What failed',
  whatDiffers: 'What differs',
  whyUnsigned: 'Why it is not verified',
  whyUnconfirmed: 'Why it is not confirmed',
  versionNote: 'Version',
  notFoundText: (what: string) => `Pith has no record for ${what}.`,
  searchPith: 'Search pith.science',
  errorReasonUnknown: 'The resolver did not answer.',
  staleNote: (age: string) => `Showing the cached record from ${age}. It may be out of date.`,
  noCache: 'No cached copy of this record.',
  retry: 'Retry',
  backgroundDown: 'The extension’s background did not answer.',
  badAnswer: 'The extension’s background sent an answer this popup cannot read.',

  // Actions
  actionsHeading: 'Actions',
  openOnPith: 'Open on pith.science',
  copyNumber: 'Copy Pith Number',
  copyLatex: 'Copy LaTeX',
  copyJson: 'Copy record JSON',
  reverify: 'Re-verify now',
  copied: (what: string) => `Copied ${what}.`,
  copyFailed: 'Could not copy to the clipboard.',
  copyOf: (what: string) => `Copy ${what}`,
};

export const status = {
  attested: 'attested',
  notAttested: 'not attested',
  anchored: 'anchored',
  notAnchored: 'not anchored',
  stored: 'stored',
  notStored: 'not stored',
  refsResolved: 'refs resolved',
  refsPending: 'refs pending',
  notStated: (what: string) => `${what}: not stated`,
  attestedName: 'author attestation',
  anchoredName: 'external anchor',
  storedName: 'storage',
  refsName: 'references',
};

export const ladder = {
  rungs: ['Bitcoin timestamp', 'Internet Archive', 'Author claim', 'Citations', 'Replications'] as const,
};

export const age = {
  justNow: 'just now',
  minutes: (n: number) => (n === 1 ? '1 minute ago' : `${n} minutes ago`),
  hours: (n: number) => (n === 1 ? '1 hour ago' : `${n} hours ago`),
  days: (n: number) => (n === 1 ? '1 day ago' : `${n} days ago`),
  unknown: 'an unknown time ago',
};

export const options = {
  title: `${APP_NAME} settings`,
  saved: 'Saved.',
  saveFailed: (why: string) => `Could not save: ${why}`,
  loading: 'Loading settings…',

  resolverHeading: 'Resolver',
  baseUrl: 'Resolver address',
  baseUrlHint: 'https:// address of a Pith resolver (http:// only for 127.0.0.1 or localhost). Default https://pith.science.',
  mirrors: 'Mirrors',
  mirrorsHint: 'One address per line, tried in order when the resolver fails. At most 10.',
  mirrorLineError: (line: number, why: string) => `Line ${line}: ${why}`,
  tooManyMirrors: 'At most 10 mirrors.',
  testConnection: 'Test connection',
  testing: 'Testing…',
  connectionOk: (detail: string) => `Connected: ${detail}`,
  connectionFailed: (detail: string) => `Connection failed: ${detail}`,
  saveResolver: 'Save resolver',
  resetResolver: 'Use pith.science',
  permissionDenied: (origins: string) => `Permission to reach ${origins} was not granted; the resolver was not changed.`,
  permissionNote: 'Another address than pith.science asks your browser for permission to reach it.',
  lostAccess: (origins: string) => `Pith Lens can no longer reach ${origins}. Save the resolver again to grant access.`,

  pagesHeading: 'On pages',
  inlineBadges: 'Show badges next to papers on arXiv pages',
  checkAllListings: 'Check every paper on listing pages',
  checkAllListingsHint: 'Off: rows are checked as you scroll near them, which asks pith.science only for what you see. On: every row of a listing at once.',
  otherSites: 'Detect papers on other sites',
  otherSitesHint: 'Reads DOIs on publisher pages. Asks your browser for access to all sites; turning it off gives that access back.',
  otherSitesDenied: 'Access to other sites was not granted.',
  disabledSites: 'Sites where Pith Lens stays off',
  disabledSitesHint: 'A host name such as example.org; its subdomains are included.',
  addSite: 'Add site',
  removeSite: (site: string) => `Remove ${site}`,
  noDisabledSites: 'No sites.',
  siteExists: 'That site is already on the list.',
  tooManySites: 'The list is full (500 sites).',

  cacheHeading: 'Cache',
  cacheStats: (entries: number, bytes?: string) => `${entries} ${entries === 1 ? 'record' : 'records'} cached${bytes ? ` (${bytes})` : ''}.`,
  cacheUnknown: 'Cache size unknown.',
  cacheUnsaved: (n: number, why?: string) => `${n} ${n === 1 ? 'record' : 'records'} not saved yet${why ? ` (${why})` : ''}; retrying.`,
  maxCacheEntries: 'Keep at most this many records',
  maxCacheHint: 'Between 50 and 20,000.',
  maxCacheError: 'A whole number between 50 and 20,000.',
  saveCacheSize: 'Save cache size',
  clearCache: 'Clear cache',
  cacheCleared: 'Cache cleared.',
  cacheClearFailed: (why?: string) => `The cache was not cleared${why ? `: ${why}` : ''}.`,
  noAnswer: 'The background did not answer.',

  keysHeading: 'Pinned signing keys',
  keysNote: 'Only signatures under these keys make a record “Verified”. They are built into the extension and cannot be changed here.',
  keyId: 'Key id',
  algorithm: 'Algorithm',
  fingerprintHex: 'Fingerprint (hex)',
  fingerprintB32: 'Fingerprint (base32)',
  publicKey: 'Public key',
};

export const units = {
  bytes: (n: number) => {
    if (n < 1024) return `${n} B`;
    if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
    return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  },
};
