// The webmention endpoint (POST /webmention, form-encoded source & target) and its limits.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { createSharedRateLimiter } from '../shared-limiter.ts';
import { readerNetwork } from '../../domain/network-prefix.ts';
import { receiveWebmention, WEBMENTION_PATH } from './receive.ts';

export const WEBMENTION_BODY_LIMIT = 2048;

export async function registerWebmentionRoutes(app: FastifyInstance, ctx: AppContext, opts: { perClient?: number } = {}): Promise<void> {
  const limit = createSharedRateLimiter(ctx, { name: 'webmention', limit: opts.perClient ?? 30, windowMs: 10 * 60_000, onError: (err) => app.log.warn({ err }, 'rate limit unavailable') });
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: WEBMENTION_BODY_LIMIT }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    scope.post(WEBMENTION_PATH, { bodyLimit: WEBMENTION_BODY_LIMIT }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (!(await limit.take(readerNetwork(req.ip)))) return reply.code(429).send({ error: 'too many webmentions from this client; try later' });
      const outcome = await receiveWebmention(ctx, (req.body ?? {}) as Record<string, unknown>);
      if (!outcome.ok) return reply.code(outcome.status).send({ error: outcome.error });
      return reply.code(202).header('location', `${ctx.site.baseUrl}${WEBMENTION_PATH}/${outcome.id}`).send({ status: 'pending verification' });
    });
  });
}
