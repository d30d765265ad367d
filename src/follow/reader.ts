// Who "one reader" is, without keeping who they are: an HMAC of the request's IP and User-Agent under a
// secret that lives only in this process's memory and is replaced at each UTC day boundary. Nothing raw
// is ever stored, and yesterday's digests cannot be linked to today's or recomputed after a restart.
// Cost of that choice: a repeated click across midnight (or across a restart, or on another process)
// counts twice.
import { createHmac, randomBytes } from 'node:crypto';

export type ReaderHasher = (...parts: string[]) => string;

export function createReaderHasher(now: () => Date, newSecret: () => Buffer = () => randomBytes(32)): ReaderHasher {
  let day = '';
  let secret: Buffer = Buffer.alloc(0);
  return (...parts) => {
    const today = now().toISOString().slice(0, 10);
    if (today !== day) {
      day = today;
      secret = newSecret();
    }
    const h = createHmac('sha256', secret);
    for (const p of parts) h.update(String(p).slice(0, 1024)).update('\0');
    return h.digest('base64url').slice(0, 22); // 132 bits: plenty to tell readers apart
  };
}
