/**
 * Who sent a runtime message, and what they may ask for.
 *
 * `sender.id` alone does not tell: content scripts share the extension's id,
 * and a content script runs in a page's renderer, which a hostile page may
 * have compromised. The browser sets `sender.url` (not the sender), so a
 * message whose URL is one of the extension's own pages comes from the
 * popup, the options page or a report tab; anything else with our id is a
 * content script and may send only what a page needs.
 */

export type SenderKind = 'extension-page' | 'content-script' | 'foreign';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number } | undefined;
}

/** `extensionOrigin`: `runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
export function senderKind(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'foreign';
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return 'extension-page';
  return 'content-script';
}

/**
 * The asks (lib/messages/asks.ts) a content script may send: opening the full
 * report of a paper of its own tab. Reading tab states, lookups, detection in
 * other tabs, clearing the cache and testing connections are for extension
 * pages only.
 */
const CONTENT_SCRIPT_ASKS: ReadonlySet<string> = new Set(['open-report']);

export function askAllowed(kind: SenderKind, type: string): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script') return CONTENT_SCRIPT_ASKS.has(type);
  return false;
}

/** A content script's page port: from a tab's top frame, never from an extension page. */
export function pagePortAllowed(kind: SenderKind, frameId: number | undefined, tabId: number | undefined): boolean {
  return kind === 'content-script' && tabId !== undefined && (frameId === undefined || frameId === 0);
}

/** A URL without its fragment: `#section` moves within one document. */
export function documentUrl(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}
