import type { PaperId } from '../ids/key';
import { suffixOfPithNumber } from '../ids/pith-number';
import { CHECK_NAMES, type Check, type VerifyReport } from './report';
import { asPlainObject } from '../plain-object';
import { titleCanonSha256 } from './hash';

/**
 * The page binding, applied to a page-independent report.
 *
 * The cache keeps one report per record, computed once without a page
 * (hash, number, key, signature: the expensive part). Each page then re-binds
 * it here, which costs a string compare and at most one SHA-256 of a title.
 */

export interface BindableAlias {
  alias_kind?: unknown;
  alias_value?: unknown;
}

export interface PageBinding {
  title?: string;
  id?: PaperId;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Strip `arXiv:` and a trailing version from an arXiv id; lower-case the archive part. */
function bareArxiv(id: string): { id: string; version?: number } {
  const s = id.trim().replace(/^arxiv:/i, '');
  const m = /^(.*?)v(\d+)$/i.exec(s);
  if (m && m[1] && /\d$/.test(m[1])) return { id: m[1], version: Number(m[2]) };
  return { id: s };
}

/** The checks whose failure makes a record invalid (the served-title check is display only). */
const INTEGRITY: ReadonlySet<string> = new Set(['schema', 'canonical-hash', 'pith-number', 'aliases', 'key', 'signature']);

/** The page-independent state under the binding: verified/unsigned/invalid. */
function baseState(report: VerifyReport): VerifyReport['state'] {
  if (report.state === 'invalid') return 'invalid';
  if (report.checks.some((c) => INTEGRITY.has(c.name) && c.outcome === 'fail')) return 'invalid';
  if (report.state === 'verified' || report.state === 'unsigned') return report.state;
  // A report that was bound before (mismatch, unconfirmed): recover the state under it.
  const sig = report.checks.find((c) => c.name === 'signature');
  return sig?.outcome === 'pass' && report.keyPinned === true ? 'verified' : 'unsigned';
}

interface Outcome {
  fails: string[];
  passes: string[];
  /** Links only the resolver vouches for: nothing signed confirms or contradicts them. */
  unconfirmed: string[];
  expected: string[];
  computed: string[];
  versionNote?: string;
}

const ARXIV_DOI_PREFIX = '10.48550/arxiv.';

function bindId(id: PaperId, canon: Record<string, unknown> | undefined, aliases: readonly BindableAlias[], report: VerifyReport, o: Outcome): void {
  const source = asPlainObject(canon?.source);
  const srcId = str(source?.id);
  const srcKind = str(source?.kind);
  const srcVersion = typeof source?.version === 'number' ? source.version : typeof source?.version === 'bigint' ? Number(source.version) : undefined;
  if (id.kind === 'arxiv') {
    const asked = bareArxiv(id.id);
    const version = id.version ?? asked.version;
    o.expected.push(`arXiv ${asked.id}`);
    o.computed.push(srcId !== undefined ? `arXiv ${srcId}` : 'no source id');
    if (srcKind !== undefined && srcKind !== 'arxiv') {
      o.fails.push(`the record is for a ${srcKind} source, not arXiv ${asked.id}`);
    } else if (srcId === undefined || srcId.toLowerCase() !== asked.id.toLowerCase()) {
      o.fails.push(`the record is for ${srcId !== undefined ? `arXiv ${srcId}` : 'no arXiv id'}, the page shows arXiv ${asked.id}`);
    } else {
      o.passes.push(`arXiv id ${asked.id} matches the record`);
      if (version !== undefined && srcVersion !== undefined && version !== srcVersion) {
        o.versionNote = `record is for v${srcVersion}`;
      }
    }
    return;
  }
  if (id.kind === 'doi') {
    bindDoi(id.id.trim().toLowerCase(), srcId, srcKind, aliases, o);
    return;
  }
  const suffix = suffixOfPithNumber(report.pithNumber);
  o.expected.push(`Pith ${id.id}`);
  o.computed.push(suffix ?? 'no Pith Number');
  if (!suffix) o.fails.push('the record has no readable Pith Number to compare');
  else if (suffix.startsWith(id.id.toUpperCase())) o.passes.push(`Pith Number starts with ${id.id}`);
  else o.fails.push(`Pith Number ${suffix} does not start with ${id.id}`);
}

/**
 * A DOI is bound only by what the signature covers: the record's own DOI
 * source, or arXiv's DOI (10.48550/arXiv.<id>) derived from its arXiv source.
 * The resolver's `aliases` sit beside the signed record, so a DOI found only
 * there is the resolver's word: `unconfirmed`, never a pass.
 */
function bindDoi(asked: string, srcId: string | undefined, srcKind: string | undefined, aliases: readonly BindableAlias[], o: Outcome): void {
  const signed =
    srcId === undefined
      ? undefined
      : srcKind === 'doi'
        ? srcId.toLowerCase()
        : srcKind === undefined || srcKind === 'arxiv'
          ? ARXIV_DOI_PREFIX + srcId.toLowerCase()
          : undefined;
  o.expected.push(`DOI ${asked}`);
  o.computed.push(signed ? `signed DOI ${signed}` : 'no signed DOI');
  if (signed === asked) {
    o.passes.push(`DOI ${asked} follows from the signed source`);
    return;
  }
  // The signed record names another DOI, or another arXiv paper than the arXiv DOI asked for.
  if ((srcKind === 'doi' && signed) || (asked.startsWith(ARXIV_DOI_PREFIX) && signed?.startsWith(ARXIV_DOI_PREFIX))) {
    o.fails.push(`the signed record is for ${signed}, not DOI ${asked}`);
    return;
  }
  const listed = aliases.some((a) => str(a.alias_kind) === 'doi' && str(a.alias_value)?.trim().toLowerCase() === asked);
  o.unconfirmed.push(
    `nothing signed ties DOI ${asked} to this record${signed ? ` (its signed source is ${signed})` : ''}; ${listed ? 'only the resolver’s unsigned alias list names it' : 'the resolver answered for it'}`,
  );
}

/**
 * Bind a page-independent report to a page: replaces the `binding` check and,
 * when a valid (verified/unsigned) record is not the page's paper, turns the
 * state into `mismatch`. An `invalid` report stays invalid. Another arXiv
 * version is a note (`record is for v3`), never a mismatch.
 */
export function bindReport(report: VerifyReport, canonicalRecord: unknown, aliases: readonly BindableAlias[] | unknown, page: PageBinding): VerifyReport {
  const canon = asPlainObject(canonicalRecord);
  const aliasList: BindableAlias[] = Array.isArray(aliases) ? (aliases.filter((a) => asPlainObject(a)) as BindableAlias[]) : [];
  const o: Outcome = { fails: [], passes: [], unconfirmed: [], expected: [], computed: [] };

  if (page.id) bindId(page.id, canon, aliasList, report, o);

  if (page.title !== undefined && page.title.trim() !== '') {
    const meta = asPlainObject(canon?.metadata);
    const want = str(meta?.title_canon_sha256)?.toLowerCase();
    if (want) {
      const got = titleCanonSha256(page.title);
      o.expected.push(`title hash ${want}`);
      o.computed.push(`title hash ${got}`);
      if (got === want) o.passes.push('the page title hashes to the record’s title_canon_sha256');
      else o.fails.push('the page title does not hash to the record’s title_canon_sha256');
    }
  }

  let check: Check;
  let state: VerifyReport['state'];
  const base = baseState(report);
  if (o.fails.length) {
    check = {
      name: 'binding',
      outcome: 'fail',
      detail: `Not this page’s paper: ${o.fails.join('; ')}.`,
      expected: o.expected.join('; '),
      computed: o.computed.join('; '),
    };
    state = 'mismatch';
  } else if (o.passes.length) {
    // A signed link (the arXiv id, the derived DOI or Pith Number, the title hash) binds on its own.
    check = {
      name: 'binding',
      outcome: 'pass',
      detail: `Bound to this page: ${o.passes.join('; ')}.`,
      expected: o.expected.join('; '),
      computed: o.computed.join('; '),
    };
    state = base;
  } else if (o.unconfirmed.length) {
    check = {
      name: 'binding',
      outcome: 'skip',
      detail: `Not confirmed: ${o.unconfirmed.join('; ')}.`,
      expected: o.expected.join('; '),
      computed: o.computed.join('; '),
    };
    state = base === 'verified' ? 'unconfirmed' : base;
  } else {
    check = { name: 'binding', outcome: 'skip', detail: 'No page id or title to bind the record to.' };
    state = base;
  }
  if (base === 'invalid') state = 'invalid';

  const checks = report.checks.filter((c) => c.name !== 'binding');
  checks.splice(bindingIndex(checks), 0, check);
  const out: VerifyReport = { ...report, state, checks };
  delete out.versionNote;
  if (o.versionNote) out.versionNote = o.versionNote;
  return out;
}

/** The binding check keeps its place in CHECK_NAMES' order (before the served-title check). */
function bindingIndex(checks: readonly Check[]): number {
  const i = checks.findIndex((c) => CHECK_NAMES.indexOf(c.name) > CHECK_NAMES.indexOf('binding'));
  return i === -1 ? checks.length : i;
}
