/**
 * Reading Pith Lens's in-page badges from a test. The badges live in CLOSED
 * shadow roots, which no page script (and no Playwright locator) can enter;
 * the DevTools protocol can: DOM.getDocument with `pierce` lists closed shadow
 * roots, and DOM.resolveNode gives a handle to any node in them.
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

export interface BadgeInfo {
  host: number;
  root: number;
  button: number;
  shadowRootType: string;
  /** The three spans of the button: "Pith", the symbol, the label. */
  prefix: string;
  symbol: string;
  label: string;
  ariaLabel: string;
  /** The badge's state, kept on the button inside the closed shadow root (not on the host: the page must not read it). */
  state: string;
  /** The text of the element just before the host (the title a badge follows). */
  after: string;
  /** The element the host sits in, and the arXiv id of the `a[title=Abstract]` right before it (listings). */
  parentTag: string;
  absId?: string;
}

const attrs = (n: DomNode): Record<string, string> => {
  const o: Record<string, string> = {};
  const a = n.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) o[a[i]!] = a[i + 1]!;
  return o;
};

const textOf = (n: DomNode | undefined): string => (!n ? '' : n.nodeType === 3 ? n.nodeValue : (n.children ?? []).map(textOf).join(''));

export async function cdpFor(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

/** Every Pith Lens badge host in the page (an element with our closed shadow root holding `button.b`), in document order. */
export async function readBadges(cdp: CDPSession): Promise<BadgeInfo[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const out: BadgeInfo[] = [];
  const visit = (n: DomNode) => {
    let prev: DomNode | undefined;
    for (const c of n.children ?? []) {
      if (c.nodeType !== 1) continue;
      const a = attrs(c);
      const sr = c.shadowRoots?.[0];
      const button = sr?.children?.find((x) => x.localName === 'button');
      if (sr && button && a['data-pith-lens'] === 'badge') {
        const spans = (button.children ?? []).filter((x) => x.localName === 'span');
        const pa = prev ? attrs(prev) : {};
        out.push({
          host: c.backendNodeId,
          root: sr.backendNodeId,
          button: button.backendNodeId,
          shadowRootType: sr.shadowRootType ?? '',
          prefix: textOf(spans[0]),
          symbol: textOf(spans[1]),
          label: textOf(spans[2]),
          ariaLabel: attrs(button)['aria-label'] ?? '',
          state: attrs(button)['data-state'] ?? '',
          after: (prev ? textOf(prev) : textOf(n)).trim().slice(0, 60),
          parentTag: n.localName,
          ...(prev?.localName === 'a' && pa.title === 'Abstract' ? { absId: pa.id } : {}),
        });
      }
      visit(c);
      if (c.contentDocument) visit(c.contentDocument);
      prev = c;
    }
  };
  visit(root);
  return out;
}

/** Call `fn` with `this` bound to the node (in the page's main world); returns its JSON result. */
async function callOn<T>(cdp: CDPSession, backendNodeId: number, fn: string, args: unknown[] = []): Promise<T> {
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId })) as { object: { objectId: string } };
  const r = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: fn,
    arguments: args.map((value) => ({ value })),
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value: T }; exceptionDetails?: unknown };
  if (r.exceptionDetails) throw new Error(`callOn failed: ${JSON.stringify(r.exceptionDetails)}`);
  return r.result.value;
}

export interface CardState {
  open: boolean;
  text: string | null;
  imgs: number;
  scripts: number;
  active: string | null;
  expanded: string | null;
  controls: string | null;
  role: string | null;
  labelledBy: string | null;
  labelText: string | null;
  links: { text: string; href: string; hidden: boolean }[];
  copyText: string | null;
  rect: { x: number; y: number; width: number; height: number } | null;
  anchor: { x: number; y: number; width: number; height: number };
}

/** The card (if open) in a badge's shadow root, and where focus is inside that root. */
export function cardState(cdp: CDPSession, b: BadgeInfo): Promise<CardState> {
  return callOn<CardState>(
    cdp,
    b.root,
    `function () {
      const card = this.querySelector('[role=dialog]');
      const btn = this.querySelector('button.b');
      const a = this.activeElement;
      const r = (e) => { const x = e.getBoundingClientRect(); return { x: x.x, y: x.y, width: x.width, height: x.height }; };
      const lb = card ? card.getAttribute('aria-labelledby') : null;
      let open = false;
      try { open = !!card && card.matches(':popover-open'); } catch { open = !!card; }
      return {
        open,
        text: card ? card.textContent : null,
        imgs: this.querySelectorAll('img').length,
        scripts: this.querySelectorAll('script, iframe, object, embed').length,
        active: a ? (a.getAttribute('class') || a.tagName.toLowerCase()) : null,
        expanded: btn.getAttribute('aria-expanded'),
        controls: btn.getAttribute('aria-controls'),
        role: card ? card.getAttribute('role') : null,
        labelledBy: lb,
        labelText: lb ? (this.getElementById(lb) || {}).textContent || null : null,
        links: card ? [...card.querySelectorAll('a')].map((l) => ({ text: l.textContent, href: l.href, hidden: l.hidden })) : [],
        copyText: card && card.querySelector('button.copy') ? card.querySelector('button.copy').textContent : null,
        rect: card ? r(card) : null,
        anchor: r(btn),
      };
    }`,
  );
}

export interface BadgeLook {
  host: Record<string, string | number>;
  button: Record<string, string | number>;
}

const HOST_PROPS = [
  'display',
  'contain',
  'content-visibility',
  'position',
  'width',
  'height',
  'margin-left',
  'margin-top',
  'padding-left',
  'vertical-align',
  'visibility',
  'opacity',
  'transform',
  'float',
  'z-index',
  'box-shadow',
  'border-top-width',
  'background-color',
  'filter',
];
const BUTTON_PROPS = [
  'display',
  'width',
  'height',
  'background-color',
  'color',
  'font-size',
  'font-weight',
  'font-style',
  'font-family',
  'line-height',
  'letter-spacing',
  'text-transform',
  'text-decoration-line',
  'padding-left',
  'padding-right',
  'border-top-left-radius',
  'border-top-width',
  'box-shadow',
  'visibility',
  'opacity',
  'cursor',
  'filter',
];

/** Computed style of a badge host and its button, plus their box sizes. */
export async function badgeLook(cdp: CDPSession, b: BadgeInfo): Promise<BadgeLook> {
  const fn = `function (props) {
    const cs = getComputedStyle(this);
    const o = {};
    for (const p of props) o[p] = cs.getPropertyValue(p);
    const r = this.getBoundingClientRect();
    o.boxWidth = Math.round(r.width * 100) / 100;
    o.boxHeight = Math.round(r.height * 100) / 100;
    o.clipped = this.scrollWidth > this.clientWidth;
    return o;
  }`;
  return {
    host: await callOn(cdp, b.host, fn, [HOST_PROPS]),
    button: await callOn(cdp, b.button, fn, [BUTTON_PROPS]),
  };
}

/** A trusted mouse click in the middle of a badge's button. */
export async function clickBadge(page: Page, cdp: CDPSession, b: BadgeInfo): Promise<void> {
  await callOn(cdp, b.button, 'function () { this.scrollIntoView({ block: "center" }); }');
  const r = await callOn<{ x: number; y: number; width: number; height: number }>(
    cdp,
    b.button,
    'function () { const r = this.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }',
  );
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
}

/** Hex `#1a7f37` → `rgb(26, 127, 55)`, as computed styles give colours. */
export function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** Polls `get` until `ok` holds; the one wait of the Chromium and Firefox end-to-end tests. */
export async function waitFor<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await get();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await get();
  }
  return last;
}

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; functionName?: string } };
}

export interface Task {
  wall: number;
  cpu: number;
  kinds: Set<'js' | 'render' | 'parse'>;
  ours: boolean;
  label: string;
}

/** Top-level tasks of the renderer's main thread, from our script's first evaluation on, with what ran in them. */
export function mainThreadTasks(events: TraceEvent[]): Task[] {
  const isOurs = (e: TraceEvent) => /\/content-scripts\/arxiv(-listing)?\.js$/.test(e.args?.data?.url ?? '');
  const start = events.find((e) => e.name === 'EvaluateScript' && isOurs(e));
  if (!start) throw new Error('our content script never ran');
  const tid = start.tid;
  const complete = events.filter((e) => e.tid === tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  const tops = complete.filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ts + e.dur! >= start.ts);
  const JS = new Set(['EvaluateScript', 'FunctionCall', 'v8.callFunction', 'RunMicrotasks', 'TimerFire', 'v8.run']);
  const RENDER = new Set(['Paint', 'PrePaint', 'Layerize']);
  const out: Task[] = [];
  let i = 0;
  let lastEnd = -Infinity;
  for (const t of tops) {
    if (t.ts < lastEnd) continue; // a RunTask nested in the one before
    const end = t.ts + t.dur!;
    const kinds = new Set<'js' | 'render' | 'parse'>();
    let ours = false;
    const names: string[] = [];
    while (i < complete.length && complete[i]!.ts < t.ts) i++;
    for (let j = i; j < complete.length && complete[j]!.ts < end; j++) {
      const e = complete[j]!;
      if (JS.has(e.name)) kinds.add('js');
      if (RENDER.has(e.name)) kinds.add('render');
      if (e.name === 'ParseHTML') kinds.add('parse');
      if (isOurs(e)) ours = true;
      if ((e.dur ?? 0) > 2000 && names.length < 4 && e !== t) names.push(e.args?.data?.functionName ? `${e.name}:${e.args.data.functionName}` : e.name);
    }
    lastEnd = end;
    out.push({ wall: t.dur! / 1000, cpu: (t.tdur ?? t.dur!) / 1000, kinds, ours, label: names.join(', ') || t.name });
  }
  return out;
}

/**
 * Runs `expression` in the extension's content-script world of `page` (the
 * isolated world Chromium made for it, named after the extension), found
 * through the DevTools protocol: what the content script itself can see and do.
 */
export async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await cdpFor(page);
  const contexts: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  let isolated: (typeof contexts)[number] | undefined;
  while (!(isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Pith Lens'))) {
    if (Date.now() > deadline) throw new Error(`no content-script world in ${page.url()}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
  const r = await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(`content-script evaluation failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}

/** Every state drawn on a badge so far, with when (components/inpage/badge.ts DRAWN_LOG), read from the content-script world. */
export function drawnLog(page: Page): Promise<{ key: string; state: string; at: number }[]> {
  return inContentScript(page, `globalThis[Symbol.for('pith-lens.drawn')] ?? []`) as Promise<{ key: string; state: string; at: number }[]>;
}
