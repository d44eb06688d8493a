// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { scholar } from '../../../../lib/sites/scholar';

afterEach(cleanup);

describe('options: one switch per site', () => {
  test('every site listed, off; turning Scholar on asks for its origins inside the change, and off gives them back', async () => {
    const { SitesSection } = await import('../../../../components/options/SitesSection');
    const { SITES } = await import('../../../../lib/sites');
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
