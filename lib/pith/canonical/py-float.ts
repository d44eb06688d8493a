/**
 * Python's `repr(float)`, the one number format canonical JSON needs that
 * JavaScript does not have: `1.0` not `1`, `1e+16` not `10000000000000000`,
 * `1e-05` not `0.00001`. Its own file because both the value model
 * (JsonFloat.toString) and the serializer print floats this way.
 */

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
