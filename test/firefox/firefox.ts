/**
 * Debian's Firefox ESR with the built extension, driven by puppeteer-core over
 * WebDriver BiDi — the Firefox counterpart of test/e2e/browser.ts.
 *
 * How the pieces fit (documented here because every one of them was needed):
 *  - Launch: puppeteer.launch({ browser: 'firefox', executablePath: /usr/bin/firefox-esr })
 *    speaks WebDriver BiDi only (no CDP in Firefox). Headless, fresh temporary profile.
 *  - Install: browser.installExtension(dir) at run time (BiDi webExtension.install,
 *    a temporary add-on, as about:debugging would load it).
 *  - Extension UUID: Firefox gives every add-on a random moz-extension:// UUID unless
 *    the pref `extensions.webextensions.uuids` already maps its id; we set that pref
 *    to a fixed UUID before the install, so moz-extension://<UUID>/popup.html is known.
 *  - Network: Firefox's own manual proxy prefs send http(s) for every host to the tiny
 *    proxy in ./proxy.ts, which forwards arxiv.org & co. to the mirror's HTTP port and
 *    tunnels CONNECT pith.science:443 to the mirror's TLS port. (DNS prefs alone —
 *    network.dns.localDomains — cannot work: they map names to 127.0.0.1 but not to the
 *    mirror's ports.)
 *  - Certificate: the mirror's self-signed certificate is accepted with the session
 *    capability acceptInsecureCerts, which in Firefox disables certificate checks for
 *    the whole browser — the extension's background fetches included.
 *  - HTTPS-First is off (dom.security.https_first): the fixture pages are plain HTTP
 *    like in the Chromium tests, and an https:// upgrade attempt would only add a
 *    failed CONNECT and a fallback delay.
 *  - moz-extension:// navigation: BiDi's browsingContext.navigate refuses any scheme but
 *    http/https/file/blob unless Firefox runs with --remote-allow-system-access.
 *  - The control channel: an extension page (moz-extension://UUID/popup.html) in its own
 *    tab; page.evaluate there has the extension's `browser.*` APIs, as the service worker
 *    has in the Chromium harness.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { Browser as WebExt } from 'webextension-polyfill';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startProxy, type Proxy } from './proxy';

const FIREFOX = process.env.FIREFOX_PATH ?? (existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : '/usr/bin/firefox');
export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));
/** The add-on id from wxt.config.ts (browser_specific_settings.gecko.id). */
const ADDON_ID = 'pith-lens@pith.science';
/** The moz-extension:// host we assign through `extensions.webextensions.uuids`. */
const EXTENSION_UUID = '0b1c3c3e-5e6f-4a55-9d3a-7d1f1e0a11a5';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export interface FirefoxLaunchOptions {
  /** Host → 127.0.0.1:port for plain HTTP (fixture pages). */
  http?: Record<string, number>;
  /** Host → 127.0.0.1:port for HTTPS on 443 (the resolver). */
  https?: Record<string, number>;
  /** An unpacked extension directory or an .xpi/.zip; default the firefox-mv3 build. */
  extension?: string;
  headless?: boolean;
}

interface ToolbarBadge {
  text: string;
  title: string;
}

export interface LaunchedFirefox {
  browser: Browser;
  proxy: Proxy;
  /** The add-on id installExtension returned. */
  addonId: string;
  uuid: string;
  /** An extension page kept open to call browser.* APIs from. */
  control: Page;
  newPage(url: string): Promise<Page>;
  /** Evaluates `fn(arg)` in the extension page (where `browser` is the WebExtension API). */
  ext<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** The WebExtension tab id of the tab showing `url`. */
  tabIdOf(url: string, timeoutMs?: number): Promise<number>;
  badge(tabId: number): Promise<ToolbarBadge>;
  waitForBadge(tabId: number, done: (text: string) => boolean, timeoutMs?: number): Promise<ToolbarBadge>;
  close(): Promise<void>;
}

/**
 * Navigates a tab to a moz-extension:// page. Puppeteer's goto never sees such a
 * navigation finish over BiDi (its load event is not reported for extension
 * documents), so the navigation is started and its arrival polled from the page.
 */
async function openExtensionPage(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  let failed: unknown;
  void page.goto(url, { waitUntil: 'load', timeout: timeoutMs }).catch((e: unknown) => {
    if (!String(e).includes('timeout')) failed = e;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (failed) throw failed;
    const here = await page.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
    if (here === url) return;
    if (Date.now() > deadline) throw new Error(`extension page ${url} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function launchFirefox(opts: FirefoxLaunchOptions = {}): Promise<LaunchedFirefox> {
  const proxy = await startProxy({ http: opts.http ?? {}, https: opts.https ?? {} });
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: opts.headless ?? true,
      acceptInsecureCerts: true,
      // Lets BiDi navigate a tab to moz-extension:// (otherwise "not allowed in this
      // context": only http/https/file/blob are WebDriver-safe without it).
      args: ['--remote-allow-system-access'],
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        // Every http/https request through the local proxy (localhost itself excepted,
        // which keeps the BiDi socket direct).
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
        'network.dns.disablePrefetch': true,
        'network.http.speculative-parallel-limit': 0,
        'dom.security.https_first': false,
        'dom.security.https_first_pbm': false,
        'dom.security.https_first_schemeless': false,
        'dom.security.https_only_mode': false,
        // The fixed moz-extension:// UUID for our add-on id.
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
        // permissions.request() still needs a real user gesture, but grants without the
        // doorhanger prompt (which BiDi cannot click): Mozilla's own test switch.
        'extensions.webextOptionalPermissionPrompts': false,
        // Install without prompts; host permissions of a temporary add-on are granted.
        'extensions.autoDisableScopes': 0,
        'extensions.enabledScopes': 5,
        'xpinstall.signatures.required': false,
        // Quiet: no Mozilla services on a machine without network.
        'app.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'extensions.update.enabled': false,
        'extensions.getAddons.cache.enabled': false,
        'services.settings.server': 'http://127.0.0.1:1/',
      },
    });
    const addonId = await browser.installExtension(opts.extension ?? FIREFOX_EXTENSION_DIR);
    const control = (await browser.pages())[0] ?? (await browser.newPage());
    await openExtensionPage(control, `${EXTENSION_ORIGIN}/popup.html?control`);

    const ext = <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> =>
      (control.evaluate.bind(control) as (f: unknown, a: unknown) => Promise<unknown>)(fn, arg) as Promise<T>;
    const badge = (tabId: number) =>
      ext(async (id: number) => {
        const api = (globalThis as unknown as { browser: WebExt }).browser;
        return { text: await api.action.getBadgeText({ tabId: id }), title: await api.action.getTitle({ tabId: id }) };
      }, tabId);

    const launched: LaunchedFirefox = {
      browser,
      proxy,
      addonId,
      uuid: EXTENSION_UUID,
      control,
      ext,
      async newPage(url) {
        const page = await browser!.newPage();
        if (url.startsWith('moz-extension:')) await openExtensionPage(page, url);
        else await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      async tabIdOf(url, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          // Without the "tabs" permission tabs.query sees URLs only where the add-on has
          // host access; the background's per-tab state in storage.session carries the
          // URL too, so either answers.
          const id = await ext(async (u: string) => {
            const api = (globalThis as unknown as { browser: WebExt }).browser;
            const tabs = await api.tabs.query({});
            const hit = tabs.find((t) => t.url === u);
            if (hit?.id !== undefined) return hit.id;
            const all = await api.storage.session.get(null);
            for (const [k, v] of Object.entries(all)) {
              if (k.startsWith('tab:') && (v as { url?: string })?.url === u) return Number(k.slice(4));
            }
            return undefined;
          }, url);
          if (id !== undefined) return id;
          if (Date.now() > deadline) throw new Error(`no tab found for ${url}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      badge,
      async waitForBadge(tabId, done, timeoutMs = 20_000) {
        const deadline = Date.now() + timeoutMs;
        let last: ToolbarBadge = { text: '', title: '' };
        while (Date.now() < deadline) {
          last = await badge(tabId);
          if (done(last.text)) return last;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`toolbar badge still "${last.text}" (${last.title}) after ${timeoutMs} ms`);
      },
      async close() {
        await browser?.close().catch(() => undefined);
        await proxy.stop();
      },
    };
    return launched;
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await proxy.stop();
    throw e;
  }
}
