// @vitest-environment happy-dom
/**
 * "Clear cache" says "Cache cleared." only when the background's reply says
 * so (lib/messages/asks.ts): a clear that failed there, a background that
 * did not answer and an answer that is no reply are each said as such.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createAskListener } from '../../../../components/background/asks';
import { createTabStates } from '../../../../components/background/tab-state';
import type { OptionsApi } from '../../../../components/options/api';
import { CacheSection } from '../../../../components/options/CacheSection';
import type { Ask } from '../../../../lib/messages';
import { senderKind } from '../../../../lib/sender';
import { parseSettings } from '../../../../lib/settings';
import { EXTENSION_PAGE, fakeAction, fakeScripting, fakeServer, realResolver } from '../../../helpers/background-fakes';

afterEach(cleanup);

function api(send: (m: Ask) => Promise<unknown>): OptionsApi {
  return {
    loadSettings: async () => undefined,
    saveSettings: async () => undefined,
    send: vi.fn(send),
    requestOrigins: async () => true,
    removeOrigins: async () => true,
    hasOrigins: async () => false,
  };
}

/** The background's own ask listener, over a resolver whose cache cannot be cleared. */
function backgroundWhoseClearFails(message: string): (m: Ask) => Promise<unknown> {
  fakeBrowser.reset();
  const server = fakeServer();
  const core = realResolver(server.fetch);
  const listener = createAskListener({
    senderKind: (s) => senderKind(s, fakeBrowser.runtime.id, fakeBrowser.runtime.getURL('/')),
    tabs: createTabStates(fakeBrowser.storage.session, fakeAction().action),
    resolver: async () => ({ ...(await core.resolver()), clear: () => Promise.reject(new Error(message)) }),
    session: () => undefined,
    scripting: fakeScripting().scripting,
    openPage: async () => undefined,
    fetch: server.fetch,
  });
  return async (m) => listener(m, EXTENSION_PAGE);
}

async function clearWith(send: (m: Ask) => Promise<unknown>) {
  render(<CacheSection api={api(send)} settings={parseSettings(undefined)} save={async () => undefined} />);
  fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
}

describe('Clear cache', () => {
  test('a clear the background could not do (its handler threw) is reported as failed', async () => {
    await clearWith(backgroundWhoseClearFails('storage refused the write'));
    await screen.findByText('The cache was not cleared: storage refused the write.');
    expect(screen.queryByText('Cache cleared.')).toBeNull();
  });

  test('a background that does not answer is said so, not "Cache cleared."', async () => {
    await clearWith(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    await screen.findByText('The background did not answer.');
    expect(screen.queryByText('Cache cleared.')).toBeNull();
  });

  test('an answer that is no reply, or a refusal, is a failure', async () => {
    await clearWith(async (m) => (m.type === 'clear-cache' ? { ok: false } : undefined));
    await screen.findByText('The cache was not cleared.');
    cleanup();
    await clearWith(async (m) => (m.type === 'clear-cache' ? { refused: true, error: 'clear-cache is not allowed from a web page' } : undefined));
    await screen.findByText('The cache was not cleared: clear-cache is not allowed from a web page.');
  });

  test('the background’s own reply to a clear that worked is "Cache cleared."', async () => {
    await clearWith(async (m) => (m.type === 'clear-cache' ? { ok: true } : { entries: 0 }));
    await screen.findByText('Cache cleared.');
  });
});
