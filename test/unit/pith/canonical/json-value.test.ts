import { describe, expect, it } from 'vitest';
import { JsonFloat, JsonSyntaxError } from '../../../../lib/pith/canonical/json-value';

describe('the JSON value model', () => {
  it('a JsonFloat prints as Python prints the float', () => {
    expect(String(new JsonFloat(1))).toBe('1.0');
    expect(`${new JsonFloat(1e-5)}`).toBe('1e-05');
    expect(new JsonFloat(-0).toString()).toBe('-0.0');
  });
  it('a JsonSyntaxError is a SyntaxError that names the reason and the position', () => {
    const e = new JsonSyntaxError('Expecting a value', 7);
    expect(e).toBeInstanceOf(SyntaxError);
    expect(e.name).toBe('JsonSyntaxError');
    expect(e.reason).toBe('Expecting a value');
    expect(e.position).toBe(7);
    expect(e.message).toBe('Expecting a value at position 7');
  });
});
