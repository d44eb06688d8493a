// @vitest-environment happy-dom
/** The popup opened by the context menu with a link or a selection as its query (`?q=`). */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Popup } from '../../../../components/popup/Popup';
import { fakeApi } from '../../../helpers/popup-api';
import { tabState, verifiedResult } from '../../../helpers/seed-results';

afterEach(cleanup);

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
