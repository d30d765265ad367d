// Who "one reader" is, without keeping who they are: an HMAC of the request's IP and User-Agent under a
// secret that lives only in this process's memory and is replaced at each UTC day boundary. Nothing raw
// is ever stored, and yesterday's digests cannot be linked to today's or recomputed after a restart.
// Cost of that choice: a repeated click across midnight (or across a restart, or on another process)
// counts twice.
import { randomBytes } from 'node:crypto';
import { hmacSha256, type Hmac } from './hmac.ts';

export type ReaderHasher = (...parts: string[]) => string;

export function createReaderHasher(now: () => Date, newSecret: () => Buffer = () => randomBytes(32)): ReaderHasher {
  let day = '';
  let mac: Hmac = hmacSha256(Buffer.alloc(0));
  return (...parts) => {
    const today = now().toISOString().slice(0, 10);
    if (today !== day) {
      day = today;
      mac = hmacSha256(newSecret());
    }
    let data = '';
    for (const p of parts) data += String(p).slice(0, 1024) + '\0';
    return mac(data).toString('base64url').slice(0, 22); // 132 bits: plenty to tell readers apart
  };
}
