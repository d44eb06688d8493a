/**
 * zod schemas for what Pith serves: the record, the bundle, a receipt and the minimal input
 * verify() needs. Objects are loose (unknown fields kept, never rejected); every field outside
 * the canonical record is optional, since our copies of the protocol are partial.
 */
import { z } from 'zod';

/** A JSON integer as parseJson gives it: a safe `number` or a `bigint`. */
const JsonIntSchema = z.union([z.number().int(), z.bigint()]);

const CanonicalSourceSchema = z.looseObject({
  id: z.string().min(1),
  kind: z.string().min(1),
  version: JsonIntSchema,
});

const CanonicalMetadataSchema = z.looseObject({
  license: z.string(),
  primary_cat: z.string(),
  submitted_at: z.string(),
  cross_cats_sorted: z.array(z.string()),
  title_canon_sha256: z.string(),
  abstract_canon_sha256: z.string(),
});

/** The signed part of a record (through its hash). */
const CanonicalRecordSchema = z.looseObject({
  source: CanonicalSourceSchema,
  metadata: CanonicalMetadataSchema,
  schema_version: z.string(),
});

const ReceiptSchema = z.looseObject({
  kind: z.string().optional(),
  key_id: z.string().min(1),
  algorithm: z.string().min(1),
  signature_b64: z.string(),
  signed_message: z.string().optional(),
  public_key_fingerprint: z.string().optional(),
  canonical_sha256: z.string().optional(),
  signed_at: z.string().optional(),
  signature_status: z.string().optional(),
  receipt_version: z.string().optional(),
});

const AliasSchema = z.looseObject({
  alias_kind: z.string(),
  alias_value: z.string(),
  created_at: z.string().optional(),
});

const optString = z.string().optional();
const optReceipt = ReceiptSchema.nullish();

const SourceSchema = z.looseObject({
  id: z.string().optional(),
  kind: z.string().optional(),
  version: JsonIntSchema.optional(),
});

export const RecordSchema = z.looseObject({
  record_type: z.literal('pith_number_record'),
  pith_number: optString,
  short_pith_number: optString,
  schema_version: optString,
  canonical_sha256: optString,
  source: SourceSchema.optional(),
  attestation_state: optString,
  paper: z
    .looseObject({
      title: optString,
      license: optString,
      headline: optString,
      cross_cats: z.array(z.string()).optional(),
      primary_cat: optString,
      authors_text: optString,
      submitted_at: optString,
      abstract_excerpt: optString,
    })
    .optional(),
  verification_status: z.looseObject({}).optional(),
  canonical_record: CanonicalRecordSchema,
  receipt: optReceipt,
  graph_snapshot: z.looseObject({}).optional(),
  aliases: z.array(AliasSchema).optional(),
  events: z.array(z.unknown()).optional(),
  created_at: optString,
  updated_at: optString,
});

const BundleEventSchema = z.looseObject({
  event_type: optString,
  type: optString,
  subject_pith_number: optString,
  target: optString,
  payload: z
    .looseObject({
      canonical_record: z.unknown().optional(),
      canonical_sha256: optString,
      receipt: optReceipt,
    })
    .optional(),
});

export const BundleSchema = z.looseObject({
  bundle_type: z.literal('pith_open_graph_bundle'),
  bundle_version: optString,
  pith_number: optString,
  short_pith_number: optString,
  canonical_record: CanonicalRecordSchema,
  canonical_sha256: optString,
  source: SourceSchema.optional(),
  source_aliases: z.array(AliasSchema).optional(),
  events: z.array(BundleEventSchema).optional(),
});

/** What verify() checks, whichever form it came in. */
export const MinimalInputSchema = z.looseObject({
  pith_number: z.string(),
  canonical_sha256: z.string(),
  canonical_record: CanonicalRecordSchema,
  receipt: optReceipt,
  short_pith_number: optString,
  aliases: z.array(AliasSchema).optional(),
  source: SourceSchema.optional(),
});

export type Receipt = z.infer<typeof ReceiptSchema>;
export type Alias = z.infer<typeof AliasSchema>;
export type MinimalInput = z.infer<typeof MinimalInputSchema>;

/** zod issues as one readable sentence: `canonical_record.metadata.submitted_at: expected string`. */
export function describeIssues(error: z.ZodError, max = 5): string {
  const parts = error.issues.slice(0, max).map((i) => {
    const path = i.path.length ? i.path.map(String).join('.') : '(top level)';
    return `${path}: ${i.message}`;
  });
  if (error.issues.length > max) parts.push(`and ${error.issues.length - max} more`);
  return parts.join('; ');
}
