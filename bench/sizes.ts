/**
 * Bundle sizes of the built extension, raw and gzip (level 9), per file and
 * grouped by entry: content scripts, background, popup, options.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROOT = new URL('..', import.meta.url).pathname;
export const OUT = { chrome: join(ROOT, '.output/chrome-mv3'), firefox: join(ROOT, '.output/firefox-mv3') } as const;
export type Target = keyof typeof OUT;

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}
export interface EntrySize {
  entry: string;
  files: string[];
  raw: number;
  gzip: number;
}
export interface TargetSizes {
  dir: string;
  files: FileSize[];
  entries: EntrySize[];
}

/** Build the targets that are missing (or all, when forced). Builds run one at a time: each wipes its own output dir. */
export function ensureBuilt(force: boolean, log: (s: string) => void): void {
  for (const target of ['chrome', 'firefox'] as const) {
    const dir = OUT[target];
    if (!force && existsSync(join(dir, 'manifest.json'))) continue;
    log(`building ${target} (${relative(ROOT, dir)}) …`);
    const args = target === 'chrome' ? ['wxt', 'build'] : ['wxt', 'build', '-b', 'firefox'];
    execFileSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

/** Newest modification time of the extension's sources (what a build reads). */
function newestSource(): number {
  let t = 0;
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p)) visit(join(p, n));
    else t = Math.max(t, st.mtimeMs);
  };
  for (const p of ['entrypoints', 'components', 'lib', 'assets', 'public', 'wxt.config.ts', 'package.json']) visit(join(ROOT, p));
  return t;
}

/** Targets whose build is older than the sources (their sizes describe old code; rebuild with --build). */
export function staleBuilds(): Target[] {
  const src = newestSource();
  return (['chrome', 'firefox'] as const).filter((t) => {
    const m = join(OUT[t], 'manifest.json');
    return existsSync(m) && statSync(m).mtimeMs < src;
  });
}

function sum(fs: FileSize[], k: 'raw' | 'gzip'): number {
  return fs.reduce((a, f) => a + f[k], 0);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** Files a page loads: the html, its scripts and styles, and their static imports (shared chunks included). */
function pageFiles(dir: string, html: string): string[] {
  const seen = new Set<string>([html]);
  const queue: string[] = [];
  const text = readFileSync(join(dir, html), 'utf8');
  for (const m of text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) queue.push(m[1]!);
  while (queue.length) {
    const rel = queue.shift()!;
    if (seen.has(rel) || !existsSync(join(dir, rel))) continue;
    seen.add(rel);
    if (!rel.endsWith('.js')) continue;
    const js = readFileSync(join(dir, rel), 'utf8');
    const base = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
    for (const m of js.matchAll(/(?:from|import)\s*"(\.\/[^"]+)"/g)) queue.push(base + m[1]!.slice(2));
  }
  return [...seen];
}

export function measureSizes(target: Target): TargetSizes {
  const dir = OUT[target];
  const files: FileSize[] = [];
  for (const p of walk(dir)) {
    const rel = relative(dir, p);
    if (!/\.(js|css|html|json)$/.test(rel)) continue;
    const buf = readFileSync(p);
    files.push({ file: rel, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
  }
  files.sort((a, b) => a.file.localeCompare(b.file));
  const size = new Map(files.map((f) => [f.file, f]));
  const entries: EntrySize[] = [];
  const add = (entry: string, list: string[]) => {
    const fs = list.map((f) => size.get(f)).filter((f): f is FileSize => !!f);
    if (fs.length) entries.push({ entry, files: fs.map((f) => f.file), raw: sum(fs, 'raw'), gzip: sum(fs, 'gzip') });
  };
  for (const f of files) {
    const m = /^content-scripts\/([^/.]+)\.js$/.exec(f.file);
    if (m) add(`content:${m[1]}`, [f.file, ...files.filter((c) => c.file === `content-scripts/${m[1]}.css`).map((c) => c.file)]);
  }
  add('background', ['background.js']);
  for (const page of ['popup', 'options']) if (size.has(`${page}.html`)) add(page, pageFiles(dir, `${page}.html`));
  return { dir: relative(ROOT, dir), files, entries };
}
