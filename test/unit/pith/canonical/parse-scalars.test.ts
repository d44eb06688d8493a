import { describe, expect, it } from 'vitest';
import { JsonFloat, JsonSyntaxError } from '../../../../lib/pith/canonical/json-value';
import { parseJson } from '../../../../lib/pith/canonical/parse';
import { readNumber, readString, type Cursor } from '../../../../lib/pith/canonical/parse-scalars';
import { canonicalSha256, canonicalize } from '../../../../lib/pith/canonical/serialize';

describe('parseJson: number and string tokens', () => {
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
  it('handles escapes and lone surrogates as Python does', () => {
    expect(parseJson('"\\ud83d\\ude00"')).toBe('😀');
    expect(parseJson('"\\ud800x"')).toBe('\ud800x');
    expect(parseJson('"\\uDC00"')).toBe('\udc00');
    expect(parseJson('"\\u00E9\\/"')).toBe('é/');
    expect(canonicalize(parseJson('"\\ud800"'))).toBe('"\ud800"');
    expect(() => canonicalSha256('\ud800')).toThrow(/lone surrogate/);
  });
  it('refuses integers longer than Python accepts', () => {
    expect(parseJson('1'.repeat(4300))).toBe(BigInt('1'.repeat(4300)));
    expect(() => parseJson('1'.repeat(4301))).toThrow(JsonSyntaxError);
  });
});

/** A cursor over `text` at `i`, as the parser hands it in. */
function cursor(text: string, i = 0): Cursor {
  const c: Cursor = {
    text,
    i,
    fail: (reason, at = c.i) => {
      throw new JsonSyntaxError(reason, at);
    },
  };
  return c;
}

describe('readNumber and readString on a cursor', () => {
  it('read the token at the cursor and leave it just after', () => {
    const n = cursor('[12.5e1,', 1);
    expect(readNumber(n)).toEqual(new JsonFloat(125));
    expect(n.i).toBe(7);
    const s = cursor('{"a\\"b":1}', 1);
    expect(readString(s)).toBe('a"b');
    expect(s.i).toBe(7);
  });
  it('fail through the cursor, with the offset of the bad character', () => {
    const failure = (read: () => unknown) => {
      try {
        read();
      } catch (e) {
        return e instanceof JsonSyntaxError ? [e.reason, e.position] : e;
      }
      return 'no failure';
    };
    expect(failure(() => readNumber(cursor('x-', 1)))).toEqual(['Expecting a digit', 2]);
    expect(failure(() => readString(cursor('x"ab', 1)))).toEqual(['Unterminated string', 1]);
  });
});
