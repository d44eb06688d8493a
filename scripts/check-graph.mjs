// Import-graph budgets ESLint cannot see (they are about what a bundle pulls in
// transitively): the arXiv content script carries no zod at all (its 15 kB gzip
// budget), and the popup uses zod/mini only, never zod's classic build.
// Bundles each entry with esbuild (nothing written) and reads the metafile.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

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
  { entry: 'entrypoints/popup/main.tsx', bad: zodClassic, why: "the popup must use zod/mini, not zod's classic build" },
];

let failed = false;
for (const { entry, bad, why } of checks) {
  const hits = (await inputsOf(entry)).filter((f) => bad.test(f));
  if (hits.length) {
    failed = true;
    console.error(`check-graph: ${entry}: ${why}; it pulls in:\n  ${hits.slice(0, 10).join('\n  ')}${hits.length > 10 ? `\n  … ${hits.length - 10} more` : ''}`);
  }
}
if (failed) process.exit(1);
console.log('check-graph: content script has no zod; popup has no classic zod');
