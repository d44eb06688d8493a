import { describe, expect, test } from 'vitest';
import { parseSettings, isSiteDisabled, DEFAULT_BASE_URL } from '../../lib/settings';

describe('settings', () => {
  test('defaults, and a bad field falls back alone', () => {
    expect(parseSettings(undefined).baseUrl).toBe(DEFAULT_BASE_URL);
    const s = parseSettings({ baseUrl: 'ftp://evil', inlineBadges: false, disabledSites: ['Example.ORG'] });
    expect(s.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(s.inlineBadges).toBe(false);
    expect(isSiteDisabled(s, 'www.example.org')).toBe(true);
    expect(isSiteDisabled(s, 'example.com')).toBe(false);
  });

  test('http is allowed only on this machine', () => {
    expect(parseSettings({ baseUrl: 'http://127.0.0.1:8787/' }).baseUrl).toBe('http://127.0.0.1:8787');
    expect(parseSettings({ baseUrl: 'http://pith.science' }).baseUrl).toBe(DEFAULT_BASE_URL);
    expect(parseSettings({ baseUrl: 'not a url', mirrors: ['also junk'] }).baseUrl).toBe(DEFAULT_BASE_URL);
  });
});
