/**
 * Canonical JSON: `canonicalize(v)` is byte-identical to Python's
 * `json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False)`
 * (the Pith protocol's rule; its vectors: test/fixtures/canonical-json.json), and
 * `canonicalSha256(v)` is the hash a record's `canonical_hash` must equal.
 * Here: string quoting, key order by code point, and the walk over values;
 * float formatting is in py-float.ts, the value model in json-value.ts.
 *
 * Pure: no browser or Node globals beyond TextEncoder (in hash.ts).
 */
import { sha256Hex } from '../hash';
import { JsonFloat, MAX_DEPTH } from './json-value';
import { pyFloatRepr } from './py-float';

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
