// TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps), the codes authenticator apps make, with one step of
// clock drift allowed either way. Secrets are base32 (RFC 4648) as apps expect in otpauth:// URIs.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.toUpperCase().replace(/[\s=]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('not base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function hotp(secret: Buffer, counter: number, digits = 6): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(msg).digest();
  const offset = mac[mac.length - 1] & 15;
  const bin = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

export function totpAt(secretBase32: string, time: Date, step = 30): string {
  return hotp(base32Decode(secretBase32), Math.floor(time.getTime() / 1000 / step));
}

/** The time step the code belongs to (current one, or one either side for clock drift), else null. */
export function totpStep(secretBase32: string, code: string, time: Date): number | null {
  const given = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(given)) return null;
  const key = base32Decode(secretBase32);
  const now = Math.floor(time.getTime() / 1000 / 30);
  let step: number | null = null;
  for (const drift of [-1, 0, 1]) if (timingSafeEqual(Buffer.from(hotp(key, now + drift)), Buffer.from(given))) step = now + drift;
  return step;
}

export function checkTotp(secretBase32: string, code: string, time: Date): boolean {
  return totpStep(secretBase32, code, time) != null;
}

export function otpauthUri(secret: string, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
