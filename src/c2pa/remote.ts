// Verifies what a URL serves: an HTML page with its embedded manifest (or the one its rel="c2pa-manifest"
// link points to), or plain text carrying the wrapper. Every request goes through the safe fetcher.
import type { Fetcher } from '../ingest/fetch/index.ts';
import { InputError } from '../domain/types.ts';
import { embeddedStore, linkedManifestUrl } from './html.ts';
import { verifyAsset, type Verification } from './verify.ts';

const MAX_STORE = 1024 * 1024;

export async function verifyBytes(bytes: Buffer, contentType: string, anchors: string[], linked?: (url: string) => Promise<Uint8Array | null>): Promise<Verification> {
  const text = bytes.toString('utf8');
  const isHtml = /html/.test(contentType) || /^\s*(<!doctype html|<html)/i.test(text);
  if (!isHtml) return verifyAsset({ bytes, mimeType: 'text/plain', trustAnchors: anchors });
  let store: Uint8Array | undefined;
  if (!embeddedStore(bytes) && linked) {
    const href = linkedManifestUrl(text);
    if (href) store = (await linked(href)) ?? undefined;
  }
  return verifyAsset({ bytes, mimeType: 'text/html', trustAnchors: anchors, store });
}

export async function verifyUrl(fetcher: Fetcher, url: string, anchors: string[]): Promise<{ url: string; verification: Verification }> {
  const check = fetcher.checkUrl(url);
  if (!check.ok) throw new InputError(`cannot fetch ${url}: ${check.reason}`, 'url');
  const res = await fetcher.fetch(url, { accept: 'text/html,text/plain;q=0.9,*/*;q=0.1' });
  if (res.status !== 200) throw new InputError(`${url} answered ${res.status}`, 'url');
  const linked = async (href: string) => {
    const m = await fetcher.fetch(new URL(href, res.url), { accept: 'application/c2pa', maxBytes: MAX_STORE });
    return m.status === 200 ? new Uint8Array(m.body) : null;
  };
  return { url: res.url, verification: await verifyBytes(res.body, res.contentType, anchors, linked) };
}
