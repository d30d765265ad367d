// Test helper: the Redis server the tests may use (RELAIS_TEST_REDIS_URL, default 127.0.0.1:6379), a client on
// it and a key prefix of their own; or, when it does not answer, the reason to skip.
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';

export const TEST_REDIS_URL = process.env.RELAIS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const connectOnce = () => createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 1000, reconnectStrategy: false } });
export type TestRedis = ReturnType<typeof connectOnce>;

/** A connected client, or the skip message. */
export async function openTestRedis(): Promise<{ client: TestRedis; skip: false } | { client: null; skip: string }> {
  const client = connectOnce().on('error', () => {});
  try {
    await client.connect();
    return { client, skip: false };
  } catch (err) {
    return { client: null, skip: `Redis at ${TEST_REDIS_URL} does not answer (${(err as Error).message}); set RELAIS_TEST_REDIS_URL to run these tests` };
  }
}

export const testPrefix = () => `relais-test:${randomBytes(6).toString('hex')}:`;
