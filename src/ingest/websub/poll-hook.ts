// Called by the poller after each fetch of a feed: a hub found (or, on 304, the one we know) whose lease
// is missing or lapsed gets a subscription request. Off the poll's path: errors are the caller's to log.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { discoverHub } from './discover.ts';
import { noteFeedHub } from './subscriptions.ts';

export async function afterFeedFetch(
  db: Kysely<Database>,
  feedId: number,
  res: { status: number; notModified: boolean; url: string; headers: Record<string, string>; body: Buffer },
  now: Date,
): Promise<void> {
  if (res.notModified) {
    const sub = await db.selectFrom('websub_subscriptions').select(['hub', 'topic']).where('feed_id', '=', feedId).executeTakeFirst();
    if (sub) await noteFeedHub(db, feedId, sub, now);
    return;
  }
  if (res.status !== 200) return;
  const link = discoverHub(res);
  if (link) await noteFeedHub(db, feedId, link, now);
}
