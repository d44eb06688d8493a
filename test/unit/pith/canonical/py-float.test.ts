import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyFloatRepr } from '../../../../lib/pith/canonical/py-float';

describe('pyFloatRepr', () => {
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
