// What every operation receives: the store, the site's settings, the clock and where media files live.
import type { Store } from './store/db.ts';
import type { SiteConfig } from './domain/types.ts';

export interface AppContext {
  store: Store;
  site: SiteConfig;
  now: () => Date;
  /** Folder of uploaded and imported media files (featured images, photos). */
  mediaDir: string;
  /** Folder for derived files that can be rebuilt (resized images). */
  cacheDir: string;
}
