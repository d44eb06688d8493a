// Import-graph rules ESLint cannot hold:
// - what a bundle pulls in transitively: the arXiv content script carries no zod
//   at all (its 15 kB gzip budget), and the popup uses zod/mini only, never zod's
//   classic build (esbuild bundles each entry, nothing written, and we read the
//   metafile);
// - no import cycles among the source files, type-only imports included
//   (import-x/no-cycle skips those by design).
import { build } from 'esbuild';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { sourceFiles } from './source-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

async function inputsOf(entry) {
  const r = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': root },
    loader: { '.css': 'empty', '.svg': 'empty', '.png': 'empty' },
    // wxt's auto-imports (browser, defineContentScript) are globals here; `#imports` is wxt's virtual module.
    external: ['#imports', 'wxt/*'],
  });
  return Object.keys(r.metafile.inputs);
}

const zod = /(^|\/)node_modules\/zod\//;
// zod 4 ships mini as v4/mini + v4/core; v4/classic is the chained-method build.
const zodClassic = /(^|\/)node_modules\/zod\/(v4\/classic\/|index\.js$|v3\/)/;

const checks = [
  { entry: 'entrypoints/arxiv.content.ts', bad: zod, why: 'the arXiv content script must not import zod' },
  { entry: 'entrypoints/arxiv-listing.content.ts', bad: zod, why: 'the arXiv listing content script must not import zod' },
  { entry: 'entrypoints/popup/main.ts', bad: zodClassic, why: "the popup must use zod/mini, not zod's classic build" },
];

let failed = false;
for (const { entry, bad, why } of checks) {
  const hits = (await inputsOf(entry)).filter((f) => bad.test(f));
  if (hits.length) {
    failed = true;
    console.error(
      `check-graph: ${entry}: ${why}; it pulls in:\n  ${hits.slice(0, 10).join('\n  ')}${hits.length > 10 ? `\n  … ${hits.length - 10} more` : ''}`,
    );
  }
}
/** A relative or `@/` import of `from`, as a source file path; undefined for packages. */
function resolveImport(from, spec) {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? join(dirname(from), spec) : undefined;
  if (base === undefined) return undefined;
  const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => existsSync(join(root, f)) && statSync(join(root, f)).isFile());
  return hit && /\.tsx?$/.test(hit) ? relative('.', hit) : undefined;
}

const files = sourceFiles(root, ['lib', 'components', 'entrypoints', 'cli']);
const edges = new Map(
  files.map((f) => {
    const imports = ts.preProcessFile(readFileSync(join(root, f), 'utf8'), true, true).importedFiles;
    return [f, [...new Set(imports.map((i) => resolveImport(f, i.fileName)).filter((x) => x !== undefined))]];
  }),
);

// Tarjan's strongly connected components: any component of more than one file is a cycle.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
let next = 0;
function visit(v) {
  index.set(v, next);
  low.set(v, next++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
  }
  if (low.get(v) === index.get(v)) {
    const scc = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(scc.sort());
  }
}
for (const f of files) if (!index.has(f)) visit(f);
for (const c of cycles) {
  failed = true;
  console.error(`check-graph: import cycle (type-only imports included) among:\n  ${c.join('\n  ')}`);
}

if (failed) process.exit(1);
console.log(`check-graph: content script has no zod; popup has no classic zod; no import cycles among ${files.length} files`);
