import type { Check, CheckName, CheckOutcome } from '../report';

/** One row of a verification report. */
export function check(name: CheckName, outcome: CheckOutcome, detail: string, expected?: string, computed?: string): Check {
  const c: Check = { name, outcome, detail };
  if (expected !== undefined) c.expected = expected;
  if (computed !== undefined) c.computed = computed;
  return c;
}

/** An error in words, from anything thrown (even a value whose toString throws). */
export function errorMessage(e: unknown): string {
  try {
    return e instanceof Error ? e.message : String(e);
  } catch {
    return 'unknown error';
  }
}
