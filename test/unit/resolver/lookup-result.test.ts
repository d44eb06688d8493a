import { describe, expect, it } from 'vitest';
import type { PaperId } from '../../../lib/ids/key';
import { CACHE_VERSION, type RecordEntry } from '../../../lib/resolver/cache-entry';
import { fromNotFound, fromRecord, lookupFailed } from '../../../lib/resolver/lookup-result';

const ID: PaperId = { kind: 'arxiv', id: '2404.00001' };
const KEY = 'arxiv:2404.00001';

function entry(titleCheck: 'pass' | 'fail' | undefined, extra: Partial<RecordEntry> = {}): RecordEntry {
  return {
    v: CACHE_VERSION,
    kind: 'record',
    fetchedAt: 7,
    host: 'pith.test',
    text: '{"record_type":"pith_number_record"}',
    stamp: 's',
    report: { state: 'unsigned', checks: titleCheck ? [{ name: 'title', outcome: titleCheck, detail: 'd' }] : [] },
    bind: { source: { id: '2404.00001', kind: 'arxiv', version: 2 }, dois: [] },
    title: 'A served title',
    headline: 'H',
    ...extra,
  };
}

describe('answers shaped from cache entries', () => {
  it('a record answer is bound to the page and shows the stored fields; the record only when asked', () => {
    const r = fromRecord(ID, KEY, entry(undefined), {}, false);
    expect(r).toMatchObject({ key: KEY, id: ID, state: 'unsigned', fetchedAt: 7, host: 'pith.test', headline: 'H' });
    expect(r.report?.checks.find((c) => c.name === 'binding')?.outcome).toBe('pass');
    expect(r.record).toBeUndefined();
    expect(fromRecord(ID, KEY, entry(undefined), {}, true)).toMatchObject({ record: { record_type: 'pith_number_record' }, recordText: entry(undefined).text });
    expect(fromRecord(ID, KEY, entry(undefined, { text: 'not json' }), {}, true).record).toBe('not json');
  });

  it('another arXiv id on the page is a mismatch', () => {
    expect(fromRecord(ID, KEY, entry(undefined), { id: { kind: 'arxiv', id: '2404.99999' } }, false).state).toBe('mismatch');
  });

  it('signedTitle is the served title only when the title check passed', () => {
    expect(fromRecord(ID, KEY, entry('pass'), {}, false).signedTitle).toBe('A served title');
    expect(fromRecord(ID, KEY, entry('fail'), {}, false).signedTitle).toBeUndefined();
    expect(fromRecord(ID, KEY, entry(undefined), {}, false).signedTitle).toBeUndefined();
    expect(fromRecord(ID, KEY, entry('pass', { title: 'x'.repeat(2001) }), {}, false).signedTitle).toBeUndefined();
  });

  it('not-found and failed lookups say why in words', () => {
    expect(fromNotFound(ID, KEY, { v: CACHE_VERSION, kind: 'not-found', fetchedAt: 3, host: 'pith.test' })).toEqual({
      key: KEY,
      id: ID,
      state: 'not-found',
      reason: 'pith.test has no Pith Number for this paper',
      fetchedAt: 3,
      host: 'pith.test',
    });
    expect(lookupFailed(ID, KEY, new Error('boom'))).toEqual({ key: KEY, id: ID, state: 'error', reason: 'lookup failed: boom' });
    expect(lookupFailed(ID, KEY, 'thrown string').reason).toBe('lookup failed: unknown error');
  });
});
