// PostgreSQL LISTEN on the change channel (migration-processes.ts): each notification for our schema is
// counted, and the store adds that count to its own writes, so caches that re-read "when something was
// written" (memoUntilWrite) also re-read when another process wrote. One dedicated connection; when it
// breaks it is opened again a second later, and the caches' 1 s re-check covers the gap.
import pg from 'pg';
import { CHANGE_CHANNEL } from './migration-processes.ts';

export interface ChangeFeed {
  /** Notifications received so far (plus one per (re)connection: what was written meanwhile is re-read). */
  readonly count: number;
  close(): Promise<void>;
}

export async function listenForChanges(url: string, schema: string, onError: (err: Error) => void = () => {}): Promise<ChangeFeed> {
  let count = 0;
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    const lost = (err?: Error) => {
      if (err) onError(err);
      if (client === c || client === null) later();
      if (client === c) client = null;
      c.end().catch(() => {});
    };
    c.on('notification', (msg) => {
      if (msg.channel === CHANGE_CHANNEL && msg.payload === schema) count++;
    });
    c.on('error', lost);
    c.on('end', () => lost());
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (err) {
      c.removeAllListeners('end');
      c.end().catch(() => {});
      throw err;
    }
    if (closed) return void c.end().catch(() => {});
    client = c;
    count++;
  };

  const later = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch((err: Error) => {
        onError(err);
        later();
      });
    }, 1000);
    retry.unref();
  };

  await connect();
  return {
    get count() {
      return count;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
