/**
 * Attacks by a dishonest resolver or mirror (issue 13), through the CLI
 * against the local mirror: the real signed seed record served with unsigned
 * text rewritten around it. None of them may make the CLI say more than was
 * checked. (The same attacks on the extension's core: resolver.attacks.test.ts
 * and pith/verify.attacks.test.ts; in the popup: StateScreens.attacks.test.tsx.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main, EXIT, type CliIo } from '../../../cli/main';
import { nodeIo } from '../../../cli/node-io';
import { startMirror, type Mirror } from '../../mirror/server';

const FOREIGN_DOI = '10.1145/3442188.3445922';

let mirror: Mirror;
beforeAll(async () => {
  mirror = await startMirror({ port: 0 });
});
afterAll(async () => {
  await mirror?.stop();
});
afterEach(() => mirror.clearFaults());

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { ...nodeIo, stdout: (t) => (out += t), stderr: (t) => (err += t) };
  return { code: await main(argv, io), out, err };
}

describe('an unsigned DOI alias does not bind', () => {
  it('CLI: the real signed record served for a foreign DOI, with that DOI added to its aliases, is UNCONFIRMED (exit 6)', async () => {
    mirror.setFault({ answerWith: '2404.14294', extraAliases: [{ alias_kind: 'doi', alias_value: FOREIGN_DOI }] }, FOREIGN_DOI);
    const r = await cli(['resolve', FOREIGN_DOI, '--base', mirror.url]);
    expect(r.code).toBe(EXIT.unconfirmed);
    expect(r.code).toBe(6);
    expect(r.out).toMatch(/^UNCONFIRMED/);
    expect(r.out).not.toMatch(/VERIFIED/);
    const json = await cli(['resolve', FOREIGN_DOI, '--base', mirror.url, '--json']);
    const parsed = JSON.parse(json.out);
    expect(parsed.state).toBe('unconfirmed');
    const binding = parsed.report.checks.find((c: { name: string }) => c.name === 'binding');
    expect(binding.outcome).not.toBe('pass');
    expect(binding.detail).toContain('resolver');
  });

  it('CLI: the same DOI with no alias at all is unconfirmed too; the arXiv DOI derived from the signed source still verifies', async () => {
    mirror.setFault({ answerWith: '2404.14294' }, FOREIGN_DOI);
    expect((await cli(['resolve', FOREIGN_DOI, '--base', mirror.url])).code).toBe(EXIT.unconfirmed);
    expect((await cli(['resolve', '10.48550/arXiv.2404.14294', '--base', mirror.url])).code).toBe(EXIT.verified);
  });
});

describe('a forged served title is never the verified paper’s identity', () => {
  it('the state stays verified and the title check fails (the popup labels it: components/popup/StateScreens.attacks.test.tsx)', async () => {
    mirror.setFault({ paper: { title: 'Retracted: fabricated results', authors_text: 'Nobody' } }, '2404.14294');
    const r = await cli(['resolve', '2404.14294', '--base', mirror.url, '--json']);
    const parsed = JSON.parse(r.out);
    expect(parsed.state).toBe('verified');
    const title = parsed.report.checks.find((c: { name: string }) => c.name === 'title');
    expect(title.outcome).toBe('fail');
    expect(title.detail).toContain('shown as served');
  });
});

describe('the built command line (`npx pith-lens`, dist/pith-lens.mjs)', () => {
  it('prints UNCONFIRMED and exits 6 for the foreign DOI a dishonest resolver vouches for', async () => {
    const { execFileSync, spawn } = await import('node:child_process');
    const root = new URL('../../../', import.meta.url).pathname;
    execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root });
    mirror.setFault({ answerWith: '2404.14294', extraAliases: [{ alias_kind: 'doi', alias_value: FOREIGN_DOI }] }, FOREIGN_DOI);
    // Asynchronously: the mirror answers from this process.
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((ok) => {
        const child = spawn(process.execPath, ['dist/pith-lens.mjs', ...args], { cwd: root });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('close', (code) => ok({ code, out }));
      });
    const r = await run(['resolve', FOREIGN_DOI, '--base', mirror.url]);
    expect(r.out).toMatch(/^UNCONFIRMED/);
    expect(r.code).toBe(6);
  });
});
