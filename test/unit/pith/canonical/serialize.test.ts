import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonFloat, type JsonValue } from '../../../../lib/pith/canonical/json-value';
import { parseJson } from '../../../../lib/pith/canonical/parse';
import { canonicalSha256, canonicalize, compareCodePoints, quoteString } from '../../../../lib/pith/canonical/serialize';
import { sha256Hex } from '../../../../lib/pith/hash';

interface Vector {
  name: string;
  input: string;
  canonical: string;
  sha256: string;
}
const vectors = (JSON.parse(readFileSync(new URL('../../../fixtures/canonical-json.json', import.meta.url), 'utf8')) as { vectors: Vector[] }).vectors;

describe('canonical JSON vectors (generated with Python)', () => {
  it('has all 62 vectors', () => expect(vectors).toHaveLength(62));
  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const parsed = parseJson(v.input);
    const text = canonicalize(parsed);
    expect(text).toBe(v.canonical);
    expect(sha256Hex(text)).toBe(v.sha256);
    expect(canonicalSha256(parsed)).toBe(v.sha256);
    // idempotent
    expect(canonicalize(parseJson(text))).toBe(v.canonical);
  });
});

describe('canonicalize', () => {
  it('prints plain JS numbers: integral as int, the rest as Python floats', () => {
    expect(canonicalize([1, -0, 1.5, 1e21, 2 ** 60, NaN, Infinity, -Infinity])).toBe(
      '[1,0,1.5,1000000000000000000000,1152921504606846976,NaN,Infinity,-Infinity]',
    );
    expect(canonicalize(12345678901234567890n)).toBe('12345678901234567890');
  });
  it('escapes as Python does', () => {
    expect(quoteString('a"b\\c\n\r\t\b\f\x00\x1f\x7f\u2028é😀')).toBe('"a\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\\u001f\x7f\u2028é😀"');
  });
  it('sorts keys by code point, not UTF-16 unit', () => {
    expect(canonicalize({ '\uffff': 1, '😀': 2, '\ue000': 3, z: 4 })).toBe('{"z":4,"\ue000":3,"\uffff":1,"😀":2}');
    expect(compareCodePoints('😀', '\uffff')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
  });
  it('rejects values Python could not serialize, and cycles', () => {
    expect(() => canonicalize(undefined)).toThrow(TypeError);
    expect(() => canonicalize({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalize(new Date())).toThrow(TypeError);
    expect(() => canonicalize(() => 1)).toThrow(TypeError);
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => canonicalize(cyc)).toThrow(RangeError);
  });
  it('accepts null-prototype objects', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.b = 1;
    o.a = [];
    expect(canonicalize(o)).toBe('{"a":[],"b":1}');
  });
});

// ------------------------------------------------------------ properties

/** Reference escaper written independently, char by char. */
function refQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function refCompare(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

const fullString = fc.string({ unit: 'binary', maxLength: 12 });
const keyString = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', '\ue000', '\uffff', '😀', '𝄞', '"', '\\', '\u0007', '\n'), maxLength: 4 });
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => new JsonFloat(d)),
    fullString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(keyString, fullString), tie('value'), { maxKeys: 5 }),
  ),
})).value as fc.Arbitrary<JsonValue>;

describe('canonical JSON properties', () => {
  it('key order does not change the canonical form', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(keyString, fullString), jsonish, { maxKeys: 8 }), fc.infiniteStream(fc.nat()), (obj, rnd) => {
        const entries = Object.entries(obj);
        const shuffled = [...entries].sort(() => ((rnd.next().value as number) % 3) - 1);
        const other: Record<string, JsonValue> = {};
        for (const [k, v] of shuffled) Object.defineProperty(other, k, { value: v, enumerable: true, writable: true, configurable: true });
        expect(canonicalize(other)).toBe(canonicalize(obj));
      }),
      { numRuns: 300 },
    );
  });
  it('canonicalize(parseJson(canonicalize(x))) == canonicalize(x)', () => {
    fc.assert(
      fc.property(jsonish, (x) => {
        const c = canonicalize(x);
        expect(canonicalize(parseJson(c))).toBe(c);
      }),
      { numRuns: 500 },
    );
  });
  it('round-trips fast-check JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        const c = canonicalize(x);
        expect(canonicalize(parseJson(c))).toBe(c);
      }),
      { numRuns: 300 },
    );
  });
  it('escapes arbitrary strings like the reference and like JSON.stringify on well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(quoteString(s)).toBe(refQuote(s));
        if (!/[\ud800-\udfff]/.test(s) || s.isWellFormed()) expect(quoteString(s)).toBe(JSON.stringify(s));
        expect(parseJson(quoteString(s))).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
  it('orders keys like a code-point reference', () => {
    fc.assert(
      fc.property(fc.oneof(keyString, fullString), fc.oneof(keyString, fullString), (a, b) => {
        if (!a.isWellFormed() || !b.isWellFormed()) return;
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(refCompare(a, b)));
      }),
      { numRuns: 2000 },
    );
  });
});
