/**
 * `parseJson(text)` reads JSON the way Python's `json.loads` does, without the
 * losses of `JSON.parse`: big integers stay exact (`bigint`), numbers written
 * with a fraction or exponent stay floats (`JsonFloat`), duplicate keys keep
 * the last value, `NaN` / `Infinity` / `-Infinity` are accepted as Python does.
 * A record's canonical hash is computed over what this returns, so anything
 * JSON.parse would round or merge would change the hash.
 *
 * This file holds the structure (objects, arrays, literals, nesting depth);
 * the number and string tokens are in parse-scalars.ts.
 */
import { JsonFloat, JsonSyntaxError, MAX_DEPTH, type JsonObject, type JsonValue } from './json-value';
import { readNumber, readString, type Cursor } from './parse-scalars';

export function parseJson(text: string): JsonValue {
  if (typeof text !== 'string') throw new TypeError('parseJson expects a string');
  const p = new Parser(text);
  p.ws();
  if (p.text.charCodeAt(p.i) === 0xfeff) p.fail('Unexpected byte order mark');
  const v = p.value(0);
  p.ws();
  if (p.i !== text.length) p.fail('Extra data after the JSON value');
  return v;
}

class Parser implements Cursor {
  i = 0;
  constructor(readonly text: string) {}

  fail(reason: string, at: number = this.i): never {
    throw new JsonSyntaxError(reason, at);
  }

  ws(): void {
    const t = this.text;
    let i = this.i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  value(depth: number): JsonValue {
    const t = this.text;
    const c = t.charCodeAt(this.i);
    switch (c) {
      case 0x7b: // {
        return this.object(depth + 1);
      case 0x5b: // [
        return this.array(depth + 1);
      case 0x22: // "
        return readString(this);
      case 0x74: // t
        return this.literal('true', true);
      case 0x66: // f
        return this.literal('false', false);
      case 0x6e: // n
        return this.literal('null', null);
      case 0x4e: // N
        return this.literal('NaN', new JsonFloat(NaN));
      case 0x49: // I
        return this.literal('Infinity', new JsonFloat(Infinity));
      default:
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return readNumber(this);
        if (Number.isNaN(c)) this.fail('Unexpected end of input, expecting a value');
        return this.fail('Expecting a value');
    }
  }

  literal<T extends JsonValue>(word: string, v: T): T {
    if (!this.text.startsWith(word, this.i)) this.fail('Expecting a value');
    this.i += word.length;
    return v;
  }

  array(depth: number): JsonValue[] {
    if (depth > MAX_DEPTH) this.fail(`Nesting deeper than ${MAX_DEPTH} levels`);
    const t = this.text;
    this.i++;
    const arr: JsonValue[] = [];
    this.ws();
    if (t.charCodeAt(this.i) === 0x5d) {
      this.i++;
      return arr;
    }
    for (;;) {
      this.ws();
      arr.push(this.value(depth));
      this.ws();
      const c = t.charCodeAt(this.i);
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x5d) {
        this.i++;
        return arr;
      }
      this.fail("Expecting ',' or ']'");
    }
  }

  object(depth: number): JsonObject {
    if (depth > MAX_DEPTH) this.fail(`Nesting deeper than ${MAX_DEPTH} levels`);
    const t = this.text;
    this.i++;
    const obj: JsonObject = {};
    this.ws();
    if (t.charCodeAt(this.i) === 0x7d) {
      this.i++;
      return obj;
    }
    for (;;) {
      this.ws();
      if (t.charCodeAt(this.i) !== 0x22) this.fail('Expecting property name enclosed in double quotes');
      const key = readString(this);
      this.ws();
      if (t.charCodeAt(this.i) !== 0x3a) this.fail("Expecting ':' delimiter");
      this.i++;
      this.ws();
      const v = this.value(depth);
      if (key === '__proto__') {
        // An own data property, never the prototype setter.
        Object.defineProperty(obj, key, { value: v, writable: true, enumerable: true, configurable: true });
      } else obj[key] = v;
      this.ws();
      const c = t.charCodeAt(this.i);
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x7d) {
        this.i++;
        return obj;
      }
      this.fail("Expecting ',' or '}'");
    }
  }
}
