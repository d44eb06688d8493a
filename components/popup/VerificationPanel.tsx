import type { LookupResult } from '../../lib/messages';
import { popup as P } from '../../lib/strings';
import { checkRows, verificationView } from '../../lib/popup/checks';
import { Field } from '../common/Field';
import { OutcomeMark } from '../common/OutcomeMark';
import { ChecksList } from './ChecksList';
import { StatusPanel } from './StatusPanel';

/** A long hex value, breakable, in code type. */
function Hex({ value }: { value?: string }) {
  return value ? <code class="hex">{value}</code> : <span class="muted">—</span>;
}

/** Hashes, numbers, key, signature and binding as computed here. */
function Details({ result }: { result: Pick<LookupResult, 'record' | 'report'> }) {
  const v = verificationView(result);
  return (
    <div class="vdetails">
      <h3>{P.hashHeading}</h3>
      <dl>
        <Field label={P.hashPublished}>
          <Hex value={v.hash.published} />
        </Field>
        <Field label={P.hashRecomputed}>
          <Hex value={v.hash.recomputed} />
          {v.hash.equal !== undefined && <span class={v.hash.equal ? 'eq eq-yes' : 'eq eq-no'}> ({v.hash.equal ? P.hashEqual : P.hashDiffer})</span>}
        </Field>
        <Field label={P.numberPublished}>
          <Hex value={v.number.published} />
        </Field>
        <Field label={P.numberDerived}>
          <Hex value={v.number.derived} />
        </Field>
      </dl>
      <h3>{P.keyHeading}</h3>
      <dl>
        <Field label={P.keyId}>{v.key.id ?? <span class="muted">{P.keyUnknown}</span>}</Field>
        <Field label={P.keyFingerprint}>
          <Hex value={v.key.fingerprint} />
          {v.key.pinned !== undefined && <span class="tag">{v.key.pinned ? P.keyPinned : P.keyNotPinned}</span>}
        </Field>
      </dl>
      <h3>{P.signatureHeading}</h3>
      <dl>
        <Field label={P.signatureHeading}>
          {v.signature.outcome ? <OutcomeMark outcome={v.signature.outcome} /> : null} {v.signature.detail ?? '—'}
        </Field>
        {v.signature.signedAt && <Field label={P.signedAt}>{v.signature.signedAt}</Field>}
      </dl>
      <h3>{P.bindingHeading}</h3>
      <dl>
        <Field label={P.bindingId}>{v.binding.id ?? '—'}</Field>
        {v.binding.version !== undefined && <Field label={P.bindingVersion}>{P.version(v.binding.version)}</Field>}
        <Field label={P.bindingTitleHash}>
          <Hex value={v.binding.titleHash} />
        </Field>
        {v.binding.detail && (
          <Field label={P.checkLabel('binding')}>
            {v.binding.outcome ? <OutcomeMark outcome={v.binding.outcome} /> : null} {v.binding.detail}
          </Field>
        )}
      </dl>
    </div>
  );
}

/** The line between what Pith signed (checked here) and what the resolver merely serves. */
function SignatureScope() {
  return (
    <div class="scope">
      <h3>{P.scopeHeading}</h3>
      <div class="scope-signed">
        <p>
          <strong>{P.scopeSigned}</strong>
        </p>
        <p class="note">{P.scopeSignedFields}</p>
      </div>
      <hr />
      <div class="scope-served">
        <p>
          <strong>{P.scopeServed}</strong>
        </p>
        <p class="note">{P.scopeServedFields}</p>
      </div>
    </div>
  );
}

interface Props {
  result: Pick<LookupResult, 'record' | 'report' | 'host'>;
  /** Open the technical details (hashes, key, binding) from the start. */
  open?: boolean;
}

/** Every check, the details behind them, the signature's scope and Pith's status words. */
export function VerificationPanel({ result, open = false }: Props) {
  const rows = checkRows(result.report);
  return (
    <section class="verification" aria-labelledby="verification-heading">
      <h2 id="verification-heading" class="section-title">
        {P.verificationHeading}
      </h2>
      <p class="note">
        {P.verificationIntro}
        {result.host ? ` ${P.servedBy(result.host)}.` : ''}
      </p>
      {rows.length > 0 && <ChecksList rows={rows} />}
      <details class="more" open={open}>
        <summary>{`${P.hashHeading}, ${P.keyHeading.toLowerCase()}, ${P.bindingHeading.toLowerCase()}`}</summary>
        <Details result={result} />
      </details>
      <SignatureScope />
      {result.record !== undefined && <StatusPanel record={result.record} />}
    </section>
  );
}
