import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { dropLegacyCache, type LocalArea } from '../../../../components/background/resolver';
import { DEFAULT_BASE_URL, SETTINGS_KEY } from '../../../../lib/settings';
import { fakeServer, realResolver, SEED_ARXIV } from '../../../helpers/background-fakes';

beforeEach(() => fakeBrowser.reset());

const seed = { kind: 'arxiv', id: SEED_ARXIV } as const;

describe('settings and resolver', () => {
  test('the settings are read from storage.local once, defaults where nothing is stored', async () => {
    const core = realResolver(fakeServer().fetch);
    expect((await core.settings()).baseUrl).toBe(DEFAULT_BASE_URL);
    expect(await core.settings()).toBe(await core.settings());
  });

  test('one resolver serves every lookup, from the configured resolver address', async () => {
    const server = fakeServer();
    const core = realResolver(server.fetch);
    expect(await core.resolver()).toBe(await core.resolver());
    expect((await (await core.resolver()).lookup(seed)).state).toBe('verified');
    expect(server.urls.every((u) => u.startsWith(`${DEFAULT_BASE_URL}/`))).toBe(true);
  });

  test('changed settings are read again and the next resolver uses them', async () => {
    const server = fakeServer();
    const core = realResolver(server.fetch);
    fakeBrowser.storage.onChanged.addListener((changes, area) => void core.settingsChanged(changes, area));
    const before = await core.resolver();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { baseUrl: 'https://mirror.example.org' } });
    expect((await core.settings()).baseUrl).toBe('https://mirror.example.org');
    const after = await core.resolver();
    expect(after).not.toBe(before);
    await after.lookup({ kind: 'arxiv', id: '2404.00001' });
    expect(server.urls.at(-1)).toMatch(/^https:\/\/mirror\.example\.org\//);
  });

  test('only a change of the stored settings counts', async () => {
    const core = realResolver(fakeServer().fetch);
    expect(core.settingsChanged({ [SETTINGS_KEY]: {} }, 'session')).toBe(false);
    expect(core.settingsChanged({ 'recent-lookups': {} }, 'local')).toBe(false);
    expect(core.settingsChanged({ [SETTINGS_KEY]: {} }, 'local')).toBe(true);
  });
});

describe('the legacy cache', () => {
  test('records kept in storage.local under c: go; everything else stays', async () => {
    await fakeBrowser.storage.local.set({ 'c:pl:c:arxiv:2404.14294': { text: '{}' }, 'c:x': 1, [SETTINGS_KEY]: { inlineBadges: false }, recent: [] });
    await dropLegacyCache(fakeBrowser.storage.local);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['recent', SETTINGS_KEY].sort());
  });

  test('a storage that cannot be read is left alone', async () => {
    const broken: LocalArea = { get: () => Promise.reject(new Error('gone')), remove: () => Promise.reject(new Error('never called')) };
    await expect(dropLegacyCache(broken)).resolves.toBeUndefined();
  });
});
