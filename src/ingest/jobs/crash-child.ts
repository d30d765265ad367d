// Child process for crash.test.ts: works the queue of the given database and hangs forever on the jobs
// whose payload says so, so that the parent can kill -9 it in the middle of a job.
// Usage: node crash-child.ts <database url> <schema or ""> [--until-idle <owner>]
import { sql } from 'kysely';
import { openStore } from '../../store/db.ts';
import { runWorker } from './worker.ts';

const [url, schema, mode, name] = process.argv.slice(2);
const untilIdle = mode === '--until-idle';
const store = await openStore(url!, { ...(schema ? { schema } : {}), migrate: false });
await runWorker({
  store,
  owner: name ?? 'child',
  stopWhenIdle: untilIdle,
  concurrency: 2,
  leaseMs: 60_000,
  pollIntervalMs: 10,
  handlers: {
    work: async (job, ctx) => {
      const payload = job.payload as { hang?: boolean };
      process.stdout.write(`started ${job.id}\n`);
      if (payload.hang) await new Promise(() => {}); // killed here
      await ctx.transact((tx) => sql`INSERT INTO side_effects (job_id, worker) VALUES (${job.id}, ${name ?? 'child'})`.execute(tx));
      process.stdout.write(`done ${job.id}\n`);
    },
  },
});
await store.close();
