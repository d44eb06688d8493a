import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { bibtexFor, markdownLinkFor } from '../../lib/cite';
import { verify } from '../../lib/pith/verify';
import { pithNumberView } from '../../lib/popup/pith-number';

describe('citations', () => {
  const record = JSON.parse(readFileSync(new URL('../fixtures/records/2404.14294v3.record.json', import.meta.url), 'utf8'));
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
