// @vitest-environment happy-dom
import { beforeAll, describe, expect, test } from 'vitest';
import type { PaperResult } from '../../../../lib/messages';
import { createResultStore } from '../../../../lib/inpage/results';
import { STATE_STYLE } from '../../../../lib/states';

// Closed shadow roots are invisible from outside by design; to look inside in
// this unit test we record the roots as they are made, before our modules
// capture attachShadow.
const roots = new Map<Element, ShadowRoot>();
let createInpage: typeof import('../../../../components/inpage/controller').createInpage;
beforeAll(async () => {
  const orig = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const r = orig.call(this, init);
    roots.set(this, r);
    return r;
  };
  ({ createInpage } = await import('../../../../components/inpage/controller'));
});

function listing(n: number): HTMLAnchorElement[] {
  const rows = Array.from({ length: n }, (_, i) => {
    const id = `2404.${String(10000 + i)}`;
    return `<dt><a href="/abs/${id}" title="Abstract" id="${id}">arXiv:${id}</a> [<a href="/pdf/${id}">pdf</a>]</dt><dd><div class="list-title">Paper ${i}</div></dd>`;
  });
  document.body.innerHTML = `<dl id="articles">${rows.join('')}</dl>`;
  return [...document.querySelectorAll<HTMLAnchorElement>('a[title=Abstract]')];
}

function fakeFrames() {
  let t = 0;
  const q: Array<() => void> = [];
  return {
    nextTask: (cb: () => void) => q.push(cb),
    now: () => (t += 0.01),
    flush() {
      let n = 0;
      while (q.length) {
        q.shift()!();
        n++;
      }
      return n;
    },
  };
}

const env = (f: ReturnType<typeof fakeFrames>) => ({
  doc: document,
  win: window,
  fullViewUrl: () => 'chrome-extension://x/popup.html',
  copy: async () => {},
  openFullView: () => {},
  nextTask: f.nextTask,
  now: f.now,
  budgetMs: 2,
});

function badgeOf(anchor: Element) {
  const host = anchor.nextElementSibling as HTMLElement;
  const root = roots.get(host)!;
  const button = root.querySelector('button')!;
  return { host, root, button, text: button.textContent, bg: button.style.backgroundColor };
}

describe('createInpage', () => {
  test('2,000 rows: nothing synchronous, then every row gets one badge over several frames', () => {
    const anchors = listing(2000);
    const f = fakeFrames();
    const store = createResultStore();
    let placed = false;
    const rows = anchors.map((a) => ({ key: `arxiv:${a.id}`, id: { kind: 'arxiv' as const, id: a.id }, anchor: a }));
    const inpage = createInpage(rows, store, { ...env(f), onAllPlaced: () => (placed = true) });
    expect(inpage.count).toBe(0);
    const frames = f.flush();
    expect(frames).toBeGreaterThan(5);
    expect(inpage.count).toBe(2000);
    expect(placed).toBe(true);
    for (const a of [anchors[0]!, anchors[999]!, anchors[1999]!]) {
      const b = badgeOf(a);
      expect(b.host.tagName).toBe('SPAN');
      expect(b.text).toContain(STATE_STYLE.pending.label);
      expect(b.host.textContent).toBe(''); // nothing in the light DOM
    }
    inpage.destroy();
  });

  test('answers update their own badges; record text is text', () => {
    const anchors = listing(3);
    const f = fakeFrames();
    const store = createResultStore();
    const rows = anchors.map((a) => ({ key: `arxiv:${a.id}`, id: { kind: 'arxiv' as const, id: a.id }, anchor: a }));
    const inpage = createInpage(rows, store, env(f));
    f.flush();
    const results: PaperResult[] = [
      { key: rows[0]!.key, id: rows[0]!.id, state: 'verified', headline: '<img src=x onerror="globalThis.pwned=1">' },
      { key: rows[1]!.key, id: rows[1]!.id, state: 'invalid' },
    ];
    inpage.changed(store.apply(results));
    f.flush();
    expect(badgeOf(anchors[0]!).text).toContain('Verified');
    expect(badgeOf(anchors[1]!).text).toContain('Invalid');
    expect(badgeOf(anchors[2]!).text).toContain('Checking');
    // The state is on the host too, for tools reading the page.
    expect(anchors.map((a) => badgeOf(a).button.getAttribute('data-state'))).toEqual(['verified', 'invalid', 'pending']);
    // The host, which the page can read, carries no state.
    expect(anchors.map((a) => badgeOf(a).host.getAttribute('data-state'))).toEqual([null, null, null]);
    const b0 = badgeOf(anchors[0]!);
    expect(b0.button.getAttribute('aria-label')).toContain('Verified');
    expect(b0.root.querySelector('img')).toBeNull();
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    inpage.destroy();
    expect(document.querySelectorAll('[data-pith-lens]').length).toBe(0);
  });

  test('a listing checked near the viewport: rows are badged only when added, and placeNow draws them in this task, final', () => {
    const anchors = listing(50);
    const f = fakeFrames();
    const store = createResultStore();
    const rows = anchors.map((a) => ({ key: `arxiv:${a.id}`, id: { kind: 'arxiv' as const, id: a.id }, anchor: a }));
    const inpage = createInpage([], store, env(f));
    expect(f.flush()).toBe(0);
    expect(document.querySelectorAll('[data-pith-lens]').length).toBe(0);
    // The first screen came near: its rows are queued for the next frame…
    inpage.add(rows.slice(0, 5));
    expect(inpage.count).toBe(0);
    // …and their answers arrived first: drawn now, in their final state.
    inpage.changed(store.apply(rows.slice(0, 5).map((r) => ({ key: r.key, id: r.id, state: 'verified' as const }))));
    inpage.placeNow(8);
    expect(inpage.count).toBe(5);
    expect(anchors.slice(0, 5).map((a) => badgeOf(a).button.getAttribute('data-state'))).toEqual(Array(5).fill('verified'));
    // A row already badged is not badged twice.
    inpage.add(rows.slice(0, 6));
    f.flush();
    expect(inpage.count).toBe(6);
    expect(document.querySelectorAll('[data-pith-lens]').length).toBe(6);
    inpage.destroy();
  });

  test('an answer that arrives before its badge is drawn is used when it is', () => {
    const anchors = listing(1);
    const f = fakeFrames();
    const store = createResultStore();
    const row = { key: `arxiv:${anchors[0]!.id}`, id: { kind: 'arxiv' as const, id: anchors[0]!.id }, anchor: anchors[0]! };
    const inpage = createInpage([row], store, env(f));
    inpage.changed(store.apply([{ key: row.key, id: row.id, state: 'mismatch', versionNote: 'record is for v3' }]));
    f.flush();
    expect(badgeOf(anchors[0]!).text).toContain('Mismatch');
    inpage.destroy();
  });

  test('firstChunkMs: a small page gets its badges synchronously, before any task runs', () => {
    const anchors = listing(3);
    const f = fakeFrames();
    const store = createResultStore();
    store.apply([{ key: `arxiv:${anchors[0]!.id}`, id: { kind: 'arxiv', id: anchors[0]!.id }, state: 'verified' }]);
    const rows = anchors.map((a) => ({ key: `arxiv:${a.id}`, id: { kind: 'arxiv' as const, id: a.id }, anchor: a }));
    let placed = 0;
    const inpage = createInpage(rows, store, { ...env(f), firstChunkMs: 20, onAllPlaced: () => placed++ });
    expect(inpage.count).toBe(3);
    expect(placed).toBe(1);
    expect(badgeOf(anchors[0]!).text).toContain('Verified');
    f.flush(); // the task scheduled at enqueue finds nothing left to do
    expect(inpage.count).toBe(3);
    expect(placed).toBe(1);
    inpage.destroy();
  });
});
