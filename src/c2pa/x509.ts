// The @peculiar/x509 that @trustnxt/c2pa-ts itself uses (its Signer wants that version's X509Certificate; the
// copy at the top of node_modules is another major version, brought by @simplewebauthn).
import { createRequire } from 'node:module';
import type { Signer } from '@trustnxt/c2pa-ts/cose';

const fromC2paTs = createRequire(import.meta.resolve('@trustnxt/c2pa-ts'));
export const x509 = fromC2paTs('@peculiar/x509') as typeof import('@peculiar/x509');
// Typed as the copy c2pa-ts's declarations name, which is the one loaded above.
export type X509Certificate = Signer['certificate'];
