// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { OptionsApi } from '../../../../components/options/api';
import { Options } from '../../../../components/options/Options';
import type { Ask } from '../../../../lib/messages';
import { parseSettings, type Settings } from '../../../../lib/settings';

afterEach(cleanup);

function fakeApi(opts: { stored?: unknown; grant?: boolean; held?: boolean; answer?: (m: Ask) => unknown; saveGate?: Promise<void> } = {}) {
  const saved: Settings[] = [];
  const sent: Ask[] = [];
  let held = opts.held ?? false;
  const api: OptionsApi = {
    loadSettings: vi.fn(async () => opts.stored),
    saveSettings: vi.fn(async (s: Settings) => {
      await opts.saveGate;
      saved.push(s);
    }),
    send: vi.fn(async (m: Ask) => {
      sent.push(m);
      return (
        opts.answer?.(m) ??
        (m.type === 'cache-stats' ? { entries: 12, bytes: 20480 } : m.type === 'test-connection' ? { ok: true, detail: 'HTTP 200 in 40 ms' } : { ok: true })
      );
    }),
    requestOrigins: vi.fn(async (o: string[]) => {
      const g = opts.grant ?? true;
      if (g && o.includes('*://*/*')) held = true;
      return g;
    }),
    removeOrigins: vi.fn(async () => {
      held = false;
      return true;
    }),
    hasOrigins: vi.fn(async (o: string[]) => (o.includes('*://*/*') ? held : false)),
  };
  return { api, saved, sent };
}

async function open(opts: Parameters<typeof fakeApi>[0] = {}) {
  const f = fakeApi(opts);
  render(<Options api={f.api} />);
  await screen.findByLabelText('Resolver address');
  return f;
}

describe('resolver', () => {
  test('shows the stored settings (unreadable fields fall back to defaults)', async () => {
    await open({ stored: { baseUrl: 'https://mirror.example.org', mirrors: ['https://m.example'], inlineBadges: 'yes' } });
    expect((screen.getByLabelText('Resolver address') as HTMLInputElement).value).toBe('https://mirror.example.org');
    expect((screen.getByLabelText('Mirrors') as HTMLTextAreaElement).value).toBe('https://m.example');
    expect((screen.getByLabelText(/Show badges/) as HTMLInputElement).checked).toBe(true);
  });

  test('an invalid address is an inline error; nothing asked or saved', async () => {
    const { api, saved } = await open();
    const input = screen.getByLabelText('Resolver address');
    fireEvent.input(input, { target: { value: 'http://resolver.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save resolver' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('base-url-error')!.textContent).toMatch(/https:\/\//);
    expect(api.requestOrigins).not.toHaveBeenCalled();
    expect(saved).toEqual([]);
  });

  test('a bad mirror line is named', async () => {
    const { saved } = await open();
    fireEvent.input(screen.getByLabelText('Mirrors'), { target: { value: 'https://ok.example\nftp://bad.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save resolver' }));
    expect(document.getElementById('mirrors-error')!.textContent).toContain('Line 2');
    expect(saved).toEqual([]);
  });

  test('another origin asks for its host permission within the click, then saves', async () => {
    const { api, saved } = await open();
    fireEvent.input(screen.getByLabelText('Resolver address'), { target: { value: 'https://mirror.example.org/' } });
    fireEvent.input(screen.getByLabelText('Mirrors'), { target: { value: 'http://127.0.0.1:8443' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save resolver' }));
    // Synchronously, before any await: the browser only asks during the user's gesture.
    expect(api.requestOrigins).toHaveBeenCalledWith(['https://mirror.example.org/*', 'http://127.0.0.1/*']);
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ baseUrl: 'https://mirror.example.org', mirrors: ['http://127.0.0.1:8443'] });
    await screen.findByText('Saved.');
  });

  test('a refused permission leaves the resolver unchanged', async () => {
    const { saved } = await open({ grant: false });
    fireEvent.input(screen.getByLabelText('Resolver address'), { target: { value: 'https://mirror.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save resolver' }));
    await screen.findByText(/was not granted; the resolver was not changed/);
    expect(saved).toEqual([]);
  });

  test('pith.science needs no permission', async () => {
    const { api, saved } = await open({ stored: { baseUrl: 'https://mirror.example.org' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use pith.science' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save resolver' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.baseUrl).toBe('https://pith.science');
    expect(api.requestOrigins).not.toHaveBeenCalled();
  });

  test('test connection sends the typed address and shows the answer', async () => {
    const { sent } = await open();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText('Connected: HTTP 200 in 40 ms');
    expect(sent).toContainEqual({ type: 'test-connection', baseUrl: 'https://pith.science' });
  });

  test('a failed connection says why', async () => {
    await open({ answer: (m) => (m.type === 'test-connection' ? { ok: false, detail: 'HTTP 503' } : undefined) });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await screen.findByText('Connection failed: HTTP 503');
  });
});

describe('on pages', () => {
  test('inline badges toggle is saved at once', async () => {
    const { saved } = await open();
    fireEvent.click(screen.getByLabelText(/Show badges/));
    await waitFor(() => expect(saved.at(-1)?.inlineBadges).toBe(false));
  });

  test('detect on other sites asks for *://*/* within the click, then stores it', async () => {
    const { api, saved } = await open();
    fireEvent.click(screen.getByLabelText('Detect papers on other sites'));
    expect(api.requestOrigins).toHaveBeenCalledWith(['*://*/*']);
    await waitFor(() => expect(saved.at(-1)?.detectOtherSites).toBe(true));
    expect((screen.getByLabelText('Detect papers on other sites') as HTMLInputElement).checked).toBe(true);
  });

  test('granted: the box stays on while the setting is being stored (no flicker back to off)', async () => {
    let release!: () => void;
    const { api } = await open({ saveGate: new Promise<void>((r) => (release = r)) });
    const box = screen.getByLabelText('Detect papers on other sites') as HTMLInputElement;
    fireEvent.click(box);
    // The grant has landed and the save is under way, held by the gate.
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalled());
    expect(box.checked).toBe(true);
    release();
    await screen.findByText('Saved.');
    expect(box.checked).toBe(true);
  });

  test('granted but the setting cannot be stored: the box shows what is stored (off) and says why', async () => {
    const failing = Promise.reject(new Error('QuotaExceededError'));
    failing.catch(() => {});
    const { saved } = await open({ saveGate: failing });
    const box = screen.getByLabelText('Detect papers on other sites') as HTMLInputElement;
    fireEvent.click(box);
    await screen.findByText(/QuotaExceededError/);
    expect(saved).toEqual([]);
    expect(box.checked).toBe(false);
  });

  test('refused: stays off, not stored', async () => {
    const { saved } = await open({ grant: false });
    fireEvent.click(screen.getByLabelText('Detect papers on other sites'));
    await screen.findByText('Access to other sites was not granted.');
    expect(saved).toEqual([]);
    expect((screen.getByLabelText('Detect papers on other sites') as HTMLInputElement).checked).toBe(false);
  });

  test('turning it off removes the permission and stores false', async () => {
    const { api, saved } = await open({ stored: { detectOtherSites: true }, held: true });
    const box = screen.getByLabelText('Detect papers on other sites') as HTMLInputElement;
    await waitFor(() => expect(box.checked).toBe(true));
    fireEvent.click(box);
    expect(api.removeOrigins).toHaveBeenCalledWith(['*://*/*']);
    await waitFor(() => expect(saved.at(-1)?.detectOtherSites).toBe(false));
  });

  test('stored on but the permission was revoked in the browser: shown off', async () => {
    await open({ stored: { detectOtherSites: true }, held: false });
    expect((screen.getByLabelText('Detect papers on other sites') as HTMLInputElement).checked).toBe(false);
  });

  test('disabled sites: add validated, reject duplicates, remove', async () => {
    const { saved } = await open({ stored: { disabledSites: ['example.com'] } });
    const input = screen.getByPlaceholderText('example.org');
    fireEvent.input(input, { target: { value: 'not a host!' } });
    fireEvent.submit(input.closest('form')!);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(saved).toEqual([]);
    fireEvent.input(input, { target: { value: 'EXAMPLE.com' } });
    fireEvent.submit(input.closest('form')!);
    expect(document.getElementById('site-error')!.textContent).toBe('That site is already on the list.');
    fireEvent.input(input, { target: { value: 'Journals.Example.org' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(saved.at(-1)?.disabledSites).toEqual(['example.com', 'journals.example.org']));
    fireEvent.click(screen.getByRole('button', { name: 'Remove example.com' }));
    await waitFor(() => expect(saved.at(-1)?.disabledSites).toEqual(['journals.example.org']));
  });
});

describe('cache and keys', () => {
  test('shows cache stats; clear cache asks the background and refreshes', async () => {
    const { sent } = await open();
    await screen.findByText('12 records cached (20.0 KB).');
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    await screen.findByText('Cache cleared.');
    expect(sent.filter((m) => m.type === 'clear-cache')).toHaveLength(1);
    expect(sent.filter((m) => m.type === 'cache-stats').length).toBeGreaterThanOrEqual(2);
  });

  test('a clear the background could not do is reported as failed, not "Cache cleared."', async () => {
    await open({ answer: (m) => (m.type === 'clear-cache' ? { error: 'storage refused the write' } : undefined) });
    await screen.findByText('12 records cached (20.0 KB).');
    fireEvent.click(screen.getByRole('button', { name: 'Clear cache' }));
    await screen.findByText('The cache was not cleared: storage refused the write.');
    expect(screen.queryByText('Cache cleared.')).toBeNull();
  });

  test('cache size is validated and saved', async () => {
    const { saved } = await open();
    const input = screen.getByLabelText('Keep at most this many records');
    fireEvent.input(input, { target: { value: '10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save cache size' }));
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(input, { target: { value: '800' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save cache size' }));
    await waitFor(() => expect(saved.at(-1)?.maxCacheEntries).toBe(800));
  });

  test('the pinned key and its fingerprints, read-only', async () => {
    await open();
    const key = document.querySelector('[data-key="pith-v1-2026-05"]')!;
    expect(key.textContent).toContain('8d4b5ee74e4693bcd1df2446408b0d54');
    expect(key.textContent).toContain('RVFV5Z2OI2J3ZUO7ERDEBCYNKS');
    expect(key.querySelector('input, textarea, button')).toBeNull();
  });

  test('saves never drop the other fields', async () => {
    const stored = { baseUrl: 'https://mirror.example.org', disabledSites: ['a.example'], maxCacheEntries: 300 };
    const { saved } = await open({ stored });
    fireEvent.click(screen.getByLabelText(/Show badges/));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ ...parseSettings(stored), inlineBadges: false });
  });
});

describe('text that is no URL at all', () => {
  test('is an inline error, not an exception', async () => {
    const { saved } = await open();
    fireEvent.input(screen.getByLabelText('Resolver address'), { target: { value: 'not a url' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save resolver' }));
    expect(document.getElementById('base-url-error')!.textContent).not.toBe('');
    expect(saved).toEqual([]);
  });
});

test('stored settings that make parseSettings throw fall back to defaults', async () => {
  await open({ stored: { baseUrl: 'not a url', inlineBadges: false } });
  expect((screen.getByLabelText('Resolver address') as HTMLInputElement).value).toBe('https://pith.science');
});
