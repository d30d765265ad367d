// `relais verify <url|file>`: checks the Content Credentials of a page or text, hop by hop.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { keyFolder, trustAnchors } from '../c2pa/keys.ts';
import { verifyBytes, verifyUrl } from '../c2pa/remote.ts';
import type { Verification } from '../c2pa/verify.ts';
import { parse, UsageError } from './args.ts';
import { fetcherFromEnv } from './fetcher.ts';

export const USAGE = `usage: relais verify <url | file> [--json]
  Checks the C2PA Content Credentials of a page (HTML embedding, or its rel="c2pa-manifest" link) or of a
  text carrying the invisible wrapper: each hop of the chain, its signer, whether it is intact.
  Trust anchors: the site's development CA and <data folder>/keys/trust-anchors.pem.
  Exit status 0 when intact and trusted, 1 otherwise.`;

function print(v: Verification): void {
  console.log(v.summary);
  for (const f of v.failures) console.log(`  failure: ${f.code}${f.explanation ? ` (${f.explanation})` : ''}`);
  v.hops.forEach((h, i) => {
    console.log(`${i === 0 ? 'this' : `hop ${i}`}: ${h.title ?? h.url ?? '?'}${h.language ? ` [${h.language}]` : ''}${h.url ? ` <${h.url}>` : ''}`);
    if (h.signer) console.log(`  signed by ${h.signer.name} (${h.signer.trusted ? 'trusted' : `not trusted: ${h.signer.problem}`}), signature ${h.signatureValid ? 'valid' : 'broken'}`);
    else console.log(`  no manifest of its own${h.sha256 ? `; verbatim copy sha256 ${h.sha256}` : ''}`);
    for (const a of h.actions) console.log(`  ${a.action}${a.detail ? `: ${a.detail}` : ''}`);
  });
  if (v.storeBytes) console.log(`manifest store: ${v.storeBytes} bytes`);
}

export async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('verify needs one URL or file');
  const target = positionals[0];
  const anchors = trustAnchors(keyFolder(loadConfig().dataDir));
  let v: Verification;
  if (/^https?:\/\//i.test(target)) {
    const fetcher = fetcherFromEnv(process.env);
    try {
      v = (await verifyUrl(fetcher, target, anchors)).verification;
    } finally {
      await fetcher.close();
    }
  } else {
    const bytes = readFileSync(target);
    v = await verifyBytes(bytes, /\.html?$/i.test(target) ? 'text/html' : '', anchors);
  }
  if (values.json) console.log(JSON.stringify(v, null, 2));
  else print(v);
  return v.status === 'intact' ? 0 : 1;
}
