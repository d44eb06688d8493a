import { describe, expect, test } from 'vitest';
import { reportPathFor, createMenu, MENU_ID, MENU_TITLE } from '../../../lib/browser/context-menu';
import { detectFromText } from '../../../lib/ids';

describe('context menu', () => {
  test("a link or a selection opens the report view with it as the query, for the page's tab", () => {
    const link = reportPathFor({ menuItemId: MENU_ID, linkUrl: 'https://arxiv.org/abs/2404.14294v3' }, 12)!;
    const q = new URLSearchParams(link.split('?')[1]);
    expect(link.startsWith('/popup.html?')).toBe(true);
    expect(q.get('tab')).toBe('12');
    expect(detectFromText(q.get('q')!)).toEqual([{ kind: 'arxiv', id: '2404.14294', version: 3 }]);
    const sel = reportPathFor({ menuItemId: MENU_ID, selectionText: '  as shown in arXiv:2302.14782 ' }, undefined)!;
    expect(new URLSearchParams(sel.split('?')[1]).get('q')).toBe('as shown in arXiv:2302.14782');
    expect(reportPathFor({ menuItemId: 'another', linkUrl: 'https://x' }, 1)).toBeNull();
    // A whole page selected: capped.
    expect(new URLSearchParams(reportPathFor({ menuItemId: MENU_ID, selectionText: 'x'.repeat(10_000) }, 1)!.split('?')[1]).get('q')).toHaveLength(2000);
  });

  test('one item, on links and selections', async () => {
    const made: unknown[] = [];
    await createMenu({ create: (p) => made.push(p), removeAll: async () => void (made.length = 0) });
    expect(made).toEqual([{ id: MENU_ID, title: MENU_TITLE, contexts: ['link', 'selection'] }]);
  });
});
