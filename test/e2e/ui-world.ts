/// <reference types="chrome" />
/**
 * startWorld, on a private copy of the built extension: other work in this
 * tree rebuilds .output/ at any time, and a rebuild under a running browser
 * takes popup.html away mid-test.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMirror, type MirrorOptions } from '../mirror/server';
import { EXTENSION_DIR, launchWithExtension } from './browser';
import type { World } from './setup';

const NEEDED = ['manifest.json', 'popup.html', 'options.html', 'background.js'];

async function copyBuild(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pith-lens-ext-'));
  for (let attempt = 0; attempt < 60; attempt++) {
    if (NEEDED.every((f) => existsSync(join(EXTENSION_DIR, f)))) {
      try {
        cpSync(EXTENSION_DIR, dir, { recursive: true });
        if (NEEDED.every((f) => existsSync(join(dir, f)))) return dir;
      } catch {
        // A build replaced files while we copied: try again.
      }
    }
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  throw new Error(`no complete build in ${EXTENSION_DIR}: run npm run build`);
}

export async function startUiWorld(opts: MirrorOptions = {}): Promise<World> {
  const extensionDir = await copyBuild();
  const mirror = await startMirror({ port: 0, https: true, ...opts });
  const https = mirror.httpsPort!;
  const browser = await launchWithExtension({
    extensionDir,
    hosts: {
      'arxiv.org': mirror.port,
      'www.arxiv.org': mirror.port,
      'export.arxiv.org': mirror.port,
      'publisher.example': mirror.port,
      'pith.science': https,
      'www.pith.science': https,
    },
  });
  return {
    mirror,
    browser,
    async stop() {
      await browser.close().catch(() => undefined);
      await mirror.stop();
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}
