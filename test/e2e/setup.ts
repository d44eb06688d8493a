/// <reference types="chrome" />
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMirror, type Mirror, type MirrorOptions } from '../mirror/server';
import { EXTENSION_DIR, launchWithExtension, type Launched } from './browser';
import { copyBuild } from './build-copy';

export interface World {
  mirror: Mirror;
  browser: Launched;
  stop(): Promise<void>;
}

/** Every host the tests reach, mapped to the mirror: pages over HTTP, the resolver over HTTPS. */
export function mirrorHosts(mirror: Mirror): Record<string, number> {
  const https = mirror.httpsPort!;
  return {
    'arxiv.org': mirror.port,
    'www.arxiv.org': mirror.port,
    'export.arxiv.org': mirror.port,
    'publisher.example': mirror.port,
    // The sites of lib/sites, each served from test/fixtures/pages/<host>/.
    'scholar.google.com': mirror.port,
    'www.semanticscholar.org': mirror.port,
    'huggingface.co': mirror.port,
    'www.alphaxiv.org': mirror.port,
    'ar5iv.labs.arxiv.org': mirror.port,
    'links.example': mirror.port,
    'pith.science': https,
    'www.pith.science': https,
  };
}

/**
 * A local Pith mirror (HTTP for the fixture pages, HTTPS for the resolver) and
 * Chromium with the built extension in its default settings: `pith.science`
 * and the arXiv/publisher hosts are mapped to the mirror, so the extension
 * talks to https://pith.science exactly as installed. The extension is
 * loaded from a private copy of the build (see build-copy.ts).
 */
export async function startWorld(opts: MirrorOptions & { extensionDir?: string; grantHosts?: string[] } = {}): Promise<World> {
  const { extensionDir, grantHosts, ...mirrorOpts } = opts;
  const copy = await copyBuild(extensionDir ?? EXTENSION_DIR);
  // Host permissions granted before launch: Chromium under automation cannot answer the
  // permission prompt, so the copy's manifest lists them as install-time host permissions.
  if (grantHosts?.length) {
    const file = join(copy, 'manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions?: string[] };
    manifest.host_permissions = [...(manifest.host_permissions ?? []), ...grantHosts];
    writeFileSync(file, JSON.stringify(manifest));
  }
  const mirror = await startMirror({ port: 0, https: true, ...mirrorOpts });
  const browser = await launchWithExtension({
    extensionDir: copy,
    hosts: mirrorHosts(mirror),
  });
  return {
    mirror,
    browser,
    async stop() {
      await browser.close().catch(() => undefined);
      await mirror.stop();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** Opens a page in a new tab and returns it with its browser tab id. */
export async function openTab(world: World, url: string) {
  const page = await world.browser.context.newPage();
  await page.goto(url);
  const tabId = await world.browser.tabIdOf(page);
  return { page, tabId };
}
