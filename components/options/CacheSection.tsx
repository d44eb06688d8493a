import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings';
import { options as O, units } from '../../lib/strings';
import type { OptionsApi, SaveSettings } from './api';
import { ask } from '../../lib/messages';
import { parseMaxCache } from './form';

/** How many records are cached, the limit, and a button to clear them. */
export function CacheSection({ api, settings, save }: { api: OptionsApi; settings: Settings; save: SaveSettings }) {
  const [stats, setStats] = useState<string>('');
  const [max, setMax] = useState(String(settings.maxCacheEntries));
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  const refresh = async () => {
    const r = await ask(api.send, { type: 'cache-stats' });
    if ('failed' in r) return setStats(O.cacheUnknown);
    const size = O.cacheStats(r.entries, r.bytes !== undefined ? units.bytes(r.bytes) : undefined);
    // A write the storage refused is said, not hidden: the cache keeps retrying it.
    setStats(r.unsaved ? `${size} ${O.cacheUnsaved(r.unsaved, r.lastWriteError)}` : size);
  };
  useEffect(() => {
    void refresh();
  }, [api]);

  const onClear = () => {
    void (async () => {
      // Said cleared only when the background says so; its error otherwise.
      const r = await ask(api.send, { type: 'clear-cache' });
      if (!('failed' in r)) setStatus(O.cacheCleared);
      else setStatus(r.failed === 'unreachable' ? O.noAnswer : O.cacheClearFailed('error' in r ? r.error : undefined));
      await refresh();
    })();
  };

  const onSaveMax = (e: Event) => {
    e.preventDefault();
    const r = parseMaxCache(max);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError('');
    void save({ maxCacheEntries: r.value }).then((err) => setStatus(err ?? O.saved));
  };

  return (
    <section aria-labelledby="cache-heading">
      <h2 id="cache-heading">{O.cacheHeading}</h2>
      <p class="cache-stats">{stats}</p>
      <form onSubmit={onSaveMax} noValidate>
        <div class="control">
          <label for="max-cache">{O.maxCacheEntries}</label>
          <div class="row">
            <input
              id="max-cache"
              type="number"
              min={50}
              max={20000}
              step={1}
              value={max}
              onInput={(e) => setMax(e.currentTarget.value)}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby="max-cache-hint max-cache-error"
            />
            <button type="submit" class="btn">
              {O.saveCacheSize}
            </button>
            <button type="button" class="btn" onClick={onClear}>
              {O.clearCache}
            </button>
          </div>
          <p id="max-cache-hint" class="hint">
            {O.maxCacheHint}
          </p>
          <p id="max-cache-error" class="error">
            {error}
          </p>
        </div>
      </form>
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
