// zod/mini: the popup imports this schema (through messages and recent lookups) and carries only the mini build.
import * as z from 'zod/mini';
import type { PaperId } from './key';

/**
 * A normalized paper identifier. arXiv ids carry no version in `id`
 * (`2404.14294`, `hep-th/9901001`); DOIs are lower-cased; Pith Numbers are the
 * bare upper-case base32 suffix (8 to 26 chars), year dropped.
 */
// zod/mini (as lib/messages/): the popup's first chunk then carries no classic zod.
export const PaperIdSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('arxiv'), id: z.string().check(z.minLength(1), z.maxLength(64)), version: z.optional(z.int().check(z.positive())) }),
  z.object({ kind: z.literal('doi'), id: z.string().check(z.minLength(4), z.maxLength(512)) }),
  z.object({ kind: z.literal('pith'), id: z.string().check(z.regex(/^[A-Z2-7]{8,26}$/)) }),
]);

// The hand-written type and the schema must describe the same values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.infer<typeof PaperIdSchema>, PaperId> = true;
void schemaMatchesType;
