import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonFloat, JsonSyntaxError, MAX_DEPTH, type JsonValue } from '../../../../lib/pith/canonical/json-value';
import { parseJson } from '../../../../lib/pith/canonical/parse';
import { canonicalize } from '../../../../lib/pith/canonical/serialize';

describe('parseJson', () => {
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
  // How fast is the bench's business (bench/, no wall-clock limits in unit tests); this checks a large document goes through whole.
  it('handles a large document', () => {
    const doc = JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ id: i, t: `title ${i} é 😀`, f: i / 7, a: [true, null] })));
    const v = parseJson(doc);
    const text = canonicalize(v);
    expect(text.length).toBeGreaterThan(doc.length / 2);
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

describe('parseJson properties', () => {
  it('parseJson agrees with JSON.parse on safe inputs', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (x, pretty) => {
        const text = pretty ? JSON.stringify(x, null, 2) : JSON.stringify(x);
        expect(toPlain(parseJson(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
});
