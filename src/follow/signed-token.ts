// Tokens the server makes and later recognises without storing them: `<fields>.<HMAC>` under a secret,
// each purpose with its own label so a token made for one use is refused for another.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hmacSha256, type Hmac } from './hmac.ts';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomBase62(n: number): string {
  const bytes = randomBytes(n);
  let s = '';
  for (const b of bytes) s += B62[b % 62];
  return s;
}

// The padded keys of the last secret used (a process has one signing secret; tests make a few).
let lastSecret: Buffer | null = null;
let lastMac: Hmac = hmacSha256(Buffer.alloc(0));

function mac(secret: Buffer, purpose: string, body: string): string {
  if (secret !== lastSecret) {
    lastSecret = secret;
    lastMac = hmacSha256(secret);
  }
  return lastMac(`${purpose}\0${body}`).toString('base64url').slice(0, 22);
}

export function signToken(secret: Buffer, purpose: string, body: string): string {
  return `${body}.${mac(secret, purpose, body)}`;
}

/** The body of a well-signed token, else null. */
export function verifyToken(secret: Buffer, purpose: string, token: string): string | null {
  const at = token.lastIndexOf('.');
  if (at <= 0 || token.length > 200) return null;
  const body = token.slice(0, at);
  const given = Buffer.from(token.slice(at + 1));
  const expected = Buffer.from(mac(secret, purpose, body));
  return given.length === expected.length && timingSafeEqual(given, expected) ? body : null;
}
