import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NEEDED = ['manifest.json', 'popup.html', 'options.html', 'background.js'];

/**
 * A private copy of a built extension. The browser under test loads the copy,
 * so a `wxt build` run meanwhile (it empties .output/) cannot pull files from
 * under it. Waits up to a minute for a complete build to appear.
 */
export async function copyBuild(src: string, hint = 'npm run build'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pith-lens-ext-'));
  for (let attempt = 0; attempt < 60; attempt++) {
    if (NEEDED.every((f) => existsSync(join(src, f)))) {
      try {
        cpSync(src, dir, { recursive: true });
        if (NEEDED.every((f) => existsSync(join(dir, f)))) return dir;
      } catch {
        // A build replaced files while we copied: try again.
      }
    }
    await new Promise((ok) => setTimeout(ok, 1000));
  }
  throw new Error(`no complete build in ${src}: run ${hint}`);
}
