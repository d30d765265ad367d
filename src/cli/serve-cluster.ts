// `relais serve --workers N`: the primary process. It does the one-time set-up (migrations, demo content,
// development keys) before any worker starts, forks N HTTP workers that share the port (node:cluster),
// prints the address once they all listen, replaces a worker that dies, and stops them all on a signal.
// The workers share nothing in memory: what they must agree on is in the database (ARCHITECTURE.md,
// "Several processes").
import cluster, { type Worker } from 'node:cluster';
import { openContentCredentials } from '../c2pa/service.ts';
import { describeDatabase, openContext } from './open-context.ts';
import type { ServeOptions } from './serve.ts';
import { localUrl, printAddresses } from './serve-banner.ts';
import { onStopSignals } from './stop-signals.ts';

const RESTART_DELAY_MS = 1000;

export async function servePrimary(opts: ServeOptions, count: number): Promise<number> {
  const { env } = opts;
  const { config, ctx } = await openContext(env);
  try {
    console.log(`Database: ${describeDatabase(config.databaseUrl)}; data folder: ${config.dataDir}`);
    if (opts.demo) {
      const { fillDemoIfEmpty } = await import('../demo/index.ts');
      const filled = await fillDemoIfEmpty(ctx);
      if (filled) console.log(`Demo content added: ${filled.articles} articles, ${filled.people} people, ${filled.sections} sections.`);
    }
    const credentials = env.RELAIS_C2PA === '0' ? null : await openContentCredentials(config.dataDir, ctx.site.name, opts.demo);
    console.log(credentials ? `Content Credentials: pages signed by "${credentials.signer.name}"` : 'Content Credentials: off (no keys: relais keys init; or RELAIS_C2PA=0), pages unsigned');
  } catch (err) {
    await ctx.store.close();
    throw err;
  }

  let stopping = false;
  let port: number | null = null;
  const live = new Map<number, Worker>(); // index → worker
  const listening = new Set<number>();
  let announce: (() => void) | null = null;
  let failStart: ((err: Error) => void) | null = null;
  const started = new Promise<void>((resolve, reject) => {
    announce = resolve;
    failStart = reject;
  });

  const fork = (index: number) => {
    const w = cluster.fork({ ...env, RELAIS_CLUSTER_INDEX: String(index) });
    live.set(index, w);
    w.on('message', (m: { type?: string; port?: number }) => {
      if (m?.type !== 'listening') return;
      port ??= m.port ?? null;
      listening.add(index);
      if (listening.size === count) announce?.();
    });
    w.on('exit', (code, signal) => {
      if (live.get(index) === w) live.delete(index);
      if (stopping) return;
      if (!listening.has(index) && port === null) {
        failStart?.(new Error(`worker ${index} stopped while starting (${signal ?? `exit code ${code}`})`));
        return;
      }
      listening.delete(index);
      console.error(`worker ${index} (pid ${w.process.pid}) stopped (${signal ?? `exit code ${code}`}); starting another`);
      setTimeout(() => !stopping && fork(index), RESTART_DELAY_MS).unref();
    });
  };

  const stopAll = async (): Promise<number> => {
    stopping = true;
    const exits = [...live.values()].map(
      (w) =>
        new Promise<number>((resolve) => {
          if (w.isDead()) return resolve(w.process.exitCode ?? 1);
          w.once('exit', (code) => resolve(code ?? 1));
          try {
            w.send({ type: 'stop' });
          } catch {
            w.process.kill('SIGTERM');
          }
        }),
    );
    const codes = await Promise.all(exits);
    await ctx.store.close().catch(() => {});
    return codes.every((c) => c === 0) ? 0 : 1;
  };

  for (let i = 0; i < count; i++) fork(i);
  try {
    await started;
  } catch (err) {
    await stopAll();
    throw err;
  }
  const stopped = onStopSignals(async () => {
    const code = await stopAll();
    console.log('Stopped.');
    return code;
  });
  await printAddresses(ctx, localUrl(config.host, port!), !!opts.demo, env, ` (${count} worker processes)`);
  console.log('Press Ctrl-C to stop.');
  return stopped;
}
