// The site's C2PA signer: ES256 with the signature as r|s (IEEE P1363), which COSE and c2pa-rs require
// (c2pa-ts 0.9.4's LocalSigner writes DER, which c2pa-rs rejects).
import { createPrivateKey, sign, X509Certificate as NodeCertificate, type KeyObject } from 'node:crypto';
import type { Signer } from '@trustnxt/c2pa-ts/cose';
import { InputError } from '../domain/types.ts';
import { x509, type X509Certificate } from './x509.ts';
import { splitPem } from './pem.ts';

const ES256 = -7;

export interface SiteSigner {
  signer: Signer;
  /** The subject's common name, shown as "signed by …". */
  name: string;
  /** Leaf first, then any intermediates. */
  chainPem: string[];
}

class P1363Signer implements Signer {
  private readonly key: KeyObject;
  readonly algorithm = ES256;
  readonly certificate: X509Certificate;
  readonly chainCertificates: X509Certificate[];
  constructor(key: KeyObject, chain: X509Certificate[]) {
    this.key = key;
    this.certificate = chain[0];
    this.chainCertificates = chain.slice(1);
  }
  async sign(payload: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(sign('sha256', payload, { key: this.key, dsaEncoding: 'ieee-p1363' }));
  }
}

export function commonName(subject: string): string {
  return /(?:^|[,\n]\s*)CN=([^,\n]+)/.exec(subject)?.[1]?.trim() ?? subject;
}

export async function signerFromPem(chainText: string, keyPem: string): Promise<SiteSigner> {
  const chainPem = splitPem(chainText);
  if (!chainPem.length) throw new InputError('the certificate file holds no PEM certificate');
  let key: KeyObject;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new InputError('the key file holds no readable private key');
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new InputError('the signing key must be an EC P-256 key (ES256)');
  }
  const leaf = new NodeCertificate(chainPem[0]);
  if (!leaf.checkPrivateKey(key)) throw new InputError('the private key does not belong to the certificate');
  const chain = chainPem.map((p) => new x509.X509Certificate(p) as unknown as X509Certificate);
  return { signer: new P1363Signer(key, chain), name: commonName(leaf.subject), chainPem };
}
