/** The Pith Number block of the popup: full and short forms, link, LaTeX. */
import { parsePithNumber } from '../ids/pith-number';
import type { LookupResult } from '../messages';
import { pithPageUrl } from '../pith/site';
import { at } from '../pith/record-fields';

export interface PithNumberView {
  full: string;
  short: string;
  suffix: string;
  latex: string;
  url: string;
}

/**
 * A Pith Number as published, `pith:YYYY:SUFFIX` exactly (upper-case, no
 * spaces), split into year and suffix; undefined for anything else, so no URL
 * is ever built from junk. The parsing is lib/ids' parsePithNumber.
 */
export function fullPithNumber(s: unknown): { year: string; suffix: string } | undefined {
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  const r = parsePithNumber(t);
  if (!r.ok || r.year === undefined) return undefined;
  const year = String(r.year);
  return t === `pith:${year}:${r.id.id}` ? { year, suffix: r.id.id } : undefined;
}

function latexFor(suffix: string): string {
  return `\\pithnumber{${suffix}}`;
}

/**
 * The Pith Number as the record publishes it (falling back to the re-derived
 * one). The verification panel shows both when they differ.
 */
export function pithNumberView(result: Pick<LookupResult, 'record' | 'report' | 'pithNumber'>): PithNumberView | undefined {
  const candidates = [at(result.record, 'pith_number'), result.report?.pithNumber, result.pithNumber];
  for (const c of candidates) {
    const p = fullPithNumber(c);
    if (!p) continue;
    const full = `pith:${p.year}:${p.suffix}`;
    const short = `pith:${p.suffix.slice(0, 8)}`;
    return { full, short, suffix: p.suffix, latex: latexFor(p.suffix), url: pithPageUrl(p.suffix) };
  }
  return undefined;
}
