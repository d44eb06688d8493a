/**
 * Draws the extension's PNG icons from SVG with Debian's Chromium (playwright-core):
 *  - public/icon/{16,32,48,128}.png from assets/icon.svg (WXT puts public/icon/<size>.png
 *    in the manifest's `icons`; Chrome Web Store and AMO want 128, toolbars 16/32, the
 *    extensions page 48);
 *  - public/icon/state/state-<state>-{16,32}.png: the toolbar icon per state (lens ring in the
 *    state's colour from lib/states.ts, the state's glyph in the lens) for action.setIcon.
 * Run: npx tsx scripts/make-icons.ts — the PNGs are committed; rerun after editing an SVG.
 */
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { STATE_STYLE, STATES, type State } from '../lib/states';

const root = new URL('../', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STORE_SIZES = [16, 32, 48, 128];
const STATE_SIZES = [16, 32];

/** The glyph for each state, drawn in the lens (centre 54,54) in the state's colour. */
const GLYPH: Record<State, string> = {
  verified: '<polyline points="35,56 49,70 74,42"/>',
  // A question mark: signed and valid, but the id's link to it is unconfirmed.
  unconfirmed: '<path d="M41,44 C41,28 67,28 67,44 C67,55 54,55 54,63"/><circle cx="54" cy="76" r="3" stroke-width="10"/>',
  unsigned: '<circle cx="54" cy="54" r="15" stroke-width="11"/>',
  invalid: '<path d="M40,40 L68,68 M68,40 L40,68"/>',
  mismatch: '<path d="M36,46 H72 M36,64 H72 M62,34 L46,76" stroke-width="10"/>',
  'not-found': '<path d="M38,54 H70"/>',
  error: '<path d="M54,34 V58"/><circle cx="54" cy="74" r="3" stroke-width="10"/>',
  pending: '<circle cx="38" cy="54" r="2"/><circle cx="54" cy="54" r="2"/><circle cx="70" cy="54" r="2"/>',
};

function stateSvg(state: State): string {
  const c = STATE_STYLE[state].color;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128" width="128" height="128">
  <g stroke-linecap="round" stroke-linejoin="round" fill="none">
    <line x1="84" y1="84" x2="114" y2="114" stroke="#ffffff" stroke-width="28"/>
    <circle cx="54" cy="54" r="40" stroke="#ffffff" stroke-width="24"/>
    <circle cx="54" cy="54" r="40" fill="#ffffff" stroke="${c}" stroke-width="13"/>
    <line x1="85" y1="85" x2="112" y2="112" stroke="${c}" stroke-width="18"/>
    <g stroke="${c}" stroke-width="13">${GLYPH[state]}</g>
  </g>
</svg>`;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  async function render(svg: string, size: number, out: string): Promise<void> {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    writeFileSync(out, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
  mkdirSync(`${root}public/icon`, { recursive: true });
  mkdirSync(`${root}assets/icons`, { recursive: true });
  mkdirSync(`${root}public/icon/state`, { recursive: true });
  const icon = readFileSync(`${root}assets/icon.svg`, 'utf8');
  for (const size of STORE_SIZES) await render(icon, size, `${root}public/icon/${size}.png`);
  for (const state of STATES) {
    const svg = stateSvg(state);
    writeFileSync(`${root}assets/icons/state-${state}.svg`, svg + '\n');
    for (const size of STATE_SIZES) await render(svg, size, `${root}public/icon/state/state-${state}-${size}.png`);
  }
  console.log(`icons: public/icon/{${STORE_SIZES.join(',')}}.png, public/icon/state/state-{${STATES.join(',')}}-{${STATE_SIZES.join(',')}}.png`);
} finally {
  await browser.close();
}
