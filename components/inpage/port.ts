import type { PageMessage, PaperResult, WantMessage } from '../../lib/messages';
import { parseResultMessage } from '../../lib/inpage/results';

export interface PagePort {
  /** Send a page message (the latest one is sent again after a reconnect). */
  page(message: PageMessage): void;
  /** The rows to check now (listings; the latest wish is sent again after a reconnect). */
  want(keys: string[]): void;
  close(): void;
}

/**
 * One port to the background, opened early (it wakes the service worker
 * while the page parses); answers as they come. If the port drops before
 * every paper asked for has a final answer (the service worker was stopped),
 * connect once more and send the page message and the wish again.
 */
export function openPort(onResults: (r: PaperResult[]) => void, finished: () => boolean): PagePort {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let page: PageMessage | undefined;
  let want: WantMessage | undefined;
  let reopens = 2;
  const post = (m: PageMessage | WantMessage | undefined) => {
    if (!port || !m) return;
    try {
      port.postMessage(m);
    } catch {
      /* disconnected already: onDisconnect retries */
    }
  };
  const open = () => {
    try {
      port = browser.runtime.connect({ name: 'page' });
    } catch {
      port = undefined; // the extension was reloaded or removed: this script is orphaned
      return;
    }
    port.onMessage.addListener((raw: unknown) => {
      const results = parseResultMessage(raw);
      if (results) onResults(results);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      // (Not called for our own disconnect(): that side gets no onDisconnect.)
      if (!page || hidden || finished() || reopens-- <= 0) return;
      open();
      post(page);
      post(want);
    });
  };
  open();
  // The back/forward cache closes our port when the page is put away (the
  // background then drops the tab's state, as for any page that left); when
  // the page is shown again, it tells the background about itself once more.
  let hidden = false;
  addEventListener('pagehide', (e) => {
    if (e.persisted) hidden = true;
  });
  addEventListener('pageshow', (e) => {
    if (!e.persisted) return;
    hidden = false;
    port?.disconnect();
    port = undefined;
    if (!page) return;
    open();
    post(page);
    post(want);
  });
  return {
    page(m) {
      page = m;
      post(m);
    },
    want(keys) {
      want = { type: 'want', keys };
      // A listing talks for as long as the reader scrolls: a port the stopped worker dropped is opened again.
      if (!port && page) {
        open();
        post(page);
      }
      post(want);
    },
    close: () => port?.disconnect(),
  };
}
