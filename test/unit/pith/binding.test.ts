import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { bindReport } from '../../../lib/pith/binding';
import { verify } from '../../../lib/pith/verify';
import type { VerifyReport } from '../../../lib/pith/report';

const seedText = readFileSync(new URL('../../fixtures/records/2404.14294v3.record.json', import.meta.url), 'utf8');
const seed = JSON.parse(seedText) as { canonical_record: unknown; aliases: unknown[] };
const TITLE = 'A Survey on Efficient Inference for Large Language Models';

function base(): VerifyReport {
  return verify(seedText);
}

describe('bindReport', () => {
  it('the page-independent seed report is verified and its binding skipped', () => {
    const r = base();
    expect(r.state).toBe('verified');
    const b = bindReport(r, seed.canonical_record, seed.aliases, {});
    expect(b.state).toBe('verified');
    expect(b.checks.find((c) => c.name === 'binding')?.outcome).toBe('skip');
  });

  it('binds the arXiv id and title', () => {
    const b = bindReport(base(), seed.canonical_record, seed.aliases, {
      id: { kind: 'arxiv', id: '2404.14294' },
      title: `  a survey on EFFICIENT inference\nfor large language models `,
    });
    expect(b.state).toBe('verified');
    expect(b.checks.find((c) => c.name === 'binding')?.outcome).toBe('pass');
    expect(b.versionNote).toBeUndefined();
  });

  it('agrees with verify() given the same page', () => {
    const page = { id: { kind: 'arxiv' as const, id: '2404.14294' }, title: TITLE };
    const direct = verify(seedText, { pageId: page.id, pageTitle: page.title });
    const bound = bindReport(base(), seed.canonical_record, seed.aliases, page);
    expect(bound.state).toBe(direct.state);
  });

  it('another arXiv id is a mismatch; another version only a note', () => {
    expect(bindReport(base(), seed.canonical_record, seed.aliases, { id: { kind: 'arxiv', id: '2404.14295' } }).state).toBe('mismatch');
    const v1 = bindReport(base(), seed.canonical_record, seed.aliases, { id: { kind: 'arxiv', id: '2404.14294', version: 1 } });
    expect(v1.state).toBe('verified');
    expect(v1.versionNote).toBe('record is for v3');
  });

  it('a different title is a mismatch', () => {
    const b = bindReport(base(), seed.canonical_record, seed.aliases, { id: { kind: 'arxiv', id: '2404.14294' }, title: 'Another paper' });
    expect(b.state).toBe('mismatch');
    expect(b.checks.find((c) => c.name === 'binding')?.detail).toMatch(/title/);
  });

  it('DOIs: only the arXiv DOI derived from the signed source binds; others are the resolver’s word', () => {
    expect(bindReport(base(), seed.canonical_record, seed.aliases, { id: { kind: 'doi', id: '10.48550/arXiv.2404.14294' } }).state).toBe('verified');
    expect(bindReport(base(), seed.canonical_record, [], { id: { kind: 'doi', id: '10.48550/arxiv.2404.14294' } }).state).toBe('verified');
    expect(bindReport(base(), seed.canonical_record, seed.aliases, { id: { kind: 'doi', id: '10.1145/3442188.3445922' } }).state).toBe('unconfirmed');
  });

  it('Pith ids: a prefix of the suffix binds', () => {
    expect(bindReport(base(), seed.canonical_record, seed.aliases, { id: { kind: 'pith', id: '7YXM6JRY' } }).state).toBe('verified');
    expect(bindReport(base(), seed.canonical_record, seed.aliases, { id: { kind: 'pith', id: 'AAAAAAAA' } }).state).toBe('mismatch');
  });

  it('invalid stays invalid; a bound mismatch can be re-bound', () => {
    const bad: VerifyReport = { state: 'invalid', checks: [{ name: 'canonical-hash', outcome: 'fail', detail: 'x' }] };
    expect(bindReport(bad, seed.canonical_record, seed.aliases, { id: { kind: 'arxiv', id: '2404.14295' } }).state).toBe('invalid');
    const mm = bindReport(base(), seed.canonical_record, seed.aliases, { id: { kind: 'arxiv', id: '2404.14295' } });
    expect(bindReport(mm, seed.canonical_record, seed.aliases, { id: { kind: 'arxiv', id: '2404.14294' } }).state).toBe('verified');
    const unsigned: VerifyReport = { ...base(), state: 'unsigned' };
    expect(bindReport(unsigned, seed.canonical_record, seed.aliases, { id: { kind: 'arxiv', id: '2404.1' } }).state).toBe('mismatch');
  });

  it('never throws on junk canonical records or aliases', () => {
    for (const junk of [null, 42, 'x', [], { source: 7 }, { source: { id: 5 } }]) {
      const b = bindReport(base(), junk, junk, { id: { kind: 'arxiv', id: '2404.14294' }, title: 't' });
      expect(['mismatch', 'verified']).toContain(b.state);
    }
  });
});
