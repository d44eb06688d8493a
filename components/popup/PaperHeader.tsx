import type { LookupResult } from '../../lib/messages';
import { popup as P } from '../../lib/strings';
import { paperView } from '../../lib/popup/paper';
import { Field } from '../common/Field';

/**
 * Title, authors, arXiv id and version, categories: text only, as the record
 * serves them. The served title is the paper's title only when the verifier
 * found that it hashes to the signed title hash; otherwise it is labelled as
 * served, so a resolver cannot put words under the green banner.
 */
export function PaperHeader({ record, report }: { record: unknown; report?: LookupResult['report'] }) {
  const v = paperView(record, report);
  const titleCheck = report?.checks.find((c) => c.name === 'title');
  const servedOnly = v.title !== undefined && !v.titleSigned;
  return (
    <section class="paper" aria-labelledby="paper-title">
      {servedOnly && (
        <p class="paper-title-label" data-title="served">
          {titleCheck?.outcome === 'fail' ? P.titleServedLabel : P.titleUncheckedLabel}
        </p>
      )}
      <h2 id="paper-title" class={servedOnly ? 'paper-title paper-title-served' : 'paper-title'} data-title-signed={v.titleSigned ? 'true' : 'false'}>
        {v.title ?? P.untitled}
      </h2>
      {v.authors && (
        <p class="paper-authors">
          <span class="served-label">{P.authorsServedLabel}: </span>
          {v.authors}
        </p>
      )}
      <dl class="paper-meta">
        {v.arxivId && (
          <Field label={P.arxiv}>
            {v.arxivId}
            {v.version !== undefined && <span class="version">{P.version(v.version)}</span>}
          </Field>
        )}
        {v.categories.length > 0 && <Field label={P.categories}>{v.categories.join(' · ')}</Field>}
        {v.submittedAt && <Field label={P.submitted}>{v.submittedAt}</Field>}
      </dl>
    </section>
  );
}
