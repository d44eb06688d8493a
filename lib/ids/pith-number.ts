import type { PaperId } from './key';
import { matchesInText } from './util';

export type PithPaperId = Extract<PaperId, { kind: 'pith' }>;

/** Suffix lengths Pith uses: short 8, aliases 12 and 16, full 26. */
const PITH_SUFFIX_LENGTHS: readonly number[] = [8, 12, 16, 26];

export type PithParseResult = { ok: true; id: PithPaperId; year?: number } | { ok: false; error: string };

const BASE32 = /^[A-Z2-7]+$/;
const FULL = /^pith\s*:\s*(\d{4})\s*:\s*(\S+)$/i;
const SHORT = /^pith\s*:\s*(\S+)$/i;

function checkSuffix(raw: string, needFull: boolean): PithParseResult {
  const suffix = raw.toUpperCase();
  if (suffix.length > 64) return { ok: false, error: 'too long to be a Pith Number' };
  const bad = [...suffix].find((c) => !/[A-Z2-7]/.test(c));
  if (bad !== undefined) {
    return { ok: false, error: `'${bad}' is not in the Pith base32 alphabet (A–Z, 2–7)` };
  }
  if (needFull && suffix.length !== 26) {
    return { ok: false, error: `a Pith Number with a year has a 26-character suffix, not ${suffix.length}` };
  }
  if (!PITH_SUFFIX_LENGTHS.includes(suffix.length)) {
    return {
      ok: false,
      error: `a Pith Number suffix has 8, 12, 16 or 26 characters, not ${suffix.length}`,
    };
  }
  if (!BASE32.test(suffix)) return { ok: false, error: 'not base32' };
  return { ok: true, id: { kind: 'pith', id: suffix } };
}

/**
 * Parse a Pith Number: `pith:YYYY:SUFFIX26`, `pith:SUFFIX` (8/12/16/26 chars),
 * or a bare suffix of 8/12/16/26 chars; any case. The id is the bare
 * upper-case suffix (the year is dropped, returned separately).
 */
export function parsePithNumber(input: string): PithParseResult {
  if (typeof input !== 'string') return { ok: false, error: 'not text' };
  const s = input.trim();
  if (s.length === 0) return { ok: false, error: 'empty' };
  if (s.length > 80) return { ok: false, error: 'too long to be a Pith Number' };
  const full = FULL.exec(s);
  if (full) {
    const [, yearText, suffix] = full;
    if (yearText === undefined || suffix === undefined) return { ok: false, error: 'malformed' };
    const year = Number(yearText);
    if (year < 1900 || year > 2999) return { ok: false, error: `year ${yearText} is not plausible` };
    const r = checkSuffix(suffix, true);
    return r.ok ? { ...r, year } : r;
  }
  if (/^pith\s*:\s*\d{1,3}\s*:/i.test(s) || /^pith\s*:\s*\d{5,}\s*:/i.test(s)) {
    return { ok: false, error: 'the year of a Pith Number has four digits' };
  }
  const short = SHORT.exec(s);
  if (short && short[1] !== undefined) return checkSuffix(short[1], false);
  if (/^pith\b/i.test(s)) return { ok: false, error: 'expected pith:SUFFIX or pith:YYYY:SUFFIX' };
  return checkSuffix(s, false);
}

/**
 * The full 26-character suffix of a Pith Number string (`pith:YYYY:SUFFIX`,
 * `pith:SUFFIX` or a bare suffix; any case), upper-case; undefined for anything
 * else, a short form included. (Deriving the suffix from a hash is
 * lib/pith/number.ts suffixFromHash.)
 */
export function suffixOfPithNumber(pithNumber: unknown): string | undefined {
  if (typeof pithNumber !== 'string') return undefined;
  const r = parsePithNumber(pithNumber);
  return r.ok && r.id.id.length === 26 ? r.id.id : undefined;
}

/** Normalize to the bare upper-case suffix, or null. Idempotent. */
export function normalizePithNumber(input: string): string | null {
  const r = parsePithNumber(input);
  return r.ok ? r.id.id : null;
}

/** `pith:` Pith Numbers in free text (bare suffixes are not searched for: too ambiguous). */
const PITH_IN_TEXT = /(?<![\w])pith:(?:\d{4}:)?[A-Za-z2-7]{8,26}(?![\w])/gi;

export function findPithNumbersInText(text: string): { id: PithPaperId; index: number }[] {
  return matchesInText(text, PITH_IN_TEXT, (m) => {
    const r = parsePithNumber(m[0]);
    return r.ok ? r.id : null;
  });
}
