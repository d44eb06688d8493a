import { createClient } from './client';

/** A paper Pith is known to hold: the options page's "test connection" asks for it. */
const PROBE = { kind: 'arxiv', id: '2404.14294' } as const;

export interface ConnectionResult {
  ok: boolean;
  detail: string;
}

/** Can this resolver answer a lookup? A record or a clean 404 both mean it speaks the protocol. */
export async function testConnection(baseUrl: string, fetchImpl: typeof fetch): Promise<ConnectionResult> {
  const client = createClient({ baseUrls: [baseUrl], fetch: fetchImpl, retries: 0, timeoutMs: 8_000 });
  const started = Date.now();
  const r = await client.resolve(PROBE);
  const ms = Date.now() - started;
  if (r.kind === 'record') return { ok: true, detail: `Reached ${r.host} in ${ms} ms; it served a record.` };
  if (r.kind === 'not-found') return { ok: true, detail: `Reached ${r.host} in ${ms} ms (it has no record for the test paper).` };
  return { ok: false, detail: r.reason };
}
