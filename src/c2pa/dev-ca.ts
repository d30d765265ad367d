// A development certificate authority and site signing certificates (ES256), made on this machine and trusted
// by no one else: the subject says so. A real deployment uses a certificate from a CA on the C2PA trust list.
import { randomBytes } from 'node:crypto';
import { x509 } from './x509.ts';

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
export const DEV_CA_NAME = 'CN=NOT TRUSTED - Relais development CA,O=Relais development (not trusted)';
// c2pa-rs accepts these for claim signing (a signer certificate must carry one and never anyExtendedKeyUsage).
const EKU_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const EKU_DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';

const { subtle } = globalThis.crypto;
x509.cryptoProvider.set(globalThis.crypto);

export interface PemPair {
  certPem: string;
  keyPem: string;
}

function serial(): string {
  const b = randomBytes(12);
  b[0] &= 0x7f;
  return b.toString('hex');
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

async function importKey(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64');
  return subtle.importKey('pkcs8', der, EC, true, ['sign']);
}

export async function makeDevCa(now: Date, years = 10): Promise<PemPair> {
  const keys = (await subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: DEV_CA_NAME,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + years * 365 * DAY),
    signingAlgorithm: SIGN,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: await keyPem(keys.privateKey) };
}

/** A signing certificate for `siteName`, issued by the development CA. */
export async function makeSiteCert(ca: PemPair, siteName: string, now: Date, years = 2): Promise<PemPair> {
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await importKey(ca.keyPem);
  const keys = (await subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const name = `CN=${siteName.replace(/[,=+<>#;"\\]/g, ' ').trim() || 'Relais'} (NOT TRUSTED - Relais development CA),O=Relais development (not trusted)`;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: name,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + years * 365 * DAY),
    signingAlgorithm: SIGN,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([EKU_EMAIL_PROTECTION, EKU_DOCUMENT_SIGNING]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: await keyPem(keys.privateKey) };
}
