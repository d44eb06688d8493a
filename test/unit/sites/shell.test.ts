/**
 * The background's pieces for sites, against small fakes of the browser APIs
 * (no browser needed to decide what gets registered), and the pure parts:
 * the context menu's report address, the toolbar with mentions, citations.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { reportPathFor, createMenu, MENU_ID, MENU_TITLE } from '../../../lib/browser/context-menu';
import { syncSiteScripts, PAGES_SCRIPT } from '../../../lib/browser/site-scripts';
import { SITES } from '../../../lib/sites';
import { toolbarBadgeFor } from '../../../lib/toolbar';
import { STATE_STYLE } from '../../../lib/states';
import { bibtexFor, markdownLinkFor } from '../../../lib/cite';
import { verify } from '../../../lib/pith/verify';
import { pithNumberView } from '../../../lib/popup/pith-number';
import { detectFromText } from '../../../lib/ids';

function fakeBrowser(granted: string[]) {
  const scripts = new Map<string, { matches: string[]; js: string[] }>();
  return {
    scripts,
    granted,
    scripting: {
      async getRegisteredContentScripts(f?: { ids?: string[] }) {
        return [...scripts.keys()].filter((id) => !f?.ids || f.ids.includes(id)).map((id) => ({ id }));
      },
      async registerContentScripts(list: { id: string; matches: string[]; js: string[] }[]) {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, { matches: s.matches, js: s.js });
        }
      },
      async unregisterContentScripts(f: { ids: string[] }) {
        for (const id of f.ids) scripts.delete(id);
      },
    },
    permissions: {
      async contains(p: { origins: string[] }) {
        return p.origins.every((o) => granted.includes(o) || granted.includes('*://*/*'));
      },
    },
  };
}

describe('site scripts follow the permissions', () => {
  test('nothing granted: nothing registered', async () => {
    const b = fakeBrowser([]);
    expect(await syncSiteScripts(b.scripting, b.permissions)).toEqual([]);
    expect(b.scripts.size).toBe(0);
  });

  test('one Scholar domain granted: Scholar registered with its match patterns and the pages script; removing it unregisters', async () => {
    const b = fakeBrowser(['*://scholar.google.com/*']);
    expect(await syncSiteScripts(b.scripting, b.permissions)).toEqual(['scholar']);
    expect(b.scripts.get('pith-lens-site-scholar')).toEqual({
      matches: expect.arrayContaining(['*://scholar.google.com/scholar*', '*://scholar.google.com/citations*']),
      js: [PAGES_SCRIPT],
    });
    // Twice in a row: no duplicate registration.
    await syncSiteScripts(b.scripting, b.permissions);
    b.granted.length = 0;
    expect(await syncSiteScripts(b.scripting, b.permissions)).toEqual([]);
    expect(b.scripts.size).toBe(0);
  });

  test('the all-sites permission covers every site', async () => {
    const b = fakeBrowser(['*://*/*']);
    expect(await syncSiteScripts(b.scripting, b.permissions)).toEqual(SITES.map((s) => s.key));
  });
});

describe('context menu', () => {
  test("a link or a selection opens the report view with it as the query, for the page's tab", () => {
    const link = reportPathFor({ menuItemId: MENU_ID, linkUrl: 'https://arxiv.org/abs/2404.14294v3' }, 12)!;
    const q = new URLSearchParams(link.split('?')[1]);
    expect(link.startsWith('/popup.html?')).toBe(true);
    expect(q.get('tab')).toBe('12');
    expect(detectFromText(q.get('q')!)).toEqual([{ kind: 'arxiv', id: '2404.14294', version: 3 }]);
    const sel = reportPathFor({ menuItemId: MENU_ID, selectionText: '  as shown in arXiv:2302.14782 ' }, undefined)!;
    expect(new URLSearchParams(sel.split('?')[1]).get('q')).toBe('as shown in arXiv:2302.14782');
    expect(reportPathFor({ menuItemId: 'another', linkUrl: 'https://x' }, 1)).toBeNull();
    // A whole page selected: capped.
    expect(new URLSearchParams(reportPathFor({ menuItemId: MENU_ID, selectionText: 'x'.repeat(10_000) }, 1)!.split('?')[1]).get('q')).toHaveLength(2000);
  });

  test('one item, on links and selections', async () => {
    const made: unknown[] = [];
    await createMenu({ create: (p) => made.push(p), removeAll: async () => void (made.length = 0) });
    expect(made).toEqual([{ id: MENU_ID, title: MENU_TITLE, contexts: ['link', 'selection'] }]);
  });
});

describe('toolbar: mentions never count', () => {
  test("a paper page whose references failed or are pending shows the paper's own state", () => {
    const page = { key: 'arxiv:2404.14294', id: { kind: 'arxiv' as const, id: '2404.14294' }, state: 'verified' as const };
    const refs = ['invalid', 'pending', 'not-found'].map((state, i) => ({
      key: `arxiv:2404.0000${i}`,
      id: { kind: 'arxiv' as const, id: `2404.0000${i}` },
      state: state as 'invalid',
      role: 'mentioned' as const,
    }));
    const badge = toolbarBadgeFor([page, ...refs]);
    expect(badge.text).toBe(STATE_STYLE.verified.badge);
    expect(badge.title).not.toContain('papers');
  });
});

describe('citations', () => {
  const record = JSON.parse(readFileSync(new URL('../../fixtures/records/2404.14294v3.record.json', import.meta.url), 'utf8'));
  const number = pithNumberView({ record })!;

  test('BibTeX: an arXiv entry with the Pith Number in note', () => {
    const b = bibtexFor(record, number);
    expect(b).toMatch(/^@misc\{dai2024survey,\n/);
    expect(b).toContain('  title = {{A Survey on Efficient Inference for Large Language Models}}');
    expect(b).toContain('  eprint = {2404.14294}');
    expect(b).toContain('  archivePrefix = {arXiv}');
    expect(b).toContain(`  note = {Pith Number: ${number.full}}`);
    expect(b.trimEnd().endsWith('}')).toBe(true);
  });

  test('BibTeX escapes LaTeX specials in record text', () => {
    const odd = structuredClone(record);
    odd.paper.title = '100% {robust} & fast_inference #1';
    expect(bibtexFor(odd, number)).toContain('title = {{100\\% \\{robust\\} \\& fast\\_inference \\#1}}');
  });

  test('Markdown: title to arXiv, then the Pith Number to pith.science; brackets in titles escaped', () => {
    expect(markdownLinkFor(record, number)).toBe(
      `[A Survey on Efficient Inference for Large Language Models](https://arxiv.org/abs/2404.14294) ([${number.full}](${number.url}))`,
    );
    const odd = structuredClone(record);
    odd.paper.title = 'Attention [is] all (you) need';
    expect(markdownLinkFor(odd, number)).toMatch(/^\[Attention \\\[is\\\] all \\\(you\\\) need\]\(/);
  });

  test('a served title that is not the signed one is cited as served; a DOI only the aliases name is left out', () => {
    const forged = structuredClone(record);
    forged.paper.title = 'Retracted: fabricated results';
    forged.aliases.push({ alias_kind: 'doi', alias_value: '10.1145/3442188.3445922' });
    forged.aliases = forged.aliases.filter((a: { alias_value: string }) => !a.alias_value.startsWith('10.48550'));
    const report = verify(forged);
    expect(bibtexFor(forged, number, report)).toContain('title as served, not matching the signed title hash');
    expect(bibtexFor(forged, number, report)).not.toContain('10.1145');
    expect(markdownLinkFor(forged, number, report)).toContain('(title as served)');
    expect(bibtexFor(record, number, verify(record))).toContain('doi = {10.48550/arxiv.2404.14294}');
  });
});
