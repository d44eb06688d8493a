/** RFC 4648 base32 (alphabet A–Z2–7), upper case, without padding. */

export const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < bytes.length; i++) {
    acc = ((acc << 8) | (bytes[i] as number)) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(acc >> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(acc << (5 - bits)) & 31];
  return out;
}

/**
 * Strict decoding of unpadded upper-case base32 (a trailing `=` padding is accepted).
 * Throws on characters outside the alphabet, impossible lengths and non-zero trailing bits.
 */
export function base32Decode(s: string): Uint8Array {
  const text = s.replace(/=+$/, '');
  const rem = text.length % 8;
  if (rem === 1 || rem === 3 || rem === 6) throw new Error('invalid base32: impossible length');
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const v = BASE32_ALPHABET.indexOf(text[i] as string);
    if (v < 0) throw new Error(`invalid base32: bad character at ${i}`);
    acc = ((acc << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if (bits > 0 && (acc & ((1 << bits) - 1)) !== 0) throw new Error('invalid base32: non-zero trailing bits');
  return out;
}
