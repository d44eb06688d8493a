import { useRef, useState } from 'preact/hooks';
import { options as O } from '../../lib/strings';
import { parseSite } from './form';
import type { SaveSettings } from './api';

/** The sites where the extension stays off: add (validated host names) and remove. */
export function SiteList({ sites, save }: { sites: string[]; save: SaveSettings }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const onAdd = (e: Event) => {
    e.preventDefault();
    const r = parseSite(text, sites);
    if (!r.ok) {
      setError(r.error);
      input.current?.focus();
      return;
    }
    setError('');
    void save({ disabledSites: [...sites, r.value] }).then((err) => {
      if (err) setError(err);
      else {
        setText('');
        setStatus(O.saved);
      }
    });
  };

  const remove = (site: string) => {
    void save({ disabledSites: sites.filter((s) => s !== site) }).then((err) => {
      setStatus(err ?? O.saved);
      input.current?.focus();
    });
  };

  return (
    <div class="sites">
      <h3 id="sites-heading">{O.disabledSites}</h3>
      {sites.length === 0 ? (
        <p class="note">{O.noDisabledSites}</p>
      ) : (
        <ul class="site-list" aria-labelledby="sites-heading">
          {sites.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" class="btn btn-small" onClick={() => remove(s)} aria-label={O.removeSite(s)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={onAdd} noValidate>
        <label for="site-input" class="sr-only">
          {O.disabledSites}
        </label>
        <input
          ref={input}
          id="site-input"
          type="text"
          value={text}
          placeholder="example.org"
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (error) setError('');
          }}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby="site-hint site-error"
          autocomplete="off"
          spellcheck={false}
        />
        <button type="submit" class="btn">
          {O.addSite}
        </button>
      </form>
      <p id="site-hint" class="hint">
        {O.disabledSitesHint}
      </p>
      <p id="site-error" class="error">
        {error}
      </p>
      <p class="status" role="status">
        {status}
      </p>
    </div>
  );
}
