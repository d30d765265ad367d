// `relais worker`: the feed poller and the background jobs, without HTTP. Run any number of them (and of
// `relais serve`) on one database: feeds and jobs are claimed with leases, so each is done by one process,
// and a killed worker's claims are taken up again when their lease ends.
import { parse, UsageError } from './args.ts';
import { fetcherFromEnv } from './fetcher.ts';
import { describeDatabase, openContext } from './open-context.ts';
import { startBackground } from './background.ts';
import { onStopSignals } from './stop-signals.ts';

export const USAGE = `usage: relais worker
  Polls the subscribed feeds and runs the background jobs (republisher checks, webmentions, WebSub), without
  serving HTTP, until Ctrl-C / SIGTERM (then finishes the work in flight). RELAIS_POLL=0 leaves out the poller,
  RELAIS_FOLLOW_JOBS=0 the jobs.`;

export async function workerCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const env = process.env;
  const { config, ctx } = await openContext(env);
  const fetcher = fetcherFromEnv(env);
  ctx.fetcher = fetcher;
  const background = startBackground(ctx, fetcher, env);
  const stopped = onStopSignals(async () => {
    let code = 0;
    try {
      await background.stop();
    } catch (err) {
      console.error(`error while stopping: ${(err as Error).message}`);
      code = 1;
    }
    await fetcher.close().catch(() => {});
    await ctx.store.close().catch(() => (code = 1));
    console.log('Stopped.');
    return code;
  });
  console.log(`Database: ${describeDatabase(config.databaseUrl)}`);
  console.log(`Relais worker running: ${background.running.join(' and ') || 'nothing (RELAIS_POLL=0 and RELAIS_FOLLOW_JOBS=0)'}. Ctrl-C stops.`);
  return stopped;
}
