// The `websub-subscribe` job: records a fresh callback token and secret for the feed, then asks the hub
// (form POST through the safe fetcher: hub.mode=subscribe, hub.topic, hub.callback, hub.secret,
// hub.lease_seconds). The hub confirms later by calling our callback (routes.ts).
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Fetcher } from '../fetch/index.ts';
import { PermanentJobError, type JobHandler } from '../jobs/index.ts';
import { CALLBACK_PREFIX } from './subscriptions.ts';

export const ASKED_LEASE_SECONDS = 10 * 86_400;

export function websubSubscribeHandler(ctx: AppContext, fetcher: Fetcher): JobHandler {
  return async (job, jc) => {
    const { feedId, hub, topic } = job.payload as { feedId: number; hub: string; topic: string };
    const token = randomBytes(18).toString('base64url');
    const secret = randomBytes(24).toString('base64url');
    const at = ctx.now().toISOString();
    const row = { hub, topic, secret, token, state: 'requested', lease_until: null, updated_at: at };
    // Written before asking: the hub may call back before its answer to our request arrives.
    await ctx.store.db
      .insertInto('websub_subscriptions')
      .values({ feed_id: feedId, ...row })
      .onConflict((oc) => oc.column('feed_id').doUpdateSet(row))
      .execute();
    const res = await fetcher.fetch(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.topic': topic,
        'hub.callback': `${ctx.site.baseUrl}${CALLBACK_PREFIX}${token}`,
        'hub.secret': secret,
        'hub.lease_seconds': String(ASKED_LEASE_SECONDS),
      }).toString(),
      signal: jc.signal,
      maxBytes: 16 * 1024,
    });
    if (res.status < 200 || res.status >= 300) throw new PermanentJobError(`the hub refused the subscription (${res.status})`);
    await jc.transact(async () => {});
  };
}
