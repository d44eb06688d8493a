import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings';
import { options as O } from '../../lib/strings';
import type { OptionsApi } from './api';
import { ALL_SITES, permissionOrigins } from './form';
import type { SaveSettings } from './api';
import { SiteList } from './SiteList';

interface Props {
  api: OptionsApi;
  settings: Settings;
  save: SaveSettings;
  /** Whether the browser holds the all-sites permission now. */
  allSitesHeld: boolean;
  onAllSites: (held: boolean) => void;
}

/** Inline badges, detection on other sites (asks for the all-sites permission), per-site disable list. */
export function PagesSection({ api, settings, save, allSitesHeld, onAllSites }: Props) {
  const [status, setStatus] = useState('');
  // The reader's choice while it is being granted and stored: the permission lands before the setting does, and the box must
  // not flick back to off between the two.
  const [choosing, setChoosing] = useState<boolean | undefined>();
  const otherSites = choosing ?? (settings.detectOtherSites && allSitesHeld);

  const onBadges = (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    void save({ inlineBadges: on }).then((err) => setStatus(err ?? O.saved));
  };

  const onCheckAll = (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    void save({ checkAllListings: on }).then((err) => setStatus(err ?? O.saved));
  };

  // The request runs synchronously in the change handler, inside the user's gesture.
  const onOtherSites = (e: Event) => {
    const on = (e.currentTarget as HTMLInputElement).checked;
    const change = on ? api.requestOrigins([ALL_SITES]) : api.removeOrigins([ALL_SITES]);
    setChoosing(on);
    void (async () => {
      const done = await change.catch(() => false);
      if (on && !done) {
        setChoosing(undefined);
        onAllSites(false);
        setStatus(O.otherSitesDenied);
        return;
      }
      onAllSites(on);
      const err = await save({ detectOtherSites: on });
      setChoosing(undefined);
      if (err) {
        setStatus(err);
        return;
      }
      // Removing the all-sites grant can take a custom resolver's access with it.
      const needed = permissionOrigins([settings.baseUrl, ...settings.mirrors]);
      const lost = !on && needed.length > 0 && !(await api.hasOrigins(needed).catch(() => false));
      setStatus(lost ? O.lostAccess(needed.join(', ')) : O.saved);
    })();
  };

  return (
    <section aria-labelledby="pages-heading">
      <h2 id="pages-heading">{O.pagesHeading}</h2>
      <div class="check-control">
        <input id="inline-badges" type="checkbox" checked={settings.inlineBadges} onChange={onBadges} />
        <label for="inline-badges">{O.inlineBadges}</label>
      </div>
      <div class="check-control">
        <input id="check-all-listings" type="checkbox" checked={settings.checkAllListings} onChange={onCheckAll} aria-describedby="check-all-listings-hint" />
        <label for="check-all-listings">{O.checkAllListings}</label>
      </div>
      <p id="check-all-listings-hint" class="hint indent">
        {O.checkAllListingsHint}
      </p>
      <div class="check-control">
        <input id="other-sites" type="checkbox" checked={otherSites} onChange={onOtherSites} aria-describedby="other-sites-hint" />
        <label for="other-sites">{O.otherSites}</label>
      </div>
      <p id="other-sites-hint" class="hint indent">
        {O.otherSitesHint}
      </p>
      <p class="status" role="status">
        {status}
      </p>
      <SiteList sites={settings.disabledSites} save={save} />
    </section>
  );
}
