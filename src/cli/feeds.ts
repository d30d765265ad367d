// `relais feeds <action>`: feed subscriptions, OPML, and the import candidates the poller finds.
import { readFileSync, writeFileSync } from 'node:fs';
import type { AppContext } from '../context.ts';
import type { Fetcher } from '../ingest/fetch/index.ts';
import { dismissCandidate, importCandidate, type CandidateImportOutcome } from '../ingest/import/index.ts';
import {
  CANDIDATE_STATES, checkFeedSoon, countCandidates, countFeeds, exportOpml, importOpml, listCandidates, listFeeds, pauseFeed, removeFeed,
  resumeFeed, subscribe, type CandidateState, type Feed,
} from '../ingest/subscriptions/index.ts';
import { parse, UsageError } from './args.ts';
import { fetcherFromEnv } from './fetcher.ts';
import { openContext } from './open-context.ts';

const ACTIONS = {
  add: 'add <url> [--folder F] [--title T]   subscribe to a feed, or to a site page whose feed is found by autodiscovery',
  list: 'list [--status active|paused] [--failing] [--json]   the subscriptions',
  pause: 'pause <id> [--reason TEXT]   stop polling a feed',
  resume: 'resume <id>   poll it again (its error history cleared)',
  check: 'check <id>   poll it at the next round',
  remove: 'remove <id>   unsubscribe (candidates still waiting go too)',
  'import-opml': 'import-opml <file|->   subscribe to every feed of an OPML file (a report line per feed)',
  'export-opml': 'export-opml [file]   every subscription as OPML (stdout without a file)',
  candidates: 'candidates [--state new|imported|dismissed] [--feed ID] [--limit N] [--json]   entries found in the feeds',
  'import-candidate': 'import-candidate <id> [--update]   import a candidate as a draft',
  dismiss: 'dismiss <id>   set a candidate aside',
} as const;
type Action = keyof typeof ACTIONS;

export const USAGE = `usage: relais feeds <action> [options]
${Object.values(ACTIONS)
  .map((line) => `  ${line.replace(/ {3}/, '\n      ')}`)
  .join('\n')}
Network requests go through the safe fetcher; RELAIS_FETCH_ALLOW lists loopback/private ip:port it may contact.
Run "relais feeds <action> --help" for one action.`;

const OPTIONS = {
  folder: { type: 'string' },
  title: { type: 'string' },
  status: { type: 'string' },
  failing: { type: 'boolean' },
  json: { type: 'boolean' },
  reason: { type: 'string' },
  state: { type: 'string' },
  feed: { type: 'string' },
  limit: { type: 'string' },
  update: { type: 'boolean' },
} as const;

function positiveInt(raw: string | undefined, what: string): number {
  if (!raw || !/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${what} must be a positive whole number${raw ? `, not "${raw}"` : ''}`);
  return Number(raw);
}

function feedLine(f: Feed): string {
  const health = f.status === 'paused' ? `paused${f.pauseReason ? ` (${f.pauseReason})` : ''}` : f.errorCount ? `${f.errorCount} error(s): ${f.lastError ?? ''}` : 'ok';
  return `#${f.id}  ${f.status.padEnd(6)}  ${f.title ?? '(no title)'}  ${f.url}${f.folder ? `  [${f.folder}]` : ''}\n      next check ${f.nextCheckAt}; ${health}`;
}

function describeImport(o: CandidateImportOutcome): string {
  const a = o.article;
  if (o.kind === 'exists') return `already imported as #${a.id} "${a.title}" (${o.reason}; --update refreshes it)`;
  const from = o.from === 'feed-entry' ? ` — ${o.note}` : ' (from the page)';
  return `${o.kind} draft #${a.id} "${a.title}" [${a.language}]${from}`;
}

export async function feedsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  const [name, ...args] = positionals;
  if (!name) {
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    throw new UsageError('feeds needs an action');
  }
  if (!(name in ACTIONS)) throw new UsageError(`unknown feeds action "${name}"`);
  const action = name as Action;
  if (values.help) {
    console.log(`usage: relais feeds ${ACTIONS[action].replace(/ {3}/, '\n  ')}`);
    return 0;
  }
  const takes: Record<Action, [number, number]> = {
    add: [1, 1], list: [0, 0], pause: [1, 1], resume: [1, 1], check: [1, 1], remove: [1, 1],
    'import-opml': [1, 1], 'export-opml': [0, 1], candidates: [0, 0], 'import-candidate': [1, 1], dismiss: [1, 1],
  };
  const [min, max] = takes[action];
  if (args.length < min) throw new UsageError(`feeds ${action} needs ${min === 1 ? 'an argument' : `${min} arguments`}`);
  if (args.length > max) throw new UsageError(`unexpected argument "${args[max]}"`);
  if (values.status !== undefined && values.status !== 'active' && values.status !== 'paused') throw new UsageError('--status is active or paused');
  if (values.state !== undefined && !(CANDIDATE_STATES as readonly string[]).includes(values.state))
    throw new UsageError(`--state is one of ${CANDIDATE_STATES.join(', ')}`);

  const { ctx } = await openContext();
  const needsFetcher = action === 'add' || action === 'import-opml' || action === 'import-candidate';
  const fetcher = needsFetcher ? fetcherFromEnv() : null;
  try {
    return await run(ctx, fetcher, action, args, values);
  } finally {
    await fetcher?.close();
    await ctx.store.close();
  }
}

async function run(ctx: AppContext, fetcher: Fetcher | null, action: Action, args: string[], values: Record<string, string | boolean | undefined>): Promise<number> {
  const str = (k: string) => values[k] as string | undefined;
  switch (action) {
    case 'add': {
      const r = await subscribe(ctx, { fetcher: fetcher! }, { url: args[0], folder: str('folder') ?? null, title: str('title') ?? null });
      if (!r.created) console.log(`already subscribed: ${feedLine(r.feed)}`);
      else console.log(`subscribed ${feedLine(r.feed)}\n      found by ${r.via}; ${r.candidates} candidate(s) from the first fetch`);
      return 0;
    }
    case 'list': {
      const feeds = await listFeeds(ctx, { status: str('status') as Feed['status'] | undefined, failing: values.failing === true, limit: 100_000 });
      if (values.json) {
        console.log(JSON.stringify(feeds, null, 2));
        return 0;
      }
      for (const f of feeds) console.log(feedLine(f));
      const n = await countFeeds(ctx);
      console.log(`${feeds.length} shown; ${n.active} active, ${n.paused} paused`);
      return 0;
    }
    case 'pause':
      console.log(`paused ${feedLine(await pauseFeed(ctx, positiveInt(args[0], 'the feed id'), str('reason')?.trim() || undefined))}`);
      return 0;
    case 'resume':
      console.log(`resumed ${feedLine(await resumeFeed(ctx, positiveInt(args[0], 'the feed id')))}`);
      return 0;
    case 'check': {
      const id = positiveInt(args[0], 'the feed id');
      await checkFeedSoon(ctx, id);
      console.log(`feed #${id} will be polled at the next round`);
      return 0;
    }
    case 'remove': {
      const id = positiveInt(args[0], 'the feed id');
      await removeFeed(ctx, id);
      console.log(`removed feed #${id}`);
      return 0;
    }
    case 'import-opml': {
      let doc: Buffer;
      try {
        doc = readFileSync(args[0] === '-' ? 0 : args[0]);
      } catch (err) {
        throw new UsageError(`cannot read ${args[0]}: ${(err as Error).message}`);
      }
      const report = await importOpml(ctx, doc, { checkUrl: (u) => fetcher!.checkUrl(u) });
      for (const w of report.warnings) console.log(`warning: ${w}`);
      for (const l of report.lines)
        console.log(`line ${l.line}: ${l.status}${l.feedId ? ` #${l.feedId}` : ''} ${l.url ?? ''}${l.title ? ` "${l.title}"` : ''}${l.reason ? ` — ${l.reason}` : ''}`);
      console.log(`${report.added} added, ${report.existing} already subscribed, ${report.invalid} refused`);
      return report.invalid ? 1 : 0;
    }
    case 'export-opml': {
      const xml = await exportOpml(ctx);
      if (!args[0] || args[0] === '-') process.stdout.write(xml.endsWith('\n') ? xml : `${xml}\n`);
      else {
        writeFileSync(args[0], xml);
        const n = await countFeeds(ctx);
        console.error(`${n.active + n.paused} subscription(s) written to ${args[0]}`);
      }
      return 0;
    }
    case 'candidates': {
      const feedId = str('feed') !== undefined ? positiveInt(str('feed'), '--feed') : undefined;
      const limit = str('limit') !== undefined ? positiveInt(str('limit'), '--limit') : 50;
      const items = await listCandidates(ctx, { state: str('state') as CandidateState | undefined, feedId, limit });
      if (values.json) {
        console.log(JSON.stringify(items, null, 2));
        return 0;
      }
      for (const c of items)
        console.log(`#${c.id}  ${c.state.padEnd(9)}  ${c.publishedAt?.slice(0, 10) ?? '          '}  ${c.title ?? '(no title)'}${c.link ? `\n      ${c.link}` : ''}`);
      const n = await countCandidates(ctx, feedId);
      console.log(`${items.length} shown; ${n.new} new, ${n.imported} imported, ${n.dismissed} dismissed`);
      return 0;
    }
    case 'import-candidate': {
      const o = await importCandidate(ctx, fetcher!, positiveInt(args[0], 'the candidate id'), { update: values.update === true });
      console.log(describeImport(o));
      return 0;
    }
    case 'dismiss': {
      const c = await dismissCandidate(ctx, positiveInt(args[0], 'the candidate id'));
      console.log(`dismissed candidate #${c.id} "${c.title ?? ''}"`);
      return 0;
    }
  }
}
