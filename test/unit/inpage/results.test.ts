import { describe, expect, test } from 'vitest';
import { createResultStore } from '../../../lib/inpage/results';
import type { PaperResult } from '../../../lib/messages';

const base: PaperResult = { key: 'arxiv:2404.14294', id: { kind: 'arxiv', id: '2404.14294', version: 3 }, state: 'verified' };

describe('createResultStore', () => {
  test('a pending answer never replaces a final one (reconnect re-sends pending for everything)', () => {
    const store = createResultStore();
    expect(store.apply([{ ...base, state: 'pending' }])).toEqual(['arxiv:2404.14294']);
    expect(store.apply([{ ...base, state: 'verified' }])).toEqual(['arxiv:2404.14294']);
    expect(store.apply([{ ...base, state: 'pending' }])).toEqual([]);
    expect(store.get('arxiv:2404.14294')?.state).toBe('verified');
    expect(store.apply([{ ...base, state: 'invalid' }])).toEqual(['arxiv:2404.14294']);
    expect(store.get('arxiv:2404.14294')?.state).toBe('invalid');
  });
  test('allFinal', () => {
    const store = createResultStore();
    expect(store.allFinal(['a'])).toBe(false);
    store.apply([{ ...base, key: 'a', state: 'pending' }]);
    expect(store.allFinal(['a'])).toBe(false);
    store.apply([{ ...base, key: 'a', state: 'not-found' }]);
    expect(store.allFinal(['a'])).toBe(true);
    expect(store.allFinal([])).toBe(true);
  });
});
