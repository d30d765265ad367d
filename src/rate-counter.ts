// Where the composition root counts shared rate limits: in Redis when RELAIS_REDIS_URL names a server (opened
// with the app, closed with it; keys under RELAIS_REDIS_PREFIX, default `relais:rate:`), else in the
// database's rate_windows (the context unchanged).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { openRedisRateCounter } from './store/redis-windows.ts';

export async function withRateCounter(app: FastifyInstance, ctx: AppContext, env: NodeJS.ProcessEnv = process.env): Promise<AppContext> {
  const url = env.RELAIS_REDIS_URL;
  if (ctx.rateCounter || !url) return ctx;
  const redis = openRedisRateCounter(url, {
    prefix: env.RELAIS_REDIS_PREFIX || undefined,
    onError: (err) => app.log.warn({ err }, 'Redis unavailable: rate limits let requests through until it answers'),
  });
  app.addHook('onClose', () => redis.close());
  await redis.ready; // at most a second: a Redis that does not answer yet is waited for in the background
  return { ...ctx, rateCounter: redis };
}
