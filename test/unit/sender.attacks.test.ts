/**
 * Messages are judged by who sent them (issue 13): content scripts share the
 * extension's id, so only the sender's URL, set by the browser, tells an
 * extension page from a page's content script.
 */
import { describe, expect, it } from 'vitest';
import { AskSchema } from '../../lib/messages';
import { documentUrl, pagePortAllowed, askAllowed, senderKind } from '../../lib/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
/** Every ask type the schema accepts (zod/mini keeps them in the definition). */
const TYPES: string[] = AskSchema.def.options.map((o) => (o.def.shape.type.def as { values: string[] }).values[0]!);

describe('senderKind', () => {
  it('tells extension pages, content scripts and strangers apart', () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension-page');
    // A report tab is an extension page in a tab.
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html?tab=3`, tab: { id: 9 } }, ID, ORIGIN)).toBe('extension-page');
    expect(senderKind({ id: ID, url: 'https://arxiv.org/abs/2404.14294', tab: { id: 3 } }, ID, ORIGIN)).toBe('content-script');
    // A page URL that merely contains our origin is still a page.
    expect(senderKind({ id: ID, url: `https://evil.example/?${ORIGIN}`, tab: { id: 3 } }, ID, ORIGIN)).toBe('content-script');
    expect(senderKind({ id: ID }, ID, ORIGIN)).toBe('content-script');
    expect(senderKind({ id: 'other', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('foreign');
    expect(senderKind({ url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('foreign');
  });
});

describe('askAllowed', () => {
  it('a content script may only ask to open a report of its own tab', () => {
    const allowed = TYPES.filter((t) => askAllowed('content-script', t));
    expect(allowed).toEqual(['open-report']);
  });
  it('extension pages may send every ask; strangers none', () => {
    expect(TYPES.every((t) => askAllowed('extension-page', t))).toBe(true);
    expect(TYPES.some((t) => askAllowed('foreign', t))).toBe(false);
    expect(TYPES).toEqual(expect.arrayContaining(['tab-state', 'detect', 'lookup', 'clear-cache', 'cache-stats', 'test-connection']));
  });
});

describe('pagePortAllowed', () => {
  it('only a content script in a tab’s top frame may report a page', () => {
    expect(pagePortAllowed('content-script', 0, 4)).toBe(true);
    expect(pagePortAllowed('content-script', 3, 4)).toBe(false);
    expect(pagePortAllowed('content-script', 0, undefined)).toBe(false);
    expect(pagePortAllowed('extension-page', 0, 4)).toBe(false);
    expect(pagePortAllowed('foreign', 0, 4)).toBe(false);
  });
});

it('documentUrl drops only the fragment', () => {
  expect(documentUrl('https://arxiv.org/abs/2404.14294#x')).toBe('https://arxiv.org/abs/2404.14294');
  expect(documentUrl('https://arxiv.org/list/cs.CL/new?skip=0')).toBe('https://arxiv.org/list/cs.CL/new?skip=0');
});
