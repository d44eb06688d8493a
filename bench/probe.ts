export type { ProbeData } from './probe-page';

let script: Promise<string> | undefined;
/**
 * The probe as a plain script (esbuild IIFE): installs the observers and
 * defines `__pithBenchRead()`. Passing source text, not a function, keeps
 * tsx's helper calls out of the page.
 */
export function probeScript(): Promise<string> {
  script ??= import('esbuild').then(({ build }) =>
    build({
      stdin: {
        contents: `import { probeInit, readProbe } from './probe-page';\nprobeInit();\nglobalThis.__pithBenchRead = readProbe;`,
        resolveDir: new URL('.', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
      target: 'chrome120',
      logLevel: 'silent',
    }).then((r) => r.outputFiles[0]!.text),
  );
  return script;
}
