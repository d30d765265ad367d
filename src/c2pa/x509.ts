// The @peculiar/x509 that @trustnxt/c2pa-ts itself uses (its Signer wants that version's X509Certificate; the
// copy at the top of node_modules is another major version, brought by @simplewebauthn).
import { createRequire } from 'node:module';

const fromC2paTs = createRequire(import.meta.resolve('@trustnxt/c2pa-ts'));
export const x509 = fromC2paTs('@peculiar/x509') as typeof import('@peculiar/x509');
export type X509Certificate = InstanceType<typeof x509.X509Certificate>;
