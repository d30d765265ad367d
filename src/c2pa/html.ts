// The HTML embedding: the manifest store base64 in <script type="application/c2pa"> before </head> (that
// element excluded from the hash), a <link rel="c2pa-manifest"> to the same store at its URL (hashed), and
// any ranges of the page that change without an edit (the share bar) excluded too.
import { createHash } from 'node:crypto';
import type { HashExclusionRange } from '@trustnxt/c2pa-ts/manifest';
import { signManifest } from './manifest.ts';
import type { SiteSigner } from './signer.ts';
import type { ManifestSpec } from './spec.ts';

const OPEN = '<script type="application/c2pa">';
const CLOSE = '</script>';

export interface SignedHtml {
  page: Buffer;
  store: Uint8Array;
  /** Where the variable range (e.g. the share bar) sits in the signed page. */
  variable: { start: number; length: number } | null;
  label: string;
}

export function hashOutside(bytes: Uint8Array, ranges: { start: number; length: number }[]): Uint8Array {
  const h = createHash('sha256');
  let at = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    h.update(bytes.subarray(at, r.start));
    at = r.start + r.length;
  }
  h.update(bytes.subarray(at));
  return new Uint8Array(h.digest());
}

function scriptLength(storeSize: number): number {
  return OPEN.length + 4 * Math.ceil(storeSize / 3) + CLOSE.length;
}

/**
 * Signs a page. `variable` is a byte range of `page` whose content may be replaced by other bytes of the same
 * length after signing (it is excluded from the hash).
 */
export async function signHtml(
  unsigned: Buffer,
  spec: ManifestSpec,
  signer: SiteSigner,
  opts: { manifestUrl: string; variable?: { start: number; length: number } | null },
): Promise<SignedHtml> {
  const at = unsigned.indexOf('</head>');
  if (at < 0) throw new Error('the page has no </head>');
  const link = Buffer.from(`<link rel="c2pa-manifest" href="${opts.manifestUrl.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">\n`);
  const before = Buffer.concat([unsigned.subarray(0, at), link]);
  const scriptAt = before.length;
  const v = opts.variable ?? null;
  const moved = (size: number) => (v ? { start: v.start + (v.start >= at ? link.length + scriptLength(size) : 0), length: v.length } : null);
  const layout = (size: number): HashExclusionRange[] => {
    const ranges = [{ start: scriptAt, length: scriptLength(size) }];
    const m = moved(size);
    if (m) ranges.push(m);
    return ranges.sort((a, b) => a.start - b.start);
  };
  // The covered bytes do not depend on the store: the page with the link, without the script and the variable range.
  const bare = Buffer.concat([before, unsigned.subarray(at)]);
  const covered = hashOutside(bare, v ? [{ start: v.start + (v.start >= at ? link.length : 0), length: v.length }] : []);
  const signed = await signManifest(spec, signer, layout, covered);
  const script = Buffer.from(OPEN + Buffer.from(signed.bytes).toString('base64') + CLOSE);
  const page = Buffer.concat([before, script, unsigned.subarray(at)]);
  return { page, store: signed.bytes, variable: moved(signed.bytes.length), label: signed.label };
}

/** The manifest store embedded in a page, or null. */
export function embeddedStore(page: Buffer | string): { store: Uint8Array; start: number; length: number } | null {
  const buf = typeof page === 'string' ? Buffer.from(page) : page;
  const start = buf.indexOf(OPEN);
  if (start < 0) return null;
  const end = buf.indexOf(CLOSE, start + OPEN.length);
  if (end < 0) return null;
  const b64 = buf.subarray(start + OPEN.length, end).toString('latin1').trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return null;
  return { store: new Uint8Array(Buffer.from(b64, 'base64')), start, length: end + CLOSE.length - start };
}

/** The manifest URL a page links to (rel="c2pa-manifest"), or null. */
export function linkedManifestUrl(page: string): string | null {
  const m = /<link\b[^>]*\brel=["']?c2pa-manifest["']?[^>]*>/i.exec(page);
  const href = m && /\bhref=["']([^"']+)["']/i.exec(m[0]);
  return href ? href[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&') : null;
}
