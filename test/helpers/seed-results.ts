/**
 * LookupResults for popup tests, built from the real seed record and the real
 * verify(): one per state screen.
 */
import seedJson from '../fixtures/records/2404.14294v3.record.json';
import type { PaperId } from '../../lib/ids/key';
import type { LookupResult, PaperResult, TabState } from '../../lib/messages';
import { verify } from '../../lib/pith/verify';
import { SEED_TITLE } from './seed';

export { SEED_SUFFIX, SEED_TITLE } from './seed';

const SEED_ID: PaperId = { kind: 'arxiv', id: '2404.14294', version: 3 };

/** A fresh deep copy of the seed record, free to tamper with. */
export function seed(): Record<string, any> {
  return structuredClone(seedJson) as Record<string, any>;
}

function result(record: unknown, state: LookupResult['state'], report: LookupResult['report'], id: PaperId = SEED_ID): LookupResult {
  const r: LookupResult = { key: `arxiv:${'2404.14294'}`, id, state, record, host: 'pith.science', fetchedAt: Date.now() };
  if (report) r.report = report;
  if (report?.pithNumber) r.pithNumber = report.pithNumber;
  return r;
}

export function verifiedResult(): LookupResult {
  const rec = seed();
  const report = verify(rec, { pageTitle: SEED_TITLE, pageId: SEED_ID });
  return result(rec, report.state, report);
}

/** The canonical record changed after signing: hash, number and signature fail. */
export function invalidResult(): LookupResult {
  const rec = seed();
  rec.canonical_record.metadata.primary_cat = 'cs.LG';
  const report = verify(rec, { pageTitle: SEED_TITLE, pageId: SEED_ID });
  return result(rec, report.state, report);
}

/** A valid record read on a page whose title is another paper's. */
export function mismatchResult(): LookupResult {
  const rec = seed();
  const report = verify(rec, { pageTitle: 'Attention Is All You Need', pageId: SEED_ID });
  return result(rec, report.state, report);
}

/** No receipt: the hash and number check out, nothing vouches for them. */
export function unsignedResult(): LookupResult {
  const rec = seed();
  delete rec.receipt;
  const report = verify(rec, { pageTitle: SEED_TITLE, pageId: SEED_ID });
  return result(rec, report.state, report);
}

export function notFoundResult(id: PaperId = { kind: 'arxiv', id: '2501.00001' }): LookupResult {
  return { key: `${id.kind}:${id.id}`, id, state: 'not-found', reason: 'The resolver has no Pith Number for this id.' };
}

/** The resolver failed; the cached record (3 hours old) is carried, marked stale. */
export function errorResult(withCache = true): LookupResult {
  const base: LookupResult = {
    key: 'arxiv:2404.14294',
    id: SEED_ID,
    state: 'error',
    reason: 'HTTP 500 from pith.science',
  };
  if (!withCache) return base;
  const v = verifiedResult();
  return { ...v, state: 'error', reason: base.reason, stale: true, fetchedAt: Date.now() - 3 * 3600_000 };
}

export function paperResult(r: LookupResult): PaperResult {
  const { report: _report, record: _record, host: _host, ...rest } = r;
  return rest;
}

export function tabState(papers: PaperResult[], tabId = 7): TabState {
  return { tabId, url: 'https://arxiv.org/abs/2404.14294', kind: papers.length > 1 ? 'listing' : 'abstract', papers };
}
