// `relais export --text <id>`: an article's plain text on stdout, carrying its C2PA text wrapper.
import { openContentCredentials } from '../c2pa/service.ts';
import { signedArticleText } from '../c2pa/article-text.ts';
import { parse, UsageError } from './args.ts';
import { openContext } from './open-context.ts';

export const USAGE = `usage: relais export --text <article id>
  Prints the article as plain text. A published article carries its Content Credentials as the invisible
  C2PA text wrapper at the end (signed with the keys in <data folder>/keys, when there are any).`;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { text: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.text) throw new UsageError('export needs --text (the only form so far)');
  if (positionals.length !== 1 || !/^[1-9]\d{0,9}$/.test(positionals[0])) throw new UsageError('export --text needs one article id');
  const { config, ctx } = await openContext();
  try {
    ctx.credentials = await openContentCredentials(config.dataDir, ctx.site.name);
    const { text, store } = await signedArticleText(ctx, Number(positionals[0]));
    process.stdout.write(text);
    if (!store) console.error(ctx.credentials ? 'not published: exported unsigned' : 'no signing keys (relais keys init): exported unsigned');
    return 0;
  } finally {
    await ctx.store.close();
  }
}
