/**
 * Messages between content scripts, popup, options and the background, each
 * validated with zod on receipt: a page or a stale extension page can send
 * anything, and the background trusts nothing it did not parse.
 *
 * - results.ts: what the background finds out about a paper (PaperResult,
 *   LookupResult) and keeps per tab (TabState);
 * - page.ts: a page's port (`page` and `want` in, `results` out);
 * - asks.ts: what extension pages ask the background (Ask), the reply to each
 *   and the client that parses it (`ask`).
 *
 * zod/mini: these schemas are built when the popup loads and parse its first
 * answer; mini's schemas are cheaper to build and to run (no per-instance
 * methods, no eval probe, which an extension page's CSP refuses anyway).
 */
export * from './results';
export * from './page';
export * from './asks';
