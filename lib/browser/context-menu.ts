/**
 * "Look up in Pith Lens" on links and selected text: opens the report view
 * (popup.html as a tab) with the link or text as its query (`?q=`); the view
 * reads the id from it with the lookup box's rules, or says plainly that it
 * holds none. The text goes only to our own page; only an id found in it is
 * ever looked up.
 */
export const MENU_ID = 'pith-lens-look-up';
export const MENU_TITLE = 'Look up in Pith Lens';
/** Longest query passed on (a selection can be a whole page). */
const MAX_QUERY = 2000;

export interface MenuClick {
  menuItemId: string | number;
  linkUrl?: string;
  selectionText?: string;
}

/** The report view's address for a click, relative to the extension root; null for another menu's click. */
export function reportPathFor(info: MenuClick, tabId: number | undefined): string | null {
  if (info.menuItemId !== MENU_ID) return null;
  const q = (info.linkUrl ?? info.selectionText ?? '').trim().slice(0, MAX_QUERY);
  const query = new URLSearchParams();
  // The page's tab too, so "back to this page" shows its papers.
  if (tabId !== undefined && tabId >= 0) query.set('tab', String(tabId));
  query.set('q', q);
  return `/popup.html?${query}`;
}

export interface MenusApi {
  create(props: { id: string; title: string; contexts: ['link', 'selection'] }): unknown;
  removeAll(): Promise<void>;
}

/** (Re)creates the item: on install and update, since the browser keeps menus across restarts but not across updates. */
export async function createMenu(menus: MenusApi): Promise<void> {
  await menus.removeAll();
  menus.create({ id: MENU_ID, title: MENU_TITLE, contexts: ['link', 'selection'] });
}
