import { useState } from 'preact/hooks';
import { DEFAULT_BASE_URL, type Settings } from '../../lib/settings';
import { options as O } from '../../lib/strings';
import type { OptionsApi, SaveSettings } from './api';
import { ask } from '../../lib/messages';
import { parseBaseUrl, parseMirrors, permissionOrigins } from './form';

interface Props {
  api: OptionsApi;
  settings: Settings;
  save: SaveSettings;
}

/** Resolver address and mirrors: validated, permission asked from the click, connection testable. */
export function ResolverSection({ api, settings, save }: Props) {
  const [base, setBase] = useState(settings.baseUrl);
  const [mirrors, setMirrors] = useState(settings.mirrors.join('\n'));
  const [baseError, setBaseError] = useState('');
  const [mirrorErrors, setMirrorErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [testing, setTesting] = useState(false);

  const validate = (): { baseUrl: string; mirrors: string[] } | undefined => {
    const b = parseBaseUrl(base);
    const m = parseMirrors(mirrors);
    setBaseError(b.ok ? '' : b.error);
    setMirrorErrors(m.ok ? [] : m.errors);
    return b.ok && m.ok ? { baseUrl: b.value, mirrors: m.value } : undefined;
  };

  // Both handlers call requestOrigins before any await: the browser asks only during the click.
  const onSave = (e: Event) => {
    e.preventDefault();
    const v = validate();
    if (!v) {
      setStatus('');
      return;
    }
    const origins = permissionOrigins([v.baseUrl, ...v.mirrors]);
    const asked = origins.length > 0 ? api.requestOrigins(origins) : Promise.resolve(true);
    void (async () => {
      const granted = await asked.catch(() => false);
      if (!granted) {
        setStatus(O.permissionDenied(origins.join(', ')));
        return;
      }
      const err = await save(v);
      setStatus(err ?? O.saved);
      if (!err) {
        setBase(v.baseUrl);
        setMirrors(v.mirrors.join('\n'));
      }
    })();
  };

  const onTest = () => {
    const b = parseBaseUrl(base);
    setBaseError(b.ok ? '' : b.error);
    if (!b.ok) return;
    const origins = permissionOrigins([b.value]);
    const asked = origins.length > 0 ? api.requestOrigins(origins) : Promise.resolve(true);
    setTesting(true);
    setStatus(O.testing);
    void (async () => {
      try {
        if (!(await asked.catch(() => false))) {
          setStatus(O.permissionDenied(origins.join(', ')));
          return;
        }
        const r = await ask(api.send, { type: 'test-connection', baseUrl: b.value });
        if ('failed' in r) setStatus(O.connectionFailed(O.noAnswer));
        else setStatus(r.ok ? O.connectionOk(r.detail) : O.connectionFailed(r.detail));
      } finally {
        setTesting(false);
      }
    })();
  };

  return (
    <section aria-labelledby="resolver-heading">
      <h2 id="resolver-heading">{O.resolverHeading}</h2>
      <form onSubmit={onSave} noValidate>
        <div class="control">
          <label for="base-url">{O.baseUrl}</label>
          <input
            id="base-url"
            type="url"
            value={base}
            onInput={(e) => setBase(e.currentTarget.value)}
            aria-invalid={baseError ? 'true' : undefined}
            aria-describedby="base-url-hint base-url-error"
            autocomplete="off"
            spellcheck={false}
          />
          <p id="base-url-hint" class="hint">
            {O.baseUrlHint} {O.permissionNote}
          </p>
          <p id="base-url-error" class="error">
            {baseError}
          </p>
        </div>
        <div class="control">
          <label for="mirrors">{O.mirrors}</label>
          <textarea
            id="mirrors"
            rows={3}
            value={mirrors}
            onInput={(e) => setMirrors(e.currentTarget.value)}
            aria-invalid={mirrorErrors.length ? 'true' : undefined}
            aria-describedby="mirrors-hint mirrors-error"
            spellcheck={false}
          />
          <p id="mirrors-hint" class="hint">
            {O.mirrorsHint}
          </p>
          <div id="mirrors-error" class="error">
            {mirrorErrors.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        </div>
        <div class="row">
          <button type="submit" class="btn btn-primary">
            {O.saveResolver}
          </button>
          <button type="button" class="btn" onClick={onTest} disabled={testing}>
            {O.testConnection}
          </button>
          <button
            type="button"
            class="btn"
            onClick={() => {
              setBase(DEFAULT_BASE_URL);
              setBaseError('');
            }}
          >
            {O.resetResolver}
          </button>
        </div>
        <p class="status" role="status">
          {status}
        </p>
      </form>
    </section>
  );
}
