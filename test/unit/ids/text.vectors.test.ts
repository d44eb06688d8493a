import { describe, expect, it } from 'vitest';
import { detectFromText, describeTextError } from '../../../lib/ids';
import { textVectors, urlVectors } from '../../helpers/detection-vectors';

describe('detection vectors: text', () => {
  it('has vectors', () => expect(textVectors.length).toBeGreaterThan(8));
  it.each(textVectors.map((v) => [v.text!, v.expect, v.note] as const))('%j', (text, expected) => {
    const got = detectFromText(text);
    expect(got).toEqual(expected);
    // The inline error is present exactly when nothing is detected.
    if (expected.length === 0) expect(describeTextError(text)).toMatch(/\S/);
    else expect(describeTextError(text)).toBeNull();
  });
  it('URL vectors also work typed into the lookup box', () => {
    for (const v of urlVectors) expect(detectFromText(`  ${v.url!}  `)).toEqual(v.expect);
  });
});
