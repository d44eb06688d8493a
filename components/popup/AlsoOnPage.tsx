import { useEffect, useRef, useState } from 'preact/hooks';
import type { PaperId } from '../../lib/ids/key';
import { describeId } from '../../lib/ids/util';
import type { LookupResult, PaperResult } from '../../lib/messages';
import { STATE_STYLE } from '../../lib/states';

/** Mentions looked up when the popup opens; more on request ("Check N more"). */
const FIRST = 8;
const MORE = 8;

interface Props {
  /** Papers the page only links to (role `mentioned`), in page order. */
  papers: PaperResult[];
  results: Record<string, LookupResult | 'loading'>;
  lookup(id: PaperId): void;
  /** Show one of them in the popup's result view. */
  onOpen(id: PaperId): void;
}

/**
 * On a page about one paper, the other papers it links to (references,
 * "similar papers"): never counted as the page's paper, listed here with
 * their states. Only the ones listed are looked up (the background does not
 * look mentions up with the page): what the reader sees, not everything the
 * page mentions.
 */
export function AlsoOnPage({ papers, results, lookup, onOpen }: Props) {
  const [shown, setShown] = useState(Math.min(papers.length, FIRST));
  const asked = useRef(new Set<string>());
  useEffect(() => {
    for (const p of papers.slice(0, shown)) {
      if (asked.current.has(p.key) || results[p.key]) continue;
      asked.current.add(p.key);
      lookup(p.id);
    }
  }, [shown, papers, results, lookup]);
  if (papers.length === 0) return null;
  const rest = papers.length - shown;
  return (
    <section class="also" aria-labelledby="also-heading" data-section="also-on-page">
      <h2 id="also-heading" class="section-title">
        Also on this page
      </h2>
      <p class="note">Papers this page links to (references, related papers). They are not the page's own paper.</p>
      <ul class="also-list">
        {papers.slice(0, shown).map((p) => {
          const r = results[p.key];
          const state = r === undefined || r === 'loading' ? 'pending' : r.state;
          const style = STATE_STYLE[state];
          return (
            <li key={p.key} data-key={p.key} data-state={state}>
              <button type="button" class="btn btn-link" onClick={() => onOpen(p.id)}>
                {describeId(p.id)}
              </button>{' '}
              <span class="also-state" style={{ backgroundColor: style.color }}>
                <span aria-hidden="true">{style.badge}</span> {r === undefined || r === 'loading' ? 'Checking…' : style.label}
              </span>
              {r !== undefined && r !== 'loading' && r.headline && <span class="also-headline"> — {r.headline}</span>}
            </li>
          );
        })}
      </ul>
      {rest > 0 && (
        <button type="button" class="btn btn-small" onClick={() => setShown((n) => Math.min(papers.length, n + MORE))}>
          Check {Math.min(rest, MORE)} more ({rest} not checked)
        </button>
      )}
    </section>
  );
}
