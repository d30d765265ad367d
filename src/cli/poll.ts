// `relais poll [--once]`: polls the subscribed feeds until SIGTERM/SIGINT, or one round with --once.
import { createPoller, type PollerStats, type PollReport } from '../ingest/poll/index.ts';
import { parse, UsageError } from './args.ts';
import { fetcherFromEnv } from './fetcher.ts';
import { openContext } from './open-context.ts';

export const USAGE = `usage: relais poll [--once] [--quiet]
  Polls the feeds that are due (per-feed schedule and backoff), storing new entries as import candidates.
  Runs until Ctrl-C / SIGTERM (then finishes the polls in flight), or one round with --once. Prints a line
  per poll (unless --quiet) and a summary. "relais serve" runs the same poller unless RELAIS_POLL=0.
  --once    poll what is due now, once, then stop
  --quiet   only the summary`;

export function pollLine(r: PollReport): string {
  const what = r.kind === 'ok' ? `ok (${r.status})` : r.kind === 'not-modified' ? 'not modified' : `${r.kind}${r.status ? ` ${r.status}` : ''}: ${r.error ?? ''}`;
  return `feed #${r.feedId} ${r.url}: ${what}; ${r.newCandidates} new candidate(s); next check ${r.plan.nextCheckAt.toISOString()}`;
}

export function pollSummary(s: PollerStats): string {
  const k = s.byKind;
  return `${s.polls} poll(s): ${k.ok} ok, ${k['not-modified']} not modified, ${k['http-error'] + k['fetch-error'] + k['parse-error']} failed; ${s.newCandidates} new candidate(s)`;
}

export async function pollCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { once: { type: 'boolean' }, quiet: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const { ctx } = await openContext();
  const fetcher = fetcherFromEnv();
  const poller = createPoller({
    store: ctx.store,
    fetcher,
    now: ctx.now,
    onPoll: values.quiet ? undefined : (r) => console.log(pollLine(r)),
  });
  try {
    if (values.once) {
      await poller.runOnce();
    } else {
      const ac = new AbortController();
      const stop = (signal: string) => {
        if (ac.signal.aborted) return;
        console.error(`${signal} received, finishing the polls in flight…`);
        ac.abort();
      };
      const onInt = () => stop('SIGINT');
      const onTerm = () => stop('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
      console.error('Polling the subscribed feeds; Ctrl-C stops.');
      try {
        await poller.run(ac.signal);
      } finally {
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
      }
    }
    console.log(pollSummary(poller.stats));
    return 0;
  } finally {
    await fetcher.close();
    await ctx.store.close();
  }
}
