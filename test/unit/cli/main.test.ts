import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main, EXIT, type CliIo } from '../../../cli/main';
import { nodeIo } from '../../../cli/node-io';

const FIX = resolve(__dirname, '../../fixtures');
const SEED_PATH = join(FIX, 'records/2404.14294v3.record.json');
const SEED = JSON.parse(readFileSync(SEED_PATH, 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'pith-cli-'));

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

async function run(argv: string[], extra: Partial<CliIo> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = { ...nodeIo, stdout: (t) => (out += t), stderr: (t) => (err += t), ...extra };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('pith-lens verify', () => {
  test('the seed record is verified (exit 0) with a readable report', async () => {
    const r = await run(['verify', SEED_PATH]);
    expect(r.code).toBe(EXIT.verified);
    expect(r.out).toContain('VERIFIED');
    expect(r.out).toContain('pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(r.out).toMatch(/✓ signature/);
  });

  test('--json prints the report as JSON', async () => {
    const r = await run(['verify', SEED_PATH, '--json']);
    const report = JSON.parse(r.out);
    expect(report.state).toBe('verified');
    expect(report.checks.map((c: { name: string }) => c.name)).toContain('signature');
  });

  test('binding: right title and id stay verified; a wrong title is a mismatch (exit 1)', async () => {
    const ok = await run(['verify', SEED_PATH, '--title', SEED.paper.title, '--arxiv', '2404.14294v3']);
    expect(ok.code).toBe(EXIT.verified);
    const bad = await run(['verify', SEED_PATH, '--title', 'Another paper entirely']);
    expect(bad.code).toBe(EXIT.invalid);
    expect(bad.out).toContain('MISMATCH');
  });

  test('a record without receipt is unsigned (exit 3); a tampered one invalid (exit 1)', async () => {
    const { receipt: _r, ...unsigned } = SEED;
    expect((await run(['verify', file('unsigned.json', JSON.stringify(unsigned))])).code).toBe(EXIT.unsigned);
    const tampered = structuredClone(SEED);
    tampered.canonical_record.metadata.primary_cat = 'cs.AI';
    const t = await run(['verify', file('tampered.json', JSON.stringify(tampered))]);
    expect(t.code).toBe(EXIT.invalid);
    expect(t.out).toContain('✗ canonical-hash');
  });

  test('reads standard input with -', async () => {
    const r = await run(['verify', '-'], { readInput: async () => JSON.stringify(SEED) });
    expect(r.code).toBe(EXIT.verified);
  });

  test.each([
    ['empty file', ''],
    ['non-JSON', 'this is not json'],
    ['JSON of the wrong shape (array)', '[1,2,3]'],
    ['JSON of the wrong shape (string)', '"pith"'],
    ['deeply nested JSON', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ])('%s: exit 2 with a one-line reason, no stack trace', async (_name, content) => {
    const r = await run(['verify', file(`bad-${Math.random()}.json`, content as string)]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err.trim().split('\n')[0]).toMatch(/^pith-lens: /);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  test('a 50 MB file is refused without being parsed', async () => {
    const big = file('big.json', Buffer.alloc(50 * 1024 * 1024, 0x20));
    const r = await run(['verify', big]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toMatch(/larger than/);
  });

  test('a missing file and a JSON object that is not a record', async () => {
    const missing = await run(['verify', join(tmp, 'nope.json')]);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.err).toMatch(/no such file/);
    const r = await run(['verify', file('obj.json', '{"hello":"world"}')]);
    // An object of the wrong shape is read fine but fails the schema check.
    expect(r.code).toBe(EXIT.invalid);
    expect(r.out).toContain('✗ schema');
  });
});

describe('pith-lens number / ids / usage', () => {
  test('number derives the seed Pith Number', async () => {
    const r = await run(['number', SEED.canonical_sha256, '--year', '2024']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(SEED.pith_number);
    expect((await run(['number', 'abc', '--year', '2024'])).code).toBe(EXIT.usage);
    expect((await run(['number', SEED.canonical_sha256])).code).toBe(EXIT.usage);
  });

  test('ids reads typed text and URLs', async () => {
    const r = await run(['ids', 'arXiv:2404.14294v3']);
    expect(JSON.parse(r.out)).toEqual([{ kind: 'arxiv', id: '2404.14294', version: 3 }]);
    const u = await run(['ids', 'https://doi.org/10.1145/3442188.3445922']);
    expect(JSON.parse(u.out)).toEqual([{ kind: 'doi', id: '10.1145/3442188.3445922' }]);
  });

  test('ids --html lists every paper of a saved listing, in page order', async () => {
    const page = join(FIX, 'pages/arxiv.org/list/cs.CL/new.html');
    const r = await run(['ids', '--html', page, '--url', 'https://arxiv.org/list/cs.CL/new']);
    const ids = JSON.parse(r.out);
    expect(ids).toHaveLength(25);
    expect(ids[0]).toMatchObject({ kind: 'arxiv', id: '2404.14294' });
  });

  test('ids --html on an arXiv listing marks every row about, nothing else changes', async () => {
    const page = join(FIX, 'pages/arxiv.org/list/cs.CL/new.html');
    const r = await run(['ids', '--html', page, '--url', 'https://arxiv.org/list/cs.CL/new']);
    const ids = JSON.parse(r.out) as { role: string }[];
    expect(ids.every((x) => x.role === 'about')).toBe(true);
    const abs = await run(['ids', '--html', join(FIX, 'pages/arxiv.org/abs/2404.14294.html'), '--url', 'https://arxiv.org/abs/2404.14294']);
    expect(JSON.parse(abs.out)).toEqual([{ kind: 'arxiv', id: '2404.14294', version: 3, role: 'about' }]);
  });

  test.each([
    [
      'scholar.google.com/scholar.html',
      'https://scholar.google.com/scholar?q=efficient+inference',
      ['about 2404.14294', 'about 10.1145/3442188.3445922', 'about 2302.14782', 'about 2304.01373', 'about 1903.07835'],
    ],
    [
      'www.semanticscholar.org/paper/A-Survey-on-Efficient-Inference/5be7e6b04c5a240cff340034aae2b57c677e211f.html',
      'https://www.semanticscholar.org/paper/A-Survey-on-Efficient-Inference/5be7e6b04c5a240cff340034aae2b57c677e211f',
      ['about 2404.14294', 'mentioned 1903.07835', 'mentioned 2302.14782', 'mentioned 2304.01373'],
    ],
    [
      'huggingface.co/papers.html',
      'https://huggingface.co/papers',
      ['about 2404.14294', 'about 2304.01373', 'about 2404.00003', 'about 2302.14782', 'about 2404.99999'],
    ],
    [
      'ar5iv.labs.arxiv.org/html/2404.14294.html',
      'https://ar5iv.labs.arxiv.org/html/2404.14294',
      ['about 2404.14294', 'mentioned 1903.07835', 'mentioned 2302.14782', 'mentioned 1306.0013', 'mentioned 2304.01373'],
    ],
  ])('ids --html reads a saved %s as the extension does: page order, about or mentioned', async (file, url, want) => {
    const r = await run(['ids', '--html', join(FIX, 'pages', file), '--url', url]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { id: string; role: string }[]).map((x) => `${x.role} ${x.id}`)).toEqual(want);
  });

  test('unknown commands and options are usage errors', async () => {
    expect((await run(['frobnicate'])).code).toBe(EXIT.usage);
    expect((await run(['verify', SEED_PATH, '--nope'])).code).toBe(EXIT.usage);
    expect((await run([])).code).toBe(EXIT.usage);
    expect((await run(['--help'])).code).toBe(0);
  });
});
