// `relais init-demo [--force]`: fills the database with the demo content.
import { DemoPresentError, initDemo } from '../demo/index.ts';
import { parse, UsageError } from './args.ts';
import { describeDatabase, openContext } from './open-context.ts';

export const USAGE = `usage: relais init-demo [--force]
  Adds the demo content: sections, people, outside outlets and articles in French and English
  (translations, a republication, drafts, a scheduled article), with pictures drawn into <data>/media/demo.
  Refuses when the demo content is already there.
  --force   replace the demo content (other content is left alone)`;

export async function initDemoCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { force: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const { config, ctx } = await openContext();
  try {
    const started = performance.now();
    const s = await initDemo(ctx, { force: values.force });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const langs = Object.entries(s.byLanguage).map(([l, n]) => `${n} ${l}`).join(', ');
    console.log(
      `Demo content added to ${describeDatabase(config.databaseUrl)}: ${s.sections} sections, ${s.people} people, ${s.outlets} outlets, ` +
        `${s.articles} articles (${langs}; ${s.drafts} drafts, ${s.scheduled} scheduled), ${s.pictures} pictures (${s.drawn} drawn) in ${ctx.mediaDir}, in ${seconds} s.`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof DemoPresentError)) throw err;
    console.error(`relais init-demo: ${err.message}.`);
    return 1;
  } finally {
    await ctx.store.close();
  }
}
