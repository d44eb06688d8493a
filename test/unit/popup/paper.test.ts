import { describe, expect, test } from 'vitest';
import { paperView } from '../../../lib/popup/paper';
import { seed, SEED_TITLE } from '../../helpers/seed-results';

describe('paperView', () => {
  test('reads the seed record: title, authors, id, version, categories', () => {
    const v = paperView(seed());
    expect(v.title).toBe(SEED_TITLE);
    expect(v.authors).toMatch(/^Guohao Dai, Jiaming Xu/);
    expect(v.arxivId).toBe('2404.14294');
    expect(v.version).toBe(3);
    expect(v.categories).toEqual(['cs.CL', 'cs.AI']);
    expect(v.submittedAt).toBe('2024-04-22');
    expect(v.doi).toBe('10.48550/arxiv.2404.14294');
  });
  test('never throws on junk and renders what is there', () => {
    for (const junk of [undefined, null, 3, 'x', [], { paper: 'no' }, { canonical_record: { source: [] } }]) {
      expect(() => paperView(junk)).not.toThrow();
      expect(paperView(junk).categories).toEqual([]);
    }
    expect(paperView({ paper: { title: '  T  ', authors_text: 7 } })).toEqual({ categories: [], title: 'T', titleSigned: false });
  });
  test('falls back to the unsigned paper block when there is no canonical record', () => {
    const v = paperView({ source: { kind: 'arxiv', id: '1301.7058', version: 1 }, paper: { primary_cat: 'hep-th', cross_cats: ['hep-th', 'gr-qc'] } });
    expect(v.arxivId).toBe('1301.7058');
    expect(v.categories).toEqual(['hep-th', 'gr-qc']);
  });
  test('caps hostile lengths', () => {
    const v = paperView({ paper: { title: 'x'.repeat(50_000) } });
    expect(v.title!.length).toBeLessThanOrEqual(1001);
  });
});
