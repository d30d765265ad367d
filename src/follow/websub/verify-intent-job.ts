// Verification of intent (WebSub §5.3): the hub GETs the callback with hub.mode, hub.topic, hub.challenge
// and hub.lease_seconds; only a 2xx answer echoing the challenge makes (or removes) the subscription.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Fetcher } from '../../ingest/fetch/index.ts';
import type { JobHandler } from '../../ingest/jobs/index.ts';
import type { IntentPayload } from './hub.ts';

export function websubVerifyHandler(ctx: AppContext, fetcher: Fetcher): JobHandler {
  return async (job, jc) => {
    const p = job.payload as IntentPayload;
    const challenge = randomBytes(18).toString('base64url');
    const url = new URL(p.callback);
    url.searchParams.set('hub.mode', p.mode);
    url.searchParams.set('hub.topic', p.topic);
    url.searchParams.set('hub.challenge', challenge);
    if (p.mode === 'subscribe') url.searchParams.set('hub.lease_seconds', String(p.leaseSeconds));
    let confirmed = false;
    try {
      const res = await fetcher.fetch(url, { signal: jc.signal, maxBytes: 4096, accept: 'text/plain, */*' });
      confirmed = res.status >= 200 && res.status < 300 && res.body.toString('utf8').trim() === challenge;
    } catch {
      confirmed = false; // an unreachable subscriber did not confirm
    }
    const now = ctx.now();
    await jc.transact(async (tx) => {
      if (!confirmed) return;
      if (p.mode === 'unsubscribe') {
        await tx.deleteFrom('websub_subscribers').where('topic', '=', p.topic).where('callback', '=', p.callback).execute();
        return;
      }
      const lease_until = new Date(now.getTime() + p.leaseSeconds * 1000).toISOString();
      const at = now.toISOString();
      await tx
        .insertInto('websub_subscribers')
        .values({ topic: p.topic, callback: p.callback, secret: p.secret, lease_until, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['topic', 'callback']).doUpdateSet({ secret: p.secret, lease_until, updated_at: at }))
        .execute();
    });
  };
}
