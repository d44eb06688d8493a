import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { parseSettings, SettingsSchema, type Settings } from '../../lib/settings';
import { options as O } from '../../lib/strings';
import type { OptionsApi, SaveSettings } from './api';
import { ALL_SITES } from './form';
import { CacheSection } from './CacheSection';
import { PagesSection } from './PagesSection';
import { PinnedKeys } from './PinnedKeys';
import { ResolverSection } from './ResolverSection';
import { SitesSection } from './SitesSection';

/** parseSettings, but a stored value that makes it throw (a baseUrl that is no URL) means defaults. */
function safeSettings(raw: unknown): Settings {
  try {
    return parseSettings(raw);
  } catch {
    return parseSettings(undefined);
  }
}

/** The options page: resolver and mirrors, on-page behaviour, cache, pinned keys. */
export function Options({ api }: { api: OptionsApi }) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [allSites, setAllSites] = useState(false);
  const latest = useRef<Settings>();

  useEffect(() => {
    void (async () => {
      const s = safeSettings(await api.loadSettings().catch(() => undefined));
      const held = await api.hasOrigins([ALL_SITES]).catch(() => false);
      latest.current = s;
      setAllSites(held);
      setSettings(s);
    })();
  }, [api]);

  /** Merges a patch into the latest settings and stores them; returns an error sentence or undefined. */
  const save: SaveSettings = useCallback(
    async (patch) => {
      const base = latest.current ?? safeSettings(undefined);
      const parsed = SettingsSchema.safeParse({ ...base, ...patch });
      if (!parsed.success) return O.saveFailed(parsed.error.issues[0]?.message ?? 'invalid settings');
      try {
        await api.saveSettings(parsed.data);
      } catch (e) {
        return O.saveFailed(e instanceof Error ? e.message : String(e));
      }
      latest.current = parsed.data;
      setSettings(parsed.data);
      return undefined;
    },
    [api],
  );

  return (
    <main class="options">
      <h1>{O.title}</h1>
      {!settings ? (
        <p role="status">{O.loading}</p>
      ) : (
        <>
          <ResolverSection api={api} settings={settings} save={save} />
          <PagesSection api={api} settings={settings} save={save} allSitesHeld={allSites} onAllSites={setAllSites} />
          <CacheSection api={api} settings={settings} save={save} />
          <SitesSection api={api} />
          <PinnedKeys />
        </>
      )}
    </main>
  );
}
