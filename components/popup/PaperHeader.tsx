import { popup as P } from '../../lib/strings';
import { paperView } from '../../lib/view-model';
import { Field } from '../common/Field';

/** Title, authors, arXiv id and version, categories: text only, as the record serves them. */
export function PaperHeader({ record }: { record: unknown }) {
  const v = paperView(record);
  return (
    <section class="paper" aria-labelledby="paper-title">
      <h2 id="paper-title" class="paper-title">
        {v.title ?? P.untitled}
      </h2>
      {v.authors && <p class="paper-authors">{v.authors}</p>}
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
