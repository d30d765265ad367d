// Who "one reader" is, without keeping who they are: an HMAC of the request's IP and User-Agent under a
// secret that is replaced at each UTC day boundary. Nothing raw is ever stored, and yesterday's digests
// cannot be linked to today's. The day's secret comes from `secretFor`: a process-local random one by
// default, or the one every process shares (reader-secrets.ts: sharedReaderHasher), so that a reader is the
// same reader whichever process answers. Cost of the daily rotation: a repeated click across midnight counts twice.
import { randomBytes } from 'node:crypto';
import { hmacSha256, type Hmac } from './hmac.ts';

export type ReaderHasher = (...parts: string[]) => string;

export function localDailySecret(newSecret: () => Buffer = () => randomBytes(32)): (day: string) => Buffer {
  let day = '';
  let secret: Buffer = Buffer.alloc(0);
  return (today) => {
    if (today !== day) {
      day = today;
      secret = newSecret();
    }
    return secret;
  };
}

export function createReaderHasher(now: () => Date, secretFor: (day: string) => Buffer = localDailySecret()): ReaderHasher {
  let secret: Buffer | null = null;
  let mac: Hmac = hmacSha256(Buffer.alloc(0));
  return (...parts) => {
    const s = secretFor(now().toISOString().slice(0, 10));
    if (s !== secret) {
      secret = s;
      mac = hmacSha256(s);
    }
    let data = '';
    for (const p of parts) data += String(p).slice(0, 1024) + '\0';
    return mac(data).toString('base64url').slice(0, 22); // 132 bits: plenty to tell readers apart
  };
}
