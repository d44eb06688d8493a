/// <reference types="chrome" />
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type Launched } from './browser';

let browser: Launched;
beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

test('the service worker starts and the manifest is ours', async () => {
  const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('Pith Lens');
  expect(manifest.manifest_version).toBe(3);
});

test('the popup renders', async () => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await expect(page.locator('h1').first().textContent()).resolves.toContain('Pith Lens');
  await page.close();
});
