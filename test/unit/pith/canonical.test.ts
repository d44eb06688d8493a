import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  JsonFloat,
  JsonSyntaxError,
  MAX_DEPTH,
  canonicalSha256,
  canonicalize,
  compareCodePoints,
  parseJson,
  pyFloatRepr,
  quoteString,
  type JsonValue,
} from '../../../lib/pith/canonical';
import { sha256Hex } from '../../../lib/pith/hash';

interface Vector {
  name: string;
  input: string;
  canonical: string;
  sha256: string;
}
const vectors = (JSON.parse(readFileSync(new URL('../../fixtures/canonical-json.json', import.meta.url), 'utf8')) as { vectors: Vector[] }).vectors;

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

describe('parseJson', () => {
  it('keeps the int/float distinction and big integers', () => {
    expect(parseJson('1')).toBe(1);
    expect(parseJson('-0')).toBe(0);
    expect(Object.is(parseJson('-0'), 0)).toBe(true);
    expect(parseJson('1.0')).toEqual(new JsonFloat(1));
    expect(parseJson('1e2')).toEqual(new JsonFloat(100));
    expect(parseJson('9007199254740991')).toBe(9007199254740991);
    expect(parseJson('9007199254740992')).toBe(9007199254740992n);
    expect(parseJson('-9007199254740993')).toBe(-9007199254740993n);
    expect(parseJson('0000000000000000001'.replace(/^0+/, ''))).toBe(1);
    expect(parseJson('1e400')).toEqual(new JsonFloat(Infinity));
    expect(canonicalize(parseJson('[1e400,-1e400]'))).toBe('[Infinity,-Infinity]');
  });
  it('accepts NaN and Infinity as Python does', () => {
    expect(canonicalize(parseJson('[NaN,Infinity,-Infinity]'))).toBe('[NaN,Infinity,-Infinity]');
  });
  it('keeps the last of duplicate keys', () => {
    expect(parseJson('{"a":1,"b":0,"a":2}')).toEqual({ a: 2, b: 0 });
  });
  it('stores __proto__ as an own data property (no prototype pollution)', () => {
    const v = parseJson('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(v, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((v as { polluted?: unknown }).polluted).toBeUndefined();
    expect(canonicalize(v)).toBe('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
  });
  it('handles escapes and lone surrogates as Python does', () => {
    expect(parseJson('"\\ud83d\\ude00"')).toBe('😀');
    expect(parseJson('"\\ud800x"')).toBe('\ud800x');
    expect(parseJson('"\\uDC00"')).toBe('\udc00');
    expect(parseJson('"\\u00E9\\/"')).toBe('é/');
    expect(canonicalize(parseJson('"\\ud800"'))).toBe('"\ud800"');
    expect(() => canonicalSha256('\ud800')).toThrow(/lone surrogate/);
  });
  it.each([
    ['', 0],
    ['{', 1],
    ['[1,]', 3],
    ['{"a":1,}', 7],
    ['{"a" 1}', 5],
    ['01', 1],
    ['1.', 2],
    ['1e', 2],
    ['-', 1],
    ['"abc', 0],
    ['"a\nb"', 2],
    ['"\\x"', 1],
    ['"\\u12G4"', 1],
    ["{'a':1}", 1],
    ['tru', 0],
    ['[1] x', 4],
    ['\ufeff{}', 0],
    ['+1', 0],
    ['.5', 0],
  ])('rejects %j with a position', (text, pos) => {
    let err: unknown;
    try {
      parseJson(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JsonSyntaxError);
    expect((err as JsonSyntaxError).position).toBe(pos);
    expect((err as Error).message).toMatch(/at position \d+/);
  });
  it('limits nesting without overflowing the stack', () => {
    expect(() => parseJson('['.repeat(MAX_DEPTH) + ']'.repeat(MAX_DEPTH))).not.toThrow();
    expect(() => parseJson('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1))).toThrow(/Nesting deeper/);
    expect(() => parseJson('['.repeat(1_000_000))).toThrow(JsonSyntaxError);
    expect(() => parseJson('{"a":'.repeat(100_000))).toThrow(/Nesting deeper/);
  });
  it('refuses integers longer than Python accepts', () => {
    expect(parseJson('1'.repeat(4300))).toBe(BigInt('1'.repeat(4300)));
    expect(() => parseJson('1'.repeat(4301))).toThrow(JsonSyntaxError);
  });
  // How fast is the bench's business (bench/, no wall-clock limits in unit tests); this checks a large document goes through whole.
  it('handles a large document', () => {
    const doc = JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ id: i, t: `title ${i} é 😀`, f: i / 7, a: [true, null] })));
    const v = parseJson(doc);
    const text = canonicalize(v);
    expect(text.length).toBeGreaterThan(doc.length / 2);
  });
});

describe('canonicalize', () => {
  it('prints floats as Python repr', () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [-0, '-0.0'],
      [0.1, '0.1'],
      [100, '100.0'],
      [1.5e300, '1.5e+300'],
      [2.5e-7, '2.5e-07'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [1e-4, '0.0001'],
      [1e-5, '1e-05'],
      [5e-324, '5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [123456789.123, '123456789.123'],
      [-1.25, '-1.25'],
      [9999999999999998, '9999999999999998.0'],
      [0.30000000000000004, '0.30000000000000004'],
    ];
    for (const [x, s] of cases) expect(pyFloatRepr(x)).toBe(s);
  });
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

function toPlain(v: JsonValue): unknown {
  if (v instanceof JsonFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  return v;
}

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
  it('parseJson agrees with JSON.parse on safe inputs', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (x, pretty) => {
        const text = pretty ? JSON.stringify(x, null, 2) : JSON.stringify(x);
        expect(toPlain(parseJson(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
  it('float repr round-trips and matches Number parsing', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const s = pyFloatRepr(d);
        expect(Object.is(Number(s), d)).toBe(true);
        expect(s).toMatch(/^-?(\d+\.\d+|\d(\.\d+)?e[+-]\d{2,3})$/);
      }),
      { numRuns: 2000 },
    );
  });
});
