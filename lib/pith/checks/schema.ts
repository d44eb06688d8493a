/**
 * The `schema` check: which form the input is (record, bundle or minimal
 * object) and whether it has what verification needs. The canonical record
 * is kept exactly as given: zod's output is never hashed.
 */
import { isPlainObject } from '../../plain-object';
import { parseJson } from '../canonical/parse';
import type { Check } from '../report';
import { BundleSchema, MinimalInputSchema, RecordSchema, describeIssues, type MinimalInput } from '../schemas';
import { check, errorMessage } from './check';

type InputForm = 'record' | 'bundle' | 'minimal';

export interface Normalized {
  form: InputForm;
  input: MinimalInput;
  /** canonical_record exactly as given (hashed as is: zod output is never hashed). */
  rawCanonical: unknown;
  /** The title the resolver serves beside the record (`paper.title`), unsigned. */
  servedTitle?: string;
  /** Extra claims a bundle's record_created event makes. */
  event?: RecordCreatedEvent;
}

export interface RecordCreatedEvent {
  canonicalSha256?: string;
  canonicalRecord?: unknown;
  hasRecord: boolean;
  subject?: string;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

const FORM_WORDS: Record<InputForm, string> = {
  record: 'a Pith record',
  bundle: 'a Pith open-graph bundle',
  minimal: 'a minimal {pith_number, canonical_sha256, canonical_record} object',
};

export function checkSchema(input: unknown): { check: Check; value?: Normalized } {
  const n = normalize(input);
  if (!n.ok) return { check: check('schema', 'fail', n.reason) };
  return { check: check('schema', 'pass', `The input is ${FORM_WORDS[n.value.form]} with a well-formed canonical record.`), value: n.value };
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
  let event: RecordCreatedEvent | undefined;
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
export function servedTitleOf(doc: Record<string, unknown>): string | undefined {
  const snapshot = isPlainObject(doc.graph_snapshot) ? doc.graph_snapshot : undefined;
  const paper = isPlainObject(doc.paper) ? doc.paper : isPlainObject(snapshot?.paper) ? snapshot.paper : undefined;
  return typeof paper?.title === 'string' && paper.title.trim() !== '' ? paper.title : undefined;
}
