import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { PaperResult } from '../../lib/messages';
import { STATE_STYLE } from '../../lib/states';
import { toolbarBadgeFor } from '../../lib/toolbar';

describe('toolbar badge', () => {
  const r = (state: PaperResult['state'], n = 0): PaperResult => ({ key: `arxiv:${n}`, id: { kind: 'arxiv', id: `2404.0000${n}` }, state });

  test('one paper shows its state', () => {
    for (const s of ['verified', 'unsigned', 'invalid', 'mismatch', 'not-found', 'error', 'pending'] as const) {
      const b = toolbarBadgeFor([r(s)]);
      expect(b.text).toBe(STATE_STYLE[s].badge);
      expect(b.color).toBe(STATE_STYLE[s].color);
      expect(b.title).toContain(STATE_STYLE[s].label);
      expect(b.icon['16']).toBe(`icon/state/state-${s}-16.png`);
      expect(existsSync(new URL(`../../public/${b.icon['32']}`, import.meta.url))).toBe(true);
    }
  });

  test('a listing counts papers with records; any invalid turns it red; pending while any is pending', () => {
    expect(toolbarBadgeFor([r('verified', 1), r('unsigned', 2), r('not-found', 3)])).toMatchObject({ text: '2', color: STATE_STYLE.verified.color });
    expect(toolbarBadgeFor([r('verified', 1), r('invalid', 2)]).color).toBe(STATE_STYLE.invalid.color);
    expect(toolbarBadgeFor([r('verified', 1), r('pending', 2)]).text).toBe(STATE_STYLE.pending.badge);
    expect(toolbarBadgeFor([r('verified', 1), r('invalid', 2)]).title).toMatch(/2 papers: 1 verified, 1 invalid/);
    expect(toolbarBadgeFor([]).text).toBe('');
  });

  test('a listing checked near the viewport says how much of it is checked', () => {
    const rows = [
      r('verified', 1),
      r('not-found', 2),
      r('pending', 3),
      ...Array.from({ length: 1997 }, (_, i) => ({ ...r('pending', 10 + i), unchecked: true })),
    ];
    const b = toolbarBadgeFor(rows);
    expect(b.title).toBe('Pith Lens — 2 of 2,000 papers checked: 1 verified, 1 no pith number, 1 checking');
    expect(b.text).toBe(STATE_STYLE.pending.badge); // one still in flight
    const settled = toolbarBadgeFor(rows.filter((x) => x.state !== 'pending' || x.unchecked));
    expect(settled.text).toBe('1');
  });
});

describe('toolbar: mentions never count', () => {
  test("a paper page whose references failed or are pending shows the paper's own state", () => {
    const page = { key: 'arxiv:2404.14294', id: { kind: 'arxiv' as const, id: '2404.14294' }, state: 'verified' as const };
    const refs = ['invalid', 'pending', 'not-found'].map((state, i) => ({
      key: `arxiv:2404.0000${i}`,
      id: { kind: 'arxiv' as const, id: `2404.0000${i}` },
      state: state as 'invalid',
      role: 'mentioned' as const,
    }));
    const badge = toolbarBadgeFor([page, ...refs]);
    expect(badge.text).toBe(STATE_STYLE.verified.badge);
    expect(badge.title).not.toContain('papers');
  });
});
