// Password hashing: argon2id from node:crypto (Node 24), OWASP's parameters, stored as PHC strings
// ($argon2id$v=19$m=47104,t=1,p=1$<salt>$<hash>, base64 without padding, as other argon2 tools write them).
// Of OWASP's equivalent settings, the one above 32 MiB: glibc's malloc raises its mmap threshold to the size
// of any freed mapped block up to 32 MiB, so one 19 MiB hash left the threshold at 19 MiB and the trim
// threshold at 38 MiB for the life of the process, and every arena kept its freed memory (bench:soak's RSS
// climbed for a quarter of an hour). A block above 32 MiB is mapped and unmapped without moving them.
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { InputError } from '../domain/types.ts';

const derive = promisify(argon2);

export const PASSWORD_PARAMS = { memory: 47_104, passes: 1, parallelism: 1, tagLength: 32 } as const;
export const MIN_PASSWORD = 12;
const MAX_PASSWORD = 1024;

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export function checkNewPassword(password: unknown): string {
  if (typeof password !== 'string') throw new InputError('a password is required', 'password');
  if ([...password].length < MIN_PASSWORD) throw new InputError(`the password must have at least ${MIN_PASSWORD} characters`, 'password');
  if (password.length > MAX_PASSWORD) throw new InputError(`the password must have at most ${MAX_PASSWORD} characters`, 'password');
  return password;
}

async function hashWith(password: string, salt: Buffer, p: { memory: number; passes: number; parallelism: number; tagLength: number }): Promise<Buffer> {
  return derive('argon2id', { message: Buffer.from(password.normalize('NFC')), nonce: salt, ...p });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const tag = await hashWith(password, salt, PASSWORD_PARAMS);
  const { memory: m, passes: t, parallelism: p } = PASSWORD_PARAMS;
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$${b64(salt)}$${b64(tag)}`;
}

interface Parsed {
  memory: number;
  passes: number;
  parallelism: number;
  salt: Buffer;
  tag: Buffer;
}

function parsePhc(phc: string): Parsed | null {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc);
  if (!m) return null;
  return { memory: +m[1], passes: +m[2], parallelism: +m[3], salt: Buffer.from(m[4], 'base64'), tag: Buffer.from(m[5], 'base64') };
}

/** Checks a password against its PHC string; `rehash` says the stored hash uses other parameters than today's. */
export async function verifyPassword(password: string, phc: string): Promise<{ ok: boolean; rehash: boolean }> {
  const p = parsePhc(phc);
  if (!p || password.length > MAX_PASSWORD) return { ok: false, rehash: false };
  const tag = await hashWith(password, p.salt, { memory: p.memory, passes: p.passes, parallelism: p.parallelism, tagLength: p.tag.length });
  const ok = tag.length === p.tag.length && timingSafeEqual(tag, p.tag);
  const rehash = p.memory !== PASSWORD_PARAMS.memory || p.passes !== PASSWORD_PARAMS.passes || p.parallelism !== PASSWORD_PARAMS.parallelism || p.tag.length !== PASSWORD_PARAMS.tagLength;
  return { ok, rehash };
}

/** Spends the same work as a real check, so an unknown email answers as slowly as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  await hashWith(password.slice(0, MAX_PASSWORD), randomBytes(16), PASSWORD_PARAMS);
}
