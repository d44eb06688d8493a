/** Node's side of the CLI: real files, stdin, fetch and an HTML parser. */
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { CliIo } from './main';
import { readPage } from '../lib/sites';

/** Reads at most maxBytes; a larger input is refused without reading it all. */
export function readBounded(path: string, maxBytes: number): string {
  const fd = path === '-' ? 0 : openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`${path} is a directory`), { code: 'EISDIR' });
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge(path, stat.size, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.alloc(64 * 1024);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((e as NodeJS.ErrnoException).code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(path, total, maxBytes);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    const bytes = Buffer.concat(chunks);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch (e) {
    if (e instanceof TypeError && /encoded data/.test(e.message)) {
      throw Object.assign(new Error(`${path === '-' ? 'standard input' : path} is not UTF-8 text`), { code: 'EILSEQ' });
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw Object.assign(new Error(`${path}: no such file`), { code: 'ENOENT' });
    }
    throw e;
  } finally {
    if (fd !== 0) closeSync(fd);
  }
}

function tooLarge(path: string, size: number, max: number): Error {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const name = path === '-' ? 'standard input' : path;
  return Object.assign(new Error(`${name} is larger than ${mb(max)} (read ${mb(size)}); a Pith record is a few kB`), { code: 'EFBIG' });
}

export const nodeIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readInput: async (path, max) => readBounded(path, max),
  fetch: (...args) => fetch(...args),
  parseHtml: (html) => parseHTML(html).document as unknown as Document,
  // The extension's own reading: arXiv pages as the arXiv script reads them, other sites through lib/sites.
  detectFromDocument: (doc, url) => readPage(doc, url) ?? { papers: [] },
};
