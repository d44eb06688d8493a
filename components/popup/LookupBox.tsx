import { useEffect, useRef, useState } from 'preact/hooks';
import { describeTextError, detectFromText } from '../../lib/ids/index';
import type { PaperId } from '../../lib/ids/key';
import { popup as P } from '../../lib/strings';
import { parseLookupInput } from '../../lib/popup/lookup-box';

interface Props {
  onLookup: (id: PaperId) => void;
  autoFocus?: boolean;
  /** Ids the text is read with; the real detector unless a test gives another. */
  detect?: (text: string) => PaperId[];
}

/** A text box for an arXiv id, DOI, Pith Number or URL, with an inline error for anything else. */
export function LookupBox({ onLookup, autoFocus = false, detect = detectFromText }: Props) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const r = parseLookupInput(text, detect, detect === detectFromText ? describeTextError : undefined);
    if (!r.ok) {
      setError(r.error);
      input.current?.focus();
      return;
    }
    setError('');
    onLookup(r.id);
  };
  return (
    <form class="lookup" role="search" onSubmit={onSubmit} noValidate>
      <label for="lookup-input" class="lookup-label">
        {P.lookupLabel}
      </label>
      <div class="lookup-row">
        <input
          ref={input}
          id="lookup-input"
          type="text"
          autocomplete="off"
          spellcheck={false}
          placeholder={P.lookupPlaceholder}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (error) setError('');
          }}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'lookup-hint lookup-error' : 'lookup-hint'}
        />
        <button type="submit" class="btn btn-primary">
          {P.lookupButton}
        </button>
      </div>
      <p id="lookup-hint" class="hint">
        {P.lookupHint}
      </p>
      <p id="lookup-error" class="error" role="alert">
        {error}
      </p>
    </form>
  );
}
