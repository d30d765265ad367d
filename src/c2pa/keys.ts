// The site's signing keys, outside the database under <dataDir>/keys/ (folder 0700, files 0600):
//   ca.pem, ca.key         the development CA (absent when a real certificate is used)
//   site-<n>.pem, .key     signing certificates (leaf first, then any intermediates); the highest n signs,
//                          older ones stay so manifests they signed still verify
//   trust-anchors.pem      extra trust anchors (e.g. the C2PA trust list) beside the development CA
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../domain/types.ts';
import { makeDevCa, makeSiteCert, type PemPair } from './dev-ca.ts';
import { signerFromPem, type SiteSigner } from './signer.ts';
import { splitPem } from './pem.ts';

export interface KeyFolder {
  dir: string;
}

export function keyFolder(dataDir: string): KeyFolder {
  return { dir: join(dataDir, 'keys') };
}

function writeSecret(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

export function siteCertNumbers(k: KeyFolder): number[] {
  if (!existsSync(k.dir)) return [];
  return readdirSync(k.dir)
    .map((f) => /^site-(\d+)\.pem$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

function readCa(k: KeyFolder): PemPair | null {
  const cert = join(k.dir, 'ca.pem');
  const key = join(k.dir, 'ca.key');
  return existsSync(cert) && existsSync(key) ? { certPem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') } : null;
}

function writeSite(k: KeyFolder, pair: PemPair): number {
  const n = (siteCertNumbers(k).at(-1) ?? 0) + 1;
  writeSecret(join(k.dir, `site-${n}.key`), pair.keyPem);
  writeSecret(join(k.dir, `site-${n}.pem`), pair.certPem);
  return n;
}

/** Makes the development CA and a first signing certificate; does nothing when a certificate exists. */
export async function initKeys(k: KeyFolder, siteName: string, now = new Date()): Promise<{ created: boolean; number: number }> {
  ensureDir(k.dir);
  const existing = siteCertNumbers(k);
  if (existing.length) return { created: false, number: existing.at(-1)! };
  let ca = readCa(k);
  if (!ca) {
    ca = await makeDevCa(now);
    writeSecret(join(k.dir, 'ca.key'), ca.keyPem);
    writeSecret(join(k.dir, 'ca.pem'), ca.certPem);
  }
  return { created: true, number: writeSite(k, await makeSiteCert(ca, siteName, now)) };
}

/** A new signing certificate that signs from now on: a development one, or the given real one. */
export async function rotateKeys(k: KeyFolder, siteName: string, real?: PemPair, now = new Date()): Promise<number> {
  ensureDir(k.dir);
  if (real) {
    await signerFromPem(real.certPem, real.keyPem);
    return writeSite(k, real);
  }
  const ca = readCa(k);
  if (!ca) throw new InputError(`no development CA in ${k.dir}: run "relais keys init" first, or rotate with --cert and --key`);
  return writeSite(k, await makeSiteCert(ca, siteName, now));
}

/** The active signer, or null when no certificate has been made. */
export async function loadSigner(k: KeyFolder): Promise<SiteSigner | null> {
  const n = siteCertNumbers(k).at(-1);
  if (n === undefined) return null;
  return signerFromPem(readFileSync(join(k.dir, `site-${n}.pem`), 'utf8'), readFileSync(join(k.dir, `site-${n}.key`), 'utf8'));
}

/** Every certificate this site has signed with (PEM), newest last. */
export function siteCertificates(k: KeyFolder): string[] {
  return siteCertNumbers(k).map((n) => readFileSync(join(k.dir, `site-${n}.pem`), 'utf8'));
}

/** The trust anchors a verifier here accepts: the development CA and any listed in trust-anchors.pem. */
export function trustAnchors(k: KeyFolder): string[] {
  const out: string[] = [];
  for (const f of ['ca.pem', 'trust-anchors.pem']) {
    const p = join(k.dir, f);
    if (existsSync(p)) out.push(...splitPem(readFileSync(p, 'utf8')));
  }
  return out;
}
