/**
 * The local mirror's record set, built at start:
 * - the real seed record (arXiv 2404.14294v3, signed by Pith's pinned key) → verified;
 * - the five real canonical records of canonical-real.json wrapped as records
 *   without receipts → unsigned;
 * - a tampered copy of the seed (one canonical leaf changed, old hash and
 *   signature kept) served for arXiv 2404.99998 → invalid;
 * - synthetic records for any other plausible arXiv id, deterministic, signed by
 *   a test key generated at start (never pinned) → unsigned;
 * - ids in the not-found set (2404.99999 and anything starting 2404.9999) → 404.
 *
 * The mirror has its own small canonical-JSON/base32 code on purpose: it is an
 * independent implementation the extension's verifier is tested against. It
 * only has to handle what these records hold (strings, small integers, arrays).
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES_DIR = new URL('../fixtures/', import.meta.url).pathname;

const SEED_ARXIV = '2404.14294';
export const TAMPERED_ARXIV = '2404.99998';
const NOT_FOUND_ARXIV = '2404.99999';
const TEST_KEY_ID = 'mirror-test-key';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface MirrorRecord {
  /** The bare 26-char suffix. */
  suffix: string;
  arxivId?: string;
  /** The record as an object, and the exact text served. */
  record: Record<string, Json>;
  text: string;
  kind: 'seed' | 'real-canonical' | 'synthetic' | 'tampered';
  /** What the extension should say about it (without a page binding). */
  expected: 'verified' | 'unsigned' | 'invalid';
}

// ---------------------------------------------------------------- helpers

/** Python json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False) for strings/ints/arrays/objects. */
function canonicalJson(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new Error('mirror canonical JSON handles integers only');
    return String(v);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k] as Json)}`).join(',')}}`;
}

function sha256Hex(s: string | Uint8Array): string {
  return createHash('sha256').update(s).digest('hex');
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

function canonText(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

function pithNumberFor(hashHex: string, submittedAt: string): { pith: string; suffix: string } {
  const suffix = base32(Buffer.from(hashHex, 'hex')).slice(0, 26);
  return { pith: `pith:${submittedAt.slice(0, 4)}:${suffix}`, suffix };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function fixturePath(name: string): string {
  return join(FIXTURES_DIR, name);
}

// ---------------------------------------------------------------- keys

export interface TestKey {
  keyId: string;
  privateKey: KeyObject;
  publicKeyHex: string;
  publicKeyB64: string;
  fingerprintHex: string;
}

function generateTestKey(keyId = TEST_KEY_ID): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  const raw = Buffer.from(jwk.x, 'base64url');
  return {
    keyId,
    privateKey,
    publicKeyHex: raw.toString('hex'),
    publicKeyB64: raw.toString('base64'),
    fingerprintHex: sha256Hex(raw).slice(0, 32),
  };
}

// ---------------------------------------------------------------- arXiv ids

const NEW_ID = /^(\d{2})(\d{2})\.(\d{4,5})$/;
const OLD_ID = /^([a-z-]+(?:\.[A-Z]{2})?)\/(\d{2})(\d{2})(\d{3})$/;

/** Strip `arXiv:` and a version. */
export function bareArxivId(raw: string): string {
  const s = raw.trim().replace(/^arxiv:/i, '');
  return s.replace(/v\d+$/i, '');
}

function isPlausibleArxivId(id: string): boolean {
  const m = NEW_ID.exec(id);
  if (m) {
    const mm = Number(m[2]);
    return mm >= 1 && mm <= 12;
  }
  const o = OLD_ID.exec(id);
  if (o) {
    const mm = Number(o[3]);
    return mm >= 1 && mm <= 12;
  }
  return false;
}

function isNotFoundId(id: string): boolean {
  return id === NOT_FOUND_ARXIV || (id.startsWith('2404.9999') && id !== TAMPERED_ARXIV);
}

function submittedAtFor(id: string): string {
  const m = NEW_ID.exec(id);
  if (m) {
    const n = Number(m[3]) % 28;
    return `20${m[1]}-${m[2]}-${String(1 + n).padStart(2, '0')}T12:00:00Z`;
  }
  const o = OLD_ID.exec(id)!;
  const yy = Number(o[2]);
  return `${yy >= 91 ? 19 : 20}${o[2]}-${o[3]}-15T12:00:00Z`;
}

// ---------------------------------------------------------------- titles from the fixture pages

/** arXiv id → title, read from the fixture pages (abs pages' citation_title, listing rows). */
export function collectTitles(pagesDir: string, extraHtml: string[] = []): Map<string, string> {
  const titles = new Map<string, string>();
  const metaOf = (html: string, name: string): string | undefined => {
    for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
      const n = /\bname\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
      if (n?.toLowerCase() !== name) continue;
      const c = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tag);
      if (c) return decodeEntities(c[1] ?? c[2] ?? '');
    }
    return undefined;
  };
  const clean = (t: string) =>
    decodeEntities(t.replace(/<span[^>]*class\s*=\s*["']descriptor["'][^>]*>[\s\S]*?<\/span>/i, '').replace(/<[^>]+>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
  const addFromHtml = (html: string) => {
    // Abstract page
    const title = metaOf(html, 'citation_title');
    const aid = metaOf(html, 'citation_arxiv_id');
    if (title && aid) titles.set(bareArxivId(aid), title);
    // Listing rows: <dt> … /abs/ID … </dt><dd> … list-title … </dd>
    for (const part of html.split(/<dt[\s>]/i).slice(1)) {
      const id = /href\s*=\s*["'](?:https?:\/\/[^"'/]*)?\/abs\/([^"'?#]+)["']/i.exec(part)?.[1];
      const t = /class\s*=\s*["']list-title[^"']*["'][^>]*>([\s\S]*?)<\/div>/i.exec(part)?.[1];
      if (!id || t === undefined) continue;
      const text = clean(t);
      if (text) titles.set(bareArxivId(id), text);
    }
    // Search results: li.arxiv-result with p.title
    for (const part of html.split(/<li[^>]*class\s*=\s*["']arxiv-result["']/i).slice(1)) {
      const id = /\/abs\/([^"'?#<\s]+)/i.exec(part)?.[1];
      const t = /<p[^>]*class\s*=\s*["']title[^"']*["'][^>]*>([\s\S]*?)<\/p>/i.exec(part)?.[1];
      if (!id || t === undefined) continue;
      const text = clean(t);
      if (text && !titles.has(bareArxivId(id))) titles.set(bareArxivId(id), text);
    }
  };
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (n.endsWith('.html')) {
        try {
          addFromHtml(readFileSync(p, 'utf8'));
        } catch {
          /* ignore */
        }
      }
    }
  };
  walk(join(pagesDir, 'arxiv.org'));
  for (const h of extraHtml) addFromHtml(h);
  return titles;
}

// ---------------------------------------------------------------- the set

export interface RecordSet {
  bySuffix: Map<string, MirrorRecord>;
  byArxiv: Map<string, MirrorRecord>;
  tampered: MirrorRecord;
  seed: MirrorRecord;
  testKey: TestKey;
  /** The real Pith key(s), as published. */
  pithKeys: unknown;
  /** Get (building on demand) the record for an arXiv id; undefined → 404. */
  forArxiv(id: string): MirrorRecord | undefined;
  /** Find by suffix or by a prefix of at least 8 chars. */
  forSuffix(prefix: string): MirrorRecord | undefined;
  /** The same record with one canonical leaf changed (old hash/signature kept). */
  tamper(r: MirrorRecord): MirrorRecord;
}

function aliasesFor(arxivId: string, version: number, suffix: string): Json {
  const at = '2026-05-17T00:00:00+00:00';
  return [
    { alias_kind: 'arxiv', alias_value: arxivId, created_at: at },
    { alias_kind: 'arxiv_version', alias_value: `${arxivId}v${version}`, created_at: at },
    { alias_kind: 'doi', alias_value: `10.48550/arxiv.${arxivId}`.toLowerCase(), created_at: at },
    { alias_kind: 'pith_short_8', alias_value: suffix.slice(0, 8), created_at: at },
    { alias_kind: 'pith_short_12', alias_value: suffix.slice(0, 12), created_at: at },
    { alias_kind: 'pith_short_16', alias_value: suffix.slice(0, 16), created_at: at },
  ];
}

function wrap(
  canonical: Record<string, Json>,
  extra: { paper?: Record<string, Json>; receipt?: Record<string, Json>; graph?: Record<string, Json> },
): { record: Record<string, Json>; suffix: string } {
  const hash = sha256Hex(canonicalJson(canonical));
  const meta = canonical.metadata as Record<string, Json>;
  const src = canonical.source as Record<string, Json>;
  const { pith, suffix } = pithNumberFor(hash, String(meta.submitted_at));
  const record: Record<string, Json> = {
    record_type: 'pith_number_record',
    schema_url: 'https://pith.science/schemas/pith-number/v1.json',
    pith_number: pith,
    short_pith_number: `pith:${suffix.slice(0, 8)}`,
    schema_version: '1.0',
    canonical_sha256: hash,
    source: src,
    attestation_state: 'computed',
  };
  if (extra.paper) record.paper = extra.paper;
  record.canonical_record = canonical;
  if (extra.receipt) record.receipt = extra.receipt;
  if (extra.graph) record.graph_snapshot = extra.graph;
  record.aliases = aliasesFor(String(src.id), Number(src.version), suffix);
  record.created_at = '2026-05-17T00:00:00Z';
  record.updated_at = '2026-05-17T00:00:00Z';
  return { record, suffix };
}

export function buildRecordSet(opts: { pagesDir: string; titles?: Map<string, string>; testKey?: TestKey }): RecordSet {
  const testKey = opts.testKey ?? generateTestKey();
  const titles = opts.titles ?? collectTitles(opts.pagesDir);
  const bySuffix = new Map<string, MirrorRecord>();
  const byArxiv = new Map<string, MirrorRecord>();
  const add = (r: MirrorRecord) => {
    bySuffix.set(r.suffix, r);
    if (r.arxivId) byArxiv.set(r.arxivId, r);
  };

  // The seed: served byte for byte as published.
  const seedText = readFileSync(fixturePath('records/2404.14294v3.record.json'), 'utf8').trim();
  const seedObj = JSON.parse(seedText) as Record<string, Json>;
  const seedSuffix = String(seedObj.pith_number).split(':')[2]!;
  const seed: MirrorRecord = { suffix: seedSuffix, arxivId: SEED_ARXIV, record: seedObj, text: seedText, kind: 'seed', expected: 'verified' };
  add(seed);

  // The five real canonical records, unsigned.
  const real = JSON.parse(readFileSync(fixturePath('records/canonical-real.json'), 'utf8')) as {
    records: { pith_number: string; canonical_sha256: string; canonical_record: Record<string, Json> }[];
  };
  for (const r of real.records) {
    const src = r.canonical_record.source as Record<string, Json>;
    const meta = r.canonical_record.metadata as Record<string, Json>;
    const { record, suffix } = wrap(r.canonical_record, {
      paper: {
        license: meta.license ?? null,
        primary_cat: meta.primary_cat ?? null,
        cross_cats: meta.cross_cats_sorted ?? [],
        submitted_at: meta.submitted_at ?? null,
      },
    });
    if (record.canonical_sha256 !== r.canonical_sha256 || record.pith_number !== r.pith_number) {
      throw new Error(`mirror canonical JSON disagrees with the published hash for ${String(src.id)}`);
    }
    add({ suffix, arxivId: String(src.id), record, text: JSON.stringify(record), kind: 'real-canonical', expected: 'unsigned' });
  }

  function tamper(r: MirrorRecord): MirrorRecord {
    const copy = JSON.parse(r.text) as Record<string, Json>;
    const meta = (copy.canonical_record as Record<string, Json>).metadata as Record<string, Json>;
    meta.primary_cat = meta.primary_cat === 'cs.LG' ? 'cs.CL' : 'cs.LG';
    return { ...r, record: copy, text: JSON.stringify(copy), kind: 'tampered', expected: 'invalid' };
  }
  const tampered = tamper(seed);

  function synthetic(id: string): MirrorRecord {
    const title = titles.get(id) ?? `Synthetic paper ${id} for the Pith Lens mirror`;
    const submitted = submittedAtFor(id);
    const old = OLD_ID.exec(id);
    const primary = old ? old[1]!.split('.')[0]! : 'cs.CL';
    const canonical: Record<string, Json> = {
      source: { id, kind: 'arxiv', version: 1 },
      metadata: {
        license: 'http://creativecommons.org/licenses/by/4.0/',
        primary_cat: primary,
        submitted_at: submitted,
        cross_cats_sorted: [],
        title_canon_sha256: sha256Hex(canonText(title)),
        abstract_canon_sha256: sha256Hex(canonText(`Synthetic abstract of ${id}.`)),
      },
      schema_version: '1.0',
    };
    const hash = sha256Hex(canonicalJson(canonical));
    const sig = sign(null, Buffer.from(hash, 'hex'), testKey.privateKey).toString('base64');
    const receipt: Record<string, Json> = {
      kind: 'pith_receipt',
      key_id: testKey.keyId,
      algorithm: 'ed25519',
      signed_at: '2026-05-17T00:00:00Z',
      signature_b64: sig,
      signed_message: 'canonical_sha256_bytes',
      canonical_sha256: hash,
      public_key_fingerprint: testKey.fingerprintHex,
      signature_status: 'signed_test',
    };
    const headline = `Synthetic headline for ${title}.`;
    const { record, suffix } = wrap(canonical, {
      paper: {
        title,
        license: 'http://creativecommons.org/licenses/by/4.0/',
        headline,
        cross_cats: [],
        primary_cat: primary,
        authors_text: 'A. Mirror, B. Fixture',
        submitted_at: submitted,
      },
      receipt,
      graph: {
        claims: {
          count: 1,
          items: [{ kind: 'headline', text: headline, source: 'mirror', status: 'machine_extracted', claim_id: 'C1', attestation: 'unclaimed' }],
        },
        verdict: {
          one_line_summary: `A synthetic record served by the local Pith mirror for arXiv ${id}.`,
          strongest_claim: headline,
          weakest_assumption: 'That synthetic data is representative.',
        },
      },
    });
    return { suffix, arxivId: id, record, text: JSON.stringify(record), kind: 'synthetic', expected: 'unsigned' };
  }

  return {
    bySuffix,
    byArxiv,
    tampered,
    seed,
    testKey,
    pithKeys: JSON.parse(readFileSync(fixturePath('keys.json'), 'utf8')),
    tamper,
    forArxiv(raw) {
      const id = bareArxivId(raw);
      if (id === TAMPERED_ARXIV) return tampered;
      if (isNotFoundId(id)) return undefined;
      const known = byArxiv.get(id);
      if (known) return known;
      if (!isPlausibleArxivId(id)) return undefined;
      const r = synthetic(id);
      add(r);
      return r;
    },
    forSuffix(prefix) {
      const p = prefix.toUpperCase();
      if (!/^[A-Z2-7]{8,26}$/.test(p)) return undefined;
      const exact = bySuffix.get(p);
      if (exact) return exact;
      for (const [s, r] of bySuffix) if (s.startsWith(p)) return r;
      return undefined;
    },
  };
}
