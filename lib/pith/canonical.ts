/**
 * Lossless JSON parsing and Python-compatible canonical serialization.
 *
 * `canonicalize(v)` is byte-identical to Python's
 * `json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False)`
 * (see PROTOCOL.md and test/fixtures/canonical-json.json).
 *
 * `parseJson(text)` reads JSON the way Python's `json.loads` does, without the
 * losses of `JSON.parse`: big integers stay exact (`bigint`), numbers written
 * with a fraction or exponent stay floats (`JsonFloat`), duplicate keys keep
 * the last value, `NaN` / `Infinity` / `-Infinity` are accepted as Python does.
 *
 * Pure: no browser or Node globals beyond TextEncoder (in hash.ts).
 */
import { sha256Hex } from './hash';

/** A JSON number written with a fraction or an exponent (a Python `float`). */
export class JsonFloat {
  constructor(readonly value: number) {}
  toString(): string {
    return pyFloatRepr(this.value);
  }
}

export type JsonValue = null | boolean | number | bigint | string | JsonFloat | JsonValue[] | JsonObject;
interface JsonObject {
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
/** Python refuses to convert integers longer than this many digits (sys.int_info.default_max_str_digits). */
const MAX_INT_DIGITS = 4300;

// ---------------------------------------------------------------- parser

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

class Parser {
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
        return this.string();
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
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
        if (Number.isNaN(c)) this.fail('Unexpected end of input, expecting a value');
        return this.fail('Expecting a value');
    }
  }

  literal<T extends JsonValue>(word: string, v: T): T {
    if (!this.text.startsWith(word, this.i)) this.fail('Expecting a value');
    this.i += word.length;
    return v;
  }

  number(): JsonValue {
    const t = this.text;
    const start = this.i;
    let i = start;
    if (t.charCodeAt(i) === 0x2d) {
      i++;
      if (t.startsWith('Infinity', i)) {
        this.i = i + 8;
        return new JsonFloat(-Infinity);
      }
    }
    const intStart = i;
    let c = t.charCodeAt(i);
    if (c === 0x30) i++;
    else if (c >= 0x31 && c <= 0x39) {
      do i++;
      while ((c = t.charCodeAt(i)) >= 0x30 && c <= 0x39);
    } else this.fail('Expecting a digit', i);
    const intEnd = i;
    let isFloat = false;
    if (t.charCodeAt(i) === 0x2e) {
      i++;
      c = t.charCodeAt(i);
      if (!(c >= 0x30 && c <= 0x39)) this.fail('Expecting a digit after the decimal point', i);
      while ((c = t.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
      isFloat = true;
    }
    c = t.charCodeAt(i);
    if (c === 0x65 || c === 0x45) {
      i++;
      c = t.charCodeAt(i);
      if (c === 0x2b || c === 0x2d) i++;
      c = t.charCodeAt(i);
      if (!(c >= 0x30 && c <= 0x39)) this.fail('Expecting a digit in the exponent', i);
      while ((c = t.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
      isFloat = true;
    }
    this.i = i;
    const s = t.slice(start, i);
    if (isFloat) return new JsonFloat(Number(s));
    const digits = intEnd - intStart;
    if (digits <= 15) {
      const n = Number(s);
      return n === 0 ? 0 : n; // -0 is the integer 0
    }
    if (digits > MAX_INT_DIGITS) this.fail(`Integer longer than ${MAX_INT_DIGITS} digits`, start);
    const b = BigInt(s);
    return b >= MIN_SAFE && b <= MAX_SAFE ? Number(b) : b;
  }

  string(): string {
    const t = this.text;
    let i = this.i + 1;
    let start = i;
    let out = '';
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        this.i = i + 1;
        return out + t.slice(start, i);
      }
      if (c === 0x5c) {
        out += t.slice(start, i);
        const e = t.charCodeAt(i + 1);
        switch (e) {
          case 0x22:
            out += '"';
            break;
          case 0x5c:
            out += '\\';
            break;
          case 0x2f:
            out += '/';
            break;
          case 0x62:
            out += '\b';
            break;
          case 0x66:
            out += '\f';
            break;
          case 0x6e:
            out += '\n';
            break;
          case 0x72:
            out += '\r';
            break;
          case 0x74:
            out += '\t';
            break;
          case 0x75: {
            let u = 0;
            for (let k = 2; k < 6; k++) {
              const h = hexVal(t.charCodeAt(i + k));
              if (h < 0) this.fail('Invalid \\uXXXX escape', i);
              u = u * 16 + h;
            }
            out += String.fromCharCode(u); // surrogate pairs combine naturally in UTF-16
            i += 4;
            break;
          }
          default:
            if (Number.isNaN(e)) this.fail('Unterminated string', this.i);
            this.fail('Invalid \\escape', i);
        }
        i += 2;
        start = i;
        continue;
      }
      if (c < 0x20) this.fail('Invalid control character in string', i);
      if (Number.isNaN(c)) this.fail('Unterminated string', this.i);
      i++;
    }
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
      const key = this.string();
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

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

// ---------------------------------------------------------------- serializer

/** Python `repr(float)`: shortest round-trip digits, exponent form when exp < -4 or >= 16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  let s = x.toExponential(); // shortest round-trip digits, e.g. "-1.2345e+21"
  let sign = '';
  if (s.charCodeAt(0) === 0x2d) {
    sign = '-';
    s = s.slice(1);
  }
  const ei = s.indexOf('e');
  const exp = Number(s.slice(ei + 1));
  const digits = s.slice(0, ei).replace('.', '');
  const decpt = exp + 1; // value = 0.DIGITS × 10^decpt
  if (decpt <= -4 || decpt > 16) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ea = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ea < 10 ? '0' : ''}${ea}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

// Control characters are exactly what JSON must escape, so these patterns name them.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\x00-\x1f"\\]/;
// eslint-disable-next-line no-control-regex
const ESCAPE_ALL = /[\x00-\x1f"\\]/g;
const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
function escapeChar(ch: string): string {
  return SHORT_ESCAPES[ch] ?? `\\u00${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** A JSON string literal as Python writes it with ensure_ascii=False. */
export function quoteString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? `"${s.replace(ESCAPE_ALL, escapeChar)}"` : `"${s}"`;
}

/**
 * Compare by Unicode code point (Python's str order), not by UTF-16 unit:
 * a surrogate pair (astral character) sorts after U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/** Canonical JSON text, byte-identical to Python's sorted, compact, ensure_ascii=False json.dumps. */
export function canonicalize(value: unknown): string {
  return ser(value, 0);
}

function ser(v: unknown, depth: number): string {
  switch (typeof v) {
    case 'string':
      return quoteString(v);
    case 'number':
      if (Number.isInteger(v)) return Number.isSafeInteger(v) ? String(v === 0 ? 0 : v) : BigInt(v).toString();
      return pyFloatRepr(v);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (v instanceof JsonFloat) return pyFloatRepr(v.value);
      if (depth >= MAX_DEPTH) throw new RangeError(`canonicalize: nesting deeper than ${MAX_DEPTH} levels`);
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          if (i) out += ',';
          out += ser(v[i], depth + 1);
        }
        return out + ']';
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) {
        throw new TypeError(`canonicalize: cannot serialize a ${(v as object).constructor?.name ?? 'non-plain'} object`);
      }
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).sort(compareCodePoints);
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i] as string;
        if (i) out += ',';
        out += quoteString(k) + ':' + ser(o[k], depth + 1);
      }
      return out + '}';
    }
    default:
      throw new TypeError(`canonicalize: cannot serialize a value of type ${typeof v}`);
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when the string can be encoded as UTF-8 (no lone surrogates). */
function isWellFormedString(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/**
 * SHA-256 (lower-case hex) of the UTF-8 bytes of canonicalize(value).
 * Throws when the text holds a lone surrogate: Python cannot encode it either.
 */
export function canonicalSha256(value: unknown): string {
  const text = canonicalize(value);
  if (!isWellFormedString(text)) throw new RangeError('canonical JSON holds a lone surrogate and has no UTF-8 encoding');
  return sha256Hex(text);
}
