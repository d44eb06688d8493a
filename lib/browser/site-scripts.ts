/**
 * Content scripts for the sites of lib/sites, registered at run time: one
 * registration per site (`pith-lens-site-<key>`) while its optional host
 * permission is held, none otherwise. Permission is the consent: granting it
 * (the popup's button, the options page's switch) registers the script,
 * removing it unregisters it. The browser APIs come in as arguments so the
 * logic runs in tests against a fake.
 */
import { SITES, type SiteAdapter } from '../sites';

const SITE_SCRIPT_PREFIX = 'pith-lens-site-';
/** The one runtime content script for every page that is not arXiv's own (entrypoints/publisher.content.ts). */
export const PAGES_SCRIPT = 'content-scripts/publisher.js';

export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  registerContentScripts(
    scripts: { id: string; matches: string[]; excludeMatches?: string[]; js: string[]; runAt: 'document_idle'; persistAcrossSessions?: boolean }[],
  ): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}
export interface PermissionsApi {
  contains(p: { origins: string[] }): Promise<boolean>;
}

const scriptIdFor = (site: SiteAdapter) => `${SITE_SCRIPT_PREFIX}${site.key}`;

/**
 * A site is on while any of its origins is held (Scholar lists 25 country
 * domains; a reader who allowed scholar.google.com only has it on there).
 * The script is registered for all its match patterns: the browser injects
 * it only where the permission is held.
 */
async function siteGranted(permissions: PermissionsApi, site: SiteAdapter): Promise<boolean> {
  for (const origin of site.origins) {
    if (await permissions.contains({ origins: [origin] }).catch(() => false)) return true;
  }
  return false;
}

/** Brings the registrations in line with the permissions held; returns the keys of the sites now registered. */
export async function syncSiteScripts(scripting: ScriptingApi, permissions: PermissionsApi, sites: readonly SiteAdapter[] = SITES): Promise<string[]> {
  const ids = sites.map(scriptIdFor);
  const existing = new Set((await scripting.getRegisteredContentScripts({ ids })).map((s) => s.id));
  const on: string[] = [];
  for (const site of sites) {
    const id = scriptIdFor(site);
    const granted = await siteGranted(permissions, site);
    if (granted) on.push(site.key);
    if (granted && !existing.has(id)) {
      await scripting.registerContentScripts([{ id, matches: [...site.matches], js: [PAGES_SCRIPT], runAt: 'document_idle' }]);
    } else if (!granted && existing.has(id)) {
      await scripting.unregisterContentScripts({ ids: [id] });
    }
  }
  return on;
}
