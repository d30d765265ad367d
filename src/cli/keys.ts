// `relais keys init|rotate|list`: the site's C2PA signing keys, under <dataDir>/keys (outside the database).
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { loadConfig } from '../config.ts';
import { initKeys, keyFolder, rotateKeys, siteCertificates } from '../c2pa/keys.ts';
import { parse, UsageError } from './args.ts';

export const USAGE = `usage: relais keys init
       relais keys rotate [--cert CHAIN.pem --key KEY.pem]
       relais keys list
  init: makes a development CA and a site signing certificate (ES256), marked NOT TRUSTED: no one else
    trusts them. Files go to <data folder>/keys (folder 0700, files 0600). Does nothing if keys exist.
  rotate: a new signing certificate signs from now on (a development one, or your real one: --cert is the
    PEM chain, leaf first; --key its P-256 private key). Old certificates stay, so old manifests still verify.
  list: the signing certificates, newest (active) last.`;

export async function keysCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { cert: { type: 'string' }, key: { type: 'string' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [action, ...extra] = positionals;
  if (!['init', 'rotate', 'list'].includes(action ?? '') || extra.length) throw new UsageError(action ? `unknown keys action "${action}"` : 'keys needs an action');
  if (!!values.cert !== !!values.key) throw new UsageError('--cert and --key go together');
  const config = loadConfig();
  const k = keyFolder(config.dataDir);
  if (action === 'init') {
    const r = await initKeys(k, config.site.name);
    console.log(r.created ? `Made a development CA and signing certificate ${r.number} in ${k.dir} (NOT TRUSTED outside this site).` : `Keys already exist in ${k.dir} (certificate ${r.number} signs).`);
    return 0;
  }
  if (action === 'rotate') {
    const real = values.cert ? { certPem: readFileSync(values.cert, 'utf8'), keyPem: readFileSync(values.key!, 'utf8') } : undefined;
    const n = await rotateKeys(k, config.site.name, real);
    console.log(`Certificate ${n} signs from now on; earlier certificates are kept in ${k.dir}. Restart the server to use it.`);
    return 0;
  }
  siteCertificates(k).forEach((pem, i, all) => {
    const c = new X509Certificate(pem);
    console.log([i + 1, c.subject.replace(/\n/g, ', '), `until ${new Date(c.validTo).toISOString()}`, i === all.length - 1 ? 'active' : 'kept'].join('\t'));
  });
  return 0;
}
