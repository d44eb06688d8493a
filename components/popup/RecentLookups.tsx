import { describeId } from '../../lib/ids/util';
import type { PaperId } from '../../lib/ids/key';
import { popup as P } from '../../lib/strings';
import type { RecentLookup } from '../../lib/popup/recent';

/** The last lookups (at most ten), newest first; choosing one looks it up again. */
export function RecentLookups({ items, onPick }: { items: RecentLookup[]; onPick: (id: PaperId) => void }) {
  if (items.length === 0) return null;
  return (
    <section class="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading" class="section-title">
        {P.recentHeading}
      </h2>
      <ul>
        {items.map((r) => (
          <li key={`${r.id.kind}:${r.id.id}`}>
            <button type="button" class="recent-item" onClick={() => onPick(r.id)}>
              <span class="recent-label">{r.label}</span>
              <span class="recent-id">{describeId(r.id)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
