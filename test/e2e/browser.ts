import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(__dirname, '../../.output/chrome-mv3');

export interface LaunchOptions {
  /** Host → 127.0.0.1:port mappings, e.g. { 'arxiv.org': 8123, 'pith.science': 8443 }. */
  hosts?: Record<string, number>;
  extensionDir?: string;
}

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, headless, in a fresh
 * profile. Background networking is off: this machine has no network and
 * Chromium's own calls home would only add noise and refused connections.
 */
export async function launchWithExtension(opts: LaunchOptions = {}): Promise<Launched> {
  const dir = opts.extensionDir ?? EXTENSION_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'pith-lens-profile-'));
  const rules = Object.entries(opts.hosts ?? {})
    .map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`)
    .join(', ');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
      ...(rules ? [`--host-resolver-rules=${rules}, EXCLUDE localhost`] : []),
    ],
  });
  let worker = context.serviceWorkers()[0];
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
