// Plain text carrying its manifest: the padded wrapper appended, the hash over the NFC-normalised UTF-8 text
// with the wrapper's bytes removed (so an NFD re-encoding of the same text still verifies).
import { createHash } from 'node:crypto';
import { signManifest } from './manifest.ts';
import type { SiteSigner } from './signer.ts';
import type { ManifestSpec } from './spec.ts';
import { encodePaddedWrapper, paddedLength } from './text-wrapper.ts';

export function textHash(visible: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(visible.normalize('NFC'), 'utf8').digest());
}

export async function signText(text: string, spec: ManifestSpec, signer: SiteSigner): Promise<{ text: string; store: Uint8Array }> {
  const body = text.normalize('NFC');
  const start = Buffer.byteLength(body);
  const signed = await signManifest(spec, signer, (size) => [{ start, length: paddedLength(size) }], textHash(body));
  return { text: body + encodePaddedWrapper(signed.bytes), store: signed.bytes };
}
