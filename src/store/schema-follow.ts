// Row shapes of the tables of migration-follow.ts (src/follow/: republishers, Webmention, WebSub).
import type { Generated } from 'kysely';

export interface RepublishersTable {
  id: Generated<number>;
  article_id: number;
  page_url: string;
  host: string;
  /** The placement token of the first view seen from this page. */
  placement: string;
  title: string | null;
  first_seen: string;
  last_seen: string;
  views: Generated<number>;
  checked_at: string | null;
  checks_json: string | null;
  check_error: string | null;
}

export interface RepublisherViewsTable {
  republisher_id: number;
  day: string;
  count: Generated<number>;
}

export interface WebmentionsTable {
  id: Generated<number>;
  source: string;
  target: string;
  article_id: number | null;
  verification: Generated<string>;
  moderation: Generated<string>;
  refusal: string | null;
  author_name: string | null;
  author_url: string | null;
  published: string | null;
  title: string | null;
  received_at: string;
  verified_at: string | null;
}

export interface WebmentionsSentTable {
  id: Generated<number>;
  article_id: number;
  target: string;
  endpoint: string | null;
  status: string;
  sent_at: string;
}

export interface WebsubSubscribersTable {
  id: Generated<number>;
  topic: string;
  callback: string;
  secret: string | null;
  lease_until: string;
  created_at: string;
  updated_at: string;
}

export interface WebsubSubscriptionsTable {
  feed_id: number;
  hub: string;
  topic: string;
  secret: string;
  token: string;
  state: string;
  lease_until: string | null;
  updated_at: string;
}

/** A reader counted on a day by page views or the kit pixel (migration-daily-readers.ts). */
export interface DailyReadersTable {
  /** YYYY-MM-DD (UTC) */
  day: string;
  /** follow/reader.ts's keyed hash under the day's shared secret: no address. */
  digest: string;
}

export interface FollowTables {
  daily_readers: DailyReadersTable;
  republishers: RepublishersTable;
  republisher_views: RepublisherViewsTable;
  webmentions: WebmentionsTable;
  webmentions_sent: WebmentionsSentTable;
  websub_subscribers: WebsubSubscribersTable;
  websub_subscriptions: WebsubSubscriptionsTable;
}
