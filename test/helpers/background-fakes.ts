/**
 * Fakes for the background's modules: what @webext-core/fake-browser lacks
 * (an event with a trigger, action.setIcon, scripting, permissions, context
 * menus, a page's port), the resolver's server as a fetch, and a real
 * resolver over fake-indexeddb.
 */
// idb (lib/resolver/idb-storage.ts) reads IDBRequest and its kin as globals: fake-indexeddb's.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from '@webext-core/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import type { InjectApi } from '../../components/background/asks';
import type { PagePort } from '../../components/background/page-ports';
import { createSettingsAndResolver } from '../../components/background/resolver';
import type { ActionApi } from '../../components/background/tab-state';
import type { MenusApi } from '../../lib/browser/context-menu';
import type { PermissionsApi, ScriptingApi } from '../../lib/browser/site-scripts';
import type { SenderLike } from '../../lib/sender';

/** The extension's own pages and a content script's page, as the browser names their senders. */
export const EXTENSION_PAGE: SenderLike = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
export const contentScript = (tabId: number, url = 'https://arxiv.org/abs/2404.14294'): SenderLike => ({ id: fakeBrowser.runtime.id, url, tab: { id: tabId } });
export const STRANGER: SenderLike = { id: 'another-extension', url: 'https://evil.example/' };

/** An event a test fires itself. */
export function fakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => unknown)[] = [];
  return {
    addListener: (l: (...args: Args) => unknown) => void listeners.push(l),
    trigger: (...args: Args) => listeners.map((l) => l(...args)),
  };
}

/** browser.action: fake-browser's, and setIcon, which it lacks. */
export function fakeAction() {
  const icons = new Map<number, Record<string, string>>();
  const action: ActionApi = { ...fakeBrowser.action, setIcon: async ({ tabId, path }) => void icons.set(tabId, path) };
  return { action, icons };
}

/** The permissions held, as a set of origin patterns; the all-sites pattern, once held, covers every origin. */
export function fakePermissions(held: string[] = []) {
  const origins = new Set(held);
  const permissions: PermissionsApi = { contains: async ({ origins: asked }) => asked.every((o) => origins.has(o) || origins.has('*://*/*')) };
  return { permissions, origins };
}

/** scripting: content scripts registered by id (and every registration asked for), and scripts injected into tabs. */
export function fakeScripting(opts: { injectable?: (tabId: number) => boolean } = {}) {
  const registered = new Map<string, { matches: string[]; excludeMatches?: string[]; js: string[] }>();
  const asked: string[] = [];
  const injected: { tabId: number; files?: string[]; func: boolean }[] = [];
  const scripting: ScriptingApi & InjectApi = {
    getRegisteredContentScripts: async (filter) => [...registered.keys()].filter((id) => !filter?.ids || filter.ids.includes(id)).map((id) => ({ id })),
    registerContentScripts: async (scripts) => {
      for (const s of scripts) {
        asked.push(s.id);
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    },
    unregisterContentScripts: async ({ ids }) => ids.forEach((id) => registered.delete(id)),
    executeScript: async ({ target, func, files }) => {
      if (opts.injectable && !opts.injectable(target.tabId)) throw new Error('Cannot access contents of the page.');
      injected.push({ tabId: target.tabId, func: func !== undefined, ...(files ? { files } : {}) });
      return [];
    },
  };
  return { scripting, registered, asked, injected };
}

/** contextMenus: the items created. */
export function fakeMenus() {
  const items: { id: string; title: string }[] = [];
  const menus: MenusApi = {
    create: (props) => items.push({ id: props.id, title: props.title }),
    removeAll: async () => void items.splice(0),
  };
  return { menus, items };
}

/** A page's `page` port, as the background sees it. */
export function fakePort(sender: PagePort['sender'], name = 'page') {
  const onMessage = fakeEvent<[unknown]>();
  const onDisconnect = fakeEvent<[]>();
  const posted: unknown[] = [];
  const state = { disconnected: false };
  const port: PagePort = {
    name,
    ...(sender ? { sender } : {}),
    onMessage,
    onDisconnect,
    postMessage: (m) => void posted.push(m),
    disconnect: () => void (state.disconnected = true),
  };
  return { port, posted, state, say: (m: unknown) => onMessage.trigger(m), close: () => onDisconnect.trigger() };
}

export const SEED_ARXIV = '2404.14294';
export { SEED_TITLE } from './seed';
const SEED_TEXT = readFileSync(join(process.cwd(), 'test/fixtures/records/2404.14294v3.record.json'), 'utf8');

/** The resolver's server: the seed record for its arXiv id, 404 for anything else; every URL asked is kept. */
export function fakeServer() {
  const urls: string[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = String(input);
    urls.push(url);
    if (url.includes(`arxiv=${SEED_ARXIV}&`)) return new Response(SEED_TEXT, { status: 200, headers: { 'content-type': 'application/json' } });
    return new Response('not found', { status: 404 });
  };
  return { fetch, urls };
}

/** The background's settings and a real resolver, over fake-browser's storage.local, fake-indexeddb and `fetch`. */
export function realResolver(fetch: typeof globalThis.fetch) {
  return createSettingsAndResolver({ local: fakeBrowser.storage.local, indexedDB: new IDBFactory(), fetch, version: '0.0.0-test' });
}
