/** fake-browser has no scripting or permissions: typed fakes of them (test/helpers/background-fakes.ts) stand in. */
import { describe, expect, test } from 'vitest';
import { createContentScripts } from '../../../../components/background/content-scripts';
import { PAGES_SCRIPT } from '../../../../lib/browser/site-scripts';
import { parseSettings, type Settings } from '../../../../lib/settings';
import { SITES } from '../../../../lib/sites';
import { fakePermissions, fakeScripting } from '../../../helpers/background-fakes';

function setup(opts: { settings?: Partial<Settings>; held?: string[] } = {}) {
  const settings = { ...parseSettings(undefined), ...opts.settings };
  const { permissions, origins } = fakePermissions(opts.held);
  const { scripting, registered, asked } = fakeScripting();
  const scripts = createContentScripts({ settings: async () => settings, scripting, permissions });
  return { scripts, origins, registered, asked };
}

describe('the publisher script', () => {
  test('is registered for every site but arXiv once the option is on and all sites are granted', async () => {
    const { scripts, registered, asked } = setup({ settings: { detectOtherSites: true }, held: ['*://*/*'] });
    await scripts.syncPublisher();
    await scripts.syncPublisher();
    expect(asked).toEqual(['pith-lens-publisher']);
    expect(registered.get('pith-lens-publisher')).toMatchObject({ js: [PAGES_SCRIPT], excludeMatches: ['*://arxiv.org/*', '*://*.arxiv.org/*'] });
  });

  test('overlapping syncs (a permission granted and the setting stored, each an event) register it once, without a failure', async () => {
    const { scripts, registered } = setup({ settings: { detectOtherSites: true }, held: ['*://*/*'] });
    await expect(Promise.all([scripts.syncPublisher(), scripts.syncPublisher(), scripts.syncSites()])).resolves.toBeDefined();
    expect([...registered.keys()].filter((id) => id === 'pith-lens-publisher')).toHaveLength(1);
  });

  test('a failed sync is not a rejection, and does not stop the next', async () => {
    const { permissions } = fakePermissions(['*://*/*']);
    const { scripting, registered } = fakeScripting();
    let busy = true;
    const flaky: typeof scripting = {
      ...scripting,
      registerContentScripts: (list) => (busy ? ((busy = false), Promise.reject(new Error('busy'))) : scripting.registerContentScripts(list)),
    };
    const scripts = createContentScripts({ settings: async () => parseSettings({ detectOtherSites: true }), scripting: flaky, permissions });
    await expect(scripts.syncPublisher()).resolves.toBeUndefined();
    expect(registered.size).toBe(0);
    await scripts.syncPublisher();
    expect([...registered.keys()]).toEqual(['pith-lens-publisher']);
  });

  test('is not registered while either is missing, and goes when one is withdrawn', async () => {
    expect((await run({ settings: { detectOtherSites: true } })).size).toBe(0);
    expect((await run({ held: ['*://*/*'] })).size).toBe(0);
    const { scripts, origins, registered } = setup({ settings: { detectOtherSites: true }, held: ['*://*/*'] });
    await scripts.syncPublisher();
    expect(registered.size).toBe(1);
    origins.clear();
    await scripts.syncPublisher();
    expect(registered.size).toBe(0);

    async function run(opts: Parameters<typeof setup>[0]) {
      const s = setup(opts);
      await s.scripts.syncPublisher();
      return s.registered;
    }
  });
});

describe('site scripts', () => {
  const site = SITES[0]!;

  test('a site is registered while one of its origins is held; overlapping syncs register it once', async () => {
    const { scripts, origins, registered, asked } = setup({ held: [site.origins[0]!] });
    await Promise.all([scripts.syncSites(), scripts.syncSites(), scripts.syncSites()]);
    expect([...registered.keys()]).toEqual([`pith-lens-site-${site.key}`]);
    expect(asked).toEqual([`pith-lens-site-${site.key}`]);
    origins.clear();
    await scripts.syncSites();
    expect(registered.size).toBe(0);
  });

  test('a failed sync does not stop the next', async () => {
    const { permissions } = fakePermissions([site.origins[0]!]);
    const { scripting, registered } = fakeScripting();
    let busy = true;
    const flaky: typeof scripting = {
      ...scripting,
      getRegisteredContentScripts: (filter) => (busy ? ((busy = false), Promise.reject(new Error('busy'))) : scripting.getRegisteredContentScripts(filter)),
    };
    const scripts = createContentScripts({ settings: async () => parseSettings(undefined), scripting: flaky, permissions });
    await expect(scripts.syncSites()).resolves.toBeUndefined();
    expect(registered.size).toBe(0);
    await scripts.syncSites();
    expect([...registered.keys()]).toEqual([`pith-lens-site-${site.key}`]);
  });
});
