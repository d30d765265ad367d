// Fixed-window rate limits in Redis (RELAIS_REDIS_URL), shared by every process that uses the same server.
// One round trip per take: a small script INCRs the window's key and, on the window's first unit, sets its
// expiry to the window's end, so windows vanish by themselves (no prune) and no database row is written.
// Commands fail at once while the connection is down (no offline queue) and after `timeoutMs`: the caller
// then lets the request through, as it does when the database is unreachable. A script rather than MULTI:
// node-redis 6 queues a MULTI while reconnecting and applies no command timeout to it, so a take could hang.
import { createClient } from '@redis/client';
import type { RateCounter } from './rate-windows.ts';

const TAKE = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

export interface RedisRateCounter extends RateCounter {
  /** True once connected; false if the server did not answer within `connectMs` (it keeps trying). */
  ready: Promise<boolean>;
  close(): Promise<void>;
}

export interface RedisOptions {
  /** Prepended to every key (tests use one of their own). */
  prefix?: string;
  timeoutMs?: number;
  connectMs?: number;
  /** Told once per outage (the connection's errors), not at every reconnection attempt. */
  onError?: (err: unknown) => void;
}

export function openRedisRateCounter(url: string, opts: RedisOptions = {}): RedisRateCounter {
  const prefix = opts.prefix ?? 'relais:rate:';
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: opts.timeoutMs ?? 500 },
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
  });
  let down = false;
  client.on('error', (err) => {
    if (!down) opts.onError?.(err);
    down = true;
  });
  client.on('ready', () => (down = false));
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  const ready = Promise.race([connected, new Promise<boolean>((r) => setTimeout(r, opts.connectMs ?? 1000, false).unref())]);
  return {
    ready,
    async take(key, windowStart, windowMs, now) {
      const ttl = Math.max(1, windowStart + windowMs - now);
      return Number(await client.sendCommand(['EVAL', TAKE, '1', `${prefix}${key}:${windowStart}`, String(ttl)]));
    },
    async close() {
      client.destroy(); // pending takes fail (and let their requests through); no reconnection is attempted
    },
  };
}
