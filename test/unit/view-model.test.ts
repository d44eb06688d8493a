import { describe, expect, test } from 'vitest';
import { detectFromText, describeTextError } from '../../lib/ids/index';
import {
  addRecent,
  checkRows,
  claimsView,
  completenessLadder,
  failedChecks,
  formatAge,
  hasClaims,
  MAX_RECENT,
  paperView,
  parseLookupInput,
  parsePithNumber,
  parseRecent,
  pithNumberView,
  recordJson,
  resultLabel,
  screenFor,
  statusFlags,
  verificationView,
  type RecentLookup,
} from '../../lib/view-model';
import { STATES } from '../../lib/states';
import { invalidResult, mismatchResult, seed, SEED_SUFFIX, SEED_TITLE, unsignedResult, verifiedResult } from './components/fixtures';

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

describe('pithNumberView', () => {
  test('full and short forms, URL and LaTeX from the seed', () => {
    const v = pithNumberView(verifiedResult())!;
    expect(v.full).toBe(`pith:2024:${SEED_SUFFIX}`);
    expect(v.short).toBe('pith:7YXM6JRY');
    expect(v.url).toBe(`https://pith.science/pith/${SEED_SUFFIX}`);
    expect(v.latex).toBe(`\\pithnumber{${SEED_SUFFIX}}`);
  });
  test('ignores malformed numbers, never builds a URL from junk', () => {
    expect(pithNumberView({ record: { pith_number: 'pith:2024:"><script>' } })).toBeUndefined();
    expect(pithNumberView({ record: {}, pithNumber: 'javascript:alert(1)' })).toBeUndefined();
    expect(parsePithNumber(`pith:2024:${SEED_SUFFIX}`)).toEqual({ year: '2024', suffix: SEED_SUFFIX });
    expect(parsePithNumber(`pith:2024:${SEED_SUFFIX.slice(0, 8)}`)).toBeUndefined();
  });
  test('falls back to the re-derived number when the record has none', () => {
    const v = pithNumberView({ record: {}, report: { state: 'unsigned', checks: [], pithNumber: `pith:2024:${SEED_SUFFIX}` } });
    expect(v?.suffix).toBe(SEED_SUFFIX);
  });
});

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

describe('status words and ladder', () => {
  test('the seed: not attested, not anchored, not stored, refs resolved', () => {
    expect(statusFlags(seed()).map((w) => w.label)).toEqual(['not attested', 'not anchored', 'not stored', 'refs resolved']);
  });
  test('flags set', () => {
    const rec = seed();
    Object.assign(rec.verification_status, { author_attested: true, externally_anchored: true, storage_verified: true, references_resolved: false });
    expect(statusFlags(rec).map((w) => w.label)).toEqual(['attested', 'anchored', 'stored', 'refs pending']);
  });
  test('missing flags are said to be not stated, not guessed', () => {
    const w = statusFlags({});
    expect(w.every((x) => x.done === undefined)).toBe(true);
    expect(w[0]!.label).toBe('author attestation: not stated');
  });
  test('ladder from the seed: no rung reached', () => {
    const l = completenessLadder(seed());
    expect(l.map((r) => r.label)).toEqual(['Bitcoin timestamp', 'Internet Archive', 'Author claim', 'Citations', 'Replications']);
    expect(l.map((r) => r.reached)).toEqual([false, false, false, false, false]);
  });
  test('ladder inference from the flags', () => {
    const rec = seed();
    Object.assign(rec.verification_status, { externally_anchored: true, weak_author_claims: 1, citation_signatures: 2 });
    expect(completenessLadder(rec).map((r) => r.reached)).toEqual([true, false, true, true, false]);
    expect(completenessLadder({}).map((r) => r.reached)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('checks and verification view', () => {
  test('every check of a verified report, in order, with symbols', () => {
    const rows = checkRows(verifiedResult().report);
    expect(rows.map((r) => r.name)).toEqual(['schema', 'canonical-hash', 'pith-number', 'aliases', 'key', 'signature', 'binding', 'title']);
    expect(rows.every((r) => r.symbol === '✓' && r.outcomeLabel === 'passed')).toBe(true);
    expect(rows[1]!.label).toBe('Canonical hash');
    expect(checkRows(undefined)).toEqual([]);
  });
  test('invalid: failed checks named', () => {
    const failed = failedChecks(invalidResult().report).map((r) => r.name);
    expect(failed).toEqual(['canonical-hash', 'pith-number', 'aliases', 'signature']);
    expect(checkRows(invalidResult().report).find((r) => r.name === 'binding')?.symbol).toBeDefined();
  });
  test('unknown check names sort last and keep their names', () => {
    const rows = checkRows({ state: 'unsigned', checks: [{ name: 'zeta', outcome: 'skip', detail: 'd' }, { name: 'schema', outcome: 'pass', detail: 'ok' }] });
    expect(rows.map((r) => [r.name, r.label, r.symbol])).toEqual([['schema', 'Record shape', '✓'], ['zeta', 'zeta', '•']]);
  });
  test('verified: hashes equal, number re-derived, key pinned, binding', () => {
    const v = verificationView(verifiedResult());
    expect(v.hash).toEqual({
      published: 'fe2ecf263871f8eeb42c11d4478df2b69b77748d33f8d92acab2b44d81666059',
      recomputed: 'fe2ecf263871f8eeb42c11d4478df2b69b77748d33f8d92acab2b44d81666059',
      equal: true,
    });
    expect(v.number.derived).toBe(`pith:2024:${SEED_SUFFIX}`);
    expect(v.key).toEqual({ id: 'pith-v1-2026-05', fingerprint: '8d4b5ee74e4693bcd1df2446408b0d54', pinned: true, outcome: 'pass' });
    expect(v.signature.outcome).toBe('pass');
    expect(v.signature.algorithm).toBe('ed25519');
    expect(v.binding).toMatchObject({ outcome: 'pass', id: 'arxiv:2404.14294', version: 3 });
    expect(v.binding.titleHash).toMatch(/^0158e010/);
  });
  test('invalid: hashes differ', () => {
    const v = verificationView(invalidResult());
    expect(v.hash.equal).toBe(false);
    expect(v.number.derived).not.toBe(v.number.published);
  });
  test('mismatch: the binding fails', () => {
    expect(verificationView(mismatchResult()).binding.outcome).toBe('fail');
  });
  test('unsigned: no key, signature skipped', () => {
    const v = verificationView(unsignedResult());
    expect(v.signature.outcome).toBe('skip');
    expect(v.key.id).toBeUndefined();
  });
  test('no report, no record: empty but safe', () => {
    expect(verificationView({})).toEqual({ hash: {}, number: {}, key: {}, signature: {}, binding: {} });
  });
});

describe('screens, ages, labels', () => {
  test('each state has a screen; pending is loading', () => {
    for (const s of STATES) expect(screenFor(s)).toBe(s === 'pending' ? 'loading' : s);
  });
  test('formatAge', () => {
    const now = 1_000_000_000_000;
    expect(formatAge(now - 5_000, now)).toBe('just now');
    expect(formatAge(now - 60_000, now)).toBe('1 minute ago');
    expect(formatAge(now - 3 * 3600_000, now)).toBe('3 hours ago');
    expect(formatAge(now - 3 * 86400_000, now)).toBe('3 days ago');
    expect(formatAge(undefined, now)).toBe('an unknown time ago');
    expect(formatAge(now + 3600_000, now)).toBe('an unknown time ago');
  });
  test('resultLabel prefers the title', () => {
    expect(resultLabel(verifiedResult())).toBe(SEED_TITLE);
    expect(resultLabel({ id: { kind: 'doi', id: '10.1/x' } })).toBe('doi:10.1/x');
  });
  test('recordJson is the record, pretty printed', () => {
    expect(JSON.parse(recordJson(seed()))).toEqual(seed());
  });
});

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
    expect(parseLookupInput('a', () => { throw new Error('boom'); }).ok).toBe(false);
  });
});
