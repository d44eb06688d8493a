import { describe, expect, test } from 'vitest';
import { MAX_RECENT, parseRecent, addRecent, type RecentLookup } from '../../../lib/popup/recent';

describe('recent lookups', () => {
  const entry = (n: number): RecentLookup => ({ id: { kind: 'arxiv', id: `2404.${String(10000 + n)}` }, label: `P${n}`, at: n });
  test('parseRecent keeps valid entries only', () => {
    expect(parseRecent(undefined)).toEqual([]);
    expect(parseRecent('x')).toEqual([]);
    expect(parseRecent([entry(1), { id: { kind: 'bogus' } }, entry(2)])).toEqual([entry(1), entry(2)]);
  });
  test('addRecent: newest first, unique, at most 10', () => {
    let list: RecentLookup[] = [];
    for (let i = 0; i < 15; i++) list = addRecent(list, entry(i));
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]!.label).toBe('P14');
    list = addRecent(list, { ...entry(10), at: 99 });
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toEqual({ ...entry(10), at: 99 });
    expect(list.filter((r) => r.id.id === entry(10).id.id)).toHaveLength(1);
  });
});
