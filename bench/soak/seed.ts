// Before the server starts: the soak's subscriptions (first polls spread evenly over the run, so the poller
// works at a steady rate throughout), an editor who signs in with a password, and an API token (write scope).
import { openContext } from '../../src/cli/open-context.ts';
import { addUser } from '../../src/accounts/users.ts';
import { createApiToken } from '../../src/store/tokens.ts';

export async function seedSoak(env: NodeJS.ProcessEnv, feedUrls: string[], from: Date, spreadSeconds: number): Promise<{ login: { email: string; password: string }; token: string }> {
  const { ctx } = await openContext(env);
  try {
    const stamp = from.toISOString();
    const rows = feedUrls.map((url, i) => ({
      url, host: new URL(url).hostname, status: 'active', error_count: 0, backoff_seconds: 0, created_at: stamp, updated_at: stamp,
      next_check_at: new Date(from.getTime() + Math.floor((i * spreadSeconds * 1000) / feedUrls.length)).toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 500) await ctx.store.db.insertInto('feeds').values(rows.slice(i, i + 500)).execute();
    const login = { email: 'editor@soak.invalid', password: 'soak test password, long enough' };
    await addUser(ctx, { kind: 'system', name: 'bench' }, { ...login, name: 'Soak editor', role: 'editor' });
    const { token } = await createApiToken(ctx.store.db, 'soak-bot', ctx.now(), { scope: 'write' });
    return { login, token };
  } finally {
    await ctx.store.close();
  }
}

/** Feeds polled at least once: all of them, and among the first `due` seeded (those due before the load ended). */
export async function pollCoverage(env: NodeJS.ProcessEnv, due: number): Promise<{ polled: number; polledOfDue: number }> {
  const { ctx } = await openContext(env);
  try {
    const db = ctx.store.db;
    const first = Number((await db.selectFrom('feeds').select((eb) => eb.fn.min('id').as('m')).executeTakeFirstOrThrow()).m);
    const polled = (below: number) =>
      db.selectFrom('feeds').select((eb) => eb.fn.countAll<number>().as('n')).where('last_checked_at', 'is not', null).where('id', '<', below).executeTakeFirstOrThrow();
    return { polled: Number((await polled(2 ** 31 - 1)).n), polledOfDue: Number((await polled(first + due)).n) };
  } finally {
    await ctx.store.close();
  }
}
