/**
 * The JSON values the lossless parser reads and the canonical serializer
 * writes, shared by both: its own file so that neither side imports the other.
 *
 * Python's model, not JavaScript's: an integer too big for a double stays a
 * `bigint`, and a number written with a fraction or an exponent stays a float
 * (`JsonFloat`) even when its value is whole, because `json.dumps` writes
 * `1.0` and `1` differently.
 */
import { pyFloatRepr } from './py-float';

/** A JSON number written with a fraction or an exponent (a Python `float`). */
export class JsonFloat {
  constructor(readonly value: number) {}
  toString(): string {
    return pyFloatRepr(this.value);
  }
}

export type JsonValue = null | boolean | number | bigint | string | JsonFloat | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Bad JSON text; `position` is the UTF-16 offset where parsing stopped. */
export class JsonSyntaxError extends SyntaxError {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`${reason} at position ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Deepest nesting of arrays/objects accepted by parseJson and canonicalize. */
export const MAX_DEPTH = 1000;
