import { describe, expect, test } from 'vitest';
import { ask, type Ask } from '../../../lib/messages';

const answering = (raw: unknown) => async (_m: Ask) => raw;
const verified = { key: 'arxiv:2404.14294', id: { kind: 'arxiv', id: '2404.14294' }, state: 'verified' } as const;

describe('ask: the reply to each ask, parsed', () => {
  test('a reply that fits its ask’s schema is returned, trimmed to it', async () => {
    expect(await ask(answering({ ok: true }), { type: 'clear-cache' })).toEqual({ ok: true });
    expect(await ask(answering({ entries: 3, bytes: 10, hits: 7, tooLarge: 0 }), { type: 'cache-stats' })).toEqual({ entries: 3, bytes: 10 });
    expect(await ask(answering({ ok: false, detail: 'HTTP 503' }), { type: 'test-connection', baseUrl: 'https://pith.science' })).toEqual({
      ok: false,
      detail: 'HTTP 503',
    });
    expect(await ask(answering({ ...verified, recordText: '{}' }), { type: 'lookup', id: verified.id })).toEqual({ ...verified, recordText: '{}' });
  });

  test('tab-state: the tab, and its paper’s result only when that parses', async () => {
    const tab = { tabId: 3, papers: [verified] };
    expect(await ask(answering({ ...tab, result: verified }), { type: 'tab-state', tabId: 3, withResult: true })).toEqual({ ...tab, result: verified });
    const dropped = await ask(answering({ ...tab, result: { state: 'verified' } }), { type: 'tab-state', tabId: 3, withResult: true });
    expect(dropped).toMatchObject(tab);
    expect('failed' in dropped || dropped.result).toBeUndefined();
  });

  test('a reply of another shape is unreadable: "cleared" is never read into an answer that does not say so', async () => {
    expect(await ask(answering({ ok: false }), { type: 'clear-cache' })).toEqual({ failed: 'unreadable' });
    expect(await ask(answering('ok'), { type: 'clear-cache' })).toEqual({ failed: 'unreadable' });
    expect(await ask(answering({ tabId: 3 }), { type: 'tab-state', tabId: 3 })).toEqual({ failed: 'unreadable' });
    expect(await ask(answering({ ok: true }), { type: 'test-connection', baseUrl: 'https://pith.science' })).toEqual({ failed: 'unreadable' });
  });

  test('the background’s failure replies, nothing at all, and no background are each their own failure', async () => {
    expect(await ask(answering({ error: 'storage refused the write' }), { type: 'clear-cache' })).toEqual({
      failed: 'error',
      error: 'storage refused the write',
    });
    expect(await ask(answering({ refused: true, error: 'clear-cache is not allowed from a web page' }), { type: 'clear-cache' })).toEqual({
      failed: 'refused',
      error: 'clear-cache is not allowed from a web page',
    });
    expect(await ask(answering(undefined), { type: 'detect', tabId: 3 })).toEqual({ failed: 'silent' });
    expect(await ask(answering(null), { type: 'detect', tabId: 3 })).toEqual({ failed: 'silent' });
    const down = async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await ask(down, { type: 'check-all', tabId: 3 })).toEqual({ failed: 'unreachable' });
  });
});
