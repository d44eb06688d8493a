import { wrap, type IDBPDatabase } from 'idb';
import type { StorageAdapter } from './storage';

/**
 * The record cache's storage: an IndexedDB database of the extension's own
 * origin. Content scripts run in the page's origin and cannot open it, unlike
 * `storage.local`, which every content script may write: a cached report must
 * not be something a page (or its compromised renderer) can forge.
 *
 * The factory is passed in (the background's `indexedDB`, fake-indexeddb in
 * tests), so this file reads no browser global itself.
 */

const STORE = 'kv';

export function idbStorage(factory: IDBFactory, name = 'pith-lens-cache'): StorageAdapter {
  let db: Promise<IDBPDatabase> | undefined;
  const connect = async (): Promise<IDBPDatabase> => {
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    const opened = (await wrap(request)) as IDBPDatabase;
    // Another version elsewhere (a newer build in another window) asks us to step aside.
    opened.addEventListener('versionchange', () => {
      opened.close();
      db = undefined;
    });
    return opened;
  };
  const open = (): Promise<IDBPDatabase> => {
    if (!db) {
      const opening = connect();
      // A failed open is retried on the next call instead of being remembered.
      opening.catch(() => {
        if (db === opening) db = undefined;
      });
      db = opening;
    }
    return db;
  };

  return {
    async get(keys) {
      if (!keys.length) return {};
      const tx = (await open()).transaction(STORE, 'readonly');
      const values = await Promise.all(keys.map((k) => tx.store.get(k)));
      await tx.done;
      const out: Record<string, unknown> = {};
      keys.forEach((k, i) => {
        if (values[i] !== undefined) out[k] = values[i];
      });
      return out;
    },
    async set(items) {
      const entries = Object.entries(items);
      if (!entries.length) return;
      const tx = (await open()).transaction(STORE, 'readwrite');
      // One transaction: every entry of a batch is written, or none (tx.done rejects).
      await Promise.all([...entries.map(([k, v]) => tx.store.put(v, k)), tx.done]);
    },
    async remove(keys) {
      if (!keys.length) return;
      const tx = (await open()).transaction(STORE, 'readwrite');
      await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
    },
    async getAll() {
      const tx = (await open()).transaction(STORE, 'readonly');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      await tx.done;
      const out: Record<string, unknown> = {};
      keys.forEach((k, i) => (out[String(k)] = values[i]));
      return out;
    },
  };
}
