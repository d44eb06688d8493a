// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SiteConsent } from '../../../../components/popup/SiteConsent';
import { scholar } from '../../../../lib/sites/scholar';

afterEach(cleanup);

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
