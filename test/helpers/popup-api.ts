/** A fake of the popup's API: every ask answered by `answer`, and recorded in `sent`. */
import { vi } from 'vitest';
import type { PopupApi } from '../../components/popup/api';
import type { Ask } from '../../lib/messages';

export function fakeApi(answer: (m: Ask) => unknown, extra: Partial<PopupApi> = {}) {
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
