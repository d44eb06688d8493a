import { useEffect, useRef, useState } from 'preact/hooks';
import { popup as P } from '../../lib/strings';
import { copyText } from './clipboard';

interface Props {
  /** The text put on the clipboard. */
  text: string;
  /** Visible button text. */
  label: string;
  /** What is copied, for the accessible name and the confirmation ("full Pith Number"). */
  what: string;
  copy?: (text: string) => Promise<void>;
  class?: string;
}

/** A button that copies `text` and says so, visibly and to screen readers, for two seconds. */
export function CopyButton({ text, label, what, copy = copyText, class: cls }: Props) {
  const [said, setSaid] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const onClick = async () => {
    let message: string;
    try {
      await copy(text);
      message = P.copied(what);
    } catch {
      message = P.copyFailed;
    }
    setSaid(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSaid(''), 2000);
  };
  return (
    <span class="copy">
      <button type="button" class={cls ?? 'btn'} onClick={onClick} aria-label={label === what ? undefined : P.copyOf(what)}>
        {label}
      </button>
      <span class="copy-said" role="status">
        {said}
      </span>
    </span>
  );
}
