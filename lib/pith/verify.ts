/**
 * Local verification of a Pith record, bundle or minimal {pith_number, canonical_sha256,
 * canonical_record, receipt?}: every check with its own outcome, and a state derived from
 * them that is `verified` only when nothing is in doubt. Synchronous; never throws.
 */
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import type { PaperId } from '../ids/types';
import type { State } from '../states';
import { canonicalSha256, parseJson } from './canonical';
import { base64ToBytes, hexToBytes, isSha256Hex, titleCanonSha256 } from './hash';
import { derivePithNumber, pithSuffix, shortPithNumber } from './number';
import { CHECK_NAMES, type Check, type CheckName, type CheckOutcome, type VerifyReport } from './report';
import {
  BundleSchema,
  MinimalInputSchema,
  RecordSchema,
  describeIssues,
  type Alias,
  type MinimalInput,
  type Receipt,
} from './schemas';
import { PINNED_TRUST, type TrustStore, type TrustedKey } from './trust';
import { bindReport } from './binding';

// noble's synchronous ed.verify needs a synchronous SHA-512.
ed.hashes.sha512 = sha512;

export const SIGNED_MESSAGE = 'canonical_sha256_bytes';

export interface VerifyOptions {
  /** Keys whose signatures count; default: Pith's pinned key only. */
  trust?: TrustStore;
  /** The page's own title (raw `citation_title`), bound through `title_canon_sha256`. */
  pageTitle?: string;
  /** The id of the paper on the page. */
  pageId?: PaperId;
}

export type InputForm = 'record' | 'bundle' | 'minimal';

interface Normalized {
  form: InputForm;
  input: MinimalInput;
  /** canonical_record exactly as given (hashed as is: zod output is never hashed). */
  rawCanonical: unknown;
  /** The title the resolver serves beside the record (`paper.title`), unsigned. */
  servedTitle?: string;
  /** Extra claims a bundle's record_created event makes. */
  event?: { canonicalSha256?: string; canonicalRecord?: unknown; hasRecord: boolean; subject?: string };
}

type PartialChecks = Partial<Record<CheckName, Check>>;

function check(name: CheckName, outcome: CheckOutcome, detail: string, expected?: string, computed?: string): Check {
  const c: Check = { name, outcome, detail };
  if (expected !== undefined) c.expected = expected;
  if (computed !== undefined) c.computed = computed;
  return c;
}

function errorMessage(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/** Build the report from the checks given; absent ones are skipped with `why`. */
function finish(checks: PartialChecks, why: string, extra: Omit<VerifyReport, 'state' | 'checks'> = {}): VerifyReport {
  const list = CHECK_NAMES.map((n) => checks[n] ?? check(n, 'skip', why));
  return { state: deriveState(list), checks: list, ...extra };
}

/** The state from the checks: fail closed, `verified` only with a passing signature under a trusted key. */
export function deriveState(checks: readonly Check[]): State {
  const by = new Map(checks.map((c) => [c.name, c.outcome]));
  const integrity: CheckName[] = ['schema', 'canonical-hash', 'pith-number', 'aliases', 'key', 'signature'];
  if (integrity.some((n) => by.get(n) === 'fail')) return 'invalid';
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

function normalize(input: unknown): { ok: true; value: Normalized } | { ok: false; reason: string } {
  let doc = input;
  if (typeof doc === 'string') {
    try {
      doc = parseJson(doc);
    } catch (e) {
      return { ok: false, reason: `The input is not valid JSON: ${errorMessage(e)}.` };
    }
  }
  if (!isPlainObject(doc)) return { ok: false, reason: `Expected a JSON object (record, bundle or minimal form), got ${kindOf(doc)}.` };

  let form: InputForm;
  let candidate: Record<string, unknown>;
  let event: Normalized['event'];
  if (doc.record_type !== undefined) {
    if (doc.record_type !== 'pith_number_record') {
      return { ok: false, reason: `Unknown record_type ${JSON.stringify(String(doc.record_type)).slice(0, 80)}.` };
    }
    const r = RecordSchema.safeParse(doc);
    if (!r.success) return { ok: false, reason: `The record does not match the Pith record schema: ${describeIssues(r.error)}.` };
    form = 'record';
    candidate = { ...doc, receipt: doc.receipt ?? undefined };
  } else if (doc.bundle_type !== undefined) {
    if (doc.bundle_type !== 'pith_open_graph_bundle') {
      return { ok: false, reason: `Unknown bundle_type ${JSON.stringify(String(doc.bundle_type)).slice(0, 80)}.` };
    }
    const b = BundleSchema.safeParse(doc);
    if (!b.success) return { ok: false, reason: `The bundle does not match the Pith bundle schema: ${describeIssues(b.error)}.` };
    form = 'bundle';
    const events = b.data.events ?? [];
    const created =
      events.find((e) => (e.event_type ?? e.type ?? (e as { kind?: unknown }).kind) === 'record_created') ??
      (events[0]?.payload?.receipt ? events[0] : undefined);
    const rawEvents = Array.isArray(doc.events) ? (doc.events as unknown[]) : [];
    const rawCreated = created ? rawEvents[events.indexOf(created)] : undefined;
    const rawPayload = isPlainObject(rawCreated) && isPlainObject(rawCreated.payload) ? rawCreated.payload : undefined;
    if (created) {
      event = {
        canonicalSha256: created.payload?.canonical_sha256,
        hasRecord: rawPayload !== undefined && rawPayload.canonical_record !== undefined,
        canonicalRecord: rawPayload?.canonical_record,
        subject: created.subject_pith_number,
      };
    }
    candidate = {
      pith_number: doc.pith_number,
      short_pith_number: doc.short_pith_number,
      canonical_sha256: doc.canonical_sha256,
      canonical_record: doc.canonical_record,
      receipt: doc.receipt ?? rawPayload?.receipt ?? undefined,
      aliases: doc.source_aliases ?? doc.aliases,
      source: doc.source,
    };
  } else {
    form = 'minimal';
    candidate = { ...doc, receipt: doc.receipt ?? undefined };
  }
  const m = MinimalInputSchema.safeParse(candidate);
  if (!m.success) {
    return { ok: false, reason: `The ${form} lacks what verification needs: ${describeIssues(m.error)}.` };
  }
  const value: Normalized = { form, input: m.data, rawCanonical: doc.canonical_record, event };
  const servedTitle = servedTitleOf(doc);
  if (servedTitle !== undefined) value.servedTitle = servedTitle;
  return { ok: true, value };
}

/** `paper.title`, or the bundle's `graph_snapshot.paper.title`: where the popup reads the title from. */
function servedTitleOf(doc: Record<string, unknown>): string | undefined {
  const snapshot = isPlainObject(doc.graph_snapshot) ? doc.graph_snapshot : undefined;
  const paper = isPlainObject(doc.paper) ? doc.paper : isPlainObject(snapshot?.paper) ? snapshot.paper : undefined;
  return typeof paper?.title === 'string' && paper.title.trim() !== '' ? paper.title : undefined;
}

const FORM_WORDS: Record<InputForm, string> = {
  record: 'a Pith record',
  bundle: 'a Pith open-graph bundle',
  minimal: 'a minimal {pith_number, canonical_sha256, canonical_record} object',
};

function verifyUnsafe(rawInput: unknown, opts: VerifyOptions): VerifyReport {
  const trust = opts.trust ?? PINNED_TRUST;
  const checks: PartialChecks = {};
  const extra: Omit<VerifyReport, 'state' | 'checks'> = {};

  // schema
  const n = normalize(rawInput);
  if (!n.ok) {
    checks.schema = check('schema', 'fail', n.reason);
    return finish(checks, 'Not checked: the input did not match the schema.');
  }
  const { input, rawCanonical, event, form, servedTitle } = n.value;
  checks.schema = check('schema', 'pass', `The input is ${FORM_WORDS[form]} with a well-formed canonical record.`);
  const cr = input.canonical_record;
  const receipt: Receipt | undefined = input.receipt ?? undefined;
  if (receipt) extra.keyId = receipt.key_id;

  // canonical-hash
  let computed: string | undefined;
  try {
    computed = canonicalSha256(rawCanonical);
  } catch (e) {
    checks['canonical-hash'] = check(
      'canonical-hash',
      'fail',
      `The canonical record cannot be serialized canonically: ${errorMessage(e)}.`,
      input.canonical_sha256,
    );
  }
  if (computed !== undefined) {
    extra.canonicalSha256 = computed;
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
    checks['canonical-hash'] = problems.length
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
  }

  // pith-number
  let suffix: string | undefined;
  let derived: string | undefined;
  if (computed === undefined) {
    checks['pith-number'] = check('pith-number', 'skip', 'Not checked: the canonical hash could not be computed.', input.pith_number);
  } else {
    suffix = pithSuffix(computed);
    const year = cr.metadata.submitted_at.slice(0, 4);
    if (!/^[0-9]{4}$/.test(year)) {
      checks['pith-number'] = check(
        'pith-number',
        'fail',
        `metadata.submitted_at does not start with a four-digit year (${JSON.stringify(cr.metadata.submitted_at.slice(0, 40))}).`,
        input.pith_number,
      );
    } else {
      derived = derivePithNumber(computed, year);
      const short = shortPithNumber(computed);
      const problems: string[] = [];
      if (input.pith_number !== derived) problems.push(`the published Pith Number is ${JSON.stringify(input.pith_number.slice(0, 80))}`);
      if (input.short_pith_number !== undefined && input.short_pith_number !== short) {
        problems.push(`the short number is ${JSON.stringify(input.short_pith_number.slice(0, 80))}, not ${short}`);
      }
      if (event?.subject !== undefined && event.subject !== derived) problems.push('the record_created event names another Pith Number');
      checks['pith-number'] = problems.length
        ? check('pith-number', 'fail', `Re-derived ${derived} from the hash and year, but ${problems.join('; ')}.`, input.pith_number, derived)
        : check('pith-number', 'pass', `Re-derived ${derived} from the hash and the submission year; it matches.`, input.pith_number, derived);
    }
  }
  if (checks['canonical-hash']?.outcome === 'pass' && checks['pith-number']?.outcome === 'pass') extra.pithNumber = derived;

  // aliases (and the unsigned top-level source)
  checks.aliases = checkAliases(input.aliases ?? [], input.source, cr.source, suffix);

  checks.title = checkTitle(servedTitle, cr.metadata.title_canon_sha256);

  // key
  let key: TrustedKey | undefined;
  if (!receipt) {
    checks.key = check('key', 'skip', 'No receipt: no key signed this record.');
  } else {
    const known = trust.get(receipt.key_id);
    extra.keyPinned = known !== undefined;
    if (!known) {
      if (receipt.public_key_fingerprint !== undefined) extra.fingerprint = receipt.public_key_fingerprint;
      checks.key = check(
        'key',
        'skip',
        `The receipt is signed with key ${JSON.stringify(receipt.key_id.slice(0, 80))}, which is not pinned: its signature cannot vouch for the record.`,
        undefined,
        receipt.key_id,
      );
    } else {
      extra.fingerprint = known.fingerprintHex;
      const problems: string[] = [];
      if (receipt.algorithm !== known.algorithm) {
        problems.push(`the receipt names algorithm ${JSON.stringify(receipt.algorithm.slice(0, 40))}, the pinned key is ${known.algorithm}`);
      }
      const fp = receipt.public_key_fingerprint;
      if (fp !== undefined && fp.toLowerCase() !== known.fingerprintHex) {
        problems.push(`the receipt names fingerprint ${fp.slice(0, 80)}, the pinned key’s is ${known.fingerprintHex}`);
      }
      if (problems.length) {
        checks.key = check('key', 'fail', `Key ${known.keyId} is pinned, but ${problems.join('; ')}.`, known.fingerprintHex, fp);
      } else {
        key = known;
        checks.key = check(
          'key',
          'pass',
          fp !== undefined
            ? `Key ${known.keyId} is pinned (${known.algorithm}) and the receipt names its fingerprint.`
            : `Key ${known.keyId} is pinned (${known.algorithm}); the receipt names no fingerprint.`,
          known.fingerprintHex,
          fp,
        );
      }
    }
  }

  // signature
  if (!receipt) {
    checks.signature = check('signature', 'skip', 'No receipt: the record is not signed.');
  } else {
    let sig: Uint8Array | undefined;
    let sigProblem: string | undefined;
    try {
      sig = base64ToBytes(receipt.signature_b64);
      if (sig.length !== 64) sigProblem = `signature_b64 decodes to ${sig.length} bytes, not 64`;
    } catch (e) {
      sigProblem = `signature_b64 is not valid base64 (${errorMessage(e)})`;
    }
    if (sigProblem === undefined && receipt.signed_message !== undefined && receipt.signed_message !== SIGNED_MESSAGE) {
      sigProblem = `the receipt says it signs ${JSON.stringify(receipt.signed_message.slice(0, 60))}, not ${SIGNED_MESSAGE}`;
    }
    if (sigProblem !== undefined) {
      checks.signature = check('signature', 'fail', `Malformed receipt: ${sigProblem}.`);
    } else if (checks.key?.outcome === 'skip') {
      checks.signature = check('signature', 'skip', 'Not checked: the signing key is not pinned.');
    } else if (!key) {
      checks.signature = check('signature', 'skip', 'Not checked: the key check failed.');
    } else if (computed === undefined) {
      checks.signature = check('signature', 'skip', 'Not checked: the canonical hash could not be computed.');
    } else {
      const ok = edVerify(sig as Uint8Array, hexToBytes(computed), key.publicKey);
      checks.signature = ok
        ? check('signature', 'pass', `Ed25519 signature over the 32 bytes of the canonical hash is valid under ${key.keyId}.`)
        : check('signature', 'fail', `Ed25519 signature over the 32 bytes of the canonical hash is NOT valid under ${key.keyId}.`);
    }
  }

  // binding: the same code the cache uses to re-bind a stored report to each page
  checks.binding = check('binding', 'skip', 'No page to bind the record to.');
  const report = finish(checks, 'Not checked.', extra);
  const pageTitle = typeof opts.pageTitle === 'string' && opts.pageTitle.trim() !== '' ? opts.pageTitle : undefined;
  if (!opts.pageId && pageTitle === undefined) return report;
  return bindReport(report, cr, input.aliases ?? [], { id: opts.pageId, title: pageTitle });
}

function edVerify(sig: Uint8Array, msg: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    // zip215: false = RFC 8032 / FIPS 186-5 strict verification (canonical encodings, no small-order keys).
    return ed.verify(sig, msg, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

function sameVersion(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint') && String(a) === String(b);
}

/** Whether the served title is the one the signed `title_canon_sha256` names (display only: see CHECK_NAMES). */
function checkTitle(served: string | undefined, signedHash: string): Check {
  if (served === undefined) return check('title', 'skip', 'The resolver serves no title beside the record.');
  const got = titleCanonSha256(served);
  return got === signedHash.toLowerCase()
    ? check('title', 'pass', 'The served title hashes to the signed title_canon_sha256: it is the signed title.', signedHash, got)
    : check('title', 'fail', 'The served title does not hash to the signed title_canon_sha256: it is shown as served, not as the paper’s title.', signedHash, got);
}

function checkAliases(
  aliases: readonly Alias[],
  source: MinimalInput['source'],
  cs: MinimalInput['canonical_record']['source'],
  suffix: string | undefined,
): Check {
  const problems: string[] = [];
  const checked: string[] = [];
  const isArxiv = cs.kind === 'arxiv';
  for (const a of aliases) {
    const kind = a.alias_kind;
    const value = a.alias_value;
    const m = /^pith_short_(\d{1,2})$/.exec(kind);
    if (m) {
      if (suffix === undefined) continue;
      const len = Number(m[1]);
      const want = suffix.slice(0, len);
      checked.push(kind);
      if (len < 1 || len > suffix.length || value !== want) problems.push(`${kind} is ${JSON.stringify(value.slice(0, 40))}, not ${want}`);
    } else if (kind === 'arxiv' && isArxiv) {
      checked.push(kind);
      if (value !== cs.id) problems.push(`arxiv alias ${JSON.stringify(value.slice(0, 40))} is not the record’s ${cs.id}`);
    } else if (kind === 'arxiv_version' && isArxiv) {
      checked.push(kind);
      const want = `${cs.id}v${String(cs.version)}`;
      if (value !== want) problems.push(`arxiv_version alias ${JSON.stringify(value.slice(0, 40))} is not ${want}`);
    } else if (kind === 'doi' && isArxiv && value.toLowerCase().startsWith('10.48550/arxiv.')) {
      checked.push(kind);
      const want = `10.48550/arxiv.${cs.id.toLowerCase()}`;
      if (value.toLowerCase() !== want) problems.push(`arXiv DOI alias ${JSON.stringify(value.slice(0, 60))} is not ${want}`);
    }
  }
  if (source) {
    if (source.id !== undefined || source.kind !== undefined || source.version !== undefined) checked.push('source');
    if (source.id !== undefined && source.id !== cs.id) problems.push(`the record’s source id ${JSON.stringify(source.id.slice(0, 40))} is not the canonical ${cs.id}`);
    if (source.kind !== undefined && source.kind !== cs.kind) problems.push(`the record’s source kind ${JSON.stringify(source.kind.slice(0, 40))} is not the canonical ${cs.kind}`);
    if (source.version !== undefined && !sameVersion(source.version, cs.version)) {
      problems.push(`the record’s source version ${String(source.version)} is not the canonical ${String(cs.version)}`);
    }
  }
  if (problems.length) return check('aliases', 'fail', `Unsigned aliases contradict the canonical record: ${problems.join('; ')}.`);
  if (!checked.length) return check('aliases', 'skip', 'No aliases to check.');
  return check('aliases', 'pass', `The aliases (${[...new Set(checked)].join(', ')}) agree with the canonical record and Pith Number.`);
}

export interface ReceiptVerification {
  /** True only for a valid signature under a key of the trust store. */
  valid: boolean;
  outcome: CheckOutcome;
  keyPinned: boolean;
  detail: string;
  fingerprint?: string;
}

/**
 * Check a bare receipt (hash + signature, no record): Ed25519 over the 32 raw bytes of
 * `hashHex`, by `keyId` from the trust store. Never throws.
 */
export function verifyReceiptSignature(hashHex: string, signatureB64: string, keyId: string, trust: TrustStore = PINNED_TRUST): ReceiptVerification {
  try {
    if (!isSha256Hex(hashHex)) return { valid: false, outcome: 'fail', keyPinned: false, detail: 'The hash is not 64 lower-case hex digits.' };
    let sig: Uint8Array;
    try {
      sig = base64ToBytes(signatureB64);
    } catch (e) {
      return { valid: false, outcome: 'fail', keyPinned: false, detail: `The signature is not valid base64: ${errorMessage(e)}.` };
    }
    if (sig.length !== 64) return { valid: false, outcome: 'fail', keyPinned: false, detail: `The signature is ${sig.length} bytes, not 64.` };
    const key = typeof keyId === 'string' ? trust.get(keyId) : undefined;
    if (!key) return { valid: false, outcome: 'skip', keyPinned: false, detail: `Key ${String(keyId).slice(0, 80)} is not pinned; the signature was not checked.` };
    const ok = edVerify(sig, hexToBytes(hashHex), key.publicKey);
    return ok
      ? { valid: true, outcome: 'pass', keyPinned: true, fingerprint: key.fingerprintHex, detail: `Valid Ed25519 signature under ${key.keyId}.` }
      : { valid: false, outcome: 'fail', keyPinned: true, fingerprint: key.fingerprintHex, detail: `The signature is NOT valid under ${key.keyId}.` };
  } catch (e) {
    return { valid: false, outcome: 'fail', keyPinned: false, detail: `Verification stopped on an unexpected error: ${errorMessage(e)}.` };
  }
}
