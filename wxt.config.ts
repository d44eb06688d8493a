import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { SITES } from './lib/sites';

/**
 * Everything but the background gets WXT's plain `browser` (`globalThis.browser`
 * in Firefox, `chrome` in Chrome) instead of webextension-polyfill: the
 * polyfill was ≈3 kB of the arXiv script's 15 kB gzip budget, and ≈10 kB the
 * popup parsed before its first view. What the content scripts, the popup and
 * the options page use needs no polyfill: Chrome's MV3 APIs return promises,
 * and ports are the same. The background keeps it: its runtime.onMessage
 * listener answers by returning a promise, which only the polyfill gives Chrome.
 */
function pagesWithoutPolyfill(): Plugin {
  let plain = false;
  return {
    name: 'pith-pages-without-polyfill',
    enforce: 'pre',
    options(o) {
      plain = !/background/.test(JSON.stringify(o.input ?? ''));
      return null;
    },
    async resolveId(id, importer) {
      if (!plain || id !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

// The resolver's default origin. Other resolvers and mirrors are opt-in at run
// time through optional host permissions, so the install prompt asks for only this.
const PITH_ORIGIN = 'https://pith.science/*';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too gets Manifest V3 (WXT's default for Firefox is MV2): one
  // permission model, optional host permissions asked for at run time.
  manifestVersion: 3,
  // PITH_NO_MINIFY=1: readable function names in CPU profiles (bench/profile.ts).
  vite: () => ({ plugins: [preact(), pagesWithoutPolyfill()], ...(process.env.PITH_NO_MINIFY ? { build: { minify: false } } : {}) }),
  zip: {
    // Store names: pith-lens-0.1.0-chrome.zip, pith-lens-0.1.0-firefox.zip and,
    // for AMO's reviewers, pith-lens-0.1.0-sources.zip (Firefox only, WXT's default).
    // The sources zip is everything a reviewer needs to rebuild the Firefox zip
    // (see BUILDING.md) and nothing else: WXT already leaves out node_modules,
    // .output, hidden files and *.test.* files.
    excludeSources: ['test/**', 'bench/**', 'dist/**', 'coverage/**', 'test-results/**', '**/*.log', '*.png', 'scripts/demo.ts', 'vitest*.config.ts'],
  },
  manifest: ({ browser }) => ({
    name: 'Pith Lens',
    description: 'See and verify the Pith Number, claims and signature of the paper you are reading — checked locally in your browser.',
    // unlimitedStorage: the record cache (up to 5,000 records of ~5 kB each) outgrows
    // storage.local's 10 MB quota on big listings; it shows no install warning.
    // contextMenus ("Look up in Pith Lens" on links and selections) shows no install warning in Chrome or Firefox.
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: [PITH_ORIGIN, 'https://www.pith.science/*'],
    // Every site of lib/sites is asked for when the reader enables it (popup button, options switch);
    // '*://*/*' already covers them, listing them says which sites the extension may ask for.
    optional_host_permissions: ['*://*/*', ...new Set(SITES.flatMap((s) => s.origins))],
    action: { default_title: 'Pith Lens' },
    // Opens the popup ("L" for Lens). Chromium refuses Alt+Shift+P for an extension (it keeps it),
    // so that key would silently go unassigned: test/e2e/sites.e2e.ts checks the browser kept this one.
    // Firefox has no Alt+Shift+L shortcut of its own.
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+L' }, description: 'Open Pith Lens for this page' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pith-lens@pith.science',
              // 140 (desktop) and 142 (Android) are the first versions that read
              // data_collection_permissions; AMO requires the key for new add-ons.
              strict_min_version: '140.0',
              // Honest: the ids of the papers a person opens are sent to the
              // resolver, which is browsing activity in Mozilla's taxonomy.
              data_collection_permissions: { required: ['browsingActivity'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
