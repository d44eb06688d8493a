/**
 * The store packages as `npm run zip` makes them (same config, through WXT's own
 * zip(), into a temporary directory so the .output/ builds others test against
 * are left alone):
 *  - the AMO zip installs in Firefox ESR and verifies the seed paper;
 *  - the Chrome Web Store zip, unpacked, loads in Chromium (test/e2e/browser.ts)
 *    and verifies the seed paper;
 *  - the sources zip has what a reviewer needs to rebuild (BUILDING.md) and no
 *    node_modules, build output, tests or benchmarks.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATE_STYLE } from '../../lib/states';
import { startMirror } from '../mirror/server';
import { launchWithExtension } from '../e2e/browser';
import { startFirefoxWorld } from './setup';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEED = 'http://arxiv.org/abs/2404.14294';
const settled = (t: string) => t !== '' && t !== STATE_STYLE.pending.badge;

let out: string;
let zips: { chrome: string; firefox: string; sources: string };

function unzipList(zip: string): string[] {
  try {
    return execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    const py = `import zipfile,sys;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))`;
    return execFileSync('python3', ['-c', py, zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
  }
}

function unzipTo(zip: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('unzip', ['-q', zip, '-d', dir]);
  } catch {
    execFileSync('python3', ['-m', 'zipfile', '-e', zip, dir]);
  }
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'pith-lens-zips-'));
  // WXT's zip() with the project's wxt.config.ts, only outDir moved: both browsers, as `npm run zip`.
  const script = `import { zip } from 'wxt';
for (const browser of ['chrome', 'firefox']) await zip({ browser, outDir: process.argv[1] });`;
  // Asynchronously: a blocked worker misses vitest's own RPC deadlines.
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, out], { cwd: ROOT, timeout: 240_000 });
  const files = readdirSync(out);
  const find = (re: RegExp) => {
    const f = files.find((n) => re.test(n));
    if (!f) throw new Error(`no ${re} in ${files.join(', ')}`);
    return join(out, f);
  };
  zips = { chrome: find(/-chrome\.zip$/), firefox: find(/-firefox\.zip$/), sources: find(/-sources\.zip$/) };
}, 300_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('store packages', () => {
  test('names: pith-lens-<version>-{chrome,firefox,sources}.zip', () => {
    const version = execFileSync(process.execPath, ['-p', 'require("./package.json").version'], { cwd: ROOT, encoding: 'utf8' }).trim();
    expect(
      Object.values(zips)
        .map((z) => z.slice(out.length + 1))
        .sort(),
    ).toEqual([`pith-lens-${version}-chrome.zip`, `pith-lens-${version}-firefox.zip`, `pith-lens-${version}-sources.zip`].sort());
  });

  test('both extension zips carry the manifest and the icons at 16/32/48/128', () => {
    for (const zip of [zips.chrome, zips.firefox]) {
      const names = unzipList(zip);
      expect(names).toContain('manifest.json');
      for (const size of [16, 32, 48, 128]) expect(names).toContain(`icon/${size}.png`);
      expect(names.some((n) => n.endsWith('.map'))).toBe(false);
    }
  });

  test('the sources zip: what a reviewer needs to rebuild, nothing else', () => {
    const names = unzipList(zips.sources);
    for (const needed of [
      'BUILDING.md',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'entrypoints/background.ts',
      'public/icon/128.png',
      'scripts/build-cli.mjs',
    ]) {
      expect(names).toContain(needed);
    }
    expect(names.filter((n) => /^(node_modules|\.output|\.wxt|test|bench|dist)\//.test(n) || n.includes('/node_modules/'))).toEqual([]);
    expect(names.filter((n) => /\.test\.tsx?$/.test(n))).toEqual([]);
  });

  test('the AMO zip installs in Firefox ESR and verifies the seed paper', async () => {
    const world = await startFirefoxWorld({ extension: zips.firefox });
    try {
      expect(world.firefox.addonId).toBe('pith-lens@pith.science');
      const page = await world.firefox.newPage(SEED);
      const tabId = await world.firefox.tabIdOf(SEED);
      expect((await world.firefox.waitForBadge(tabId, settled, 30_000)).text).toBe(STATE_STYLE.verified.badge);
      await page.close();
    } finally {
      await world.stop();
    }
  });

  test('the Chrome Web Store zip, unpacked, loads in Chromium and verifies the seed paper', async () => {
    if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) throw new Error('Chromium is needed: apt-get install -y chromium');
    const dir = join(out, 'chrome-unpacked');
    unzipTo(zips.chrome, dir);
    const mirror = await startMirror({ port: 0, https: true });
    const browser = await launchWithExtension({
      extensionDir: dir,
      hosts: { 'arxiv.org': mirror.port, 'pith.science': mirror.httpsPort!, 'www.pith.science': mirror.httpsPort! },
    });
    try {
      const page = await browser.context.newPage();
      await page.goto(SEED);
      const tabId = await browser.tabIdOf(page);
      expect((await browser.waitForBadge(tabId, settled, 30_000)).text).toBe(STATE_STYLE.verified.badge);
      await page.close();
    } finally {
      await browser.close().catch(() => undefined);
      await mirror.stop();
    }
  });
});
