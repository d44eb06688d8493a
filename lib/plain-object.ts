/** A JSON object (not null, not an array): the one guard for reading parsed, untrusted JSON. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` as a JSON object, or undefined. */
export function asPlainObject(v: unknown): Record<string, unknown> | undefined {
  return isPlainObject(v) ? v : undefined;
}
