import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../lib/pith/canonical/parse';
import { canonicalSha256 } from '../../../lib/pith/canonical/serialize';
import { base64ToBytes, bytesToBase64 } from '../../../lib/pith/hash';
import { suffixFromHash } from '../../../lib/pith/number';
import { PITH_KEY_V1 } from '../../../lib/pith/pinned-keys';
import { CHECK_NAMES, type CheckName, type VerifyReport } from '../../../lib/pith/report';
import { createTrustStore } from '../../../lib/pith/trust';
import { verify } from '../../../lib/pith/verify';
import { checkKey } from '../../../lib/pith/checks/key';
import { checkSignature } from '../../../lib/pith/checks/signature';
import { PINNED_TRUST } from '../../../lib/pith/trust';

/** A bare receipt (hash + signature, no record) through the key and signature checks, as verify() runs them. */
function verifyReceiptSignature(hashHex: string, signatureB64: string, keyId: string) {
  const receipt = { key_id: keyId, algorithm: 'ed25519', signature_b64: signatureB64 };
  const key = checkKey(receipt as Parameters<typeof checkKey>[0], PINNED_TRUST);
  const sig = checkSignature(receipt as Parameters<typeof checkSignature>[0], key.check.outcome, key.key, hashHex);
  return { valid: sig.outcome === 'pass', outcome: sig.outcome, keyPinned: key.keyPinned === true, fingerprint: key.fingerprint };
}
import { generateTestKey, signRecord } from '../../helpers/testkeys';

type Json = Record<string, any>;
const fixture = (p: string) => readFileSync(new URL(`../../fixtures/${p}`, import.meta.url), 'utf8');
const SEED_TEXT = fixture('records/2404.14294v3.record.json');
const seed = (): Json => JSON.parse(SEED_TEXT);
const SEED_TITLE = 'A Survey on Efficient Inference for Large Language Models';
const realRecords = (JSON.parse(fixture('records/canonical-real.json')) as { records: Json[] }).records;
const realSigs = (JSON.parse(fixture('signatures-real.json')) as { signatures: Json[] }).signatures;

const outcome = (r: VerifyReport, n: CheckName) => r.checks.find((c) => c.name === n)?.outcome;
const outcomes = (r: VerifyReport) => Object.fromEntries(r.checks.map((c) => [c.name, c.outcome]));

function expectWellFormed(r: VerifyReport) {
  expect(r.checks.map((c) => c.name)).toEqual([...CHECK_NAMES]);
  for (const c of r.checks) {
    expect(['pass', 'fail', 'skip']).toContain(c.outcome);
    expect(c.detail.length).toBeGreaterThan(5);
  }
  expect(['verified', 'unsigned', 'invalid', 'mismatch']).toContain(r.state);
}

describe('the seed record', () => {
  it('is verified', () => {
    const r = verify(seed());
    expectWellFormed(r);
    expect(r.state).toBe('verified');
    expect(outcomes(r)).toEqual({
      schema: 'pass',
      'canonical-hash': 'pass',
      'pith-number': 'pass',
      aliases: 'pass',
      key: 'pass',
      signature: 'pass',
      binding: 'skip',
      title: 'pass',
    });
    expect(r.pithNumber).toBe('pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(r.canonicalSha256).toBe('fe2ecf263871f8eeb42c11d4478df2b69b77748d33f8d92acab2b44d81666059');
    expect(r.keyId).toBe('pith-v1-2026-05');
    expect(r.keyPinned).toBe(true);
    expect(r.fingerprint).toBe('8d4b5ee74e4693bcd1df2446408b0d54');
    expect(r.versionNote).toBeUndefined();
  });
  it('is verified from its JSON text too', () => {
    expect(verify(SEED_TEXT).state).toBe('verified');
  });
  it('binds to its own page', () => {
    const r = verify(seed(), { pageTitle: SEED_TITLE, pageId: { kind: 'arxiv', id: '2404.14294', version: 3 } });
    expect(r.state).toBe('verified');
    expect(outcome(r, 'binding')).toBe('pass');
    expect(r.versionNote).toBeUndefined();
    expect(verify(seed(), { pageTitle: `  a survey on EFFICIENT inference\nfor large language models ` }).state).toBe('verified');
  });
  it('is a mismatch under another title', () => {
    const r = verify(seed(), {
      pageTitle: 'A Survey on Efficient Training for Large Language Models',
      pageId: { kind: 'arxiv', id: '2404.14294', version: 3 },
    });
    expect(r.state).toBe('mismatch');
    expect(outcome(r, 'binding')).toBe('fail');
    expect(r.checks.find((c) => c.name === 'binding')?.detail).toMatch(/title/);
  });
  it('notes another version without calling it a mismatch', () => {
    const r = verify(seed(), { pageTitle: SEED_TITLE, pageId: { kind: 'arxiv', id: '2404.14294', version: 1 } });
    expect(r.state).toBe('verified');
    expect(r.versionNote).toBe('record is for v3');
  });
  it('binds by arXiv id, DOI and Pith Number', () => {
    expect(verify(seed(), { pageId: { kind: 'arxiv', id: '2404.14295' } }).state).toBe('mismatch');
    expect(verify(seed(), { pageId: { kind: 'doi', id: '10.48550/arxiv.2404.14294' } }).state).toBe('verified');
    expect(verify(seed(), { pageId: { kind: 'doi', id: '10.48550/ARXIV.2404.14294' } }).state).toBe('verified');
    // A DOI nothing signed names: the resolver's word only (issue 13), never verified.
    expect(verify(seed(), { pageId: { kind: 'doi', id: '10.1000/xyz' } }).state).toBe('unconfirmed');
    // An arXiv DOI for another paper contradicts the signed source.
    expect(verify(seed(), { pageId: { kind: 'doi', id: '10.48550/arXiv.2404.14295' } }).state).toBe('mismatch');
    const noAliases = seed();
    delete noAliases.aliases;
    expect(verify(noAliases, { pageId: { kind: 'doi', id: '10.48550/arxiv.2404.14294' } }).state).toBe('verified');
    expect(verify(seed(), { pageId: { kind: 'pith', id: '7YXM6JRY' } }).state).toBe('verified');
    expect(verify(seed(), { pageId: { kind: 'pith', id: '7YXM6JRYOH4O5NBMCHKEPDPSW2' } }).state).toBe('verified');
    expect(verify(seed(), { pageId: { kind: 'pith', id: '7YXM6JRZ' } }).state).toBe('mismatch');
  });
});

describe('real records and receipts', () => {
  it('has five canonical records', () => expect(realRecords).toHaveLength(5));
  it.each(realRecords.map((r) => [r.pith_number, r] as const))('%s is unsigned with hash and number passing', (_n, rec) => {
    const r = verify(rec);
    expectWellFormed(r);
    expect(r.state).toBe('unsigned');
    expect(outcome(r, 'canonical-hash')).toBe('pass');
    expect(outcome(r, 'pith-number')).toBe('pass');
    expect(outcome(r, 'signature')).toBe('skip');
    expect(r.pithNumber).toBe(rec.pith_number);
  });
  it.each(realSigs.map((s) => [s.pith_number, s] as const))('receipt %s verifies with the pinned key', (_n, s) => {
    const v = verifyReceiptSignature(s.canonical_sha256, s.signature_b64, s.key_id);
    expect(v).toMatchObject({ valid: true, outcome: 'pass', keyPinned: true, fingerprint: '8d4b5ee74e4693bcd1df2446408b0d54' });
    expect(s.pith_number.endsWith(`:${suffixFromHash(s.canonical_sha256)}`)).toBe(true);
    // the same signature over another hash fails
    const other = realSigs.find((o) => o !== s)!;
    expect(verifyReceiptSignature(other.canonical_sha256, s.signature_b64, s.key_id).valid).toBe(false);
  });
  it('receipt checks fail closed', () => {
    const s = realSigs[0]!;
    expect(verifyReceiptSignature(s.canonical_sha256, s.signature_b64, 'unknown-key')).toMatchObject({ valid: false, outcome: 'skip', keyPinned: false });
    expect(verifyReceiptSignature(s.canonical_sha256, 'not base64!', s.key_id)).toMatchObject({ valid: false, outcome: 'fail' });
    expect(verifyReceiptSignature(s.canonical_sha256, 'AAAA', s.key_id)).toMatchObject({ valid: false, outcome: 'fail' });
    expect(verifyReceiptSignature('xyz', s.signature_b64, s.key_id)).toMatchObject({ valid: false, outcome: 'fail' });
    expect(verifyReceiptSignature(null as unknown as string, s.signature_b64, s.key_id).valid).toBe(false);
  });
});

// ------------------------------------------------------------ tampering

type Path = (string | number)[];
function leafPaths(v: unknown, path: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leafPaths(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...path, k]));
  return [path];
}
function setAt(obj: Json, path: Path, f: (old: any) => any): void {
  let o: any = obj;
  for (const k of path.slice(0, -1)) o = o[k];
  const last = path[path.length - 1]!;
  o[last] = f(o[last]);
}
function mutateLeaf(x: unknown): unknown[] {
  if (typeof x === 'string') return [`${x}x`, x.slice(1), x.toUpperCase() === x ? x.toLowerCase() + 'q' : x.toUpperCase(), ` ${x}`];
  if (typeof x === 'number') return [x + 1, x - 1, String(x), x + 0.5];
  if (typeof x === 'bigint') return [x + 1n];
  if (typeof x === 'boolean') return [!x];
  return ['null-replaced', 0];
}

describe('tampering never verifies', () => {
  const base = seed();
  const paths = leafPaths(base.canonical_record);

  it('walks every leaf of canonical_record', () => {
    expect(paths.length).toBeGreaterThanOrEqual(10);
    let n = 0;
    for (const p of paths) {
      for (const text of [false, true]) {
        const orig = (p.reduce((o: any, k) => o[k], base.canonical_record) as unknown) ?? null;
        for (const replacement of mutateLeaf(orig)) {
          if (replacement === orig) continue;
          const rec = seed();
          setAt(rec.canonical_record, p, () => replacement);
          const r = verify(text ? JSON.stringify(rec) : rec);
          expect(r.state, `${p.join('.')} = ${String(replacement)}`).toBe('invalid');
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(50);
  });

  it('adding or removing fields of canonical_record is invalid, reordering is not', () => {
    const added = seed();
    added.canonical_record.metadata.extra = 'x';
    expect(verify(added).state).toBe('invalid');
    const removed = seed();
    delete removed.canonical_record.metadata.license;
    expect(verify(removed).state).toBe('invalid');
    const emptied = seed();
    emptied.canonical_record.metadata.cross_cats_sorted = [];
    expect(verify(emptied).state).toBe('invalid');
    const reordered = seed();
    const cr = reordered.canonical_record;
    reordered.canonical_record = { schema_version: cr.schema_version, metadata: Object.fromEntries(Object.entries(cr.metadata).reverse()), source: cr.source };
    expect(verify(reordered).state).toBe('verified');
  });

  it('flips every bit of every signature byte', () => {
    const sig = base64ToBytes(base.receipt.signature_b64);
    expect(sig).toHaveLength(64);
    for (let i = 0; i < 64; i++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = sig.slice();
        bad[i]! ^= 1 << bit;
        const rec = seed();
        rec.receipt.signature_b64 = bytesToBase64(bad);
        const r = verify(rec);
        expect(r.state, `byte ${i} bit ${bit}`).toBe('invalid');
        expect(outcome(r, 'signature')).toBe('fail');
      }
    }
  });

  const cases: [string, (r: Json) => void, 'invalid' | 'unsigned'][] = [
    ['canonical_sha256 altered', (r) => (r.canonical_sha256 = r.canonical_sha256.replace(/^f/, 'e')), 'invalid'],
    ['canonical_sha256 upper-cased', (r) => (r.canonical_sha256 = r.canonical_sha256.toUpperCase()), 'invalid'],
    ['pith_number altered', (r) => (r.pith_number = 'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW3'), 'invalid'],
    ['pith_number year altered', (r) => (r.pith_number = 'pith:2023:7YXM6JRYOH4O5NBMCHKEPDPSW2'), 'invalid'],
    ['pith_number lower-cased', (r) => (r.pith_number = r.pith_number.toLowerCase()), 'invalid'],
    ['short number altered', (r) => (r.short_pith_number = 'pith:7YXM6JRZ'), 'invalid'],
    ['pith_short_8 alias altered', (r) => (r.aliases.find((a: Json) => a.alias_kind === 'pith_short_8').alias_value = '7YXM6JRZ'), 'invalid'],
    ['pith_short_16 alias altered', (r) => (r.aliases.find((a: Json) => a.alias_kind === 'pith_short_16').alias_value = '7YXM6JRYOH4O5NBN'), 'invalid'],
    ['arxiv alias altered', (r) => (r.aliases.find((a: Json) => a.alias_kind === 'arxiv').alias_value = '2404.14295'), 'invalid'],
    ['arxiv_version alias altered', (r) => (r.aliases.find((a: Json) => a.alias_kind === 'arxiv_version').alias_value = '2404.14294v2'), 'invalid'],
    ['arXiv doi alias altered', (r) => (r.aliases.find((a: Json) => a.alias_kind === 'doi').alias_value = '10.48550/arxiv.2404.14295'), 'invalid'],
    ['top-level source altered', (r) => (r.source.version = 2), 'invalid'],
    ['another key_id', (r) => (r.receipt.key_id = 'pith-v2-2027-01'), 'unsigned'],
    ['another fingerprint', (r) => (r.receipt.public_key_fingerprint = '8d4b5ee74e4693bcd1df2446408b0d55'), 'invalid'],
    ['algorithm changed', (r) => (r.receipt.algorithm = 'ed448'), 'invalid'],
    ['receipt.canonical_sha256 altered', (r) => (r.receipt.canonical_sha256 = r.receipt.canonical_sha256.replace(/9$/, '8')), 'invalid'],
    ['signed_message changed', (r) => (r.receipt.signed_message = 'canonical_sha256_hex'), 'invalid'],
    ['signature truncated', (r) => (r.receipt.signature_b64 = r.receipt.signature_b64.slice(0, 84)), 'invalid'],
    ['signature not base64', (r) => (r.receipt.signature_b64 = r.receipt.signature_b64.replace(/^./, '*')), 'invalid'],
    ['signature base64url', (r) => (r.receipt.signature_b64 = r.receipt.signature_b64.replace(/\+/g, '-').replace(/\//g, '_')), 'invalid'],
    ['signature with whitespace', (r) => (r.receipt.signature_b64 = ` ${r.receipt.signature_b64}`), 'invalid'],
    ['signature of 65 bytes', (r) => (r.receipt.signature_b64 = bytesToBase64(new Uint8Array([...base64ToBytes(r.receipt.signature_b64), 0]))), 'invalid'],
    ['signature removed', (r) => delete r.receipt.signature_b64, 'invalid'],
    ['receipt removed', (r) => delete r.receipt, 'unsigned'],
    ['receipt null', (r) => (r.receipt = null), 'unsigned'],
    ['other signature of a real receipt', (r) => (r.receipt.signature_b64 = realSigs[0]!.signature_b64), 'invalid'],
  ];
  it.each(cases)('%s', (_name, mutate, state) => {
    const rec = seed();
    mutate(rec);
    const r = verify(rec);
    expectWellFormed(r);
    expect(r.state).toBe(state);
    expect(verify(JSON.stringify(rec)).state).toBe(state);
  });

  it('a signature by a different generated key under Pith’s key id is invalid', () => {
    const other = generateTestKey('pith-v1-2026-05');
    const rec = seed();
    rec.receipt.signature_b64 = other.signHash(rec.canonical_sha256);
    const r = verify(rec);
    expect(r.state).toBe('invalid');
    expect(outcome(r, 'signature')).toBe('fail');
  });

  it('a consistently re-hashed, re-numbered record with Pith’s old signature is invalid', () => {
    const key = generateTestKey('k');
    const rec = signRecord<Json>({ ...seed(), canonical_record: { ...seed().canonical_record, schema_version: '1.1' } }, key);
    rec.receipt = seed().receipt;
    rec.receipt.canonical_sha256 = rec.canonical_sha256;
    expect(verify(rec).state).toBe('invalid');
  });
});

describe('trust injection', () => {
  const key = generateTestKey('test-key-1');
  const tampered = signRecord({ ...seed(), canonical_record: { ...seed().canonical_record, schema_version: '9.9' } }, key);

  it('a record signed by a test key is unsigned under the default trust', () => {
    const r = verify(tampered);
    expect(r.state).toBe('unsigned');
    expect(r.keyPinned).toBe(false);
    expect(outcome(r, 'key')).toBe('skip');
    expect(outcome(r, 'signature')).toBe('skip');
  });
  it('and verified when that key is injected', () => {
    const r = verify(tampered, { trust: key.trust });
    expect(r.state).toBe('verified');
    expect(r.keyPinned).toBe(true);
    expect(r.fingerprint).toBe(key.fingerprintHex);
    expect(verify(tampered, { trust: createTrustStore([PITH_KEY_V1, key.spec]) }).state).toBe('verified');
  });
  it('the seed record is unsigned under a store without Pith’s key', () => {
    expect(verify(seed(), { trust: key.trust }).state).toBe('unsigned');
  });
  it('another injected key with the same id does not verify', () => {
    const impostor = generateTestKey('test-key-1');
    expect(verify(tampered, { trust: impostor.trust }).state).toBe('invalid');
  });
});

// ------------------------------------------------------------ input forms

function bundleOf(rec: Json): Json {
  const cr = rec.canonical_record;
  const reordered = {
    schema_version: cr.schema_version,
    source: { version: cr.source.version, kind: cr.source.kind, id: cr.source.id },
    metadata: cr.metadata,
  };
  return {
    bundle_type: 'pith_open_graph_bundle',
    bundle_version: '1.0',
    pith_number: rec.pith_number,
    short_pith_number: rec.short_pith_number,
    canonical_record: reordered,
    canonical_sha256: rec.canonical_sha256,
    source: rec.source,
    source_aliases: rec.aliases,
    events: [
      {
        event_type: 'record_created',
        subject_pith_number: rec.pith_number,
        target: 'record',
        payload: { canonical_record: reordered, canonical_sha256: rec.canonical_sha256, receipt: rec.receipt },
      },
    ],
    future_field: { anything: [1, 2.5] },
  };
}

describe('input forms', () => {
  it('bundle form verifies (object and text)', () => {
    const b = bundleOf(seed());
    expect(verify(b).state).toBe('verified');
    expect(verify(JSON.stringify(b)).state).toBe('verified');
    expect(verify(b).checks[0]?.detail).toMatch(/bundle/);
  });
  it('bundle without typed events uses events[0]', () => {
    const b = bundleOf(seed());
    delete b.events[0].event_type;
    expect(verify(b).state).toBe('verified');
  });
  it('bundle inconsistencies are invalid', () => {
    const b1 = bundleOf(seed());
    b1.events[0].payload.canonical_sha256 = '0'.repeat(64);
    expect(verify(b1).state).toBe('invalid');
    const b2 = bundleOf(seed());
    b2.events[0].payload.canonical_record = { ...b2.canonical_record, schema_version: '2.0' };
    expect(verify(b2).state).toBe('invalid');
    const b3 = bundleOf(seed());
    b3.events[0].subject_pith_number = 'pith:2024:AAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect(verify(b3).state).toBe('invalid');
    const b4 = bundleOf(seed());
    b4.bundle_type = 'other';
    expect(verify(b4).state).toBe('invalid');
    const b5 = bundleOf(seed());
    b5.events = [];
    expect(verify(b5).state).toBe('unsigned');
  });
  it('minimal form verifies, and without receipt is unsigned', () => {
    const s = seed();
    const m = { pith_number: s.pith_number, canonical_sha256: s.canonical_sha256, canonical_record: s.canonical_record, receipt: s.receipt };
    expect(verify(m).state).toBe('verified');
    expect(verify(m).checks[0]?.detail).toMatch(/minimal/);
    expect(outcome(verify(m), 'aliases')).toBe('skip');
    const { receipt: _r, ...unsigned } = m;
    expect(verify(unsigned).state).toBe('unsigned');
  });
  it('keeps and ignores unknown fields', () => {
    const s = seed();
    s.new_top_level = { deep: [1, { x: null }] };
    s.receipt.new_receipt_field = 'v2';
    s.paper.new_paper_field = 7;
    s.aliases.push({ alias_kind: 'openalex', alias_value: 'W123' });
    expect(verify(s).state).toBe('verified');
  });
  it('bigint and float leaves from parseJson survive', () => {
    const text = SEED_TEXT.replace(
      '"schema_version": "1.0",\n  "canonical_sha256"',
      '"schema_version": "1.0", "huge": 123456789012345678901234567890, "f": 1.0,\n  "canonical_sha256"',
    );
    const v = parseJson(text) as Json;
    expect(verify(v).state).toBe('verified');
  });
});

describe('malformed input', () => {
  const bad: [string, unknown][] = [
    ['null', null],
    ['undefined', undefined],
    ['array', [seed()]],
    ['number', 42],
    ['empty object', {}],
    ['empty string', ''],
    ['not JSON', 'not json'],
    ['truncated JSON', SEED_TEXT.slice(0, 500)],
    ['JSON null', 'null'],
    ['deep nesting text', '['.repeat(200_000)],
    [
      'deep nesting object',
      (() => {
        let o: any = {};
        for (let i = 0; i < 100_000; i++) o = { a: o };
        return { ...seed(), canonical_record: { ...seed().canonical_record, x: o } };
      })(),
    ],
    ['unknown record_type', { ...seed(), record_type: 'other' }],
    [
      'canonical_record missing',
      (() => {
        const s = seed();
        delete s.canonical_record;
        return s;
      })(),
    ],
    ['canonical_record not an object', { ...seed(), canonical_record: 'x' }],
    [
      'version as string',
      (() => {
        const s = seed();
        s.canonical_record.source.version = '3';
        return s;
      })(),
    ],
    [
      'version as float',
      (() => {
        const s = seed();
        s.canonical_record.source.version = 3.5;
        return s;
      })(),
    ],
    [
      'submitted_at as number',
      (() => {
        const s = seed();
        s.canonical_record.metadata.submitted_at = 2024;
        return s;
      })(),
    ],
    [
      'cross_cats not array',
      (() => {
        const s = seed();
        s.canonical_record.metadata.cross_cats_sorted = 'cs.AI';
        return s;
      })(),
    ],
    [
      'pith_number missing',
      (() => {
        const s = seed();
        delete s.pith_number;
        return s;
      })(),
    ],
    ['canonical_sha256 number', { ...seed(), canonical_sha256: 5 }],
    ['receipt not an object', { ...seed(), receipt: 'sig' }],
    [
      'key_id number',
      (() => {
        const s = seed();
        s.receipt.key_id = 1;
        return s;
      })(),
    ],
    [
      'invalid base64',
      (() => {
        const s = seed();
        s.receipt.signature_b64 = '!!!!';
        return s;
      })(),
    ],
    ['aliases not array', { ...seed(), aliases: 'x' }],
    [
      'submitted_at without year',
      (() => {
        const s = seed();
        s.canonical_record.metadata.submitted_at = 'April 2024';
        return s;
      })(),
    ],
    [
      'canonical_record with undefined',
      (() => {
        const s = seed();
        s.canonical_record.metadata.x = undefined;
        return s;
      })(),
    ],
    [
      'canonical_record with lone surrogate',
      (() => {
        const s = seed();
        s.canonical_record.metadata.license = '\ud800';
        return s;
      })(),
    ],
    [
      'throwing getter',
      new Proxy(
        {},
        {
          get() {
            throw new Error('boom');
          },
          ownKeys() {
            throw new Error('boom');
          },
        },
      ),
    ],
  ];
  it.each(bad)('%s → invalid with a reason, no throw', (_name, input) => {
    let r: VerifyReport | undefined;
    expect(() => (r = verify(input))).not.toThrow();
    expectWellFormed(r!);
    expect(r!.state).toBe('invalid');
    const failed = r!.checks.filter((c) => c.outcome === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.detail).toMatch(/\w+ \w+/);
  });
  it('bad options do not throw', () => {
    expect(verify(seed(), null as never).state).toBe('verified');
    expect(verify(seed(), { pageTitle: 5 as never }).state).toBe('verified');
  });
  it('random values never throw and never verify', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true }), (x) => {
        const r = verify(x);
        expect(r.state).toBe('invalid');
      }),
      { numRuns: 300 },
    );
  });
  it('random mutations of the seed never throw and verify only when the signed content is unchanged', () => {
    const seedHash = canonicalSha256(seed().canonical_record);
    const paths = leafPaths(seed());
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything({ maxDepth: 2 }), (p, value) => {
        const rec = seed();
        setAt(rec, p, () => value);
        const r = verify(rec);
        if (r.state === 'verified') {
          expect(canonicalSha256(rec.canonical_record)).toBe(seedHash);
          expect(rec.pith_number).toBe('pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2');
        }
      }),
      { numRuns: 500 },
    );
  });
});
