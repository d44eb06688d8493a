import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bindTitle } from '../../../lib/inpage/local-bind';
import { bindReport } from '../../../lib/pith/binding';
import { canonText, titleCanonSha256 } from '../../../lib/pith/hash';
import type { PaperResult } from '../../../lib/messages';
import type { VerifyReport } from '../../../lib/pith/report';

const base: PaperResult = {
  key: 'arxiv:2404.14294',
  id: { kind: 'arxiv', id: '2404.14294' },
  state: 'verified',
  signedTitle: 'A Survey on Efficient Inference for Large Language Models',
};

describe('bindTitle', () => {
  it('keeps the state when the page shows the signed title (case and whitespace aside)', () => {
    expect(bindTitle(base, '  a survey on efficient\n inference for LARGE language models ').state).toBe('verified');
  });
  it('another title is a mismatch', () => {
    const r = bindTitle(base, 'Efficient Inference Is All You Need: A Different Paper');
    expect(r.state).toBe('mismatch');
    expect(r.reason).toMatch(/title/);
  });
  it('invalid, not-found, error and pending stay what they are; no signed title or no page title: unchanged', () => {
    for (const state of ['invalid', 'not-found', 'error', 'pending'] as const) expect(bindTitle({ ...base, state }, 'Other').state).toBe(state);
    expect(bindTitle({ ...base, signedTitle: undefined }, 'Other').state).toBe('verified');
    expect(bindTitle(base, undefined).state).toBe('verified');
  });
  it('decides as the background does: canonical forms equal ⇔ the page title hashes to the signed hash', () => {
    const verified: VerifyReport = { state: 'verified', keyPinned: true, checks: [{ name: 'signature', outcome: 'pass', detail: 'd' }] };
    const words = fc.constantFrom('Inference', 'inference', ' ', '\u00a0', '\t', 'LLM', 'llm', 'ß', 'İ', 'a');
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 8 }).map((a) => a.join('')),
        fc.array(words, { maxLength: 8 }).map((a) => a.join('')),
        (signed, page) => {
          fc.pre(canonText(signed) !== '' && canonText(page) !== '');
          const bg = bindReport(verified, { metadata: { title_canon_sha256: titleCanonSha256(signed) } }, [], { title: page });
          expect(bindTitle({ ...base, signedTitle: signed }, page).state).toBe(bg.state);
        },
      ),
    );
  });
});
