// `relais serve [--port N] [--host H] [--demo]`: the public site, feeds and the API in one process.
import type { AddressInfo } from 'node:net';
import { buildApp } from '../app.ts';
import { startPoller, type PollerService } from '../ingest/poll/index.ts';
import { parse, UsageError } from './args.ts';
import { startFollowWorker } from '../follow/worker.ts';
import { fetcherFromEnv } from './fetcher.ts';
import { openContentCredentials } from '../c2pa/service.ts';
import { describeDatabase, openContext } from './open-context.ts';

export const USAGE = `usage: relais serve [--port N] [--host HOST] [--demo]
  Serves the site and the JSON API. Prints the URL, stops cleanly on Ctrl-C / SIGTERM.
  --port N     port to listen on (default PORT or 8080; 0 picks a free port)
  --host HOST  address to listen on (default HOST or 0.0.0.0)
  --demo       when the database has no articles, fill it with the demo content first
  Subscribed feeds are polled in the background (new entries become import candidates) unless RELAIS_POLL=0.
  Imports, subscriptions and polls may contact the loopback/private ip:port listed in RELAIS_FETCH_ALLOW.`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { port: { type: 'string', short: 'p' }, host: { type: 'string' }, demo: { type: 'boolean' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const env = { ...process.env };
  for (const [name, value] of [['PORT', values.port], ['HOST', values.host]] as const) if (value !== undefined) env[name] = value;
  if (!/^\d+$/.test(env.PORT ?? '8080') || Number(env.PORT ?? 8080) > 65535)
    throw new UsageError(`the port must be a number from 0 to 65535, not "${env.PORT}"`);

  const { config, ctx } = await openContext(env);
  console.log(`Database: ${describeDatabase(config.databaseUrl)}; data folder: ${config.dataDir}`);
  // The API's imports and subscriptions use this one fetcher; it closes with the app.
  const fetcher = fetcherFromEnv(env);
  ctx.fetcher = fetcher;
  let app;
  try {
    if (values.demo) {
      const { fillDemoIfEmpty } = await import('../demo/index.ts');
      const filled = await fillDemoIfEmpty(ctx);
      if (filled) console.log(`Demo content added: ${filled.articles} articles, ${filled.people} people, ${filled.sections} sections.`);
    }
    // Content Credentials: pages are signed when the site has keys; the demo makes development keys.
    ctx.credentials = env.RELAIS_C2PA === '0' ? null : await openContentCredentials(config.dataDir, ctx.site.name, !!values.demo);
    console.log(ctx.credentials ? `Content Credentials: pages signed by "${ctx.credentials.signer.name}"` : 'Content Credentials: off (no keys: relais keys init; or RELAIS_C2PA=0), pages unsigned');
    app = await buildApp(ctx, { logger: process.env.RELAIS_LOG === '1' });
    app.addHook('onClose', async () => fetcher.close());
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app?.close().catch(() => {});
    await fetcher.close().catch(() => {});
    await ctx.store.close();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new Error(`port ${config.port} is already in use (set PORT or --port)`);
    throw err;
  }

  const port = (app.server.address() as AddressInfo).port;
  const local = `http://${/^(0\.0\.0\.0|::)$/.test(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/`;
  // With port 0 (or a port the configuration did not know), links must name the port actually used.
  if (!process.env.RELAIS_BASE_URL) ctx.site.baseUrl = local.replace(/\/$/, '');
  console.log(`Relais is serving on ${local}`);
  if (ctx.site.baseUrl !== local.replace(/\/$/, '')) console.log(`Public address: ${ctx.site.baseUrl}/`);
  console.log(`Newsroom: ${ctx.site.baseUrl}/newsroom/`);
  if (values.demo && env.RELAIS_DEMO_OWNER !== '0') {
    const { demoOwnerLink } = await import('../demo/owner.ts');
    const link = await demoOwnerLink(ctx);
    if (link) console.log(`Sign in to the newsroom as the demo owner (one-time link, 24 h): ${link}`);
  }
  let poller: PollerService | null = null;
  if (env.RELAIS_POLL !== '0') {
    poller = startPoller(ctx, {
      fetcher,
      onPoll: (r) => {
        if (r.newCandidates > 0) console.log(`[poll] feed #${r.feedId} ${r.url}: ${r.newCandidates} new candidate(s)`);
      },
    });
    const running = poller;
    ctx.wakePoller = () => running.poller.wake();
    console.log('Polling subscribed feeds in the background (RELAIS_POLL=0 turns it off).');
  }
  // Republisher checks, webmentions, WebSub verification and delivery (src/follow/worker.ts).
  const followWorker = env.RELAIS_FOLLOW_JOBS !== '0' ? startFollowWorker(ctx, fetcher) : null;
  // The signal handlers are in place before the message that invites the signal.
  const stopped = new Promise<number>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) {
        console.error('Stopping now.');
        process.exit(1);
      }
      stopping = true;
      console.log(`${signal} received, stopping…`);
      let code = 0;
      try {
        // The poller first: its last outcomes are written while the database is still open.
        await poller?.stop();
        await followWorker?.stop();
      } catch (err) {
        console.error(`error while stopping the poller: ${(err as Error).message}`);
        code = 1;
      }
      try {
        await app.close();
      } catch (err) {
        console.error(`error while closing the server: ${(err as Error).message}`);
        code = 1;
      }
      try {
        await ctx.store.close();
      } catch (err) {
        console.error(`error while closing the database: ${(err as Error).message}`);
        code = 1;
      }
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      console.log('Stopped.');
      resolve(code);
    };
    const onInt = () => void stop('SIGINT');
    const onTerm = () => void stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  console.log('Press Ctrl-C to stop.');
  return stopped;
}
