/**
 * The `pith-lens` command: the same core as the extension, for a terminal.
 * Pure: everything outside (files, stdin, network, output) comes in through `io`,
 * so the tests drive it without spawning processes.
 */
import { parseArgs } from 'node:util';
import { verify } from '../lib/pith/verify';
import { parseJson } from '../lib/pith/canonical/parse';
import { derivePithNumber } from '../lib/pith/number';
import type { VerifyReport } from '../lib/pith/report';
import { STATE_STYLE, type State } from '../lib/states';
import type { PaperId } from '../lib/ids/key';
import { detectFromText } from '../lib/ids/index';
import { resolveOnce } from '../lib/resolver/once';
import { BaseUrlSchema, DEFAULT_BASE_URL } from '../lib/settings';

export const EXIT = {
  verified: 0,
  invalid: 1,
  usage: 2,
  unsigned: 3,
  notFound: 4,
  network: 5,
  unconfirmed: 6,
} as const;

/** Records are a few kB; refuse anything this large before parsing it. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file or, for '-', standard input; rejects with a readable Error. */
  readInput(path: string, maxBytes: number): Promise<string>;
  fetch: typeof fetch;
  /** Parses HTML into a Document (linkedom in Node). */
  parseHtml(html: string, url: string): Document;
  /** A saved page's papers, as the extension reads it (lib/sites readPage): `role` says about or mentioned. */
  detectFromDocument?: (doc: Document, url: string) => { papers: { id: PaperId; role?: 'about' | 'mentioned' }[] };
}

class UsageError extends Error {}

const USAGE = `Usage:
  pith-lens verify FILE|- [--json] [--title "..."] [--arxiv ID]
  pith-lens number HASH --year YYYY
  pith-lens ids INPUT            (a URL or typed text)
  pith-lens ids --html FILE --url URL   (a saved page: arXiv, Google Scholar, Semantic Scholar,
                                   Hugging Face, alphaXiv, ar5iv or any page; each paper in page
                                   order, "role": "about" or "mentioned")
  pith-lens resolve ID [--base URL] [--json] [--title "..."]

Exit codes: 0 verified, 3 unsigned, 1 invalid or mismatch, 2 unreadable input or usage,
4 not found, 5 network or server failure, 6 unconfirmed (signed and valid, but nothing
signed ties the record to the id asked for).`;

export function exitCodeFor(state: State): number {
  switch (state) {
    case 'verified':
      return EXIT.verified;
    case 'unsigned':
      return EXIT.unsigned;
    case 'unconfirmed':
      return EXIT.unconfirmed;
    case 'not-found':
      return EXIT.notFound;
    case 'error':
    case 'pending':
      return EXIT.network;
    default:
      return EXIT.invalid;
  }
}

const MARK = { pass: '✓', fail: '✗', skip: '·' } as const;

/** A readable report: the state, its sentence, then every check with its detail. */
export function formatReport(report: VerifyReport, title?: string): string {
  const style = STATE_STYLE[report.state];
  const lines = [`${style.label.toUpperCase()} — ${style.sentence}`];
  if (title) lines.push(`  paper:        ${title}`);
  if (report.pithNumber) lines.push(`  pith number:  ${report.pithNumber}`);
  if (report.canonicalSha256) lines.push(`  sha256:       ${report.canonicalSha256}`);
  if (report.keyId) lines.push(`  key:          ${report.keyId}${report.keyPinned ? ' (pinned)' : ' (not pinned)'}`);
  if (report.versionNote) lines.push(`  note:         ${report.versionNote}`);
  lines.push('');
  for (const c of report.checks) {
    lines.push(`  ${MARK[c.outcome]} ${c.name.padEnd(15)} ${c.detail}`);
    if (c.outcome === 'fail' && (c.expected !== undefined || c.computed !== undefined)) {
      lines.push(`      expected: ${c.expected ?? '—'}`);
      lines.push(`      computed: ${c.computed ?? '—'}`);
    }
  }
  return lines.join('\n') + '\n';
}

function pageIdFrom(arxiv: string | undefined): PaperId | undefined {
  if (arxiv === undefined) return undefined;
  const found = detectFromText(arxiv).find((id) => id.kind === 'arxiv');
  if (!found) throw new UsageError(`--arxiv: "${arxiv}" is not an arXiv id`);
  return found;
}

function paperTitle(input: unknown): string | undefined {
  const paper = (input as { paper?: { title?: unknown } } | null)?.paper;
  return typeof paper?.title === 'string' ? paper.title : undefined;
}

async function cmdVerify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, title: { type: 'string' }, arxiv: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('verify takes one FILE (or - for standard input)');
  const text = await io.readInput(positionals[0]!, MAX_INPUT_BYTES);
  if (text.trim() === '') throw new UsageError('the input is empty');
  let parsed: unknown;
  try {
    // Lossless: big integers and 1.0-style floats must hash as written.
    parsed = parseJson(text);
  } catch (e) {
    throw new UsageError(`the input is not JSON (${(e as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError('the input is JSON but not a Pith record, bundle or {pith_number, canonical_sha256, canonical_record} object');
  }
  const report = verify(parsed, { pageTitle: values.title, pageId: pageIdFrom(values.arxiv) });
  io.stdout(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, paperTitle(parsed)));
  return exitCodeFor(report.state);
}

function cmdNumber(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { year: { type: 'string' } } });
  if (positionals.length !== 1 || values.year === undefined) throw new UsageError('number takes HASH --year YYYY');
  try {
    io.stdout(derivePithNumber(positionals[0]!, values.year) + '\n');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return 0;
}

async function cmdIds(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { html: { type: 'string' }, url: { type: 'string' } },
  });
  let ids: (PaperId | (PaperId & { role: 'about' | 'mentioned' }))[];
  if (values.html !== undefined) {
    if (values.url === undefined) throw new UsageError("ids --html FILE needs --url URL (the page's address)");
    if (!io.detectFromDocument) throw new UsageError('HTML detection is not available here');
    const html = await io.readInput(values.html, MAX_INPUT_BYTES * 4);
    // In page order; each marked `about` (the page's paper, or a row of a list) or `mentioned` (a reference).
    ids = io.detectFromDocument(io.parseHtml(html, values.url), values.url).papers.map((p) => (p.role ? { ...p.id, role: p.role } : p.id));
  } else {
    if (positionals.length === 0) throw new UsageError('ids takes a URL or text');
    ids = detectFromText(positionals.join(' '));
  }
  io.stdout(JSON.stringify(ids) + '\n');
  return 0;
}

async function cmdResolve(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { base: { type: 'string' }, json: { type: 'boolean' }, title: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('resolve takes one ID (arXiv id, DOI or Pith Number)');
  const id = detectFromText(positionals[0]!)[0];
  if (!id) throw new UsageError(`"${positionals[0]}" is not an arXiv id, DOI or Pith Number`);
  const base = BaseUrlSchema.safeParse(values.base ?? DEFAULT_BASE_URL);
  if (!base.success) throw new UsageError(`--base: ${base.error.issues[0]?.message ?? 'not a resolver address'}`);
  const result = await resolveOnce(id, { baseUrls: [base.data], fetch: io.fetch, title: values.title });
  if (values.json) {
    io.stdout(JSON.stringify({ state: result.state, reason: result.reason, host: result.host, report: result.report }, null, 2) + '\n');
  } else if (result.report) {
    io.stdout(formatReport(result.report, paperTitle(result.record)));
  } else {
    io.stdout(`${STATE_STYLE[result.state].label.toUpperCase()} — ${result.reason ?? STATE_STYLE[result.state].sentence}\n`);
  }
  return exitCodeFor(result.state);
}

/** Runs one command; never throws: every failure becomes a one-line reason and exit 2. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'verify':
        return await cmdVerify(rest, io);
      case 'number':
        return cmdNumber(rest, io);
      case 'ids':
        return await cmdIds(rest, io);
      case 'resolve':
        return await cmdResolve(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE + '\n');
        return command === undefined ? EXIT.usage : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`pith-lens: ${message}\n`);
    if (!(e instanceof UsageError) && !isInputError(e)) io.stderr(`Run "pith-lens --help" for usage.\n`);
    return EXIT.usage;
  }
}

function isInputError(e: unknown): boolean {
  return e instanceof Error && 'code' in e;
}
