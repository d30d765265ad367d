// The C2PA text manifest wrapper: U+FEFF, then one variation selector per byte of
// "C2PATXT\0" · version (1) · length (u32, big-endian) · manifest store. Bytes 0–15 are U+FE00–U+FE0F,
// bytes 16–255 are U+E0100–U+E01EF. A padded wrapper ends with extra selectors (after `length` bytes)
// so its UTF-8 size is a function of the store's size alone: 3 + 4(13 + n) + 6, c2pa-rs's target.
const MAGIC = Buffer.from('C2PATXT\0', 'latin1');
const VERSION = 1;
const HEADER = 13;
export const MARKER = '\uFEFF';

export class WrapperError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function selector(byte: number): string {
  return String.fromCodePoint(byte < 16 ? 0xfe00 + byte : 0xe0100 + byte - 16);
}

function byteOf(cp: number): number | null {
  if (cp >= 0xfe00 && cp <= 0xfe0f) return cp - 0xfe00;
  if (cp >= 0xe0100 && cp <= 0xe01ef) return cp - 0xe0100 + 16;
  return null;
}

function frame(store: Uint8Array): Buffer {
  const head = Buffer.alloc(HEADER);
  MAGIC.copy(head);
  head[8] = VERSION;
  head.writeUInt32BE(store.length, 9);
  return Buffer.concat([head, store]);
}

export function encodeWrapper(store: Uint8Array): string {
  let out = MARKER;
  for (const b of frame(store)) out += selector(b);
  return out;
}

/** UTF-8 size of a padded wrapper around a store of `size` bytes. */
export function paddedLength(size: number): number {
  return 3 + 4 * (HEADER + size) + 6;
}

/** Padded as c2pa-rs and the published vectors pad: U+FE00 (3 bytes) repeated, then the fewest U+E0100 (4 bytes). */
export function encodePaddedWrapper(store: Uint8Array): string {
  const plain = encodeWrapper(store);
  const missing = paddedLength(store.length) - Buffer.byteLength(plain);
  let fours = 0;
  while ((missing - 4 * fours) % 3 !== 0) fours++;
  return plain + selector(0).repeat((missing - 4 * fours) / 3) + selector(16).repeat(fours);
}

export interface FoundWrapper {
  store: Uint8Array;
  /** Byte range of the whole wrapper (marker and any padding) in the UTF-8 text. */
  start: number;
  length: number;
}

/** The one wrapper in `text`, null when there is none; a damaged or second wrapper is an error. */
export function findWrapper(text: string): FoundWrapper | null {
  const found: FoundWrapper[] = [];
  let i = 0;
  while ((i = text.indexOf(MARKER, i)) !== -1) {
    const bytes: number[] = [];
    let j = i + 1;
    while (j < text.length) {
      const cp = text.codePointAt(j)!;
      const b = byteOf(cp);
      if (b === null) break;
      bytes.push(b);
      j += cp > 0xffff ? 2 : 1;
    }
    const run = Buffer.from(bytes);
    if (run.length >= HEADER && run.subarray(0, 8).equals(MAGIC)) {
      if (run[8] !== VERSION) throw new WrapperError('manifest.text.corruptedWrapper', `unsupported wrapper version ${run[8]}`);
      const n = run.readUInt32BE(9);
      if (HEADER + n > run.length) throw new WrapperError('manifest.text.corruptedWrapper', 'wrapper length exceeds its selectors');
      const start = Buffer.byteLength(text.slice(0, i));
      found.push({ store: run.subarray(HEADER, HEADER + n), start, length: Buffer.byteLength(text.slice(i, j)) });
    }
    i = j;
  }
  if (found.length > 1) throw new WrapperError('manifest.text.multipleWrappers', 'the text carries more than one manifest wrapper');
  return found[0] ?? null;
}

/** The wrapper's store, or null when there is none or it is damaged. */
export function findWrapperSafe(text: string): Uint8Array | null {
  try {
    return findWrapper(text)?.store ?? null;
  } catch {
    return null;
  }
}
