// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ResultScreen } from '../../../../components/popup/StateScreens';
import type { LookupResult } from '../../../../lib/messages';
import { STATE_STYLE } from '../../../../lib/states';
import {
  errorResult,
  invalidResult,
  mismatchResult,
  notFoundResult,
  seed,
  SEED_SUFFIX,
  SEED_TITLE,
  unsignedResult,
  verifiedResult,
} from '../../../helpers/seed-results';

afterEach(cleanup);

function show(result: LookupResult, extra: { copy?: (t: string) => Promise<void> } = {}) {
  const onReverify = vi.fn();
  const copy = extra.copy ?? vi.fn(async () => {});
  const utils = render(<ResultScreen result={result} onReverify={onReverify} copy={copy} now={Date.now()} />);
  return { ...utils, onReverify, copy };
}

function banner(state: keyof typeof STATE_STYLE) {
  const b = document.querySelector('.banner') as HTMLElement;
  expect(b.dataset.state).toBe(state);
  expect(b.textContent).toContain(STATE_STYLE[state].label);
  expect(b.textContent).toContain(STATE_STYLE[state].sentence);
  return b;
}

describe('verified screen', () => {
  test('banner, paper, Pith Number, claims, every check, status words and ladder', () => {
    const { container } = show(verifiedResult());
    banner('verified');
    expect(container.querySelector('[data-screen="verified"]')).not.toBeNull();
    expect(screen.getByRole('heading', { name: SEED_TITLE })).toBeTruthy();
    expect(container.textContent).toContain('Guohao Dai');
    expect(container.textContent).toContain('2404.14294');
    expect(container.textContent).toContain('v3');
    expect(container.textContent).toContain('cs.CL · cs.AI');
    expect(container.textContent).toContain(`pith:2024:${SEED_SUFFIX}`);
    expect(container.textContent).toContain('pith:7YXM6JRY');
    for (const h of ['Headline', 'One-line summary', 'Strongest claim', 'Weakest assumption']) {
      expect(screen.getByRole('heading', { name: h })).toBeTruthy();
    }
    expect(container.querySelectorAll('.claim .tag-machine')).toHaveLength(4);
    expect(container.textContent).toContain('machine extracted');
    // counts
    const counts = container.querySelector('.counts')!.textContent!;
    expect(counts).toContain('298');
    expect(counts).toContain('36');
    // every check with its mark
    const checks = container.querySelectorAll('.checks .check');
    expect([...checks].map((c) => (c as HTMLElement).dataset.check)).toEqual([
      'schema',
      'canonical-hash',
      'pith-number',
      'aliases',
      'key',
      'signature',
      'binding',
      'title',
    ]);
    expect(container.querySelectorAll('.checks .mark-pass')).toHaveLength(8);
    // hashes, key, binding
    const details = container.querySelector('.vdetails')!.textContent!;
    expect(details.match(/fe2ecf263871f8eeb42c11d4478df2b69b77748d33f8d92acab2b44d81666059/g)).toHaveLength(2);
    expect(details).toContain('(equal)');
    expect(details).toContain('pith-v1-2026-05');
    expect(details).toContain('8d4b5ee74e4693bcd1df2446408b0d54');
    expect(details).toContain('pinned');
    expect(details).toContain('arxiv:2404.14294');
    // what the signature covers vs what is merely served
    expect(container.querySelector('.scope-signed')!.textContent).toContain('canonical record');
    expect(container.querySelector('.scope-served')!.textContent).toContain('claims, verdict, status flags');
    expect([...container.querySelectorAll('.status-words li')].map((l) => l.textContent)).toEqual([
      'not attested',
      'not anchored',
      'not stored',
      'refs resolved',
    ]);
    expect([...container.querySelectorAll('.ladder li')].map((l) => (l as HTMLElement).dataset.reached)).toEqual(['false', 'false', 'false', 'false', 'false']);
    expect(container.textContent).toContain('inferred');
  });

  test('actions: open, copy number, LaTeX, JSON, re-verify', async () => {
    const { onReverify, copy } = show(verifiedResult());
    const open = screen.getByRole('link', { name: 'Open on pith.science' }) as HTMLAnchorElement;
    expect(open.href).toBe(`https://pith.science/pith/${SEED_SUFFIX}`);
    expect(open.rel).toContain('noopener');
    fireEvent.click(screen.getByRole('button', { name: 'Copy Pith Number' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy LaTeX' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy record JSON' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy short Pith Number' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy full Pith Number' }));
    expect(copy).toHaveBeenNthCalledWith(1, `pith:2024:${SEED_SUFFIX}`);
    expect(copy).toHaveBeenNthCalledWith(2, `\\pithnumber{${SEED_SUFFIX}}`);
    expect(JSON.parse((copy as any).mock.calls[2][0])).toEqual(seed());
    expect(copy).toHaveBeenNthCalledWith(4, 'pith:7YXM6JRY');
    await screen.findByText('Copied LaTeX.');
    fireEvent.click(screen.getByRole('button', { name: 'Re-verify now' }));
    expect(onReverify).toHaveBeenCalledTimes(1);
  });

  test('a failing clipboard is said, not thrown', async () => {
    show(verifiedResult(), {
      copy: async () => {
        throw new Error('denied');
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Copy LaTeX' }));
    await screen.findByText('Could not copy to the clipboard.');
  });

  test('record text is rendered as text, never as HTML', () => {
    const r = verifiedResult();
    (r.record as any).paper.title = '<img src=x onerror="alert(1)">Evil';
    (r.record as any).graph_snapshot.claims.items[0].text = '<script>alert(2)</script>';
    const { container } = show(r);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror="alert(1)">Evil');
  });

  test('a version note is shown', () => {
    const r = verifiedResult();
    r.versionNote = 'This record is for v3; the page shows v2.';
    show(r);
    expect(screen.getByText('This record is for v3; the page shows v2.')).toBeTruthy();
  });

  test('a record with only the canonical part renders what is there', () => {
    const rec = seed();
    for (const k of Object.keys(rec)) if (!['pith_number', 'canonical_sha256', 'canonical_record', 'receipt'].includes(k)) delete rec[k];
    const r: LookupResult = { ...verifiedResult(), record: rec };
    const { container } = show(r);
    expect(container.textContent).toContain('Untitled record');
    expect(container.textContent).toContain('This record carries no claims or verdict.');
    expect(container.textContent).toContain('author attestation: not stated');
    expect(container.querySelectorAll('.checks .check')).toHaveLength(8);
  });
});

describe('invalid screen', () => {
  test('says what failed, with expected and computed, and hides the number and claims', () => {
    const { container } = show(invalidResult());
    banner('invalid');
    const box = screen.getByRole('heading', { name: 'What failed' }).closest('section')!;
    const failed = [...box.querySelectorAll('li')].map((l) => (l as HTMLElement).dataset.check);
    expect(failed).toEqual(['canonical-hash', 'pith-number', 'aliases', 'signature']);
    expect(within(box as HTMLElement).getAllByText('Expected').length).toBeGreaterThan(0);
    expect(box.textContent).toContain('022b3f6fa3bc860d97f846df4f51957a0739146fd80bb9c4edd346df5cffe593');
    expect(container.querySelector('.pith-number')).toBeNull();
    expect(container.querySelector('.claims')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Open on pith.science' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy record JSON' })).toBeTruthy();
    expect(container.querySelector('.vdetails')!.textContent).toContain('(differ)');
    expect((container.querySelector('details.more') as HTMLDetailsElement).open).toBe(true);
  });
});

describe('mismatch screen', () => {
  test('says what differs', () => {
    const { container } = show(mismatchResult());
    banner('mismatch');
    const box = screen.getByRole('heading', { name: 'What differs' }).closest('section')!;
    expect(box.textContent).toContain('title');
    expect(container.querySelector('.claims')).not.toBeNull();
  });
});

describe('unsigned screen', () => {
  test('says why it is not verified', () => {
    show(unsignedResult());
    banner('unsigned');
    const box = screen.getByRole('heading', { name: 'Why it is not verified' }).closest('section')!;
    expect([...box.querySelectorAll('li')].map((l) => (l as HTMLElement).dataset.check)).toEqual(['key', 'signature']);
  });
});

describe('not-found screen', () => {
  test('links to a search on pith.science and offers a retry', () => {
    const { onReverify } = show(notFoundResult());
    banner('not-found');
    expect(screen.getByText('Pith has no record for arXiv:2501.00001.')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Search pith.science' }) as HTMLAnchorElement;
    expect(link.href).toMatch(/^https:\/\/pith\.science\/search\?q=2501\.00001$/);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onReverify).toHaveBeenCalled();
  });
});

describe('error screen', () => {
  test('shows the cached record as stale, with its age, and a retry button', () => {
    const { container, onReverify } = show(errorResult());
    banner('error');
    expect(screen.getByText('HTTP 500 from pith.science')).toBeTruthy();
    const stale = container.querySelector('[data-stale="true"]')!;
    expect(stale.textContent).toContain('3 hours ago');
    expect(stale.textContent).toContain('Verified');
    expect(container.textContent).toContain(SEED_TITLE);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onReverify).toHaveBeenCalled();
  });
  test('without a cache it says so', () => {
    const { container } = show(errorResult(false));
    expect(container.textContent).toContain('No cached copy of this record.');
    expect(container.querySelector('.paper')).toBeNull();
  });
});

describe('loading screen', () => {
  test('a busy skeleton', () => {
    const { container } = show({ ...notFoundResult(), state: 'pending' });
    expect(container.querySelector('[data-screen="loading"] [aria-busy="true"]')).not.toBeNull();
  });
});
