import { describe, expect, test } from 'vitest';
import { detectFromText, describeTextError } from '../../../lib/ids/index';
import { parseLookupInput } from '../../../lib/popup/lookup-box';
import { SEED_SUFFIX } from '../../helpers/seed-results';

describe('parseLookupInput with the real detector', () => {
  const parse = (t: string) => parseLookupInput(t, detectFromText, describeTextError);
  test('arXiv id, DOI, Pith Number, URL', () => {
    expect(parse('2404.14294')).toMatchObject({ ok: true, id: { kind: 'arxiv', id: '2404.14294' } });
    expect(parse('10.48550/arXiv.2404.14294').ok).toBe(true);
    expect(parse('doi:10.1145/3442188.3445922')).toMatchObject({ ok: true, id: { kind: 'doi', id: '10.1145/3442188.3445922' } });
    expect(parse(`pith:2024:${SEED_SUFFIX}`)).toMatchObject({ ok: true, id: { kind: 'pith', id: SEED_SUFFIX } });
    expect(parse('pith:7YXM6JRY')).toMatchObject({ ok: true, id: { kind: 'pith', id: '7YXM6JRY' } });
    expect(parse('https://arxiv.org/abs/2404.14294v3')).toMatchObject({ ok: true, id: { kind: 'arxiv', id: '2404.14294', version: 3 } });
  });
  test('empty and nonsense give inline errors', () => {
    expect(parse('   ')).toEqual({ ok: false, error: 'Type an arXiv id, a DOI, a Pith Number or a paper link.' });
    const r = parse('hello world');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toMatch(/Not an arXiv id/);
    expect(parse('x'.repeat(3000)).ok).toBe(false);
  });
  test('a detector that throws is an inline error, not a crash', () => {
    expect(
      parseLookupInput('a', () => {
        throw new Error('boom');
      }).ok,
    ).toBe(false);
  });
});
