import { INPAGE_SETTINGS_KEY, readInpageSettings, type InpageSettings } from '../../lib/inpage/validate';

/** The settings a page's badges need, read without zod; unreadable storage gives the defaults. */
export async function loadSettings(): Promise<InpageSettings> {
  try {
    const o = await browser.storage.local.get(INPAGE_SETTINGS_KEY);
    return readInpageSettings(o[INPAGE_SETTINGS_KEY]);
  } catch {
    return readInpageSettings(undefined);
  }
}
