/**
 * `npm run demo`: the local Pith mirror, and Chromium with the built extension
 * (default settings: pith.science is mapped to the mirror's HTTPS port) on the
 * fixture arXiv abstract page. A window where there is a display; a screenshot
 * and the toolbar badge printed where there is none.
 */
import { startMirror } from '../test/mirror/server';
import { launchWithExtension } from '../test/e2e/browser';

const PAPER = process.argv[2] ?? '2404.14294';
const SHOT = process.env.DEMO_SCREENSHOT ?? 'demo.png';
const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');

const mirror = await startMirror({ port: 0, https: true });
console.log(`mirror: ${mirror.url} (https on ${mirror.httpsPort})`);
const browser = await launchWithExtension({
  headless: !headed,
  hosts: { 'arxiv.org': mirror.port, 'pith.science': mirror.httpsPort!, 'www.pith.science': mirror.httpsPort! },
});
const page = await browser.context.newPage();
await page.goto(`http://arxiv.org/abs/${PAPER}`);
const tabId = await browser.tabIdOf(page);
const badge = await browser.waitForBadge(tabId, (t) => t !== '' && t !== '…');
console.log(`toolbar badge on arxiv.org/abs/${PAPER}: "${badge.text}" — ${badge.title}`);

if (headed) {
  console.log('Chromium is open; close its window (or press Ctrl+C) to stop.');
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.on('SIGINT', () => done());
  });
} else {
  await page.waitForSelector('[data-pith-lens="badge"]', { timeout: 10_000 }).catch(() => undefined);
  await page.screenshot({ path: SHOT });
  console.log(`screenshot: ${SHOT}`);
}
await browser.close().catch(() => undefined);
await mirror.stop();
