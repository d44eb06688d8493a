/** Time and timers, passed in so that code in lib/ runs under fake timers in tests. */
export interface Clock {
  now(): number;
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
