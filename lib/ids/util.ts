import { idKey, type PaperId } from './key';

/** Remove repeated ids (same kind and id), keeping the first; a later versioned copy fills in a missing version. */
export function dedupeIds(ids: PaperId[]): PaperId[] {
  const seen = new Map<string, number>();
  const out: PaperId[] = [];
  for (const id of ids) {
    const k = idKey(id);
    const at = seen.get(k);
    if (at === undefined) {
      seen.set(k, out.length);
      out.push(id);
    } else {
      const prev = out[at];
      if (prev && prev.kind === 'arxiv' && id.kind === 'arxiv' && prev.version === undefined && id.version !== undefined) {
        out[at] = id;
      }
    }
  }
  return out;
}

/** A short human form of an id for messages: `arXiv:2404.14294v3`, `doi:10.1145/…`, `pith:7YXM6JRY`. */
export function describeId(id: PaperId): string {
  switch (id.kind) {
    case 'arxiv':
      return `arXiv:${id.id}${id.version !== undefined ? `v${id.version}` : ''}`;
    case 'doi':
      return `doi:${id.id}`;
    case 'pith':
      return `pith:${id.id}`;
  }
}

/** Each match of the global `pattern` in free text that `read` accepts, in order of appearance, with where it starts. */
export function matchesInText<T>(text: string, pattern: RegExp, read: (match: RegExpExecArray) => T | null): { id: T; index: number }[] {
  const out: { id: T; index: number }[] = [];
  if (typeof text !== 'string') return out;
  const re = new RegExp(pattern.source, pattern.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const id = read(m);
    if (id) out.push({ id, index: m.index });
  }
  return out;
}

/** Collapse runs of whitespace to one space and trim. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
