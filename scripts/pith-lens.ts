import { main } from '../cli/main';
import { nodeIo } from '../cli/node-io';

main(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`pith-lens: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
