/// <reference types="chrome" />
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Headless Chromium on a machine without a network: no background calls home,
 * and the mirror's self-signed certificate accepted.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
];

export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

export interface LaunchOptions {
  /** Host → 127.0.0.1:port mappings, e.g. { 'arxiv.org': 8123, 'pith.science': 8443 }. */
  hosts?: Record<string, number>;
  extensionDir?: string;
  /** Default true; `npm run demo` opens a window where there is a display. */
  headless?: boolean;
}

interface ToolbarBadge {
  text: string;
  title: string;
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** The browser's tab id of a Playwright page (found by its URL through the service worker). */
  tabIdOf(page: Page): Promise<number>;
  /** The toolbar badge of a tab, as the extension set it. */
  badge(tabId: number): Promise<ToolbarBadge>;
  /** Polls the badge until `done(text)` holds; rejects with the last badge seen on timeout. */
  waitForBadge(tabId: number, done: (text: string) => boolean, timeoutMs?: number): Promise<ToolbarBadge>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, headless, in a fresh
 * profile. Background networking is off: this machine has no network and
 * Chromium's own calls home would only add noise and refused connections.
 */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<Launched> {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'pith-lens-profile-'));
  const rules = Object.entries(opts.hosts ?? {})
    .map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`)
    .join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      ...CHROMIUM_ARGS,
      ...(rules ? [`--host-resolver-rules=${rules}, EXCLUDE localhost`] : []),
    ],
  });
  let worker = context.serviceWorkers()[0];
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  // The worker may be restarted; always talk to the current one.
  const sw = () => context.serviceWorkers()[0] ?? worker;
  const badge = (tabId: number) =>
    sw().evaluate(
      async (id) => ({
        text: await chrome.action.getBadgeText({ tabId: id }),
        title: await chrome.action.getTitle({ tabId: id }),
      }),
      tabId,
    );
  return {
    context,
    worker,
    extensionId,
    async tabIdOf(page) {
      await page.bringToFront();
      const id = await sw().evaluate(async (url) => {
        const tabs = await chrome.tabs.query({});
        const exact = tabs.filter((t) => t.url === url || t.pendingUrl === url);
        const pick = exact.length === 1 ? exact[0] : tabs.find((t) => t.active && (t.url === url || exact.length === 0));
        return pick?.id;
      }, page.url());
      if (id === undefined) throw new Error(`no tab found for ${page.url()}`);
      return id;
    },
    badge,
    async waitForBadge(tabId, done, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      let last: ToolbarBadge = { text: '', title: '' };
      while (Date.now() < deadline) {
        last = await badge(tabId);
        if (done(last.text)) return last;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`toolbar badge still "${last.text}" (${last.title}) after ${timeoutMs} ms`);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
