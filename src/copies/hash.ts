// 32-bit hashes for shingles: xxh32 of each normalised token (remembered, since words repeat), then the
// k token hashes of a shingle mixed MurmurHash3-style into one. 32 bits are plenty for the index: a key
// only proposes candidates, which are then verified on their own text.
import { xxh32 } from '@node-rs/xxhash';

const tokenHashes = new Map<string, number>();

export function tokenHash(token: string): number {
  let h = tokenHashes.get(token);
  if (h === undefined) {
    if (tokenHashes.size >= 500_000) tokenHashes.clear();
    h = xxh32(token) >>> 0;
    tokenHashes.set(token, h);
  }
  return h;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MurmurHash3's block step over already-hashed words: order matters, so "a b" and "b a" differ. */
export function mixHashes(words: ArrayLike<number>, from: number, to: number, seed: number): number {
  let h = seed >>> 0;
  for (let i = from; i < to; i++) {
    let k = Math.imul(words[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ ((to - from) * 4));
}
