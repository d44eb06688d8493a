/**
 * Run the local Pith mirror:
 *   npx tsx test/mirror/cli.ts [--port N] [--https-port N | --https] [--resolve-mode pointer|record]
 *                              [--fault JSON] [--fault-id ID] [--latency MS] [--log]
 * Prints one line with the URLs, then serves until interrupted.
 */
import { parseArgs } from 'node:util';
import { startMirror, type Fault } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    'https-port': { type: 'string' },
    https: { type: 'boolean', default: false },
    'resolve-mode': { type: 'string', default: 'pointer' },
    fault: { type: 'string' },
    'fault-id': { type: 'string' },
    latency: { type: 'string' },
    log: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npx tsx test/mirror/cli.ts [--port N] [--https-port N | --https] [--resolve-mode pointer|record]
       [--fault '{"status":500}'] [--fault-id 2404.14294] [--latency MS] [--log]
Fault switches at run time: POST /__mirror/fault {"id"?: "...", "fault": {...} | null} or {"clear": true};
request counts: GET /__mirror/requests (?reset=1).`);
  process.exit(0);
}

const faults: Record<string, Fault> = {};
if (values.fault) faults[values['fault-id'] ?? '*'] = JSON.parse(values.fault) as Fault;
if (values.latency) faults['*'] = { ...(faults['*'] ?? {}), latencyMs: Number(values.latency) };

const mirror = await startMirror({
  port: Number(values.port),
  ...(values['https-port'] !== undefined ? { httpsPort: Number(values['https-port']) } : values.https ? { https: true } : {}),
  resolveMode: values['resolve-mode'] === 'record' ? 'record' : 'pointer',
  faults,
  log: values.log,
});
console.log(`Pith mirror: ${mirror.url}${mirror.httpsPort !== undefined ? ` and https://127.0.0.1:${mirror.httpsPort}` : ''}`);
const stop = () => void mirror.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
