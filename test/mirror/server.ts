/**
 * The local Pith mirror: one Node http server on 127.0.0.1 (and optionally a
 * TLS one) that answers, by the Host header,
 *  (a) Pith endpoints for any host that is not a page host (127.0.0.1,
 *      localhost, pith.science …), and
 *  (b) fixture pages for arxiv.org, export.arxiv.org, www.arxiv.org,
 *      publisher.example and any host with a directory in test/fixtures/pages/.
 * Fault switches (latency, 404, 429 + Retry-After, 500, dropped connection,
 * malformed JSON, wrong schema, tampered record) apply to Pith endpoints,
 * globally or per id, set at start, with setFault() or with
 * `POST /__mirror/fault`. Requests are counted per path (`GET /__mirror/requests`).
 * Logs nothing unless `log: true`.
 */
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import { buildRecordSet, bareArxivId, collectTitles, TAMPERED_ARXIV, type MirrorRecord, type RecordSet, type TestKey } from './records';

export const PAGES_DIR = new URL('../fixtures/pages/', import.meta.url).pathname;
const TLS_DIR = new URL('./tls/', import.meta.url).pathname;

export interface Fault {
  /** Delay before answering, ms. */
  latencyMs?: number;
  /** Answer with this status instead (404, 429, 500, 503 …). */
  status?: number;
  /** Retry-After for 429/503: seconds or an HTTP date. */
  retryAfter?: number | string;
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Answer 200 with truncated JSON. */
  malformed?: boolean;
  /** Answer 200 with JSON that is not a record (true), or a record-shaped object with wrong fields ('record'). */
  wrongSchema?: boolean | 'record';
  /** Serve the record with one canonical leaf changed (old hash and signature kept). */
  tampered?: boolean;
  /** Apply to the next N matching requests only, then expire. */
  times?: number;
  // A dishonest resolver: the signed record itself untouched, only what is served beside it.
  /** Answer the resolve request with the real record of this arXiv id (e.g. for a DOI it has nothing to do with). */
  answerWith?: string;
  /** Extra entries appended to the served record's unsigned `aliases`. */
  extraAliases?: { alias_kind: string; alias_value: string }[];
  /** Fields of the served record's unsigned `paper` block replaced (title, authors_text, headline …). */
  paper?: Record<string, string>;
  /** Pad the served record with an unsigned field to at least this many bytes. */
  padToBytes?: number;
}

export interface MirrorOptions {
  /** HTTP port on 127.0.0.1; 0 = any free port (default). */
  port?: number;
  /** Also listen with TLS: true = any free port, a number = that port. */
  https?: boolean;
  httpsPort?: number;
  /** Faults from the start: global (`*`) or per id (arXiv id, DOI or Pith suffix). */
  faults?: Record<string, Fault>;
  /** `pointer` (default): the resolve endpoint answers `{pith_number, …}`; `record`: the full record. */
  resolveMode?: 'pointer' | 'record';
  pagesDir?: string;
  log?: boolean;
  testKey?: TestKey;
}

interface RequestLog {
  /** Requests per path (pathname without query), since the last reset. */
  counts(): Record<string, number>;
  total(): number;
  entries: { method: string; host: string; path: string; at: number }[];
  reset(): void;
}

export interface Mirror {
  port: number;
  httpsPort?: number;
  /** `http://127.0.0.1:<port>` — the base URL for the client. */
  url: string;
  httpsUrl?: string;
  setFault(fault: Fault | null, id?: string): void;
  clearFaults(): void;
  faults(): Record<string, Fault>;
  setResolveMode(mode: 'pointer' | 'record'): void;
  requests: RequestLog;
  records: RecordSet;
  stop(): Promise<void>;
}

const ARXIV_HOSTS = new Set(['arxiv.org', 'export.arxiv.org', 'www.arxiv.org']);
const FIXED_PAGE_HOSTS = new Set([...ARXIV_HOSTS, 'publisher.example']);
const GLOBAL = '*';

const TINY_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

function tlsPair(): { key: Buffer; cert: Buffer } {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'pith-mirror-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '30',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-subj',
          '/CN=pith.science',
          '-addext',
          'subjectAltName=DNS:pith.science,DNS:www.pith.science,DNS:arxiv.org,DNS:www.arxiv.org,DNS:export.arxiv.org,DNS:publisher.example,DNS:localhost,IP:127.0.0.1',
        ],
        { stdio: 'ignore', timeout: 20_000 },
      );
      return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } catch {
    return { key: readFileSync(join(TLS_DIR, 'key.pem')), cert: readFileSync(join(TLS_DIR, 'cert.pem')) };
  }
}

let listingModule: Promise<((n: number) => string) | undefined> | undefined;
function loadGenerateListing(pagesDir: string): Promise<((n: number) => string) | undefined> {
  listingModule ??= (async () => {
    const file = join(pagesDir, 'generate-listing.ts');
    if (!existsSync(file)) return undefined;
    try {
      const mod = (await import(/* @vite-ignore */ new URL(`file://${file}`).href)) as { generateListing?: (n: number) => string };
      return typeof mod.generateListing === 'function' ? mod.generateListing : undefined;
    } catch {
      return undefined;
    }
  })();
  return listingModule;
}

function hostName(req: IncomingMessage): string {
  const h = (req.headers.host ?? '').toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function startMirror(opts: MirrorOptions = {}): Promise<Mirror> {
  const pagesDir = opts.pagesDir ?? PAGES_DIR;
  // Titles for synthetic records: fixture pages plus the generated 2,000-row listing, when present.
  const gen = await loadGenerateListing(pagesDir);
  let listingHtml: string[] = [];
  if (gen) {
    try {
      listingHtml = [gen(2000)];
    } catch {
      listingHtml = [];
    }
  }
  const records = buildRecordSet({ pagesDir, titles: collectTitles(pagesDir, listingHtml), ...(opts.testKey ? { testKey: opts.testKey } : {}) });
  const faults = new Map<string, Fault>(Object.entries(opts.faults ?? {}));
  let resolveMode = opts.resolveMode ?? 'pointer';
  const log = !!opts.log;

  const counts = new Map<string, number>();
  let total = 0;
  const entries: RequestLog['entries'] = [];
  const requests: RequestLog = {
    counts: () => Object.fromEntries(counts),
    total: () => total,
    entries,
    reset() {
      counts.clear();
      total = 0;
      entries.length = 0;
    },
  };

  function pageDirFor(host: string): string | undefined {
    if (!host || host === '127.0.0.1' || host === 'localhost') return undefined;
    const own = join(pagesDir, host);
    if (existsSync(own) && statSync(own).isDirectory()) return own;
    if (ARXIV_HOSTS.has(host)) return join(pagesDir, 'arxiv.org');
    if (FIXED_PAGE_HOSTS.has(host)) return own;
    return undefined;
  }

  // ------------------------------------------------------------ faults

  function faultFor(ids: string[]): { key: string; fault: Fault } | undefined {
    for (const id of ids) {
      const f = faults.get(id);
      if (f) return { key: id, fault: f };
    }
    const g = faults.get(GLOBAL);
    return g ? { key: GLOBAL, fault: g } : undefined;
  }
  function consume(key: string, f: Fault): void {
    if (f.times === undefined) return;
    f.times -= 1;
    if (f.times <= 0) faults.delete(key);
  }

  function setFault(fault: Fault | null, id?: string): void {
    const key = id === undefined || id === '' ? GLOBAL : normalizeFaultId(id);
    if (!fault || Object.keys(fault).length === 0) faults.delete(key);
    else faults.set(key, { ...fault });
  }
  function normalizeFaultId(id: string): string {
    if (id === GLOBAL) return id;
    if (/^10\./.test(id)) {
      const m = /^10\.48550\/arxiv\.(.+)$/i.exec(id);
      return m ? bareArxivId(m[1]!) : id.toLowerCase();
    }
    if (/^[A-Za-z2-7]{8,26}$/.test(id)) return id.toUpperCase();
    return bareArxivId(id);
  }

  // ------------------------------------------------------------ responses

  function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(body);
  }
  const CORS = { 'Access-Control-Allow-Origin': '*' };
  const json = (res: ServerResponse, status: number, body: unknown, type = 'application/json') =>
    send(res, status, typeof body === 'string' ? body : JSON.stringify(body), `${type}; charset=utf-8`, CORS);
  const notFound = (res: ServerResponse, what = 'not_found') => json(res, 404, { error: what });

  function origin(req: IncomingMessage, secure: boolean): string {
    return `${secure ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}`;
  }

  /** Apply a fault; true when the response has been sent (or the socket dropped). */
  async function applyFault(req: IncomingMessage, res: ServerResponse, ids: string[]): Promise<{ done: boolean; tampered: boolean }> {
    const hit = faultFor(ids);
    if (!hit) return { done: false, tampered: false };
    const f = hit.fault;
    consume(hit.key, f);
    if (f.latencyMs) await sleep(f.latencyMs);
    if (res.destroyed || req.socket.destroyed) return { done: true, tampered: false };
    if (f.drop) {
      req.socket.destroy();
      return { done: true, tampered: false };
    }
    if (f.status !== undefined && f.status !== 200) {
      const extra: Record<string, string> = { ...CORS };
      if (f.retryAfter !== undefined) extra['Retry-After'] = String(f.retryAfter);
      send(res, f.status, JSON.stringify({ error: `mirror fault ${f.status}` }), 'application/json; charset=utf-8', extra);
      return { done: true, tampered: false };
    }
    if (f.malformed) {
      json(res, 200, '{"record_type":"pith_number_record","pith_number":"pith:2024:7YXM6J');
      return { done: true, tampered: false };
    }
    if (f.wrongSchema) {
      if (f.wrongSchema === 'record') {
        json(res, 200, {
          record_type: 'pith_number_record',
          pith_number: 'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2',
          schema_version: '9.9',
          canonical_sha256: 42,
          canonical_record: 'not an object',
        });
      } else {
        json(res, 200, { status: 'ok', data: [{ hello: 'world' }] });
      }
      return { done: true, tampered: false };
    }
    return { done: false, tampered: !!f.tampered };
  }

  function idsOf(r: MirrorRecord | undefined, extra: string[]): string[] {
    const out = [...extra];
    if (r?.arxivId) out.push(r.arxivId);
    if (r) out.push(r.suffix);
    return out;
  }

  function bodyOf(r: MirrorRecord, tampered: boolean, f?: Fault): string {
    const text = tampered && r.kind !== 'tampered' ? records.tamper(r).text : r.text;
    return f && (f.extraAliases || f.paper || f.padToBytes) ? served(text, f) : text;
  }

  /** The record as a dishonest resolver serves it: canonical_record and receipt as signed, the rest rewritten. */
  function served(text: string, f: Fault): string {
    const rec = JSON.parse(text) as Record<string, unknown>;
    if (f.extraAliases) rec.aliases = [...((rec.aliases as unknown[] | undefined) ?? []), ...f.extraAliases];
    if (f.paper) rec.paper = { ...((rec.paper as Record<string, unknown> | undefined) ?? {}), ...f.paper };
    let out = JSON.stringify(rec);
    if (f.padToBytes && out.length < f.padToBytes) {
      rec.padding = 'x'.repeat(f.padToBytes - out.length);
      out = JSON.stringify(rec);
    }
    return out;
  }

  /** The fault that applies to a request, without consuming it (for the rewriting faults). */
  function rewriteFor(ids: string[]): Fault | undefined {
    const f = faultFor(ids)?.fault;
    return f && (f.answerWith || f.extraAliases || f.paper || f.padToBytes) ? f : undefined;
  }

  function bundleOf(r: MirrorRecord): unknown {
    const rec = r.record;
    // Bundles store the canonical record with keys in another order: reverse them.
    const canon = rec.canonical_record as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(canon).reverse());
    return {
      bundle_type: 'pith_open_graph_bundle',
      bundle_version: '1.0',
      pith_number: rec.pith_number,
      short_pith_number: rec.short_pith_number,
      canonical_record: reordered,
      canonical_sha256: rec.canonical_sha256,
      source: rec.source,
      source_aliases: rec.aliases ?? [],
      events: [
        {
          event_type: 'record_created',
          subject_pith_number: rec.pith_number,
          target: 'record',
          payload: { canonical_record: reordered, canonical_sha256: rec.canonical_sha256, receipt: rec.receipt ?? null },
        },
      ],
    };
  }

  async function servePith(req: IncomingMessage, res: ServerResponse, url: URL, secure: boolean): Promise<void> {
    const p = url.pathname;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': 'Accept' });
      res.end();
      return;
    }
    if (p === '/pith-mirrors.json') {
      const base = origin(req, secure);
      return json(res, 200, {
        mirrors: [
          {
            name: 'local test mirror',
            base_url: base,
            url_patterns: {
              record: `${base}/pith/{suffix}.json`,
              bundle: `${base}/pith/{suffix}/bundle.json`,
              resolve: `${base}/api/pith-number/resolve?arxiv={arxiv}`,
            },
            public_key: {
              key_id: records.testKey.keyId,
              algorithm: 'ed25519',
              public_key_hex: records.testKey.publicKeyHex,
              public_key_b64: records.testKey.publicKeyB64,
            },
          },
        ],
      });
    }
    if (p === '/pith-signing-key.json') {
      const pk = records.pithKeys as { keys?: unknown[] };
      const test = {
        key_id: records.testKey.keyId,
        algorithm: 'ed25519',
        format: 'raw',
        public_key_hex: records.testKey.publicKeyHex,
        public_key_b64: records.testKey.publicKeyB64,
        fingerprint_sha256_hex: records.testKey.fingerprintHex,
        test_only: true,
      };
      return json(res, 200, { keys: [...(pk.keys ?? []), test] });
    }
    if (p === '/api/pith-number/resolve') {
      const arxiv = url.searchParams.get('arxiv');
      const doi = url.searchParams.get('doi');
      let askedIds: string[] = [];
      let rec: MirrorRecord | undefined;
      if (arxiv) {
        const id = bareArxivId(arxiv);
        askedIds = [id];
        rec = records.forArxiv(id);
      } else if (doi) {
        const d = doi.trim().toLowerCase();
        const m = /^10\.48550\/arxiv\.(.+)$/.exec(d);
        askedIds = [d];
        if (m) {
          askedIds.push(bareArxivId(m[1]!));
          rec = records.forArxiv(m[1]!);
        }
      } else {
        return json(res, 400, { error: 'missing arxiv= or doi=' });
      }
      const rewrite = rewriteFor(idsOf(rec, askedIds));
      if (rewrite?.answerWith) rec = records.forArxiv(rewrite.answerWith);
      const f = await applyFault(req, res, idsOf(rec, askedIds));
      if (f.done) return;
      if (!rec) return notFound(res, 'no_pith_number');
      // A rewriting resolver answers with the whole record, so that what it adds reaches the client.
      if (resolveMode === 'record' || rec.kind === 'tampered' || f.tampered || rewrite) return json(res, 200, bodyOf(rec, f.tampered, rewrite));
      const base = origin(req, secure);
      return json(res, 200, {
        pith_number: rec.record.pith_number,
        short_pith_number: rec.record.short_pith_number,
        canonical_sha256: rec.record.canonical_sha256,
        source: rec.record.source,
        url: `${base}/pith/${rec.suffix}`,
        record_url: `${base}/pith/${rec.suffix}.json`,
      });
    }
    const m = /^\/(?:\.well-known\/)?pith\/([A-Za-z2-7]{8,26})(\.json|\/bundle\.json|\/state\.json)?$/.exec(p);
    if (m) {
      const rec = records.forSuffix(m[1]!);
      const rewrite = rewriteFor(idsOf(rec, [m[1]!.toUpperCase()]));
      const f = await applyFault(req, res, idsOf(rec, [m[1]!.toUpperCase()]));
      if (f.done) return;
      if (!rec) return notFound(res);
      const kind = m[2];
      if (kind === '/bundle.json') return json(res, 200, bundleOf(rec));
      if (kind === '/state.json') {
        return json(res, 200, {
          state_type: 'pith_open_graph_state',
          state_version: '1.0',
          pith_number: rec.record.pith_number,
          merge_version: 'pith-open-graph-merge-v1',
          event_count: 1,
          valid_event_count: 1,
          invalid_event_count: 0,
          equivocation_count: 0,
          current: { canonical_record: rec.record.canonical_record, source_aliases: rec.record.aliases ?? [], graph_snapshots: [] },
        });
      }
      const accept = String(req.headers.accept ?? '');
      if (kind === '.json') return json(res, 200, bodyOf(rec, f.tampered, rewrite));
      if (/ld\+json|application\/json/.test(accept)) return json(res, 200, bodyOf(rec, f.tampered, rewrite), 'application/ld+json');
      const title = String((rec.record.paper as Record<string, unknown> | undefined)?.title ?? rec.arxivId ?? rec.suffix);
      return send(
        res,
        200,
        `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} — Pith</title></head><body><h1>${escapeHtml(String(rec.record.pith_number))}</h1><p>${escapeHtml(title)}</p></body></html>`,
        'text/html; charset=utf-8',
      );
    }
    const paper = /^\/paper\/([A-Za-z2-7]{8})$/.exec(p);
    if (paper) {
      const rec = records.forSuffix(paper[1]!);
      if (!rec) return send(res, 404, 'Not found', 'text/plain');
      return send(
        res,
        200,
        `<!doctype html><html><head><meta charset="utf-8"><title>Pith review</title></head><body><h1>${escapeHtml(String(rec.record.pith_number))}</h1></body></html>`,
        'text/html; charset=utf-8',
      );
    }
    if (p === '/' || p === '')
      return send(res, 200, '<!doctype html><title>Pith mirror</title><p>Local Pith mirror for tests.</p>', 'text/html; charset=utf-8');
    return notFound(res);
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, url: URL, dir: string): Promise<void> {
    const p = decodeURIComponent(url.pathname);
    const pdf = /^\/pdf\/(.+?)(?:\.pdf)?$/.exec(p);
    if (pdf) return send(res, 200, TINY_PDF, 'application/pdf');
    const show = url.searchParams.get('show');
    if (/^\/list\//.test(p) && show && /^\d+$/.test(show)) {
      const g = await loadGenerateListing(pagesDir);
      if (g) {
        try {
          return send(res, 200, g(Math.min(5000, Number(show))), 'text/html; charset=utf-8');
        } catch {
          /* fall through to files */
        }
      }
    }
    const candidates: string[] = [];
    const clean = p.replace(/\/+$/, '');
    if (p.endsWith('/')) candidates.push(`${clean}/index.html`);
    candidates.push(`${clean}.html`, `${clean}/index.html`, clean);
    const v = /^(\/(?:abs|html|format)\/.+?)v\d+$/.exec(clean);
    if (v) candidates.push(`${v[1]}.html`);
    const root = normalize(dir + sep);
    for (const c of candidates) {
      const file = normalize(join(dir, c));
      if (!file.startsWith(root)) continue;
      try {
        if (statSync(file).isFile()) {
          const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream';
          return send(res, 200, readFileSync(file), type);
        }
      } catch {
        /* next */
      }
    }
    void req;
    return send(res, 404, '<!doctype html><title>Not found</title><p>No fixture page here.</p>', 'text/html; charset=utf-8');
  }

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const p = url.pathname;
    const body = async (): Promise<unknown> => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of req) {
        size += (c as Buffer).length;
        if (size > 65536) throw new Error('body too large');
        chunks.push(c as Buffer);
      }
      const t = Buffer.concat(chunks).toString('utf8').trim();
      return t ? JSON.parse(t) : {};
    };
    if (p === '/__mirror/fault' || p === '/__mirror/faults') {
      if (req.method === 'POST') {
        let b: unknown;
        try {
          b = await body();
        } catch {
          return json(res, 400, { error: 'body must be JSON' });
        }
        const o = (b ?? {}) as { id?: unknown; fault?: unknown; clear?: unknown; resolveMode?: unknown };
        if (o.clear === true) faults.clear();
        if (o.resolveMode === 'pointer' || o.resolveMode === 'record') resolveMode = o.resolveMode;
        if ('fault' in o) {
          if (o.fault !== null && (typeof o.fault !== 'object' || Array.isArray(o.fault))) return json(res, 400, { error: 'fault must be an object or null' });
          setFault(o.fault as Fault | null, typeof o.id === 'string' ? o.id : undefined);
        }
        return json(res, 200, { faults: Object.fromEntries(faults), resolveMode });
      }
      if (req.method === 'DELETE') {
        faults.clear();
        return json(res, 200, { faults: {} });
      }
      return json(res, 200, { faults: Object.fromEntries(faults), resolveMode });
    }
    if (p === '/__mirror/requests') {
      const out = { total: requests.total(), counts: requests.counts() };
      if (req.method === 'DELETE' || req.method === 'POST' || url.searchParams.get('reset') === '1') requests.reset();
      return json(res, 200, out);
    }
    if (p === '/__mirror/requests/reset') {
      requests.reset();
      return json(res, 200, { total: 0, counts: {} });
    }
    if (p === '/__mirror/records') {
      const list = [...records.bySuffix.values()].map((r) => ({ arxiv: r.arxivId, suffix: r.suffix, kind: r.kind, expected: r.expected }));
      list.push({ arxiv: TAMPERED_ARXIV, suffix: records.tampered.suffix, kind: 'tampered', expected: 'invalid' });
      return json(res, 200, {
        records: list,
        notFound: ['2404.99999', '2404.9999*'],
        testKey: { key_id: records.testKey.keyId, public_key_hex: records.testKey.publicKeyHex },
      });
    }
    if (p === '/__mirror/health') return json(res, 200, { ok: true });
    return notFound(res);
  }

  function handler(secure: boolean) {
    return (req: IncomingMessage, res: ServerResponse) => {
      void (async () => {
        let url: URL;
        try {
          url = new URL(req.url ?? '/', 'http://mirror.invalid');
        } catch {
          return send(res, 400, 'bad request', 'text/plain');
        }
        const host = hostName(req);
        if (!url.pathname.startsWith('/__mirror/')) {
          total++;
          counts.set(url.pathname, (counts.get(url.pathname) ?? 0) + 1);
          if (entries.length < 10_000) entries.push({ method: req.method ?? 'GET', host, path: url.pathname + url.search, at: Date.now() });
        }
        if (log) console.log(`[mirror] ${req.method} ${host}${url.pathname}${url.search}`);
        if (url.pathname.startsWith('/__mirror/')) return control(req, res, url);
        const dir = pageDirFor(host);
        if (dir) return servePage(req, res, url, dir);
        return servePith(req, res, url, secure);
      })().catch(() => {
        if (!res.headersSent && !res.destroyed) send(res, 500, 'mirror error', 'text/plain');
        else res.destroy();
      });
    };
  }

  const sockets = new Set<Socket>();
  const track = (s: Server) =>
    s.on('connection', (sock: Socket) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
    });

  const http = track(createServer(handler(false)));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;

  let https: Server | undefined;
  let httpsPort: number | undefined;
  if (opts.https || opts.httpsPort !== undefined) {
    const pair = tlsPair();
    const s = createHttpsServer({ key: pair.key, cert: pair.cert }, handler(true));
    s.on('secureConnection', (sock: Socket) => {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
    });
    track(s);
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(opts.httpsPort ?? 0, '127.0.0.1', () => resolve());
    });
    https = s;
    httpsPort = (s.address() as AddressInfo).port;
  }

  const mirror: Mirror = {
    port,
    url: `http://127.0.0.1:${port}`,
    setFault,
    clearFaults: () => faults.clear(),
    faults: () => Object.fromEntries(faults),
    setResolveMode: (m) => {
      resolveMode = m;
    },
    requests,
    records,
    async stop() {
      for (const s of sockets) s.destroy();
      await Promise.all(
        [http, https]
          .filter((s): s is Server => !!s)
          .map(
            (s) =>
              new Promise<void>((r) => {
                s.close(() => r());
                (s as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
              }),
          ),
      );
    },
  };
  if (httpsPort !== undefined) {
    mirror.httpsPort = httpsPort;
    mirror.httpsUrl = `https://127.0.0.1:${httpsPort}`;
  }
  return mirror;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
