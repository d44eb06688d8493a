import { describe, expect, it } from 'vitest';
import { CACHE_VERSION } from '../../../lib/resolver/cache-entry';
import { buildEntry, type Verify } from '../../../lib/resolver/record-entry';
import { recordText } from '../../helpers/resolver-harness';

const unsigned: Verify = () => ({ state: 'unsigned', checks: [], pithNumber: 'pith:2024:FROMTHEREPORT' });

describe('buildEntry', () => {
  it('keeps the text as served with the report and the fields the answers show', () => {
    const text = recordText('2404.00001', {
      aliases: [
        { alias_kind: 'doi', alias_value: '10.1/ABC' },
        { alias_kind: 'doi', alias_value: 'x'.repeat(513) },
      ],
    });
    const e = buildEntry(text, 'pith.test', 42, unsigned, 'stamp-1');
    expect(e).toEqual({
      v: CACHE_VERSION,
      kind: 'record',
      fetchedAt: 42,
      host: 'pith.test',
      text,
      stamp: 'stamp-1',
      report: { state: 'unsigned', checks: [], pithNumber: 'pith:2024:FROMTHEREPORT' },
      bind: { source: { id: '2404.00001', kind: 'arxiv', version: 2 }, titleSha: 'ab'.repeat(32), dois: ['10.1/abc'] },
      pithNumber: 'pith:2024:FROMTHEREPORT',
      headline: 'Headline 2404.00001',
      summary: 'Summary 2404.00001',
    });
  });

  it('a verifier that throws or returns no report makes the entry invalid', () => {
    const throwing = buildEntry(
      recordText('1'),
      'h',
      0,
      () => {
        throw new Error('boom');
      },
      's',
    );
    expect(throwing.report).toEqual({ state: 'invalid', checks: [{ name: 'schema', outcome: 'fail', detail: 'The verifier failed on this record.' }] });
    const empty = buildEntry(recordText('1'), 'h', 0, (() => undefined) as unknown as Verify, 's');
    expect(empty.report.checks[0]?.detail).toBe('The verifier returned no report.');
  });

  it('text that is not JSON is kept, with nothing to bind or show', () => {
    const e = buildEntry('{not json', 'h', 0, () => ({ state: 'invalid', checks: [] }), 's');
    expect(e.text).toBe('{not json');
    expect(e.bind).toEqual({ dois: [] });
    expect(e.pithNumber ?? e.headline ?? e.summary ?? e.title).toBeUndefined();
  });
});
