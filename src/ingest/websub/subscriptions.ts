// Our subscriptions to other sites' hubs, one per followed feed (websub_subscriptions): asked for after a
// poll finds a hub, activated when the hub verifies our intent, trusted until the lease ends. While a lease
// holds, the feed's next poll waits for its end: pushes replace polling, and polling resumes by itself
// when the lease lapses (the poll then finds the hub again and asks anew).
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { enqueueJob } from '../jobs/index.ts';
import type { HubLink } from './discover.ts';

export const WEBSUB_SUBSCRIBE_JOB = 'websub-subscribe';
export const CALLBACK_PREFIX = '/websub/callback/';
/** A request the hub has not confirmed is asked again after this long. */
const RETRY_REQUEST_MS = 3600_000;

export async function noteFeedHub(db: Kysely<Database>, feedId: number, link: HubLink, now: Date): Promise<boolean> {
  const sub = await db.selectFrom('websub_subscriptions').selectAll().where('feed_id', '=', feedId).executeTakeFirst();
  const t = now.getTime();
  if (sub && sub.hub === link.hub && sub.topic === link.topic) {
    if (sub.state === 'active' && sub.lease_until && Date.parse(sub.lease_until) > t) return false;
    if (sub.state === 'requested' && t - Date.parse(sub.updated_at) < RETRY_REQUEST_MS) return false;
    if (sub.state === 'denied' && t - Date.parse(sub.updated_at) < 24 * RETRY_REQUEST_MS) return false;
  }
  const job = await enqueueJob(db, { kind: WEBSUB_SUBSCRIBE_JOB, payload: { feedId, ...link }, dedupKey: `${WEBSUB_SUBSCRIBE_JOB}:${feedId}`, maxAttempts: 3 }, now);
  return job !== null;
}
