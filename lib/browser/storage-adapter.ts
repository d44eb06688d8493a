/**
 * The resolver's storage seen through a key prefix, over any object with the
 * shape of `browser.storage.local` (passed in, so this file has no globals and
 * tests can hand it a fake).
 */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface PrefixedStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  getAll(): Promise<Record<string, unknown>>;
}

export function storageAdapter(area: StorageAreaLike, prefix: string): PrefixedStorage {
  const strip = (o: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
    return out;
  };
  return {
    async get(keys) {
      if (keys.length === 0) return {};
      return strip(await area.get(keys.map((k) => prefix + k)));
    },
    async set(items) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(items)) out[prefix + k] = v;
      await area.set(out);
    },
    async remove(keys) {
      if (keys.length) await area.remove(keys.map((k) => prefix + k));
    },
    async getAll() {
      return strip(await area.get(null));
    },
  };
}
