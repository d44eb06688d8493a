/**
 * One screen per state (the vocabulary of lib/states.ts). Each is the state banner,
 * what the state needs said first (what failed, what differs, why unsigned,
 * how old the cache is), then the record's parts in the order a reader wants.
 */
import { describeId } from '../../lib/ids/util';
import type { LookupResult } from '../../lib/messages';
import { STATE_STYLE } from '../../lib/states';
import { popup as P } from '../../lib/strings';
import { checkRows, failedChecks, type CheckRow } from '../../lib/popup/checks';
import { formatAge, screenFor, searchUrl } from '../../lib/popup/screens';
import { pithNumberView } from '../../lib/popup/pith-number';
import { OutcomeMark } from '../common/OutcomeMark';
import { Skeleton } from '../common/Skeleton';
import { StateBanner } from '../common/StateBanner';
import { ActionsBar } from './ActionsBar';
import { ExpectedComputed } from './ChecksList';
import { ClaimsPanel } from './ClaimsPanel';
import { PaperHeader } from './PaperHeader';
import { PithNumberBlock } from './PithNumberBlock';
import { VerificationPanel } from './VerificationPanel';

export interface ScreenProps {
  result: LookupResult;
  /** Look the paper up again, bypassing the cache. */
  onReverify: () => void;
  copy?: (t: string) => Promise<void>;
  now: number;
}

function VersionNote({ result }: { result: LookupResult }) {
  const note = result.versionNote ?? result.report?.versionNote;
  return note ? (
    <p class="version-note">
      <strong>{P.versionNote}:</strong> {note}
    </p>
  ) : null;
}

/** A short list of checks with their outcome, detail and values (what failed / differs / is missing). */
function CheckSummary({ heading, rows }: { heading: string; rows: CheckRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section class="summary-box" aria-labelledby="summary-heading">
      <h2 id="summary-heading" class="section-title">
        {heading}
      </h2>
      <ul>
        {rows.map((r) => (
          <li key={r.name} data-check={r.name}>
            <p class="check-head">
              <OutcomeMark outcome={r.outcome} /> <strong>{r.label}</strong>
            </p>
            <p class="check-detail">{r.detail}</p>
            <ExpectedComputed row={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The record's parts: paper, number, actions, claims, verification. */
function RecordBody({ result, onReverify, copy, panelOpen, claims = true }: Omit<ScreenProps, 'now'> & { panelOpen: boolean; claims?: boolean }) {
  const number = pithNumberView(result);
  return (
    <>
      {result.record !== undefined && <PaperHeader record={result.record} report={result.report} />}
      {number && <PithNumberBlock number={number} copy={copy} />}
      <ActionsBar number={number} record={result.record} recordText={result.recordText} report={result.report} onReverify={onReverify} copy={copy} />
      {claims && result.record !== undefined && <ClaimsPanel record={result.record} />}
      <VerificationPanel result={result} open={panelOpen} />
    </>
  );
}

export function LoadingScreen() {
  return (
    <div class="screen screen-loading" data-screen="loading">
      <Skeleton label={P.loading} />
    </div>
  );
}

function VerifiedScreen(props: ScreenProps) {
  return (
    <div class="screen" data-screen="verified">
      <StateBanner state="verified" />
      <VersionNote result={props.result} />
      <RecordBody {...props} panelOpen={false} />
    </div>
  );
}

function UnconfirmedScreen(props: ScreenProps) {
  const why = checkRows(props.result.report).filter((r) => r.name === 'binding');
  return (
    <div class="screen" data-screen="unconfirmed">
      <StateBanner state="unconfirmed" />
      <VersionNote result={props.result} />
      <CheckSummary heading={P.whyUnconfirmed} rows={why} />
      <RecordBody {...props} panelOpen />
    </div>
  );
}

function UnsignedScreen(props: ScreenProps) {
  const why = checkRows(props.result.report).filter((r) => (r.name === 'key' || r.name === 'signature') && r.outcome !== 'pass');
  return (
    <div class="screen" data-screen="unsigned">
      <StateBanner state="unsigned" />
      <VersionNote result={props.result} />
      <CheckSummary heading={P.whyUnsigned} rows={why} />
      <RecordBody {...props} panelOpen />
    </div>
  );
}

function InvalidScreen(props: ScreenProps) {
  const { result, onReverify, copy } = props;
  return (
    <div class="screen" data-screen="invalid">
      <StateBanner state="invalid" />
      <CheckSummary heading={P.whatFailed} rows={failedChecks(result.report)} />
      {result.record !== undefined && <PaperHeader record={result.record} report={result.report} />}
      {/* No Pith Number to copy or open and no claims: nothing in a failed record is vouched for. */}
      <ActionsBar record={result.record} recordText={result.recordText} report={result.report} onReverify={onReverify} copy={copy} />
      <VerificationPanel result={result} open />
    </div>
  );
}

function MismatchScreen(props: ScreenProps) {
  const differs = checkRows(props.result.report).filter((r) => r.name === 'binding' && r.outcome === 'fail');
  return (
    <div class="screen" data-screen="mismatch">
      <StateBanner state="mismatch" />
      <VersionNote result={props.result} />
      <CheckSummary heading={P.whatDiffers} rows={differs} />
      <RecordBody {...props} panelOpen />
    </div>
  );
}

function NotFoundScreen({ result, onReverify }: ScreenProps) {
  return (
    <div class="screen" data-screen="not-found">
      <StateBanner state="not-found" />
      <div class="box">
        <p>{P.notFoundText(describeId(result.id))}</p>
        {result.reason && <p class="note">{result.reason}</p>}
        <p class="row">
          <a class="btn btn-primary" href={searchUrl(result.id)} target="_blank" rel="noopener noreferrer">
            {P.searchPith}
          </a>
          <button type="button" class="btn" onClick={onReverify}>
            {P.retry}
          </button>
        </p>
      </div>
    </div>
  );
}

function ErrorScreen(props: ScreenProps) {
  const { result, onReverify, now } = props;
  const cached = result.record !== undefined || result.report !== undefined;
  const cachedState = result.report?.state;
  return (
    <div class="screen" data-screen="error">
      <StateBanner state="error" />
      <div class="box">
        <p class="error-reason">{result.reason ?? P.errorReasonUnknown}</p>
        {cached ? (
          <p class="stale" data-stale="true">
            {P.staleNote(formatAge(result.fetchedAt, now))}
            {cachedState && cachedState !== 'error' && cachedState !== 'pending' && <span class="stale-state"> ({STATE_STYLE[cachedState].label})</span>}
          </p>
        ) : (
          <p class="note">{P.noCache}</p>
        )}
        <p class="row">
          <button type="button" class="btn btn-primary" onClick={onReverify}>
            {P.retry}
          </button>
        </p>
      </div>
      {cached && (
        <div class="stale-body">
          <RecordBody {...props} panelOpen={false} claims={cachedState !== 'invalid'} />
        </div>
      )}
    </div>
  );
}

/** The screen for a lookup result's state. */
export function ResultScreen(props: ScreenProps) {
  switch (screenFor(props.result.state)) {
    case 'loading':
      return <LoadingScreen />;
    case 'verified':
      return <VerifiedScreen {...props} />;
    case 'unconfirmed':
      return <UnconfirmedScreen {...props} />;
    case 'unsigned':
      return <UnsignedScreen {...props} />;
    case 'invalid':
      return <InvalidScreen {...props} />;
    case 'mismatch':
      return <MismatchScreen {...props} />;
    case 'not-found':
      return <NotFoundScreen {...props} />;
    case 'error':
      return <ErrorScreen {...props} />;
  }
}
