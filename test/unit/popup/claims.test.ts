import { describe, expect, test } from 'vitest';
import { claimsView, hasClaims } from '../../../lib/popup/claims';
import { seed } from '../../helpers/seed-results';

describe('claimsView', () => {
  test('headline, summary, strongest claim, weakest assumption with status', () => {
    const c = claimsView(seed());
    expect(c.headline?.text).toMatch(/^A survey organizes methods/);
    expect(c.summary?.text).toMatch(/^The paper surveys techniques/);
    expect(c.strongest?.text).toMatch(/^This paper presents a comprehensive survey/);
    expect(c.weakest?.text).toMatch(/^That the chosen representative methods/);
    for (const x of [c.headline, c.summary, c.strongest, c.weakest]) {
      expect(x?.machineExtracted).toBe(true);
      expect(x?.status).toBe('machine extracted');
    }
    expect(c.strongest?.kindLabel).toBe('Strongest claim');
    expect(c.others).toEqual([]);
    expect(c.counts).toEqual({ claims: 4, references: 298, referencesResolved: 298, inboundCitations: 36 });
    expect(c.verdictBy).toBe('grok-4.3, pith-pipeline@v0.9.0');
    expect(hasClaims(c)).toBe(true);
  });
  test('falls back to the verdict when the claims list is missing', () => {
    const rec = seed();
    delete rec.graph_snapshot.claims;
    const c = claimsView(rec);
    expect(c.strongest?.text).toMatch(/^This paper presents/);
    expect(c.strongest?.machineExtracted).toBe(false);
    expect(c.strongest?.status).toBeUndefined();
    expect(c.counts.claims).toBeUndefined();
  });
  test('unknown kinds are kept as other claims; ill-typed items dropped', () => {
    const c = claimsView({ graph_snapshot: { claims: { items: [{ kind: 'novel_result', text: 'X', status: 'author_attested' }, { kind: 3 }, null] } } });
    expect(c.others).toHaveLength(1);
    expect(c.others[0]).toMatchObject({ kind: 'novel_result', text: 'X', status: 'author attested', machineExtracted: false });
    expect(c.others[0]!.kindLabel).toBe('Claim (novel result)');
    expect(c.counts.claims).toBe(3);
  });
  test('a record with nothing has no claims', () => {
    expect(hasClaims(claimsView({}))).toBe(false);
  });
});
