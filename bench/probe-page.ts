/**
 * What the bench injects into every page (page.addInitScript, main world,
 * before the page's own scripts): a longtask and long-animation-frame
 * observer, and a watcher for inline badge hosts.
 *
 * Badge hosts hold a CLOSED shadow root, so the page's world cannot read the
 * badge's state. The watcher times the badge as the browser renders it:
 * a MutationObserver (started when the document becomes interactive, so the
 * parser's own insertions are not observed) finds each new host and a
 * ResizeObserver reports it when it is first laid out and again whenever its
 * size changes — a state change changes the label ("Checking" → "Verified",
 * "No Pith Number", …) and so the width. `last` is the time of the last such
 * render. Hosts are of one fixed size and the page reads no state off them:
 * readProbe (browser.ts) adds the states, when each became final and the
 * last drawing from the content script's own log. After each run the bench reads
 * the final label of every badge through CDP (DOM.getDocument pierces
 * closed shadow roots) to check that the time it took is the final state.
 *
 * This file runs in the page: no imports.
 */
export interface ProbeData {
  hosts: number;
  /** Hosts laid out at least once. */
  rendered: number;
  firstInsert: number | null;
  lastInsert: number | null;
  firstRender: number | null;
  /** Last ResizeObserver report of any host, or last state drawn (from the content script's log, see readProbe). */
  last: number | null;
  resizes: number;
  stateAttr: Record<string, number>;
  longtasks: [number, number][];
  loaf: { start: number; duration: number; blocking: number; scripts: { src: string; fn: string; invoker: string; duration: number; start: number }[] }[];
  popupVerified: number | null;
  /** When the last host became final in the DOM (inserted in, or changed to, a state other than pending): drawn at the next frame. */
  finalAt: number | null;
  /** The first animation frame that has the abstract page's title (h1.title), and the badge's state drawn by then (readProbe; null: no badge yet). */
  titleFrame: { t: number; state: string | null } | null;
  /**
   * performance.now() at each animation frame of the first 60 s (a frame's
   * callbacks run just before its style, layout and paint): a badge state
   * put in the DOM at `at` is drawn by the first of these frames after `at`
   * (readProbe in browser.ts).
   */
  frames: number[];
  nav: { dcl: number; dclEnd: number; interactive: number; load: number; responseEnd: number; fcp: number };
}

export function probeInit(): void {
  const w = window as unknown as { __pithBench?: unknown };
  if (w.__pithBench) return;
  const B = {
    hosts: 0,
    rendered: 0,
    firstInsert: null as number | null,
    lastInsert: null as number | null,
    firstRender: null as number | null,
    last: null as number | null,
    resizes: 0,
    stateAttr: {} as Record<string, number>,
    longtasks: [] as [number, number][],
    loaf: [] as unknown[],
    popupVerified: null as number | null,
    titleFrame: null as { t: number; state: string | null } | null,
    finalAt: null as number | null,
    frames: [] as number[],
  };
  w.__pithBench = B;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* unsupported */
  }
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries() as unknown as {
        startTime: number;
        duration: number;
        blockingDuration: number;
        scripts: { sourceURL: string; sourceFunctionName: string; invoker: string; duration: number; startTime: number }[];
      }[]) {
        B.loaf.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          scripts: (e.scripts ?? []).map((s) => ({ src: s.sourceURL, fn: s.sourceFunctionName, invoker: s.invoker, duration: s.duration, start: s.startTime })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* unsupported */
  }
  const isExt = location.protocol === 'chrome-extension:';
  const frame = () => {
    const t = performance.now();
    B.frames.push(t);
    if (t < 60_000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // requestAnimationFrame callbacks run just before their frame's style, layout and paint: the first
  // one that finds the title tells what that frame draws next to it.
  if (!isExt && /\/abs\//.test(location.pathname)) {
    const tick = () => {
      if (document.querySelector('h1.title')) {
        B.titleFrame = { t: performance.now(), state: null };
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
  const seen = new WeakSet<Element>();
  const ro =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          const t = performance.now();
          for (const e of entries) {
            if (seen.has(e.target)) B.resizes++;
            else {
              seen.add(e.target);
              B.rendered++;
              if (B.firstRender === null) B.firstRender = t;
            }
            // Hosts keep one size in every state; a state change is timed through data-state. Each
            // observed element costs the page work in every frame, so watch a host only until it is laid out.
            ro?.unobserve(e.target);
          }
          B.last = t;
        })
      : null;
  // A state change is in the DOM now and on screen with the next frame: time it at that frame.
  let stampPending = false;
  const stampNextFrame = () => {
    if (stampPending) return;
    stampPending = true;
    requestAnimationFrame(() => {
      stampPending = false;
      const t = performance.now();
      if (B.last === null || t > B.last) B.last = t;
    });
  };
  const onHost = (el: Element, t: number) => {
    B.hosts++;
    if (B.firstInsert === null) B.firstInsert = t;
    B.lastInsert = t;
    ro?.observe(el);
    const s = el.getAttribute('data-state');
    if (s !== null) B.stateAttr[s] = (B.stateAttr[s] ?? 0) + 1;
    if (s !== null && s !== 'pending') B.finalAt = t;
  };
  const mo = new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) {
      if (r.type === 'attributes') {
        const el = r.target as Element;
        if (el.getAttribute('data-pith-lens') !== 'badge') continue;
        const old = r.oldValue;
        if (old !== null) B.stateAttr[old] = (B.stateAttr[old] ?? 1) - 1;
        const s = el.getAttribute('data-state');
        if (s !== null) B.stateAttr[s] = (B.stateAttr[s] ?? 0) + 1;
        if (s !== null && s !== 'pending') B.finalAt = t;
        stampNextFrame();
        continue;
      }
      const added = r.addedNodes;
      for (let i = 0; i < added.length; i++) {
        const n = added[i] as Element;
        if (n.nodeType === 1 && n.getAttribute('data-pith-lens') === 'badge') onHost(n, t);
      }
    }
    if (isExt && B.popupVerified === null && document.querySelector('.banner[data-state="verified"]')) B.popupVerified = t;
  });
  let started = false;
  const start = () => {
    if (started || !document.documentElement) return;
    started = true;
    // Hosts placed while the page was parsed (reserved ahead of their badges) are in already.
    const before = document.querySelectorAll('[data-pith-lens="badge"]');
    for (let i = 0; i < before.length; i++) onHost(before[i]!, performance.now());
    mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
  };
  if (isExt) {
    // The popup: watch from the start (its DOM is small and built by script).
    const early = new MutationObserver(() => {
      if (document.documentElement) {
        early.disconnect();
        start();
      }
    });
    early.observe(document, { childList: true });
  }
  if (document.readyState !== 'loading') start();
  else document.addEventListener('readystatechange', () => document.readyState !== 'loading' && start());
}

/** Read the probe and the navigation timing of a page. */
export function readProbe(): ProbeData {
  const B = (window as unknown as { __pithBench: Omit<ProbeData, 'nav'> }).__pithBench;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return JSON.parse(
    JSON.stringify({
      ...B,
      nav: {
        dcl: nav?.domContentLoadedEventStart ?? NaN,
        dclEnd: nav?.domContentLoadedEventEnd ?? NaN,
        interactive: nav?.domInteractive ?? NaN,
        load: nav?.loadEventEnd ?? NaN,
        responseEnd: nav?.responseEnd ?? NaN,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      },
    }),
  ) as ProbeData;
}
