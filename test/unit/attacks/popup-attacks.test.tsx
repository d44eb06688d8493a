// @vitest-environment happy-dom
/**
 * A dishonest resolver rewrites the unsigned `paper` block of a real signed
 * record (issue 13): the popup must not show that text as the verified paper.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultScreen } from '../../../components/popup/StateScreens';
import { verify } from '../../../lib/pith/verify';
import { seed } from '../components/fixtures';

afterEach(cleanup);

function show(rec: Record<string, any>) {
  const report = verify(rec, { pageId: { kind: 'arxiv', id: '2404.14294' } });
  const view = render(
    <ResultScreen result={{ key: 'arxiv:2404.14294', id: { kind: 'arxiv', id: '2404.14294' }, state: report.state, report, record: rec }} onReverify={() => {}} now={Date.now()} />,
  );
  return { report, container: view.container };
}

describe('a forged served title is never the verified paper’s identity', () => {
  it('the state stays verified; the popup labels the forged title as served and not matching, and says so in the checks', () => {
    const forged = 'Retracted: fabricated results';
    const rec = seed();
    rec.paper.title = forged;
    rec.paper.authors_text = 'Nobody';
    const { report, container } = show(rec);
    expect(report.state).toBe('verified');
    expect(container.querySelector('[data-screen="verified"]')).not.toBeNull();
    const h2 = container.querySelector('#paper-title')!;
    expect(h2.textContent).toBe(forged);
    expect(h2.getAttribute('data-title-signed')).toBe('false');
    expect(container.querySelector('[data-title="served"]')!.textContent).toMatch(/does not match the signed title/);
    expect(container.querySelector('.paper-authors')!.textContent).toMatch(/as served/);
    const row = container.querySelector('.checks [data-check="title"]')!;
    expect(row.textContent).toMatch(/Served title/);
    expect(row.textContent).toMatch(/does not hash to the signed title_canon_sha256/);
  });

  it('the real title is shown as the paper’s title', () => {
    const { container } = show(seed());
    expect(container.querySelector('#paper-title')!.getAttribute('data-title-signed')).toBe('true');
    expect(container.querySelector('[data-title="served"]')).toBeNull();
  });
});

