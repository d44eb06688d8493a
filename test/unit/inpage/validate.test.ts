import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { ResultMessageSchema } from '../../../lib/messages';
import { isSiteDisabled, parseSettings, SETTINGS_KEY } from '../../../lib/settings';
import { STATES } from '../../../lib/states';
import { INPAGE_SETTINGS_KEY, readInpageSettings, readResultMessage, siteDisabled } from '../../../lib/inpage/validate';

// The content script reads messages and settings without zod (bundle size).
// These tests hold the hand-written readers to the zod schemas: same verdict,
// same output, on hand-picked and generated inputs.

const ok = {
  type: 'results',
  results: [
    { key: 'arxiv:2404.14294', id: { kind: 'arxiv', id: '2404.14294', version: 3 }, state: 'verified', pithNumber: 'pith:2024:7YXM6JRYOH4O5NBMCHKEPDPSW2' },
  ],
};

function zodResults(raw: unknown) {
  const p = ResultMessageSchema.safeParse(raw);
  return p.success ? p.data.results : null;
}

const idArb = fc.oneof(
  fc.record(
    {
      kind: fc.constant('arxiv'),
      id: fc.oneof(fc.constant(''), fc.string({ maxLength: 70 })),
      version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), fc.constant(2 ** 53), fc.constant('3')),
    },
    { requiredKeys: ['kind', 'id'] },
  ),
  fc.record({ kind: fc.constant('doi'), id: fc.string({ maxLength: 600 }) }),
  fc.record({ kind: fc.constant('pith'), id: fc.oneof(fc.stringMatching(/^[A-Z2-7]{6,28}$/), fc.string({ maxLength: 30 })) }),
  fc.record({ kind: fc.string({ maxLength: 6 }), id: fc.string({ maxLength: 10 }) }),
  fc.anything(),
);
const resultArb = fc.record(
  {
    key: fc.oneof(fc.string({ maxLength: 20 }), fc.integer()),
    id: idArb,
    state: fc.oneof(fc.constantFrom(...STATES), fc.string({ maxLength: 9 })),
    pithNumber: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    headline: fc.oneof(fc.string(), fc.constant(null)),
    summary: fc.string(),
    versionNote: fc.string(),
    reason: fc.oneof(fc.string(), fc.boolean()),
    stale: fc.oneof(fc.boolean(), fc.constant('yes')),
    fetchedAt: fc.oneof(fc.double(), fc.integer(), fc.constant('1')),
    signedTitle: fc.oneof(fc.string(), fc.integer()),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);

describe('readResultMessage agrees with ResultMessageSchema', () => {
  test('a good message', () => {
    expect(readResultMessage(ok)).toEqual(zodResults(ok));
    expect(readResultMessage(ok)).not.toBeNull();
  });

  test.each([
    null,
    undefined,
    'results',
    [],
    { type: 'results' },
    { type: 'result', results: [] },
    { type: 'results', results: {} },
    { type: 'results', results: [null] },
    { type: 'results', results: [{ ...ok.results[0], state: 'trusted' }] },
    { type: 'results', results: [{ ...ok.results[0], id: { kind: 'arxiv', id: '', version: 1 } }] },
    { type: 'results', results: [{ ...ok.results[0], id: { kind: 'arxiv', id: 'x', version: 0 } }] },
    { type: 'results', results: [{ ...ok.results[0], id: { kind: 'arxiv', id: 'x', version: 1.5 } }] },
    { type: 'results', results: [{ ...ok.results[0], id: { kind: 'pith', id: 'abcdefgh' } }] },
    { type: 'results', results: [{ ...ok.results[0], id: { kind: 'doi', id: '10.' } }] },
    { type: 'results', results: [{ ...ok.results[0], headline: 42 }] },
    { type: 'results', results: [{ ...ok.results[0], stale: 'no' }] },
    { type: 'results', results: [{ ...ok.results[0], fetchedAt: Number.NaN }] },
    { type: 'results', results: [{ ...ok.results[0], fetchedAt: Infinity }] },
    { type: 'results', results: [{ ...ok.results[0], extra: '<img src=x onerror=alert(1)>' }] },
  ])('%j', (raw) => {
    expect(readResultMessage(raw)).toEqual(zodResults(raw));
  });

  test('generated messages: same accept/reject and the same stripped output', () => {
    fc.assert(
      fc.property(fc.array(resultArb, { maxLength: 4 }), fc.constantFrom('results', 'page'), (results, type) => {
        const raw = { type, results };
        expect(readResultMessage(raw)).toEqual(zodResults(raw));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readInpageSettings agrees with parseSettings', () => {
  test('the key is the same', () => {
    expect(INPAGE_SETTINGS_KEY).toBe(SETTINGS_KEY);
  });

  const pick = (raw: unknown) => {
    const s = parseSettings(raw);
    return { inlineBadges: s.inlineBadges, disabledSites: s.disabledSites, detectOtherSites: s.detectOtherSites, checkAllListings: s.checkAllListings };
  };

  test.each([
    undefined,
    null,
    'nope',
    {},
    { inlineBadges: false },
    { inlineBadges: 'false' },
    { detectOtherSites: true, disabledSites: ['  ArXiv.org ', 'example.com'] },
    { disabledSites: ['arxiv.org', 'not a host'] },
    { disabledSites: 'arxiv.org' },
    { disabledSites: Array.from({ length: 501 }, () => 'a.b') },
    { baseUrl: 'ftp://x', inlineBadges: false, disabledSites: ['x.org'] },
  ])('%j', (raw) => {
    expect(readInpageSettings(raw)).toEqual(pick(raw));
  });

  test('generated settings', () => {
    const site = fc.oneof(fc.domain(), fc.string({ maxLength: 12 }), fc.constantFrom(' Arxiv.ORG ', 'a..b', '-x.org', 'x_y.org', 'İ.com'));
    fc.assert(
      fc.property(
        fc.record(
          {
            inlineBadges: fc.oneof(fc.boolean(), fc.anything()),
            detectOtherSites: fc.oneof(fc.boolean(), fc.anything()),
            checkAllListings: fc.oneof(fc.boolean(), fc.anything()),
            disabledSites: fc.oneof(fc.array(site, { maxLength: 5 }), fc.anything()),
            baseUrl: fc.oneof(fc.webUrl(), fc.string()),
          },
          { requiredKeys: [] },
        ),
        (raw) => {
          expect(readInpageSettings(raw)).toEqual(pick(raw));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('siteDisabled is isSiteDisabled', () => {
    fc.assert(
      fc.property(
        fc.array(fc.domain(), { maxLength: 4 }),
        fc.oneof(fc.domain(), fc.constantFrom('arxiv.org', 'export.arxiv.org', 'ARXIV.ORG', 'notarxiv.org')),
        (sites, host) => {
          const raw = { disabledSites: [...sites, 'arxiv.org'] };
          expect(siteDisabled(readInpageSettings(raw), host)).toBe(isSiteDisabled(parseSettings(raw), host));
        },
      ),
    );
  });
});
