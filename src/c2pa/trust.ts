// Who signed, and whether a trust anchor we accept vouches for them (c2pa-ts leaves the chain to us).
import { X509Certificate } from 'node:crypto';
import type { Manifest } from '@trustnxt/c2pa-ts/manifest';
import { commonName } from './signer.ts';

export interface SignerInfo {
  name: string;
  issuer: string;
  trusted: boolean;
  /** Why it is not trusted, when it is not. */
  problem: string | null;
  validFrom: string;
  validTo: string;
}

function toNode(cert: { rawData: ArrayBuffer }): X509Certificate {
  return new X509Certificate(Buffer.from(cert.rawData));
}

export function signerOf(manifest: Manifest, anchorsPem: string[], at: Date): SignerInfo | null {
  const sig = manifest.signature?.signatureData;
  if (!sig?.certificate) return null;
  const leaf = toNode(sig.certificate as unknown as { rawData: ArrayBuffer });
  const chain = [leaf, ...sig.chainCertificates.map((c) => toNode(c as unknown as { rawData: ArrayBuffer }))];
  const anchors = anchorsPem.map((p) => new X509Certificate(p));
  const info = { name: commonName(leaf.subject), issuer: commonName(leaf.issuer), validFrom: new Date(leaf.validFrom).toISOString(), validTo: new Date(leaf.validTo).toISOString() };
  if (at < new Date(leaf.validFrom) || at > new Date(leaf.validTo)) return { ...info, trusted: false, problem: 'certificate outside its validity period' };
  // Walk up the chain the manifest carries until a certificate is issued by (or is) an anchor.
  let current = leaf;
  for (let depth = 0; depth < 5; depth++) {
    const anchor = anchors.find((a) => a.fingerprint256 === current.fingerprint256 || (current.checkIssued(a) && current.verify(a.publicKey)));
    if (anchor) return { ...info, trusted: true, problem: null };
    const next = chain.find((c) => c !== current && current.checkIssued(c) && current.verify(c.publicKey));
    if (!next) break;
    current = next;
  }
  return { ...info, trusted: false, problem: 'signer not on this site’s trust list' };
}
