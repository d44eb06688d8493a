import type { PaperId } from './key';
import { matchesInText } from './util';

/** An arXiv id as a PaperId (kind 'arxiv'). */
export type ArxivPaperId = Extract<PaperId, { kind: 'arxiv' }>;

/**
 * Archives that used old-style ids (`archive/YYMMNNN`), 1991 to March 2007.
 * `math.GT/0309136`-style subject classes are accepted and dropped.
 */
export const OLD_STYLE_ARCHIVES: ReadonlySet<string> = new Set([
  'acc-phys',
  'adap-org',
  'alg-geom',
  'ao-sci',
  'astro-ph',
  'atom-ph',
  'bayes-an',
  'chao-dyn',
  'chem-ph',
  'cmp-lg',
  'comp-gas',
  'cond-mat',
  'cs',
  'dg-ga',
  'funct-an',
  'gr-qc',
  'hep-ex',
  'hep-lat',
  'hep-ph',
  'hep-th',
  'math',
  'math-ph',
  'mtrl-th',
  'nlin',
  'nucl-ex',
  'nucl-th',
  'patt-sol',
  'physics',
  'plasm-ph',
  'q-alg',
  'q-bio',
  'quant-ph',
  'solv-int',
  'supr-con',
]);

// Anchored, no nested quantifiers: linear.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v(\d{1,4}))?$/i;
const OLD_STYLE = /^([a-z][a-z-]{1,15})(?:\.[a-z][a-z-]{0,15})?\/(\d{2})(\d{2})(\d{3})(?:v(\d{1,4}))?$/i;
const PREFIX = /^arxiv\s*:\s*/i;

function parseVersion(v: string | undefined): number | undefined | null {
  if (v === undefined) return undefined;
  if (v.startsWith('0')) return null; // v0, v01: not a version arXiv issues
  const n = Number(v);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function validNewStyle(yy: string, mm: string, num: string): boolean {
  const month = Number(mm);
  if (month < 1 || month > 12) return false;
  const yymm = Number(yy) * 100 + month;
  if (yymm < 704) return false; // first new-style id is 0704.0001
  if (num.length === 5 && yymm < 1501) return false; // 5-digit numbers from 1501
  if (num.length === 4 && yymm >= 1501) return false;
  return Number(num) > 0;
}

function validOldStyle(yy: string, mm: string, num: string): boolean {
  const month = Number(mm);
  if (month < 1 || month > 12) return false;
  const year = Number(yy);
  // 1991 .. 2007-03
  if (!(year >= 91 || year <= 7)) return false;
  if (year === 7 && month > 3) return false;
  return Number(num) > 0;
}

/**
 * Parse one arXiv identifier (the whole string, after trimming, optionally
 * prefixed `arXiv:`). Returns null when the string is not a valid id.
 *
 * - new style `YYMM.NNNN` (0704–1412) / `YYMM.NNNNN` (1501 on), months 01–12
 * - old style `archive/YYMMNNN` (also `archive.SC/YYMMNNN` → `archive/YYMMNNN`)
 * - optional `vN` → `version: N`
 */
export function parseArxivId(input: string): ArxivPaperId | null {
  if (typeof input !== 'string' || input.length > 128) return null;
  const s = input.trim().replace(PREFIX, '');
  let m = NEW_STYLE.exec(s);
  if (m) {
    const [, yy, mm, num, v] = m;
    if (yy === undefined || mm === undefined || num === undefined) return null;
    if (!validNewStyle(yy, mm, num)) return null;
    const version = parseVersion(v);
    if (version === null) return null;
    const id = `${yy}${mm}.${num}`;
    return version === undefined ? { kind: 'arxiv', id } : { kind: 'arxiv', id, version };
  }
  m = OLD_STYLE.exec(s);
  if (m) {
    const [, archiveRaw, yy, mm, num, v] = m;
    if (archiveRaw === undefined || yy === undefined || mm === undefined || num === undefined) return null;
    const archive = archiveRaw.toLowerCase();
    if (!OLD_STYLE_ARCHIVES.has(archive)) return null;
    if (!validOldStyle(yy, mm, num)) return null;
    const version = parseVersion(v);
    if (version === null) return null;
    const id = `${archive}/${yy}${mm}${num}`;
    return version === undefined ? { kind: 'arxiv', id } : { kind: 'arxiv', id, version };
  }
  return null;
}

/** `2404.14294` or `2404.14294v3`. */
function formatArxivId(id: ArxivPaperId | { id: string; version?: number | undefined }): string {
  return id.version === undefined ? id.id : `${id.id}v${id.version}`;
}

/**
 * Normalize an arXiv id string to its canonical text form (`2404.14294v3`,
 * `math/0309136`); null when invalid. Idempotent.
 */
export function normalizeArxivId(input: string): string | null {
  const p = parseArxivId(input);
  return p ? formatArxivId(p) : null;
}

// For free text: candidates are found with simple bounded patterns, then validated.
const NEW_IN_TEXT = /(?<![\w./-])(\d{4}\.\d{4,5}(?:v\d{1,4})?)(?![\w/-]|\.\d)/g;
const OLD_IN_TEXT = /(?<![\w./-])([a-z][a-z-]{1,15}(?:\.[a-z][a-z-]{0,15})?\/\d{7}(?:v\d{1,4})?)(?![\w/-]|\.\d)/gi;

/** All arXiv ids appearing in free text, in order of appearance (not deduplicated). */
export function findArxivIdsInText(text: string): { id: ArxivPaperId; index: number }[] {
  const read = (m: RegExpExecArray) => (m[1] === undefined ? null : parseArxivId(m[1]));
  return [...matchesInText(text, NEW_IN_TEXT, read), ...matchesInText(text, OLD_IN_TEXT, read)].sort((a, b) => a.index - b.index);
}
