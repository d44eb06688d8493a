import type { PaperId } from '../ids/key';
import { createClient } from '../pith/client';
import { verify } from '../pith/verify';
import type { Lookup } from './lookup-result';
import { createResolver } from './resolver';
import { memoryStorage } from './storage';

/**
 * One lookup without a persistent cache (the CLI): client → verify → bind.
 * Never throws; failures come back as state `error` with the reason in words.
 */
export async function resolveOnce(
  id: PaperId,
  o: { baseUrls: string[]; fetch: typeof fetch; title?: string; timeoutMs?: number; retries?: number },
): Promise<Lookup> {
  const client = createClient({
    baseUrls: o.baseUrls,
    fetch: o.fetch,
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.retries !== undefined ? { retries: o.retries } : {}),
  });
  const resolver = createResolver({ client, storage: memoryStorage(), verify: (text) => verify(text), flushDelayMs: 0 });
  return resolver.lookup(id, o.title !== undefined ? { title: o.title } : {}, { force: true });
}
