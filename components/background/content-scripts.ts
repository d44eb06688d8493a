/**
 * The content scripts registered at run time, kept in line with the settings
 * and the permissions held: the publisher script on every site (opt-in:
 * "Detect papers on other sites", with access to all sites granted), and one
 * script per site of lib/sites whose permission is held
 * (lib/browser/site-scripts.ts).
 */
import { PAGES_SCRIPT, syncSiteScripts, type PermissionsApi, type ScriptingApi } from '../../lib/browser/site-scripts';
import type { Settings } from '../../lib/settings';

const PUBLISHER_SCRIPT_ID = 'pith-lens-publisher';

interface ContentScriptDeps {
  settings(): Promise<Settings>;
  scripting: ScriptingApi;
  permissions: PermissionsApi;
}

interface ContentScripts {
  /** Registers or unregisters the publisher script, as the setting and the permission say. Never rejects. */
  syncPublisher(): Promise<void>;
  /** Brings the site scripts in line with the permissions. Never rejects. */
  syncSites(): Promise<void>;
}

export function createContentScripts({ settings, scripting, permissions }: ContentScriptDeps): ContentScripts {
  // One sync at a time, of either kind: two overlapping runs would both find a script missing and
  // register it twice (the second throws "Duplicate script ID"). A failed run does not stop the next.
  let queue = Promise.resolve();
  const inTurn = (sync: () => Promise<unknown>): Promise<void> => {
    queue = queue.then(sync).then(
      () => undefined,
      () => undefined,
    );
    return queue;
  };

  async function syncPublisher(): Promise<void> {
    const s = await settings();
    const granted = await permissions.contains({ origins: ['*://*/*'] });
    const existing = await scripting.getRegisteredContentScripts({ ids: [PUBLISHER_SCRIPT_ID] });
    const want = s.detectOtherSites && granted;
    if (want && existing.length === 0) {
      await scripting.registerContentScripts([
        {
          id: PUBLISHER_SCRIPT_ID,
          matches: ['https://*/*', 'http://*/*'],
          excludeMatches: ['*://arxiv.org/*', '*://*.arxiv.org/*'],
          js: [PAGES_SCRIPT],
          runAt: 'document_idle',
        },
      ]);
    } else if (!want && existing.length > 0) {
      await scripting.unregisterContentScripts({ ids: [PUBLISHER_SCRIPT_ID] });
    }
  }

  return {
    syncPublisher: () => inTurn(syncPublisher),
    syncSites: () => inTurn(() => syncSiteScripts(scripting, permissions)),
  };
}
