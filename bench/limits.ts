// Shared rate limits: takes per second of each backend through createSharedRateLimiter, one at a time (the
// round trip) and 64 in flight (the throughput), over 1,000 client keys in one window. SQLite on a file,
// PostgreSQL when DATABASE_URL is set, Redis when RELAIS_BENCH_REDIS_URL (default 127.0.0.1:6379) answers.
// Redis keys expire within the minute; the database rows go with the throwaway file and schema.
// npm run bench:limits -- [--takes 5000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openStore, type Store } from '../src/store/db.ts';
import { createSharedRateLimiter } from '../src/follow/shared-limiter.ts';
import { openRedisRateCounter } from '../src/store/redis-windows.ts';
import type { RateCounter } from '../src/store/rate-windows.ts';

const i = process.argv.indexOf('--takes');
const TAKES = i > 0 ? Number(process.argv[i + 1]) : 5000;

async function rate(store: Store, counter: RateCounter | undefined, inFlight: number): Promise<number> {
  const limiter = createSharedRateLimiter({ store, now: () => new Date(), rateCounter: counter }, { name: `bench${inFlight}`, limit: 1e9, windowMs: 60_000, onError: (e) => { throw e; } });
  let next = 0;
  const worker = async () => {
    while (next < TAKES) await limiter.take(`client-${next++ % 1000}`);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return TAKES / ((performance.now() - t0) / 1000);
}

async function report(name: string, store: Store, counter?: RateCounter) {
  const one = await rate(store, counter, 1);
  const many = await rate(store, counter, 64);
  console.log(`${name.padEnd(10)} ${Math.round(one).toLocaleString('en').padStart(8)} takes/s one at a time   ${Math.round(many).toLocaleString('en').padStart(8)} takes/s with 64 in flight`);
}

const dir = mkdtempSync(join(tmpdir(), 'relais-bench-limits-'));
const sqlite = await openStore(`sqlite:${join(dir, 'relais.sqlite')}`);
try {
  console.log(`${TAKES} takes per run, 1,000 client keys`);
  await report('sqlite', sqlite);
  if (/^postgres/.test(process.env.DATABASE_URL ?? '')) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const pg = await openStore(process.env.DATABASE_URL!, { schema });
    try {
      await report('postgres', pg);
    } finally {
      await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(pg.db);
      await pg.close();
    }
  }
  const prefix = `relais-bench:${randomBytes(4).toString('hex')}:`;
  const redis = openRedisRateCounter(process.env.RELAIS_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379', { prefix, timeoutMs: 5000 });
  if (await redis.ready) await report('redis', sqlite, redis);
  else console.log('redis      did not answer: skipped');
  await redis.close();
} finally {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}
