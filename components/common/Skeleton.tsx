/** Grey placeholder blocks of fixed height, so the popup does not jump when the record arrives. */
export function Skeleton({ label }: { label: string }) {
  return (
    <div class="skeleton" role="status" aria-busy="true">
      <span class="sr-only">{label}</span>
      <div aria-hidden="true">
        <div class="sk sk-banner" />
        <div class="sk sk-title" />
        <div class="sk sk-line" />
        <div class="sk sk-line short" />
        <div class="sk sk-block" />
        <div class="sk sk-line" />
        <div class="sk sk-line" />
        <div class="sk sk-line short" />
        <div class="sk sk-block" />
      </div>
    </div>
  );
}
