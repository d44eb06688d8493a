/**
 * The settings and the resolver, built on first use and again after the
 * settings change; and the record cache's predecessor in storage.local,
 * dropped on update.
 */
import { createClient } from '../../lib/pith/client';
import { verify } from '../../lib/pith/verify';
import { reportStamp } from '../../lib/pith/trust';
import { createResolver, type Resolver } from '../../lib/resolver/resolver';
import { idbStorage } from '../../lib/resolver/idb-storage';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';

/** storage.local, as far as the background reads it. */
export interface LocalArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

interface ResolverDeps {
  local: LocalArea;
  /** The extension origin's IndexedDB: content scripts, which can write storage.local, cannot reach it. */
  indexedDB: IDBFactory;
  fetch: typeof fetch;
  /** The manifest's version: a report cached by another version is verified again. */
  version: string;
}

interface SettingsAndResolver {
  settings(): Promise<Settings>;
  resolver(): Promise<Resolver>;
  /** storage.onChanged: when the stored settings changed, forgets both (the next use builds them anew) and says so. */
  settingsChanged(changes: Record<string, unknown>, area: string): boolean;
}

export function createSettingsAndResolver(deps: ResolverDeps): SettingsAndResolver {
  let settingsPromise: Promise<Settings> | undefined;
  let resolverPromise: Promise<Resolver> | undefined;

  function settings(): Promise<Settings> {
    settingsPromise ??= deps.local.get(SETTINGS_KEY).then((o) => parseSettings(o[SETTINGS_KEY]));
    return settingsPromise;
  }

  function resolver(): Promise<Resolver> {
    resolverPromise ??= settings().then((s) =>
      createResolver({
        client: createClient({ baseUrls: [s.baseUrl, ...s.mirrors], fetch: deps.fetch }),
        storage: idbStorage(deps.indexedDB),
        verify,
        reportStamp: reportStamp(deps.version),
        now: () => Date.now(),
        maxEntries: s.maxCacheEntries,
      }),
    );
    return resolverPromise;
  }

  return {
    settings,
    resolver,
    settingsChanged(changes, area) {
      if (area !== 'local' || !(SETTINGS_KEY in changes)) return false;
      settingsPromise = undefined;
      resolverPromise = undefined;
      return true;
    },
  };
}

/**
 * Versions before the IndexedDB cache kept records in storage.local under
 * `c:`; those entries are never read again (a content script could have
 * written them), so they go once, on update.
 */
export async function dropLegacyCache(local: LocalArea): Promise<void> {
  const all = await local.get(null).catch(() => ({}));
  const legacy = Object.keys(all).filter((k) => k.startsWith('c:'));
  if (legacy.length) await local.remove(legacy).catch(() => undefined);
}
