import type { PaperResult } from '../../lib/messages';
import { bindTitle } from '../../lib/inpage/local-bind';
import type { InpageSettings } from '../../lib/inpage/validate';
import { createResultStore, type ResultStore } from '../../lib/inpage/results';
import { loadSettings } from './settings';
import { openPort, type PagePort } from './port';

/** What every page's flow starts with (run.ts for a paper's page, listing.ts for listings). */
export interface PageSession {
  port: PagePort;
  store: ResultStore;
  /** The page's title of each paper, for binding answers (lib/inpage/local-bind.ts). */
  titles: Map<string, string | undefined>;
  settingsRead: Promise<InpageSettings>;
  /** Answers that came while they were held (before the page's titles were read); from now on they are applied. */
  release(): PaperResult[];
  /** Where the port's answers go (the keys whose answer changed). */
  onChanged(f: (keys: string[]) => void): void;
  /** When every paper the page asked for has its final answer (the port then need not reconnect). */
  finished(f: () => boolean): void;
}

// One run per document, even if the script is injected twice (a runtime
// registration and a manual injection). This flag lives in our isolated
// world: the page cannot see or set it.
const RAN = Symbol.for('pith-lens.inpage.ran');

/**
 * The port to the background (opened at once: it wakes the service worker
 * while the page parses), the settings read, and the store of answers.
 * Answers are held until `release`. Undefined when this document already
 * has a run.
 */
export function openPage(): PageSession | undefined {
  const g = globalThis as Record<symbol, unknown>;
  if (g[RAN]) return undefined;
  g[RAN] = true;
  const settingsRead = loadSettings();
  let held: PaperResult[] | null = [];
  const titles = new Map<string, string | undefined>();
  const store = createResultStore();
  let onChanged = (_keys: string[]) => {};
  let finished = () => false;
  const port = openPort(
    (results) => {
      if (held) return void held.push(...results);
      const changed = store.apply(results.map((r) => bindTitle(r, titles.get(r.key))));
      if (changed.length > 0) onChanged(changed);
    },
    () => finished(),
  );
  return {
    port,
    store,
    titles,
    settingsRead,
    release() {
      const out = held ?? [];
      held = null;
      return out;
    },
    onChanged: (f) => (onChanged = f),
    finished: (f) => (finished = f),
  };
}
