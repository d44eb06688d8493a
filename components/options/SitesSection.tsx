import { useEffect, useState } from 'preact/hooks';
import { SITES, type SiteAdapter } from '../../lib/sites';
import type { OptionsApi } from './api';

/** On while any of the site's origins is held (as the background decides: lib/browser/site-scripts.ts). */
async function anyHeld(api: OptionsApi, site: SiteAdapter): Promise<boolean> {
  for (const o of site.origins) if (await api.hasOrigins([o]).catch(() => false)) return true;
  return false;
}

/**
 * One switch per supported site (Google Scholar, Semantic Scholar, Hugging
 * Face, alphaXiv, ar5iv): on asks for the site's host permission (inside the
 * change, a user gesture), off gives it back. The background registers or
 * unregisters the site's script as the permission comes and goes.
 */
export function SitesSection({ api }: { api: OptionsApi }) {
  const [held, setHeld] = useState<Record<string, boolean> | undefined>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    void (async () => {
      const entries = await Promise.all(SITES.map(async (s) => [s.key, await anyHeld(api, s)] as const));
      setHeld(Object.fromEntries(entries));
    })();
  }, [api]);

  const onChange = (site: SiteAdapter, e: Event) => {
    const box = e.currentTarget as HTMLInputElement;
    const on = box.checked;
    const change = on ? api.requestOrigins([...site.origins]) : api.removeOrigins([...site.origins]);
    void change
      .catch(() => false)
      .then(async () => {
        const now = await anyHeld(api, site);
        box.checked = now;
        setHeld((h) => ({ ...h, [site.key]: now }));
        setStatus(
          on === now
            ? now
              ? `Badges on ${site.name}: on.`
              : `Badges on ${site.name}: off.`
            : on
              ? `${site.name} was not allowed.`
              : `${site.name} is still allowed (the all-sites permission of "Detect papers on other sites" covers it).`,
        );
      });
  };

  return (
    <section aria-labelledby="sites-switch-heading" data-section="sites">
      <h2 id="sites-switch-heading">Sites</h2>
      <p class="hint">Pith badges by the papers on these sites. Each asks for access to that site only when you turn it on.</p>
      {SITES.map((s) => (
        <div class="check-control" key={s.key}>
          <input id={`site-${s.key}`} type="checkbox" checked={held?.[s.key] ?? false} disabled={held === undefined} onChange={(e) => onChange(s, e)} />
          <label for={`site-${s.key}`}>{s.name}</label>
        </div>
      ))}
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}
