// The site's Content Credentials: its signer and trust anchors, and the signed forms of each article
// (kept per article and exact unsigned bytes, so a page rebuilt unchanged is not signed again).
import { createHash } from 'node:crypto';
import { keyFolder, loadSigner, siteCertificates, trustAnchors, initKeys } from './keys.ts';
import { signHtml, type SignedHtml } from './html.ts';
import { signText } from './text.ts';
import type { SiteSigner } from './signer.ts';
import type { ManifestSpec } from './spec.ts';

// Signed pages are 20–100 KB each (the page cache shares their bytes).
const MAX_PAGES = 300;

export interface ContentCredentials {
  signer: SiteSigner;
  anchors: string[];
  /** Every certificate this site has signed with (rotation keeps old ones). */
  certificates: string[];
  signPage(articleId: number, unsigned: Buffer, spec: () => Promise<ManifestSpec>, opts: { manifestUrl: string; variable: { start: number; length: number } | null }): Promise<SignedHtml>;
  signText(articleId: number, text: string, spec: () => Promise<ManifestSpec>): Promise<{ text: string; store: Uint8Array }>;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value!);
  return value;
}

export function contentCredentials(signer: SiteSigner, anchors: string[], certificates: string[]): ContentCredentials {
  const pages = new Map<string, SignedHtml>();
  const texts = new Map<string, { text: string; store: Uint8Array }>();
  const flights = new Map<string, Promise<unknown>>();
  const once = <V>(key: string, run: () => Promise<V>): Promise<V> => {
    let p = flights.get(key) as Promise<V> | undefined;
    if (!p) {
      p = run().finally(() => flights.delete(key));
      flights.set(key, p);
    }
    return p;
  };
  const keyOf = (id: number, bytes: string | Buffer) => `${id}:${createHash('sha256').update(bytes).digest('base64url')}`;
  return {
    signer,
    anchors,
    certificates,
    async signPage(id, unsigned, spec, opts) {
      const key = keyOf(id, unsigned) + `:${opts.variable?.start ?? ''}:${opts.variable?.length ?? ''}`;
      const hit = pages.get(key);
      return hit ?? (await once(key, async () => remember(pages, key, await signHtml(unsigned, await spec(), signer, opts), MAX_PAGES)));
    },
    async signText(id, text, spec) {
      const key = keyOf(id, text);
      return texts.get(key) ?? once(key, async () => remember(texts, key, await signText(text, await spec(), signer), MAX_PAGES));
    },
  };
}

/** The credentials in <dataDir>/keys, made first when `create` (the demo) and none exist; null without keys. */
export async function openContentCredentials(dataDir: string, siteName: string, create = false): Promise<ContentCredentials | null> {
  const k = keyFolder(dataDir);
  if (create) await initKeys(k, siteName);
  const signer = await loadSigner(k);
  return signer ? contentCredentials(signer, trustAnchors(k), siteCertificates(k)) : null;
}
