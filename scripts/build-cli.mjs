// Bundles the `pith-lens` CLI (cli/, on lib/) into one ESM file for `npx pith-lens`.
import { build } from 'esbuild';

await build({
  entryPoints: ['scripts/pith-lens.ts'],
  outfile: 'dist/pith-lens.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  packages: 'external',
  logLevel: 'warning',
});
