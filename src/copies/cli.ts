// `relais copies match FILE... [--json]` and `relais copies reindex`.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decodeBody } from '../text/decode.ts';
import { parse, UsageError } from '../cli/args.ts';
import { openContext } from '../cli/open-context.ts';
import { looksLikeHtml } from './suspect.ts';
import { matchForReport } from './report.ts';
import { reindexAllCopies } from './reindex.ts';

export const USAGE = `usage: relais copies <action>
  match FILE... [--json] [--url URL]   which Relais articles each file copies (an HTML page or plain text);
                                       --json: one line per file {"file", "matches": [{articleId, url, similarity, language}]}
  reindex                              rebuild the copy index from the published articles and imported originals`;

export async function copiesCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, url: { type: 'string' } });
  const [action, ...files] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (action !== 'match' && action !== 'reindex') throw new UsageError(action ? `unknown copies action "${action}"` : 'copies needs an action: match or reindex');
  if (action === 'match' && files.length === 0) throw new UsageError('copies match needs at least one file');
  if (action === 'reindex' && files.length) throw new UsageError(`unexpected argument "${files[0]}"`);
  const { ctx } = await openContext();
  try {
    if (action === 'reindex') {
      const n = await reindexAllCopies(ctx.store.db);
      console.log(`copy index rebuilt: ${n.articles} article(s), ${n.originals} original(s)`);
      return 0;
    }
    let failed = 0;
    for (const file of files) {
      try {
        let bytes: Buffer = await readFile(file);
        if (file.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzipSync(bytes);
        const sniff = bytes.subarray(0, 4096).toString('latin1');
        const html = /\.x?html?(\.gz)?$/i.test(file) || (!/\.(txt|text|md)$/i.test(file) && looksLikeHtml(sniff));
        const { text } = decodeBody(bytes, { kind: html ? 'html' : 'text' });
        const matches = await matchForReport(ctx, html ? { html: text, url: values.url } : { text });
        if (values.json) console.log(JSON.stringify({ file, matches: matches.map(({ articleId, url, similarity, language, kind }) => ({ articleId, url, similarity, language, ...(kind === 'original' ? { kind } : {}) })) }));
        else console.log(`${file}: ${matches.length ? matches.map((m) => `#${m.articleId} ${m.url} ${m.similarity}${m.crossLanguage ? ` (${m.language}, across languages)` : ''}`).join('; ') : 'no copy found'}`);
      } catch (err) {
        failed++;
        if (values.json) console.log(JSON.stringify({ file, error: (err as Error).message }));
        else console.error(`${file}: ${(err as Error).message}`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await ctx.store.close();
  }
}
