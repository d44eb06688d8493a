/** The Pith Number block of the popup: full and short forms, link, LaTeX. */
import type { LookupResult } from '../messages';
import { at } from './read';

export const PITH_SITE = 'https://pith.science';
const FULL_NUMBER = /^pith:(\d{4}):([A-Z2-7]{26})$/;

export interface PithNumberView {
  full: string;
  short: string;
  suffix: string;
  latex: string;
  url: string;
}

/** Parses a full Pith Number; undefined for anything else (never build a URL from junk). */
export function parsePithNumber(s: unknown): { year: string; suffix: string } | undefined {
  if (typeof s !== 'string') return undefined;
  const m = FULL_NUMBER.exec(s.trim());
  return m ? { year: m[1] as string, suffix: m[2] as string } : undefined;
}

export function pithUrl(suffix: string): string {
  return `${PITH_SITE}/pith/${encodeURIComponent(suffix)}`;
}

export function latexFor(suffix: string): string {
  return `\\pithnumber{${suffix}}`;
}

/**
 * The Pith Number as the record publishes it (falling back to the re-derived
 * one). The verification panel shows both when they differ.
 */
export function pithNumberView(result: Pick<LookupResult, 'record' | 'report' | 'pithNumber'>): PithNumberView | undefined {
  const candidates = [at(result.record, 'pith_number'), result.report?.pithNumber, result.pithNumber];
  for (const c of candidates) {
    const p = parsePithNumber(c);
    if (!p) continue;
    const full = `pith:${p.year}:${p.suffix}`;
    const short = `pith:${p.suffix.slice(0, 8)}`;
    return { full, short, suffix: p.suffix, latex: latexFor(p.suffix), url: pithUrl(p.suffix) };
  }
  return undefined;
}
