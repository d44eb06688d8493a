import type { Check } from '../report';
import type { Alias, MinimalInput } from '../schemas';
import { check } from './check';

/**
 * The `aliases` check: the unsigned aliases and top-level source the resolver
 * serves must not contradict the canonical record or the Pith Number. (They
 * never bind a record to an id: see binding.ts.)
 */
function sameVersion(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint') && String(a) === String(b);
}

export function checkAliases(
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
    if (source.id !== undefined && source.id !== cs.id)
      problems.push(`the record’s source id ${JSON.stringify(source.id.slice(0, 40))} is not the canonical ${cs.id}`);
    if (source.kind !== undefined && source.kind !== cs.kind)
      problems.push(`the record’s source kind ${JSON.stringify(source.kind.slice(0, 40))} is not the canonical ${cs.kind}`);
    if (source.version !== undefined && !sameVersion(source.version, cs.version)) {
      problems.push(`the record’s source version ${String(source.version)} is not the canonical ${String(cs.version)}`);
    }
  }
  if (problems.length) return check('aliases', 'fail', `Unsigned aliases contradict the canonical record: ${problems.join('; ')}.`);
  if (!checked.length) return check('aliases', 'skip', 'No aliases to check.');
  return check('aliases', 'pass', `The aliases (${[...new Set(checked)].join(', ')}) agree with the canonical record and Pith Number.`);
}
