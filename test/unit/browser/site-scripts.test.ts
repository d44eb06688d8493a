/**
 * Site scripts against small fakes of the browser APIs (no browser needed to
 * decide what gets registered).
 */
import { describe, expect, test } from 'vitest';
import { syncSiteScripts, PAGES_SCRIPT } from '../../../lib/browser/site-scripts';
import { SITES } from '../../../lib/sites';
import { fakePermissions, fakeScripting } from '../../helpers/background-fakes';

/** The shared fakes of scripting and permissions, with the origins in `held` granted. */
const fakes = (held: string[]) => ({ ...fakePermissions(held), ...fakeScripting() });

describe('site scripts follow the permissions', () => {
  test('nothing granted: nothing registered', async () => {
    const { scripting, permissions, registered } = fakes([]);
    expect(await syncSiteScripts(scripting, permissions)).toEqual([]);
    expect(registered.size).toBe(0);
  });

  test('one Scholar domain granted: Scholar registered with its match patterns and the pages script; removing it unregisters', async () => {
    const { scripting, permissions, registered, origins } = fakes(['*://scholar.google.com/*']);
    expect(await syncSiteScripts(scripting, permissions)).toEqual(['scholar']);
    const scholar = registered.get('pith-lens-site-scholar');
    expect({ matches: scholar?.matches, js: scholar?.js }).toEqual({
      matches: expect.arrayContaining(['*://scholar.google.com/scholar*', '*://scholar.google.com/citations*']),
      js: [PAGES_SCRIPT],
    });
    // Twice in a row: no duplicate registration.
    await syncSiteScripts(scripting, permissions);
    origins.clear();
    expect(await syncSiteScripts(scripting, permissions)).toEqual([]);
    expect(registered.size).toBe(0);
  });

  test('the all-sites permission covers every site', async () => {
    const { scripting, permissions } = fakes(['*://*/*']);
    expect(await syncSiteScripts(scripting, permissions)).toEqual(SITES.map((s) => s.key));
  });
});
