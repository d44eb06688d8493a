import { useEffect, useState } from 'preact/hooks';
import { originsFor, siteFor } from '../../lib/sites';

interface Props {
  /** The active tab's address. */
  url: string;
  hasOrigins(origins: string[]): Promise<boolean>;
  /** Must be called synchronously in the click: browsers ask only during a user gesture. */
  requestOrigins(origins: string[]): Promise<boolean>;
}

/**
 * On a supported site (Google Scholar, Semantic Scholar, Hugging Face,
 * alphaXiv, ar5iv) that is not enabled: one button that asks for that site's
 * permission, after which its pages get badges without opening the popup.
 * Until then the popup still checks the page when opened (activeTab).
 */
export function SiteConsent({ url, hasOrigins, requestOrigins }: Props) {
  const site = siteFor(url);
  const [held, setHeld] = useState<boolean | undefined>();
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (!site) return;
    void hasOrigins(originsFor(site, url))
      .catch(() => true)
      .then(setHeld);
  }, [url]);
  if (!site || held !== false) {
    return status ? (
      <p class="status consent-status" role="status">
        {status}
      </p>
    ) : null;
  }
  const onClick = () => {
    const asked = requestOrigins(originsFor(site, url));
    void asked
      .catch(() => false)
      .then((granted) => {
        setHeld(granted);
        setStatus(granted ? `Pith badges are on for ${site.name}: its pages show them as they load.` : `Not enabled: ${site.name} was not allowed.`);
      });
  };
  return (
    <section class="consent" data-section="site-consent" aria-label={`Pith badges on ${site.name}`}>
      <button type="button" class="btn btn-primary" onClick={onClick}>
        Show Pith badges on {site.name}
      </button>
      <p class="note">Lets Pith Lens read {site.name} pages to show badges by their papers. Only paper ids leave your browser.</p>
      {status && (
        <p class="status" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
