// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Popup } from '../../../../components/popup/Popup';
import { RECENT_KEY, type RecentLookup } from '../../../../lib/popup/recent';
import { fakeApi } from '../../../helpers/popup-api';
import { errorResult, invalidResult, notFoundResult, paperResult, SEED_SUFFIX, SEED_TITLE, tabState, verifiedResult } from '../../../helpers/seed-results';

afterEach(cleanup);

describe('Popup', () => {
  test('asks the background for the tab, then looks the paper up, and shows it', async () => {
    const v = verifiedResult();
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? tabState([paperResult(v)]) : v));
    const { container } = render(<Popup api={api} />);
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
    await screen.findByRole('heading', { name: SEED_TITLE });
    expect(sent[0]).toEqual({ type: 'tab-state', tabId: 7, withResult: true });
    expect(sent[1]).toEqual({ type: 'lookup', id: v.id });
    expect(container.querySelector('[data-screen="verified"]')).not.toBeNull();
  });

  test('a tab-state answer that carries the paper’s result shows it in one round trip', async () => {
    const v = verifiedResult();
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? { ...tabState([paperResult(v)]), result: v } : v));
    const { container } = render(<Popup api={api} />);
    await screen.findByRole('heading', { name: SEED_TITLE });
    expect(container.querySelector('[data-screen="verified"]')).not.toBeNull();
    expect(sent).toEqual([{ type: 'tab-state', tabId: 7, withResult: true }]);
  });

  test('a carried result is shown as its own state: an invalid record is never verified', async () => {
    const bad = invalidResult();
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? { ...tabState([paperResult(verifiedResult())]), result: bad } : bad));
    const { container } = render(<Popup api={api} />);
    await waitFor(() => expect(container.querySelector('[data-screen="invalid"]')).not.toBeNull());
    expect(container.querySelector('[data-state="verified"]')).toBeNull();
    expect(sent.filter((m) => m.type === 'lookup')).toHaveLength(0);
  });

  test('a carried result that fails validation, or is for another paper, is looked up again', async () => {
    const v = verifiedResult();
    const other = notFoundResult({ kind: 'arxiv', id: '2501.00001' });
    for (const result of [{ ...v, state: 'trust-me' }, other]) {
      const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? { ...tabState([paperResult(v)]), result } : v));
      const { container } = render(<Popup api={api} />);
      await screen.findByRole('heading', { name: SEED_TITLE });
      expect(container.querySelector('[data-screen="verified"]')).not.toBeNull();
      expect(sent[1]).toEqual({ type: 'lookup', id: v.id });
      cleanup();
    }
  });

  test('opened for one paper of a listing (?key=): asks for that paper’s result and shows it', async () => {
    const a = verifiedResult();
    const b = notFoundResult({ kind: 'arxiv', id: '2501.00001' });
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? { ...tabState([paperResult(a), paperResult(b)]), result: b } : a));
    api.initialKey = b.key;
    const { container } = render(<Popup api={api} />);
    await waitFor(() => expect(container.querySelector('[data-screen="not-found"]')).not.toBeNull());
    expect((screen.getByLabelText('2 papers on this page') as HTMLSelectElement).value).toBe('1');
    expect(sent).toEqual([{ type: 'tab-state', tabId: 7, withResult: true, key: b.key }]);
  });

  test('re-verify sends force: true', async () => {
    const v = verifiedResult();
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? tabState([paperResult(v)]) : v));
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Re-verify now' }));
    await waitFor(() => expect(sent.at(-1)).toEqual({ type: 'lookup', id: v.id, force: true }));
  });

  test('a page with no paper shows the lookup box, focused', async () => {
    const { api } = fakeApi(() => ({ tabId: 7, papers: [] }));
    const { container } = render(<Popup api={api} />);
    await screen.findByRole('heading', { name: 'No paper on this page' });
    expect(container.querySelector('[data-screen="non-paper"]')).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Look up a paper')));
  });

  test('no active tab (or no state) is a non-paper page too', async () => {
    const { api } = fakeApi(() => undefined, { tabId: async () => undefined });
    render(<Popup api={api} />);
    await screen.findByRole('heading', { name: 'No paper on this page' });
  });

  test('a background that answers junk or throws is an error, not a crash', async () => {
    const { api } = fakeApi((m) => (m.type === 'tab-state' ? tabState([paperResult(verifiedResult())]) : { nonsense: true }));
    const { container } = render(<Popup api={api} />);
    await waitFor(() => expect(container.querySelector('[data-screen="error"]')).not.toBeNull());
    expect(container.textContent).toContain('cannot read');

    cleanup();
    const dead = fakeApi(() => {
      throw new Error('Could not establish connection');
    });
    render(<Popup api={dead.api} />);
    await screen.findByText('The extension’s background did not answer.');
  });

  test('a listing offers a picker; choosing a paper looks it up', async () => {
    const a = verifiedResult();
    const b = notFoundResult({ kind: 'arxiv', id: '2501.00001' });
    const { api, sent } = fakeApi((m) => {
      if (m.type === 'tab-state') return tabState([paperResult(a), paperResult(b)]);
      if (m.type === 'lookup') return m.id.id === '2404.14294' ? a : b;
    });
    const { container } = render(<Popup api={api} />);
    const picker = (await screen.findByLabelText('2 papers on this page')) as HTMLSelectElement;
    expect(picker.options).toHaveLength(2);
    expect(picker.options[1]!.textContent).toContain('arXiv:2501.00001');
    expect(picker.options[1]!.textContent).toContain('No Pith Number');
    await screen.findByRole('heading', { name: SEED_TITLE });
    fireEvent.change(picker, { target: { value: '1' } });
    await waitFor(() => expect(container.querySelector('[data-screen="not-found"]')).not.toBeNull());
    expect(sent.filter((m) => m.type === 'lookup')).toHaveLength(2);
  });

  test('a listing checked near the viewport: the rest show as not yet checked, and one action checks them all', async () => {
    const a = verifiedResult();
    const rest = [1, 2, 3].map((i) => ({
      key: `arxiv:2501.0000${i}`,
      id: { kind: 'arxiv' as const, id: `2501.0000${i}` },
      state: 'pending' as const,
      unchecked: true,
    }));
    const { api, sent } = fakeApi((m) => {
      if (m.type === 'tab-state') return tabState([paperResult(a), ...rest]);
      if (m.type === 'lookup') return a;
      if (m.type === 'check-all') return { ok: true };
    });
    render(<Popup api={api} />);
    const picker = (await screen.findByLabelText('4 papers on this page')) as HTMLSelectElement;
    expect(picker.options[2]!.textContent).toBe('arXiv:2501.00002 · Not yet checked');
    await screen.findByText(/1 of 4 checked so far/);
    fireEvent.click(screen.getByRole('button', { name: 'Check all papers on this page' }));
    await waitFor(() => expect(sent.some((m) => m.type === 'check-all' && m.tabId === 7)).toBe(true));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Check all papers on this page' })).toBeNull());
    expect(picker.options[2]!.textContent).toContain('Checking');
  });

  test('a pending answer is polled until it settles', async () => {
    const v = verifiedResult();
    let n = 0;
    const { api } = fakeApi((m) => (m.type === 'tab-state' ? tabState([paperResult(v)]) : n++ < 1 ? { ...paperResult(v), state: 'pending' } : v));
    render(<Popup api={api} />);
    await screen.findByRole('heading', { name: SEED_TITLE }, { timeout: 3000 });
  });

  test('the lookup box looks up a Pith Number, shows the result in place and remembers it', async () => {
    const v = verifiedResult();
    const store: Record<string, unknown> = {};
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? { tabId: 7, papers: [] } : v), {
      setRecent: async (list) => void (store[RECENT_KEY] = list),
    });
    render(<Popup api={api} />);
    const box = await screen.findByLabelText('Look up a paper');
    fireEvent.input(box, { target: { value: `pith:2024:${SEED_SUFFIX}` } });
    fireEvent.submit(box.closest('form')!);
    await screen.findByRole('heading', { name: SEED_TITLE });
    expect(sent.at(-1)).toEqual({ type: 'lookup', id: { kind: 'pith', id: SEED_SUFFIX } });
    await waitFor(() => expect(store[RECENT_KEY]).toEqual([{ id: { kind: 'pith', id: SEED_SUFFIX }, label: SEED_TITLE, at: 1_700_000_000_000 }]));
  });

  test('a lookup from a paper page can go back to the page’s paper', async () => {
    const v = verifiedResult();
    const nf = notFoundResult({ kind: 'doi', id: '10.1145/3442188.3445922' });
    const { api } = fakeApi((m) => (m.type === 'tab-state' ? tabState([paperResult(v)]) : m.type === 'lookup' && m.id.kind === 'doi' ? nf : v));
    const { container } = render(<Popup api={api} />);
    await screen.findByRole('heading', { name: SEED_TITLE });
    const box = screen.getByLabelText('Look up a paper');
    fireEvent.input(box, { target: { value: 'doi:10.1145/3442188.3445922' } });
    fireEvent.submit(box.closest('form')!);
    await waitFor(() => expect(container.querySelector('[data-screen="not-found"]')).not.toBeNull());
    fireEvent.click(screen.getByRole('button', { name: /Back to the papers on this page/ }));
    await screen.findByRole('heading', { name: SEED_TITLE });
  });

  test('recent lookups are read (validated) and can be chosen again', async () => {
    const recent: RecentLookup[] = [{ id: { kind: 'arxiv', id: '2404.14294' }, label: 'Remembered paper', at: 1 }];
    const v = verifiedResult();
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? { tabId: 7, papers: [] } : v), { getRecent: async () => [...recent, { junk: 1 }] });
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: /Remembered paper/ }));
    await screen.findByRole('heading', { name: SEED_TITLE });
    expect(sent.at(-1)).toEqual({ type: 'lookup', id: { kind: 'arxiv', id: '2404.14294' } });
  });

  test('the error screen’s retry forces a new lookup', async () => {
    const e = errorResult();
    const { api, sent } = fakeApi((m) => (m.type === 'tab-state' ? tabState([paperResult(e)]) : e));
    render(<Popup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(sent.at(-1)).toMatchObject({ type: 'lookup', force: true }));
  });

  test('the settings link opens the options page', async () => {
    const { api } = fakeApi(() => undefined);
    render(<Popup api={api} />);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(api.openOptions).toHaveBeenCalled();
  });
});

describe('Popup on a page no content script covers', () => {
  test('asks the background to detect in the tab, then shows what it found', async () => {
    const v = verifiedResult();
    let detected = false;
    const { api, sent } = fakeApi((m) => {
      if (m.type === 'detect') {
        detected = true;
        return { ok: true };
      }
      if (m.type === 'tab-state') return detected ? tabState([paperResult(v)]) : { tabId: 7, papers: [] };
      return v;
    });
    render(<Popup api={api} />);
    await screen.findByRole('heading', { name: SEED_TITLE });
    expect(sent.map((m) => m.type).slice(0, 3)).toEqual(['tab-state', 'detect', 'tab-state']);
  });

  test('a tab that cannot be scripted is a non-paper page', async () => {
    const { api } = fakeApi((m) => (m.type === 'detect' ? { ok: false, detail: 'Cannot access a chrome:// URL' } : { tabId: 7, papers: [] }));
    render(<Popup api={api} />);
    await screen.findByRole('heading', { name: 'No paper on this page' });
  });
});
