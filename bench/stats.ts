/** A figure over N runs: median with min and max (and the raw samples). */
export interface Figure {
  median: number;
  min: number;
  max: number;
  n: number;
  samples: number[];
}

export function figure(samples: readonly number[]): Figure {
  const s = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0, samples: [] };
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median: round(median), min: round(s[0]!), max: round(s[s.length - 1]!), n: s.length, samples: samples.map(round) };
}

export function round(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function fmt(f: Figure | undefined, unit = ''): string {
  if (!f || f.n === 0) return 'n/a';
  const v = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
  return f.n === 1 ? `${v(f.median)}${unit}` : `${v(f.median)}${unit} (${v(f.min)}–${v(f.max)})`;
}
