/**
 * Attacks by a dishonest resolver (issue 13), on verify() alone: an unsigned
 * alias does not bind; a page title that hashes to the signed title does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../lib/pith/verify';

const SEED_TEXT = readFileSync(new URL('../../fixtures/records/2404.14294v3.record.json', import.meta.url), 'utf8');
const SEED_TITLE = 'A Survey on Efficient Inference for Large Language Models';
const FOREIGN_DOI = '10.1145/3442188.3445922';

describe('an unsigned DOI alias does not bind', () => {
  it('a page title that hashes to the signed title binds a DOI the signature does not name', () => {
    const rec = JSON.parse(SEED_TEXT);
    rec.aliases.push({ alias_kind: 'doi', alias_value: FOREIGN_DOI });
    expect(verify(rec, { pageId: { kind: 'doi', id: FOREIGN_DOI } }).state).toBe('unconfirmed');
    expect(verify(rec, { pageId: { kind: 'doi', id: FOREIGN_DOI }, pageTitle: SEED_TITLE }).state).toBe('verified');
    expect(verify(rec, { pageId: { kind: 'doi', id: FOREIGN_DOI }, pageTitle: 'On the Dangers of Stochastic Parrots' }).state).toBe('mismatch');
  });
});
