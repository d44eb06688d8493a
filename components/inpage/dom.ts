/**
 * Tiny DOM helpers for the in-page UI: plain DOM (no framework) keeps the
 * content script small and every string goes in through textContent or a
 * fixed attribute, never through HTML parsing.
 */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs?: Record<string, string>, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (attrs) for (const name in attrs) e.setAttribute(name, attrs[name] as string);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Show `text` in `e`, or hide `e` when there is none. */
export function setText(e: HTMLElement, text: string | undefined): void {
  if (text === undefined || text === '') {
    e.hidden = true;
    e.textContent = '';
  } else {
    e.hidden = false;
    if (e.textContent !== text) e.textContent = text;
  }
}

// Captured when the content script starts. Content scripts run in an isolated
// world with their own DOM wrappers and prototypes, so a page that replaces
// `Element.prototype.attachShadow` changes its own copy, not this one; holding
// the reference also keeps it safe from any later change in our own world.
const attachShadow = Element.prototype.attachShadow;

let sheet: CSSStyleSheet | null | undefined;

/** A closed shadow root on `host` holding our styles (a constructed sheet shared by all badges, or a <style>). */
export function closedShadow(host: HTMLElement, css: string): ShadowRoot {
  const root = attachShadow.call(host, { mode: 'closed', delegatesFocus: false });
  if (sheet === undefined) {
    try {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      sheet = s;
    } catch {
      sheet = null;
    }
  }
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return root;
    } catch {
      // Firefox content scripts: constructed sheets may not cross into the page's compartment.
      sheet = null;
    }
  }
  const style = host.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
  return root;
}
