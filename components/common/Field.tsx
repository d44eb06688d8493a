import type { ComponentChildren } from 'preact';

/** One term and its value in a <dl>. */
export function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
