/**
 * The bench's world: test/e2e/setup.ts's mirror + Chromium, but the extension
 * is loaded from a private copy of .output/chrome-mv3, so that a `wxt build`
 * someone runs meanwhile (it empties the output dir) cannot change or break
 * the extension under measurement.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../test/e2e/browser';
import { mirrorHosts, type World } from '../test/e2e/setup';
import { startMirror } from '../test/mirror/server';
import { OUT } from './sizes';

export function snapshotExtension(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pith-bench-ext-'));
  // PITH_EXT_DIR: another build (a baseline from an earlier commit) for trace.ts and profile.ts.
  cpSync(process.env.PITH_EXT_DIR ?? OUT.chrome, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startBenchWorld(extensionDir: string): Promise<World> {
  const mirror = await startMirror({ port: 0, https: true });
  const browser = await launchWithExtension({
    extensionDir,
    hosts: mirrorHosts(mirror),
  });
  return {
    mirror,
    browser,
    async stop() {
      await browser.close().catch(() => undefined);
      await mirror.stop();
    },
  };
}
