// ustar headers (POSIX.1-1988), the one container format Relais backups use: any `tar` can list or unpack them.
// Sizes past ustar's 8 GiB octal field use the base-256 form GNU tar and bsdtar read.
import { InputError } from '../domain/types.ts';

export const BLOCK = 512;
const OCTAL_MAX = 0o77777777777;

export interface TarEntry {
  name: string;
  size: number;
  mode: number;
}

function putString(h: Buffer, at: number, len: number, s: string): void {
  const b = Buffer.from(s, 'utf8');
  if (b.length > len) throw new Error(`tar field too long: ${s}`);
  b.copy(h, at);
}

function putOctal(h: Buffer, at: number, len: number, n: number): void {
  putString(h, at, len, n.toString(8).padStart(len - 1, '0') + '\0');
}

function splitName(name: string): [prefix: string, name: string] {
  if (Buffer.byteLength(name) <= 100) return ['', name];
  const cut = name.lastIndexOf('/', 155);
  if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100 || Buffer.byteLength(name.slice(0, cut)) > 155) throw new Error(`path too long for the archive: ${name}`);
  return [name.slice(0, cut), name.slice(cut + 1)];
}

export function encodeHeader(e: TarEntry, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  const [prefix, name] = splitName(e.name);
  putString(h, 0, 100, name);
  putOctal(h, 100, 8, e.mode);
  putOctal(h, 108, 8, 0);
  putOctal(h, 116, 8, 0);
  if (e.size <= OCTAL_MAX) putOctal(h, 124, 12, e.size);
  else {
    h[124] = 0x80;
    h.writeBigUInt64BE(BigInt(e.size), 128);
  }
  putOctal(h, 136, 12, Math.floor(mtime.getTime() / 1000));
  h.fill(0x20, 148, 156);
  h[156] = 0x30; // '0': a regular file
  putString(h, 257, 8, 'ustar\u000000');
  putString(h, 345, 155, prefix);
  putOctal(h, 148, 7, checksum(h));
  return h;
}

function checksum(h: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i];
  return sum;
}

function readString(h: Buffer, at: number, len: number): string {
  const end = h.indexOf(0, at);
  return h.toString('utf8', at, end === -1 || end > at + len ? at + len : end);
}

function readNumber(h: Buffer, at: number, len: number): number {
  if (h[at] & 0x80) return Number(h.readBigUInt64BE(at + len - 8));
  const text = readString(h, at, len).trim();
  if (!/^[0-7]+$/.test(text)) throw new InputError('damaged archive: a file header is unreadable');
  return parseInt(text, 8);
}

/** A header block, or null for the zero block that ends the archive. Throws on a damaged header. */
export function decodeHeader(h: Buffer): TarEntry | null {
  if (h.every((b) => b === 0)) return null;
  if (readNumber(h, 148, 8) !== checksum(h)) throw new InputError('damaged archive: a file header fails its checksum');
  if (h[156] !== 0x30 && h[156] !== 0) throw new InputError('damaged archive: an entry is not a regular file');
  const name = readString(h, 0, 100);
  const prefix = readString(h, 345, 155);
  return { name: prefix ? `${prefix}/${name}` : name, size: readNumber(h, 124, 12), mode: readNumber(h, 100, 8) };
}

export function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
