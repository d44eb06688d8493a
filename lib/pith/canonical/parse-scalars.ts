/**
 * The scalar tokens of JSON text, read the way Python's `json.loads` reads
 * them: numbers without the losses of `JSON.parse` (the lossless part of the
 * parser) and strings with their escapes. Apart from parse.ts so that the
 * token rules can be read on their own; the parser hands its cursor in, so
 * nothing is allocated per token.
 */
import { JsonFloat, type JsonValue } from './json-value';

/** Where the parser is: the text, the UTF-16 offset it reads next, and how it fails. */
export interface Cursor {
  readonly text: string;
  i: number;
  fail(reason: string, at?: number): never;
}

/** Python refuses to convert integers longer than this many digits (sys.int_info.default_max_str_digits). */
const MAX_INT_DIGITS = 4300;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/**
 * The number at the cursor (or `-Infinity`): a fraction or an exponent makes a
 * JsonFloat; an integer stays exact, a `bigint` beyond the safe range.
 */
export function readNumber(p: Cursor): JsonValue {
  const t = p.text;
  const start = p.i;
  let i = start;
  if (t.charCodeAt(i) === 0x2d) {
    i++;
    if (t.startsWith('Infinity', i)) {
      p.i = i + 8;
      return new JsonFloat(-Infinity);
    }
  }
  const intStart = i;
  let c = t.charCodeAt(i);
  if (c === 0x30) i++;
  else if (c >= 0x31 && c <= 0x39) {
    do i++;
    while ((c = t.charCodeAt(i)) >= 0x30 && c <= 0x39);
  } else p.fail('Expecting a digit', i);
  const intEnd = i;
  let isFloat = false;
  if (t.charCodeAt(i) === 0x2e) {
    i++;
    c = t.charCodeAt(i);
    if (!(c >= 0x30 && c <= 0x39)) p.fail('Expecting a digit after the decimal point', i);
    while ((c = t.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
    isFloat = true;
  }
  c = t.charCodeAt(i);
  if (c === 0x65 || c === 0x45) {
    i++;
    c = t.charCodeAt(i);
    if (c === 0x2b || c === 0x2d) i++;
    c = t.charCodeAt(i);
    if (!(c >= 0x30 && c <= 0x39)) p.fail('Expecting a digit in the exponent', i);
    while ((c = t.charCodeAt(i)) >= 0x30 && c <= 0x39) i++;
    isFloat = true;
  }
  p.i = i;
  const s = t.slice(start, i);
  if (isFloat) return new JsonFloat(Number(s));
  const digits = intEnd - intStart;
  if (digits <= 15) {
    const n = Number(s);
    return n === 0 ? 0 : n; // -0 is the integer 0
  }
  if (digits > MAX_INT_DIGITS) p.fail(`Integer longer than ${MAX_INT_DIGITS} digits`, start);
  const b = BigInt(s);
  return b >= MIN_SAFE && b <= MAX_SAFE ? Number(b) : b;
}

/** The string literal whose opening quote is at the cursor; lone surrogates from `\u` escapes are kept, as Python keeps them. */
export function readString(p: Cursor): string {
  const t = p.text;
  let i = p.i + 1;
  let start = i;
  let out = '';
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === 0x22) {
      p.i = i + 1;
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
            if (h < 0) p.fail('Invalid \\uXXXX escape', i);
            u = u * 16 + h;
          }
          out += String.fromCharCode(u); // surrogate pairs combine naturally in UTF-16
          i += 4;
          break;
        }
        default:
          if (Number.isNaN(e)) p.fail('Unterminated string', p.i);
          p.fail('Invalid \\escape', i);
      }
      i += 2;
      start = i;
      continue;
    }
    if (c < 0x20) p.fail('Invalid control character in string', i);
    if (Number.isNaN(c)) p.fail('Unterminated string', p.i);
    i++;
  }
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}
