import { popup as P } from '../../lib/strings';
import type { PithNumberView } from '../../lib/popup/pith-number';
import { CopyButton } from '../common/CopyButton';
import { Field } from '../common/Field';

/** The Pith Number, full and short, each with its own copy button. */
export function PithNumberBlock({ number, copy }: { number: PithNumberView; copy?: (t: string) => Promise<void> }) {
  return (
    <section class="pith-number" aria-labelledby="pn-heading">
      <h2 id="pn-heading" class="section-title">
        {P.pithNumberHeading}
      </h2>
      <dl>
        <Field label={P.pithFull}>
          <code class="num">{number.full}</code>
          <CopyButton text={number.full} label="Copy" what="full Pith Number" copy={copy} class="btn btn-small" />
        </Field>
        <Field label={P.pithShort}>
          <code class="num">{number.short}</code>
          <CopyButton text={number.short} label="Copy" what="short Pith Number" copy={copy} class="btn btn-small" />
        </Field>
      </dl>
    </section>
  );
}
