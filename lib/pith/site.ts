/**
 * pith.science: where a record's human page lives and the resolver the
 * extension asks by default (the same origin today). Named once here; the
 * settings' default base URL and the links in the card and the popup use it.
 */
export const PITH_ORIGIN = 'https://pith.science';

/** The human page of a record, from its 26-character suffix. */
export function pithPageUrl(suffix: string): string {
  return `${PITH_ORIGIN}/pith/${encodeURIComponent(suffix)}`;
}
