import { describe, expect, test } from 'vitest';
import { parseMaxCache, parseMirrors, parseSite, permissionOrigins } from '../../../../components/options/form';

describe('form helpers', () => {
  test('permissionOrigins: none for pith.science; host patterns without ports otherwise', () => {
    expect(permissionOrigins(['https://pith.science', 'https://www.pith.science'])).toEqual([]);
    expect(permissionOrigins(['https://mirror.example.org', 'http://127.0.0.1:8443', 'https://mirror.example.org/x'])).toEqual([
      'https://mirror.example.org/*',
      'http://127.0.0.1/*',
    ]);
    expect(permissionOrigins(['http://pith.science'])).toEqual(['http://pith.science/*']);
  });
  test('parseMirrors names each bad line and dedupes', () => {
    expect(parseMirrors('https://a.example\n\nhttps://a.example/\n')).toEqual({ ok: true, value: ['https://a.example'] });
    const r = parseMirrors('https://a.example\nhttp://b.example\nnot a url');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.slice(0, 7))).toEqual(['Line 2:', 'Line 3:']);
    expect(parseMirrors(Array.from({ length: 11 }, (_, i) => `https://m${i}.example`).join('\n')).ok).toBe(false);
  });
  test('parseSite and parseMaxCache', () => {
    expect(parseSite(' Example.ORG ', [])).toEqual({ ok: true, value: 'example.org' });
    expect(parseSite('example.org', ['example.org']).ok).toBe(false);
    expect(parseSite('http://x/', []).ok).toBe(false);
    expect(parseMaxCache('5000')).toEqual({ ok: true, value: 5000 });
    for (const bad of ['', '10', '20001', '12.5', 'abc']) expect(parseMaxCache(bad).ok).toBe(false);
  });
});
