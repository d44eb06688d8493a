import { afterAll, beforeAll, expect, test } from 'vitest';
import { main, EXIT, type CliIo } from '../../../cli/main';
import { nodeIo } from '../../../cli/node-io';
import { startMirror, type Mirror } from '../../mirror/server';

let mirror: Mirror;
beforeAll(async () => {
  mirror = await startMirror({ port: 0 });
});
afterAll(async () => {
  await mirror?.stop();
});

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { ...nodeIo, stdout: (t) => (out += t), stderr: (t) => (err += t) };
  return { code: await main(argv, io), out, err };
}

test('resolve fetches and verifies through the mirror: verified, exit 0', async () => {
  const r = await run(['resolve', 'arXiv:2404.14294', '--base', mirror.url]);
  expect(r.code).toBe(EXIT.verified);
  expect(r.out).toContain('pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2');
});

test('resolve by DOI and by Pith Number', async () => {
  expect((await run(['resolve', '10.48550/arXiv.2404.14294', '--base', mirror.url])).code).toBe(EXIT.verified);
  expect((await run(['resolve', 'pith:7YXM6JRY', '--base', mirror.url])).code).toBe(EXIT.verified);
});

test('resolve exit codes: invalid 1, unsigned 3, not found 4, server failure 5, usage 2', async () => {
  expect((await run(['resolve', '2404.99998', '--base', mirror.url])).code).toBe(EXIT.invalid);
  expect((await run(['resolve', '1903.07835', '--base', mirror.url])).code).toBe(EXIT.unsigned);
  const nf = await run(['resolve', '2404.99999', '--base', mirror.url, '--json']);
  expect(nf.code).toBe(EXIT.notFound);
  expect(JSON.parse(nf.out).state).toBe('not-found');
  mirror.setFault({ status: 500 });
  try {
    const down = await run(['resolve', '2404.14294', '--base', mirror.url]);
    expect(down.code).toBe(EXIT.network);
    expect(down.out).toMatch(/ERROR/);
  } finally {
    mirror.clearFaults();
  }
  expect((await run(['resolve', 'not an id', '--base', mirror.url])).code).toBe(EXIT.usage);
  expect((await run(['resolve', '2404.14294', '--base', 'ftp://x'])).code).toBe(EXIT.usage);
});
