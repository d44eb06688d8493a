// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Popup } from '../../../../components/popup/Popup';
import type { Ask, PaperResult } from '../../../../lib/messages';
import { fakeApi } from '../../../helpers/popup-api';
import { notFoundResult, paperResult, SEED_TITLE, tabState, verifiedResult } from '../../../helpers/seed-results';

afterEach(cleanup);

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
