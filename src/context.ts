// What every operation receives: the store, the site's settings, the clock and where media files live.
import type { Store } from './store/db.ts';
import type { SiteConfig } from './domain/types.ts';
import type { Fetcher } from './ingest/fetch/index.ts';
import type { ContentCredentials } from './c2pa/service.ts';
import type { Cdn } from './cdn/index.ts';
import type { RateCounter } from './store/rate-windows.ts';

export interface AppContext {
  store: Store;
  site: SiteConfig;
  now: () => Date;
  /** Folder of uploaded and imported media files (featured images, photos). */
  mediaDir: string;
  /** Folder for derived files that can be rebuilt (resized images). */
  cacheDir: string;
  /** The safe fetcher for imports and subscriptions (its owner closes it); the API makes a strict one when absent. */
  fetcher?: Fetcher;
  /** Set when a poller runs in this process: asks it to look for due feeds now (new or "check now" feeds). */
  wakePoller?: () => void;
  /** The site's C2PA signer (keys in <dataDir>/keys); absent: pages are served unsigned. */
  credentials?: ContentCredentials | null;
  /** Cache headers of public responses and the CDN purge (src/cdn); absent: default headers, no purge. */
  cdn?: Cdn;
  /** Where shared rate limits are counted (follow/shared-limiter.ts): Redis when RELAIS_REDIS_URL is set; absent: the database. */
  rateCounter?: RateCounter;
}
