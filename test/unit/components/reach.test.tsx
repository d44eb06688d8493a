// @vitest-environment happy-dom
/**
 * The popup's parts for sites and mentions: "Also on this page", the site
 * consent button, the context menu's `?q=` view, BibTeX / Markdown copies.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { PopupApi } from '../../../components/popup/api';
import { Popup } from '../../../components/popup/Popup';
import { SiteConsent } from '../../../components/popup/SiteConsent';
import type { Ask, PaperResult } from '../../../lib/messages';
import { scholar } from '../../../lib/sites/scholar';
import { notFoundResult, paperResult, SEED_TITLE, tabState, verifiedResult } from '../../helpers/seed-results';

afterEach(cleanup);

function fakeApi(answer: (m: Ask) => unknown, extra: Partial<PopupApi> = {}) {
  const sent: Ask[] = [];
  const api: PopupApi = {
    send: vi.fn(async (m: Ask) => {
      sent.push(m);
      return answer(m);
    }),
    tabId: async () => 7,
    getRecent: async () => undefined,
    setRecent: async () => undefined,
    openOptions: vi.fn(),
    copy: vi.fn(async () => {}),
    now: () => 1_700_000_000_000,
    ...extra,
  };
  return { api, sent };
}

const mention = (id: string): PaperResult => ({ key: `arxiv:${id}`, id: { kind: 'arxiv', id }, state: 'pending', role: 'mentioned' });

describe('Also on this page', () => {
  const v = verifiedResult();
  const mentions = Array.from({ length: 10 }, (_, i) => mention(`2404.0${String(i + 1).padStart(4, '0')}`));
  const answer = (m: Ask) => {
    if (m.type === 'tab-state') return { ...tabState([paperResult(v), ...mentions]), result: v };
    if (m.type === 'lookup') return notFoundResult(m.id);
    return undefined;
  };

  test('the page paper alone is shown (no picker); mentions are listed and only the first eight looked up, more on request', async () => {
    const { api, sent } = fakeApi(answer);
    const { container } = render(<Popup api={api} />);
    await screen.findByRole('heading', { name: SEED_TITLE });
    expect(container.querySelector('#paper-picker')).toBeNull();
    await screen.findByRole('heading', { name: 'Also on this page' });
    await waitFor(() => expect(container.querySelectorAll('[data-section="also-on-page"] li[data-state="not-found"]')).toHaveLength(8));
    const looked = () => sent.filter((m) => m.type === 'lookup').map((m) => (m as { id: { id: string } }).id.id);
    expect(looked()).toEqual(mentions.slice(0, 8).map((m) => m.id.id));
    fireEvent.click(screen.getByRole('button', { name: /Check 2 more/ }));
    await waitFor(() => expect(looked()).toHaveLength(10));
  });

  test('a mention opens in the result view; back returns to the page paper', async () => {
    const { api } = fakeApi(answer);
    const { container } = render(<Popup api={api} />);
    const first = await screen.findByRole('button', { name: 'arXiv:2404.00001' });
    fireEvent.click(first);
    await waitFor(() => expect(container.querySelector('[data-screen="not-found"]')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: /Back to the papers on this page/ }));
    await screen.findByRole('heading', { name: SEED_TITLE });
  });
});

describe('context menu view (?q=)', () => {
  test("a link with an id: that paper's report, not the page's", async () => {
    const v = verifiedResult();
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? tabState([]) : m.type === 'lookup' ? v : { ok: false }), {
      initialQuery: 'https://arxiv.org/abs/2404.14294v3',
    });
    const { container } = render(<Popup api={api} />);
    await waitFor(() => expect(container.querySelector('[data-screen="verified"]')).not.toBeNull());
    expect(sent.find((m) => m.type === 'lookup')).toMatchObject({ id: { kind: 'arxiv', id: '2404.14294', version: 3 } });
  });

  test('text without an id: a clear message, nothing looked up', async () => {
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? tabState([]) : { ok: false }), { initialQuery: 'see the appendix' });
    const { container } = render(<Popup api={api} />);
    await waitFor(() => expect(container.querySelector('[data-query-note]')).not.toBeNull());
    const note = container.querySelector('[data-query-note]')!;
    expect(note.getAttribute('role')).toBe('alert');
    expect(note.textContent).toContain('No arXiv id, DOI or Pith Number in “see the appendix”');
    expect(sent.some((m) => m.type === 'lookup')).toBe(false);
  });
});

describe('site consent', () => {
  test("on Scholar without its permission: one button; the request is made inside the click, for Scholar's origins", async () => {
    let inClick = false;
    const asked: string[][] = [];
    const requestOrigins = vi.fn(async (o: string[]) => {
      expect(inClick).toBe(true);
      asked.push(o);
      return true;
    });
    render(<SiteConsent url="https://scholar.google.com/scholar?q=x" hasOrigins={async () => false} requestOrigins={requestOrigins} />);
    const button = await screen.findByRole('button', { name: 'Show Pith badges on Google Scholar' });
    button.addEventListener('click', () => (inClick = true), { capture: true });
    fireEvent.click(button);
    inClick = false;
    await screen.findByText(/Pith badges are on for Google Scholar/);
    expect(asked).toEqual([[...scholar.origins]]);
    expect(screen.queryByRole('button', { name: /Show Pith badges/ })).toBeNull();
  });

  test('nothing on a site already enabled, nor on a page no site adapter reads', async () => {
    const { container: a } = render(
      <SiteConsent url="https://scholar.google.com/scholar?q=x" hasOrigins={async () => true} requestOrigins={async () => true} />,
    );
    const { container: b } = render(<SiteConsent url="https://example.org/blog" hasOrigins={async () => false} requestOrigins={async () => true} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(a.querySelector('button')).toBeNull();
    expect(b.querySelector('button')).toBeNull();
  });
});

describe('options: one switch per site', () => {
  test('every site listed, off; turning Scholar on asks for its origins inside the change, and off gives them back', async () => {
    const { SitesSection } = await import('../../../components/options/SitesSection');
    const { SITES } = await import('../../../lib/sites');
    const held = new Set<string>();
    let inHandler = false;
    const api = {
      loadSettings: async () => undefined,
      saveSettings: async () => undefined,
      send: async () => undefined,
      requestOrigins: vi.fn(async (o: string[]) => {
        expect(inHandler).toBe(true);
        for (const x of o) held.add(x);
        return true;
      }),
      removeOrigins: vi.fn(async (o: string[]) => {
        for (const x of o) held.delete(x);
        return true;
      }),
      hasOrigins: async (o: string[]) => o.every((x) => held.has(x)),
    };
    const { container } = render(<SitesSection api={api} />);
    await waitFor(() => expect(container.querySelectorAll('input[type="checkbox"]:not([disabled])')).toHaveLength(SITES.length));
    expect([...container.querySelectorAll('label')].map((l) => l.textContent)).toEqual(SITES.map((s) => s.name));
    const box = container.querySelector('#site-scholar') as HTMLInputElement;
    expect(box.checked).toBe(false);
    box.addEventListener('change', () => (inHandler = true), { capture: true });
    fireEvent.click(box);
    inHandler = false;
    await screen.findByText('Badges on Google Scholar: on.');
    expect(api.requestOrigins).toHaveBeenCalledWith([...scholar.origins]);
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await screen.findByText('Badges on Google Scholar: off.');
    expect(held.size).toBe(0);
  });
});
