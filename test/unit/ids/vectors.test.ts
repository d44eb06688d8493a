import { describe, expect, it } from 'vitest';
import vectors from '../../fixtures/detection.json';
import { detectFromText, detectFromUrl, describeTextError, PaperIdSchema } from '../../../lib/ids';

interface Vector {
  url?: string;
  text?: string;
  expect: unknown[];
  note: string;
}

const all = (vectors as { vectors: Vector[] }).vectors;
const urlVectors = all.filter((v) => v.url !== undefined);
const textVectors = all.filter((v) => v.text !== undefined);

describe('detection vectors: URLs', () => {
  it('has vectors', () => expect(urlVectors.length).toBeGreaterThan(20));
  it.each(urlVectors.map((v) => [v.url!, v.expect, v.note] as const))('%s', (url, expected) => {
    const got = detectFromUrl(url);
    expect(got).toEqual(expected);
    for (const id of got) expect(PaperIdSchema.safeParse(id).success).toBe(true);
  });
});

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
