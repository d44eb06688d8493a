/**
 * Site scripts against small fakes of the browser APIs (no browser needed to
 * decide what gets registered).
 */
import { describe, expect, test } from 'vitest';
import { syncSiteScripts, PAGES_SCRIPT } from '../../../lib/browser/site-scripts';
import { SITES } from '../../../lib/sites';

function fakeBrowser(granted: string[]) {
  const scripts = new Map<string, { matches: string[]; js: string[] }>();
  return {
    scripts,
    granted,
    scripting: {
      async getRegisteredContentScripts(f?: { ids?: string[] }) {
        return [...scripts.keys()].filter((id) => !f?.ids || f.ids.includes(id)).map((id) => ({ id }));
      },
      async registerContentScripts(list: { id: string; matches: string[]; js: string[] }[]) {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, { matches: s.matches, js: s.js });
        }
      },
      async unregisterContentScripts(f: { ids: string[] }) {
        for (const id of f.ids) scripts.delete(id);
      },
    },
    permissions: {
      async contains(p: { origins: string[] }) {
        return p.origins.every((o) => granted.includes(o) || granted.includes('*://*/*'));
      },
    },
  };
}

describe('site scripts follow the permissions', () => {
  test('nothing granted: nothing registered', async () => {
    const b = fakeBrowser([]);
    expect(await syncSiteScripts(b.scripting, b.permissions)).toEqual([]);
    expect(b.scripts.size).toBe(0);
  });

  test('one Scholar domain granted: Scholar registered with its match patterns and the pages script; removing it unregisters', async () => {
    const b = fakeBrowser(['*://scholar.google.com/*']);
    expect(await syncSiteScripts(b.scripting, b.permissions)).toEqual(['scholar']);
    expect(b.scripts.get('pith-lens-site-scholar')).toEqual({
      matches: expect.arrayContaining(['*://scholar.google.com/scholar*', '*://scholar.google.com/citations*']),
      js: [PAGES_SCRIPT],
    });
    // Twice in a row: no duplicate registration.
    await syncSiteScripts(b.scripting, b.permissions);
    b.granted.length = 0;
    expect(await syncSiteScripts(b.scripting, b.permissions)).toEqual([]);
    expect(b.scripts.size).toBe(0);
  });

  test('the all-sites permission covers every site', async () => {
    const b = fakeBrowser(['*://*/*']);
    expect(await syncSiteScripts(b.scripting, b.permissions)).toEqual(SITES.map((s) => s.key));
  });
});
