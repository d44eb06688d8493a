import { describe, expect, it } from 'vitest';
import { detectFromUrl, PaperIdSchema } from '../../../lib/ids';
import { urlVectors } from '../../helpers/detection-vectors';

describe('detection vectors: URLs', () => {
  it('has vectors', () => expect(urlVectors.length).toBeGreaterThan(20));
  it.each(urlVectors.map((v) => [v.url!, v.expect, v.note] as const))('%s', (url, expected) => {
    const got = detectFromUrl(url);
    expect(got).toEqual(expected);
    for (const id of got) expect(PaperIdSchema.safeParse(id).success).toBe(true);
  });
});
