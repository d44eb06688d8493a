import type { CardModel } from '../../lib/inpage/card-model';

/** The popup's full report for one paper of this tab, as an extension page address. */
export function fullViewUrl(m: CardModel): string {
  return browser.runtime.getURL('/popup.html') + m.fullViewQuery;
}

/**
 * A web page may not open an extension page that is not web-accessible (the
 * tab shows an error), so the background opens the report in a tab for us.
 * Should it not answer yes, the record's page on pith.science is the next best.
 */
export function openFullView(m: CardModel): void {
  const fallback = () => {
    if (m.pithUrl) window.open(m.pithUrl, '_blank', 'noopener');
  };
  browser.runtime
    .sendMessage({ type: 'open-report', key: m.key })
    .then((res: unknown) => {
      if ((res as { ok?: unknown } | undefined)?.ok !== true) fallback();
    })
    .catch(fallback);
}
