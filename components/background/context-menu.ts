/** "Look up in Pith Lens" on links and selections (lib/browser/context-menu.ts): the item, and the report tab a click opens. */
import { createMenu, reportPathFor, type MenuClick, type MenusApi } from '../../lib/browser/context-menu';

interface ContextMenuDeps {
  menus: MenusApi;
  /** Opens an extension page (a path from the extension root) in a new tab, next to its opener. */
  openPage(path: string, openerTabId?: number): Promise<unknown>;
}

interface ContextMenu {
  /** runtime.onInstalled: (re)creates the item. Never rejects. */
  install(): Promise<void>;
  /** contextMenus.onClicked */
  clicked(info: MenuClick, tab: { id?: number } | undefined): void;
}

export function createContextMenu({ menus, openPage }: ContextMenuDeps): ContextMenu {
  return {
    install: () => createMenu(menus).catch(() => undefined),
    clicked(info, tab) {
      const path = reportPathFor(info, tab?.id);
      if (path) void openPage(path, tab?.id !== undefined && tab.id >= 0 ? tab.id : undefined);
    },
  };
}
