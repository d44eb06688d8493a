import type { LookupResult } from '../../lib/messages';
import { popup as P } from '../../lib/strings';
import { recordJson } from '../../lib/popup/screens';
import type { PithNumberView } from '../../lib/popup/pith-number';
import { CopyButton } from '../common/CopyButton';
import { bibtexFor, markdownLinkFor } from '../../lib/cite';

interface Props {
  number?: PithNumberView;
  record?: unknown;
  /** The record exactly as served: the copy must verify, which a re-serialised JSON.parse result may not (1.0, big integers). */
  recordText?: string;
  /** The verification report: citations say when the served title is not the signed one. */
  report?: LookupResult['report'];
  onReverify?: () => void;
  copy?: (t: string) => Promise<void>;
}

/** Open on pith.science, copy the number / LaTeX / BibTeX / Markdown link / JSON, re-verify now. */
export function ActionsBar({ number, record, recordText, report, onReverify, copy }: Props) {
  return (
    <section class="actions" aria-label={P.actionsHeading}>
      {number && (
        <a class="btn btn-primary" href={number.url} target="_blank" rel="noopener noreferrer">
          {P.openOnPith}
        </a>
      )}
      {number && <CopyButton text={number.full} label={P.copyNumber} what="Pith Number" copy={copy} />}
      {number && <CopyButton text={number.latex} label={P.copyLatex} what="LaTeX" copy={copy} />}
      {number && <CopyButton text={bibtexFor(record, number, report)} label="Copy BibTeX" what="BibTeX" copy={copy} />}
      {number && <CopyButton text={markdownLinkFor(record, number, report)} label="Copy Markdown link" what="Markdown link" copy={copy} />}
      {record !== undefined && <CopyButton text={recordText ?? recordJson(record)} label={P.copyJson} what="record JSON" copy={copy} />}
      {onReverify && (
        <button type="button" class="btn" onClick={onReverify}>
          {P.reverify}
        </button>
      )}
    </section>
  );
}
