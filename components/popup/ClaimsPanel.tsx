import { popup as P } from '../../lib/strings';
import { claimsView, hasClaims, type ClaimView } from '../../lib/popup/claims';

function Claim({ claim }: { claim: ClaimView }) {
  return (
    <div class="claim" data-kind={claim.kind}>
      <h3 class="claim-kind">{claim.kindLabel}</h3>
      <p class="claim-text">{claim.text}</p>
      {claim.status && (
        <p class="claim-status">
          <span class={claim.machineExtracted ? 'tag tag-machine' : 'tag'}>{claim.status}</span>
        </p>
      )}
    </div>
  );
}

/** Headline, summary, strongest claim and weakest assumption, and the counts the record gives. */
export function ClaimsPanel({ record }: { record: unknown }) {
  const c = claimsView(record);
  const { counts } = c;
  const any = hasClaims(c);
  return (
    <section class="claims" aria-labelledby="claims-heading">
      <h2 id="claims-heading" class="section-title">
        {P.claimsHeading}
      </h2>
      <p class="note">{P.claimsServedNote}</p>
      {!any && <p>{P.noClaims}</p>}
      {c.headline && <Claim claim={c.headline} />}
      {c.summary && <Claim claim={c.summary} />}
      {c.strongest && <Claim claim={c.strongest} />}
      {c.weakest && <Claim claim={c.weakest} />}
      {c.others.map((x, i) => (
        <Claim key={x.claimId ?? i} claim={x} />
      ))}
      {c.verdictBy && <p class="note">{P.verdictBy(c.verdictBy)}</p>}
      {(counts.claims !== undefined || counts.references !== undefined || counts.inboundCitations !== undefined) && (
        <dl class="counts">
          {counts.claims !== undefined && (
            <div class="count">
              <dt>{P.countClaims}</dt>
              <dd>{counts.claims}</dd>
            </div>
          )}
          {counts.references !== undefined && (
            <div class="count">
              <dt>{P.countReferences}</dt>
              <dd>
                {counts.references}
                {counts.referencesResolved !== undefined && (
                  <span class="count-sub">{P.countReferencesResolved(counts.referencesResolved, counts.references)}</span>
                )}
              </dd>
            </div>
          )}
          {counts.inboundCitations !== undefined && (
            <div class="count">
              <dt>{P.countInbound}</dt>
              <dd>{counts.inboundCitations}</dd>
            </div>
          )}
        </dl>
      )}
    </section>
  );
}
