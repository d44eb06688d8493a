/**
 * The Firefox world: the local mirror, the proxy in front of it and Firefox ESR
 * with a private copy of the Firefox build installed — the counterpart of
 * test/e2e/setup.ts, also on a private copy of the build.
 */
import { rmSync } from 'node:fs';
import { startMirror, type Mirror, type MirrorOptions } from '../mirror/server';
import { copyBuild } from '../e2e/build-copy';
import { FIREFOX_EXTENSION_DIR, launchFirefox, type LaunchedFirefox } from './firefox';

export interface FirefoxWorld {
  mirror: Mirror;
  firefox: LaunchedFirefox;
  stop(): Promise<void>;
}

function copyFirefoxBuild(src = FIREFOX_EXTENSION_DIR): Promise<string> {
  return copyBuild(src, 'npm run build:firefox');
}

export interface FirefoxWorldOptions extends MirrorOptions {
  /** An .xpi/.zip or directory to install instead of a copy of .output/firefox-mv3. */
  extension?: string;
}

export async function startFirefoxWorld(opts: FirefoxWorldOptions = {}): Promise<FirefoxWorld> {
  const { extension, ...mirrorOpts } = opts;
  const copy = extension ? undefined : await copyFirefoxBuild();
  const mirror = await startMirror({ port: 0, https: true, ...mirrorOpts });
  const pages = mirror.port;
  const https = mirror.httpsPort!;
  let firefox: LaunchedFirefox;
  try {
    firefox = await launchFirefox({
      extension: extension ?? copy,
      http: {
        'arxiv.org': pages,
        'www.arxiv.org': pages,
        'export.arxiv.org': pages,
        'publisher.example': pages,
        // Sites of lib/sites (test/firefox/sites.firefox.ts).
        'scholar.google.com': pages,
        'links.example': pages,
      },
      https: { 'pith.science': https, 'www.pith.science': https },
    });
  } catch (e) {
    await mirror.stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
    throw e;
  }
  return {
    mirror,
    firefox,
    async stop() {
      await firefox.close();
      await mirror.stop();
      if (copy) rmSync(copy, { recursive: true, force: true });
    },
  };
}
