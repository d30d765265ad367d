// The day secrets of reader.ts, shared by every process through the settings table: one random secret per
// UTC day, made by whichever process asks first (the first insert wins, the others read it back). Today's and
// tomorrow's are kept in memory, so the hash path never waits for the database and the day change needs no
// query; a day's secret is deleted from the table and from memory once the day is over.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Store } from '../store/db.ts';
import { createReaderHasher, localDailySecret, type ReaderHasher } from './reader.ts';

const PREFIX = 'follow.reader-secret:';
const DAY_MS = 86_400_000;

export interface DaySecrets {
  /** The shared secret of `day` when loaded; otherwise this process's own for that day (kept for the day). */
  forDay(day: string): Buffer;
  /** Loads (making them if need be) today's and tomorrow's secrets and forgets past days'. */
  refresh(): Promise<void>;
}

async function loadDay(store: Store, day: string): Promise<Buffer> {
  const key = PREFIX + day;
  const fresh = JSON.stringify(randomBytes(32).toString('base64url'));
  const db = store.db.withoutPlugins(); // a new secret changes no page
  await db.insertInto('settings').values({ key, value_json: fresh }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirstOrThrow();
  return Buffer.from(JSON.parse(row.value_json) as string, 'base64url');
}

function createDaySecrets(store: Store, now: () => Date): DaySecrets {
  const shared = new Map<string, Buffer>();
  const local = localDailySecret();
  const localDays = new Set<string>();
  let running: Promise<void> | null = null;
  const refresh = async () => {
    const t = now().getTime();
    const today = new Date(t).toISOString().slice(0, 10);
    const days = [today, new Date(t + DAY_MS).toISOString().slice(0, 10)];
    for (const day of days) if (!shared.has(day)) shared.set(day, await loadDay(store, day));
    for (const day of shared.keys()) if (day < today) shared.delete(day);
    await store.db.withoutPlugins().deleteFrom('settings').where('key', '>=', PREFIX).where('key', '<', PREFIX + today).execute();
  };
  return {
    forDay(day) {
      const s = shared.get(day);
      if (s && !localDays.has(day)) return s;
      // Not loaded (the clock jumped, or the database was unreachable): stay consistent within this process.
      localDays.add(day);
      return local(day);
    },
    refresh() {
      running ??= refresh().finally(() => (running = null));
      return running;
    },
  };
}

const secrets = new WeakMap<Store, DaySecrets>();

export function daySecretsOf(ctx: Pick<AppContext, 'store' | 'now'>): DaySecrets {
  let s = secrets.get(ctx.store);
  if (!s) secrets.set(ctx.store, (s = createDaySecrets(ctx.store, ctx.now)));
  return s;
}

/** A reader hasher whose digests agree across every process on the database (once refresh() has run). */
export function sharedReaderHasher(ctx: Pick<AppContext, 'store' | 'now'>): ReaderHasher {
  const secrets = daySecretsOf(ctx);
  return createReaderHasher(ctx.now, (day) => secrets.forDay(day));
}
