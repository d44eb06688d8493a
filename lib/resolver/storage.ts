/**
 * The storage the resolver cache writes to. The background passes
 * the extension origin's IndexedDB (idb-storage.ts); tests and the CLI use
 * `memoryStorage()`. Values must survive structured cloning / JSON: the cache
 * stores record TEXT, never parsed records with bigints.
 */
export interface StorageAdapter {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
  /** Everything stored (`storage.local.get(null)`); used by clear() and migrations to find stray keys. */
  getAll?(): Promise<Record<string, unknown>>;
}

/** An in-memory StorageAdapter. Values are deep-copied through JSON like a real store. */
export function memoryStorage(
  initial: Record<string, unknown> = {},
): StorageAdapter & { data: Map<string, unknown>; ops: { get: number; set: number; remove: number } } {
  const data = new Map<string, unknown>();
  const copy = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  for (const [k, v] of Object.entries(initial)) data.set(k, copy(v));
  const ops = { get: 0, set: 0, remove: 0 };
  return {
    data,
    ops,
    async get(keys) {
      ops.get++;
      const out: Record<string, unknown> = {};
      for (const k of keys) if (data.has(k)) out[k] = copy(data.get(k));
      return out;
    },
    async set(items) {
      ops.set++;
      for (const [k, v] of Object.entries(items)) data.set(k, copy(v));
    },
    async remove(keys) {
      ops.remove++;
      for (const k of keys) data.delete(k);
    },
    async getAll() {
      const out: Record<string, unknown> = {};
      for (const [k, v] of data) out[k] = copy(v);
      return out;
    },
  };
}
