// `relais serve [--port N] [--host H] [--demo] [--workers N]`: the public site, feeds and the API; with
// --workers N > 1 a primary process forks N HTTP workers on one port (serve-cluster.ts).
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { buildApp } from '../app.ts';
import { parse, UsageError } from './args.ts';
import { fetcherFromEnv } from './fetcher.ts';
import { openContentCredentials } from '../c2pa/service.ts';
import { describeDatabase, openContext } from './open-context.ts';
import { loadConfig } from '../config.ts';
import { startBackground, type Background } from './background.ts';
import { onStopSignals } from './stop-signals.ts';
import { localUrl, printAddresses } from './serve-banner.ts';

export const USAGE = `usage: relais serve [--port N] [--host HOST] [--demo] [--workers N]
  Serves the site and the JSON API. Prints the URL, stops cleanly on Ctrl-C / SIGTERM.
  --port N     port to listen on (default PORT or 8080; 0 picks a free port)
  --host HOST  address to listen on (default HOST or 0.0.0.0)
  --demo       when the database has no articles, fill it with the demo content first
  --workers N  HTTP processes sharing the port (default RELAIS_WORKERS, else the number of cores on PostgreSQL
               and 1 on SQLite, which allows no more). The first worker also polls feeds and runs the jobs;
               "relais worker" runs those alone, beside any number of serve processes.
  Subscribed feeds are polled in the background (new entries become import candidates) unless RELAIS_POLL=0.
  Imports, subscriptions and polls may contact the loopback/private ip:port listed in RELAIS_FETCH_ALLOW.`;

export interface ServeOptions {
  env: NodeJS.ProcessEnv;
  demo: boolean;
}

export async function serveCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    demo: { type: 'boolean' },
    workers: { type: 'string', short: 'w' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const env = { ...process.env };
  for (const [name, value] of [['PORT', values.port], ['HOST', values.host]] as const) if (value !== undefined) env[name] = value;
  if (!/^\d+$/.test(env.PORT ?? '8080') || Number(env.PORT ?? 8080) > 65535)
    throw new UsageError(`the port must be a number from 0 to 65535, not "${env.PORT}"`);
  // SQLite stays one process: its transactions that read before they write would fail (SQLITE_BUSY, not
  // retried) when another process wrote in between. Several processes need PostgreSQL.
  const sqlite = !/^postgres(ql)?:\/\//.test(loadConfig(env).databaseUrl);
  const workers = values.workers ?? env.RELAIS_WORKERS ?? (sqlite ? '1' : String(availableParallelism()));
  if (!/^\d+$/.test(workers) || Number(workers) < 1 || Number(workers) > 256)
    throw new UsageError(`--workers must be a number from 1 to 256, not "${workers}"`);
  if (sqlite && Number(workers) > 1)
    throw new UsageError(`--workers ${workers} needs PostgreSQL (DATABASE_URL=postgres://…); on SQLite, serve runs as one process`);
  const opts: ServeOptions = { env, demo: !!values.demo };
  if (cluster.isWorker) return serveWorker(opts);
  if (Number(workers) > 1) {
    const { servePrimary } = await import('./serve-cluster.ts');
    return servePrimary(opts, Number(workers));
  }
  return serveOne(opts);
}

/** One process that does everything (--workers 1). */
async function serveOne(opts: ServeOptions): Promise<number> {
  return runServer(opts, { setup: true, background: true });
}

/** A worker forked by the primary: no set-up (the primary did it), background work in worker 0 only. */
async function serveWorker(opts: ServeOptions): Promise<number> {
  return runServer(opts, { setup: false, background: opts.env.RELAIS_CLUSTER_INDEX === '0' });
}

async function runServer(opts: ServeOptions, role: { setup: boolean; background: boolean }): Promise<number> {
  const { env } = opts;
  const { config, ctx } = await openContext(env);
  const say = role.setup ? console.log : () => {};
  say(`Database: ${describeDatabase(config.databaseUrl)}; data folder: ${config.dataDir}`);
  // The API's imports and subscriptions use this one fetcher; it closes with the app.
  const fetcher = fetcherFromEnv(env);
  ctx.fetcher = fetcher;
  let app;
  try {
    // Other processes' publishes reach this one's page cache at once (PostgreSQL LISTEN; SQLite: 1 s re-check).
    await ctx.store.watchChanges((err) => console.error(`change notifications: ${err.message} (pages re-checked each second)`));
    if (opts.demo && role.setup) {
      const { fillDemoIfEmpty } = await import('../demo/index.ts');
      const filled = await fillDemoIfEmpty(ctx);
      if (filled) console.log(`Demo content added: ${filled.articles} articles, ${filled.people} people, ${filled.sections} sections.`);
    }
    // Content Credentials: pages are signed when the site has keys; the demo makes development keys.
    ctx.credentials = env.RELAIS_C2PA === '0' ? null : await openContentCredentials(config.dataDir, ctx.site.name, opts.demo);
    say(ctx.credentials ? `Content Credentials: pages signed by "${ctx.credentials.signer.name}"` : 'Content Credentials: off (no keys: relais keys init; or RELAIS_C2PA=0), pages unsigned');
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
  const local = localUrl(config.host, port);
  if (role.setup) await printAddresses(ctx, local, !!opts.demo, env);
  else if (!env.RELAIS_BASE_URL) ctx.site.baseUrl = local.replace(/\/$/, '');
  let background: Background | null = null;
  if (role.background) {
    background = startBackground(ctx, fetcher, env);
    if (background.running.includes('poller')) console.log('Polling subscribed feeds in the background (RELAIS_POLL=0 turns it off).');
  }
  // The signal handlers are in place before the message that invites the signal.
  const stopped = onStopSignals(async () => {
    let code = 0;
    try {
      await background?.stop();
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
    say('Stopped.');
    return code;
  }, { quiet: !role.setup });
  if (cluster.isWorker) process.send?.({ type: 'listening', port });
  else console.log('Press Ctrl-C to stop.');
  return stopped;
}
