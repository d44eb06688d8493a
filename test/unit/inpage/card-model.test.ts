import { describe, expect, test } from 'vitest';
import { cardModel, cleanText, idText, fullViewQuery } from '../../../lib/inpage/card-model';
import { suffixOfPithNumber } from '../../../lib/ids/pith-number';
import { STATES, STATE_STYLE } from '../../../lib/states';
import type { PaperResult } from '../../../lib/messages';

const base: PaperResult = { key: 'arxiv:2404.14294', id: { kind: 'arxiv', id: '2404.14294', version: 3 }, state: 'verified' };

describe('cardModel', () => {
  test.each(STATES)('state %s uses the one vocabulary (colour, symbol, label, sentence)', (state) => {
    const m = cardModel({ ...base, state });
    expect(m.color).toBe(STATE_STYLE[state].color);
    expect(m.symbol).toBe(STATE_STYLE[state].badge);
    expect(m.label).toBe(STATE_STYLE[state].label);
    expect(m.sentence).toBe(STATE_STYLE[state].sentence);
    expect(m.ariaLabel).toContain(STATE_STYLE[state].label);
  });

  test('a well-formed Pith Number links to its page on pith.science', () => {
    const m = cardModel({ ...base, pithNumber: 'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2' });
    expect(m.pithNumber).toBe('pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(m.pithUrl).toBe('https://pith.science/pith/7YXM6JRYOH4O5NBMCHKEPDPSW2');
  });

  test('a malformed number is shown as text but never becomes a link', () => {
    for (const pn of ['pith:2024:../../evil', 'javascript:alert(1)', 'pith:2024:7YXM6JRY', 'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2/x']) {
      const m = cardModel({ ...base, pithNumber: pn });
      expect(m.pithUrl).toBeUndefined();
    }
  });

  test('record text is cleaned: control and bidi characters out, whitespace collapsed, length capped', () => {
    const m = cardModel({ ...base, headline: ' A\u0000 \u202eB\n\tC ', summary: 'x'.repeat(5000) });
    expect(m.headline).toBe('A B C');
    expect(m.summary!.length).toBeLessThanOrEqual(600);
    expect(m.summary!.endsWith('…')).toBe(true);
  });

  test('markup in record text stays text (the DOM code only sets textContent)', () => {
    const m = cardModel({ ...base, headline: '<img src=x onerror=alert(1)>' });
    expect(m.headline).toBe('<img src=x onerror=alert(1)>');
  });

  test('versionNote, reason, stale and the full-view query', () => {
    const m = cardModel({ ...base, state: 'error', versionNote: 'record is for v3', reason: 'HTTP 500', stale: true });
    expect(m.versionNote).toBe('record is for v3');
    expect(m.reason).toBe('HTTP 500');
    expect(m.stale).toBe(true);
    expect(m.ariaLabel).toContain('stale');
    expect(m.fullViewQuery).toBe('?key=arxiv%3A2404.14294');
    expect(fullViewQuery('doi:10.1000/a&b=c')).toBe('?key=doi%3A10.1000%2Fa%26b%3Dc');
  });

  test('an unknown state (a newer background) falls back to the error style', () => {
    const m = cardModel({ ...base, state: 'weird' as never });
    expect(m.color).toBe(STATE_STYLE.error.color);
  });
});

describe('helpers', () => {
  test('idText', () => {
    expect(idText({ kind: 'arxiv', id: '2404.14294', version: 3 })).toBe('arXiv:2404.14294v3');
    expect(idText({ kind: 'arxiv', id: 'hep-th/9901001' })).toBe('arXiv:hep-th/9901001');
    expect(idText({ kind: 'doi', id: '10.1000/x' })).toBe('doi:10.1000/x');
    expect(idText({ kind: 'pith', id: '7YXM6JRY' })).toBe('pith:7YXM6JRY');
  });
  test('suffixOfPithNumber', () => {
    expect(suffixOfPithNumber('7yxm6jryoh4o5nbmchkepdpsw2')).toBe('7YXM6JRYOH4O5NBMCHKEPDPSW2');
    expect(suffixOfPithNumber(undefined)).toBeUndefined();
    expect(suffixOfPithNumber('pith:2024:7YXM')).toBeUndefined();
  });
  test('cleanText', () => {
    expect(cleanText('   ')).toBeUndefined();
    expect(cleanText(undefined)).toBeUndefined();
    expect(cleanText('abcdef', 4)).toBe('abc…');
  });
});
