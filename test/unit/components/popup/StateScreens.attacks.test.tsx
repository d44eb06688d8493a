// @vitest-environment happy-dom
/**
 * A dishonest resolver rewrites the unsigned `paper` block of a real signed
 * record (issue 13): the popup must not show that text as the verified paper.
 */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultScreen } from '../../../../components/popup/StateScreens';
import { parseJson } from '../../../../lib/pith/canonical/parse';
import { canonicalSha256 } from '../../../../lib/pith/canonical/serialize';
import { derivePithNumber } from '../../../../lib/pith/number';
import { verify } from '../../../../lib/pith/verify';
import { generateTestKey } from '../../../helpers/testkeys';
import { seed } from '../../../helpers/seed-results';

afterEach(cleanup);

function show(rec: Record<string, any>) {
  const report = verify(rec, { pageId: { kind: 'arxiv', id: '2404.14294' } });
  const view = render(
    <ResultScreen
      result={{ key: 'arxiv:2404.14294', id: { kind: 'arxiv', id: '2404.14294' }, state: report.state, report, record: rec }}
      onReverify={() => {}}
      now={Date.now()}
    />,
  );
  return { report, container: view.container };
}

describe('a forged served title is never the verified paper’s identity', () => {
  it('the state stays verified; the popup labels the forged title as served and not matching, and says so in the checks', () => {
    const forged = 'Retracted: fabricated results';
    const rec = seed();
    rec.paper.title = forged;
    rec.paper.authors_text = 'Nobody';
    const { report, container } = show(rec);
    expect(report.state).toBe('verified');
    expect(container.querySelector('[data-screen="verified"]')).not.toBeNull();
    const h2 = container.querySelector('#paper-title')!;
    expect(h2.textContent).toBe(forged);
    expect(h2.getAttribute('data-title-signed')).toBe('false');
    expect(container.querySelector('[data-title="served"]')!.textContent).toMatch(/does not match the signed title/);
    expect(container.querySelector('.paper-authors')!.textContent).toMatch(/as served/);
    const row = container.querySelector('.checks [data-check="title"]')!;
    expect(row.textContent).toMatch(/Served title/);
    expect(row.textContent).toMatch(/does not hash to the signed title_canon_sha256/);
  });

  it('the real title is shown as the paper’s title', () => {
    const { container } = show(seed());
    expect(container.querySelector('#paper-title')!.getAttribute('data-title-signed')).toBe('true');
    expect(container.querySelector('[data-title="served"]')).toBeNull();
  });
});

describe('"Copy record JSON" copies the record exactly as served', () => {
  it('a signed record with a float 1.0 and a big integer in its canonical part: the copy still verifies', async () => {
    const key = generateTestKey('copy-test-key');
    // The canonical part carries leaves JSON.parse would rewrite (1.0 → 1, a big integer → a rounded double).
    const rec = seed();
    delete rec.aliases;
    delete rec.short_pith_number;
    const placeholder = '"__EXTRA__"';
    rec.canonical_record.metadata.extra = '__EXTRA__';
    let text = JSON.stringify(rec, null, 2).replace(placeholder, '{"f": 1.0, "big": 123456789012345678901234567890}');
    const hash = canonicalSha256((parseJson(text) as Record<string, unknown>).canonical_record);
    const number = derivePithNumber(hash, '2024');
    text = text
      .replace(`"canonical_sha256": "${rec.canonical_sha256}"`, `"canonical_sha256": "${hash}"`)
      .replace(`"pith_number": "${rec.pith_number}"`, `"pith_number": "${number}"`)
      .replace(`"signature_b64": "${rec.receipt.signature_b64}"`, `"signature_b64": "${key.signHash(hash)}"`)
      .replace(`"key_id": "${rec.receipt.key_id}"`, `"key_id": "${key.keyId}"`)
      .replace(`"public_key_fingerprint": "${rec.receipt.public_key_fingerprint}"`, `"public_key_fingerprint": "${key.fingerprintHex}"`)
      .replace(`"canonical_sha256": "${rec.canonical_sha256}"`, `"canonical_sha256": "${hash}"`);
    expect(verify(text, { trust: key.trust }).state).toBe('verified');
    // What the old copy did: re-serialise the parsed record. It no longer verifies.
    expect(verify(JSON.stringify(JSON.parse(text)), { trust: key.trust }).state).toBe('invalid');

    const report = verify(text, { trust: key.trust });
    let copied = '';
    const { container } = render(
      <ResultScreen
        result={{ key: 'arxiv:2404.14294', id: { kind: 'arxiv', id: '2404.14294' }, state: report.state, report, record: JSON.parse(text), recordText: text }}
        onReverify={() => {}}
        copy={async (t) => {
          copied = t;
        }}
        now={Date.now()}
      />,
    );
    const button = [...container.querySelectorAll('button')].find((b) => /JSON/.test(b.textContent ?? ''))!;
    fireEvent.click(button);
    await waitFor(() => expect(copied).not.toBe(''));
    expect(copied).toBe(text);
    expect(verify(copied, { trust: key.trust }).state).toBe('verified');
  });
});
