/**
 * `npm test` runs end-to-end tests in real browsers. On a machine without
 * them, stop before anything else runs, with one line saying what to install
 * (instead of failing minutes later inside Playwright).
 */
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefox = process.env.FIREFOX_PATH ?? (existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : '/usr/bin/firefox');
const missing = [existsSync(chromium) ? undefined : `Chromium (${chromium})`, existsSync(firefox) ? undefined : `Firefox ESR (${firefox})`].filter(Boolean);
if (missing.length) {
  console.error(
    `npm test needs ${missing.join(' and ')}: apt-get install -y ${missing.map((m) => (m.startsWith('Chromium') ? 'chromium' : 'firefox-esr')).join(' ')} (or set CHROMIUM_PATH / FIREFOX_PATH).`,
  );
  process.exit(1);
}
