/**
 * The paper identifier type and its key, without zod: the arXiv content
 * script imports these, and its gzip budget (bench/budgets.json) has no room
 * for a schema library. lib/ids/types.ts holds the zod schema and checks it matches.
 */
export type PaperId = { kind: 'arxiv'; id: string; version?: number | undefined } | { kind: 'doi'; id: string } | { kind: 'pith'; id: string };

/** A stable string key for an id (version ignored: one record per paper). */
export function idKey(id: PaperId): string {
  return `${id.kind}:${id.id}`;
}
