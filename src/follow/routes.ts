// Route table of share counting and copy attribution. Handlers parse the request and answer; the
// operations in shares.ts and copies.ts decide and write.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { pruneShareClicks } from '../store/counters.ts';
import { articlePageUrl, parseArticleId } from './article.ts';
import { issueCopyToken, reportCopy, reportCopyVisit } from './copies.ts';
import { createSharedRateLimiter, pruneSharedLimits } from './shared-limiter.ts';
import { renderMastodonConfirm } from './mastodon-confirm.ts';
import { renderMastodonForm } from './mastodon-form.ts';
import { daySecretsOf, sharedReaderHasher } from './reader-secrets.ts';
import { COPY_SCRIPT_PATH, etagMatches, loadCopyScript } from './script.ts';
import { shareArticle, visibleShareCounts } from './shares.ts';
import { isPrefetch } from './speculative.ts';
import { readerNetwork } from '../domain/network-prefix.ts';
import { looksLikePersonClick } from './person-click.ts';

const MINUTE = 60_000;
/** Largest JSON body /copy and /copy/visit accept: a token, an id and a number fit in a tenth of it. */
export const COPY_BODY_LIMIT = 1024;

export interface FollowOptions {
  /** Counted share clicks per IP per 10 minutes; further clicks still redirect but do not count. */
  sharesPerIp?: number;
  /** Copy reports per IP per 10 minutes. */
  copiesPerIp?: number;
  /** Visit reports per IP per 10 minutes. */
  visitsPerIp?: number;
  /** Copy tokens issued per IP per 10 minutes. */
  tokensPerIp?: number;
}

function privateHeaders(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
}

function parseJsonBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

export async function registerFollowRoutes(app: FastifyInstance, ctx: AppContext, opts: FollowOptions = {}): Promise<void> {
  // The reader secret and the budgets live in the database: every process counts a reader as one.
  await daySecretsOf(ctx).refresh();
  const hashReader = sharedReaderHasher(ctx);
  const onError = (err: unknown) => app.log.warn({ err }, 'rate limit unavailable');
  const window = { windowMs: 10 * MINUTE, onError };
  const shareLimit = createSharedRateLimiter(ctx, { ...window, name: 'share', limit: opts.sharesPerIp ?? 60 });
  const copyLimit = createSharedRateLimiter(ctx, { ...window, name: 'copy', limit: opts.copiesPerIp ?? 30 });
  const visitLimit = createSharedRateLimiter(ctx, { ...window, name: 'visit', limit: opts.visitsPerIp ?? 60 });
  const tokenLimit = createSharedRateLimiter(ctx, { ...window, name: 'token', limit: opts.tokensPerIp ?? 60 });
  // "Seen today" is a budget of one per day.
  const visitsSeen = createSharedRateLimiter(ctx, { name: 'visit-seen', limit: 1, windowMs: 24 * 60 * MINUTE, onError });
  const script = loadCopyScript();
  // One IPv6 /64 is one reader network: rotating through its addresses earns no fresh budget.
  const ipKey = (req: FastifyRequest) => hashReader('ip', readerNetwork(req.ip));

  // HEAD is declared so that it answers like GET without counting (Fastify would otherwise run the GET handler).
  app.route({
    method: ['GET', 'HEAD'],
    url: '/share/:articleId/counts.json',
    handler: async (req: FastifyRequest<{ Params: { articleId: string } }>, reply) => {
      privateHeaders(reply);
      const id = parseArticleId(req.params.articleId);
      const counts = id === null ? null : await visibleShareCounts(ctx, id);
      if (!counts) return reply.code(404).send({ error: 'no such article' });
      return reply.send(counts);
    },
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/share/:articleId/:network',
    handler: async (
      req: FastifyRequest<{ Params: { articleId: string; network: string }; Querystring: { instance?: unknown; confirm?: unknown } }>,
      reply,
    ) => {
      privateHeaders(reply);
      const articleId = parseArticleId(req.params.articleId);
      if (articleId === null) return reply.code(404).send({ error: 'no such article' });
      const mayCount = req.method === 'GET' && !isPrefetch(req.headers) && looksLikePersonClick(req.headers);
      const outcome = await shareArticle(ctx, {
        articleId,
        network: req.params.network,
        // The limiter is consulted lazily: only a click that would count spends budget.
        reader: mayCount && (await shareLimit.take(ipKey(req))) ? hashReader('share', readerNetwork(req.ip), req.headers['user-agent'] ?? '') : null,
        instance: req.query.instance,
        // A confirmation arriving from another site was not made on our page: ask again.
        confirmed: req.query.confirm === '1' && req.headers['sec-fetch-site'] !== 'cross-site',
      });
      const page = (status: number, html: string) =>
        reply
          .code(status)
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; form-action 'self' https:; base-uri 'none'; frame-ancestors 'none'")
          .send(html);
      switch (outcome.kind) {
        case 'not-found':
          return reply.code(404).send({ error: 'no such article or network' });
        case 'redirect':
          return reply.redirect(outcome.location, 302);
        case 'ask-instance':
          return page(outcome.invalid === null ? 200 : 400, renderMastodonForm({ article: outcome.article, articleUrl: articlePageUrl(ctx, outcome.article), invalid: outcome.invalid }));
        case 'confirm-instance':
          return page(200, renderMastodonConfirm({ article: outcome.article, articleUrl: articlePageUrl(ctx, outcome.article), instance: outcome.instance }));
      }
    },
  });

  app.get(COPY_SCRIPT_PATH, async (req, reply) => {
    reply
      .header('etag', script.etag)
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .type('text/javascript; charset=utf-8');
    if (etagMatches(req.headers['if-none-match'], script.etag)) return reply.code(304).send();
    return reply.send(script.body);
  });

  // The beacons get their own scope: raw string bodies (sendBeacon sends JSON as text/plain) and a tiny limit.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ['application/json', 'text/plain'],
      { parseAs: 'string', bodyLimit: COPY_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    scope.addHook('onRequest', async (_req, reply) => {
      privateHeaders(reply);
    });

    // A signed token, asked for by the script when a reader starts selecting in the article.
    scope.post('/copy/token', { bodyLimit: COPY_BODY_LIMIT }, async (req, reply) => {
      if (!(await tokenLimit.take(ipKey(req)))) return reply.code(429).send({ error: 'too many copy tokens' });
      const outcome = await issueCopyToken(ctx, parseJsonBody(req.body));
      if (!outcome.ok) return reply.code(outcome.status).send({ error: outcome.error });
      return reply.send({ token: outcome.token });
    });

    scope.post('/copy', { bodyLimit: COPY_BODY_LIMIT }, async (req, reply) => {
      if (!(await copyLimit.take(ipKey(req)))) return reply.code(429).send({ error: 'too many copy reports' });
      const outcome = await reportCopy(ctx, parseJsonBody(req.body));
      if (!outcome.ok) return reply.code(outcome.status).send({ error: outcome.error });
      return reply.code(204).send();
    });

    // Always 204: whether a token is known, malformed or rate-limited is nobody's business.
    scope.post('/copy/visit', { bodyLimit: COPY_BODY_LIMIT }, async (req, reply) => {
      const body = parseJsonBody(req.body);
      const token = body && typeof body === 'object' ? (body as { token?: unknown }).token : undefined;
      const key = ipKey(req);
      if (typeof token === 'string' && (await visitLimit.take(key)) && (await visitsSeen.take(`${key} ${token}`)))
        await reportCopyVisit(ctx, token);
      return reply.code(204).send();
    });
  });

  // Old dedup rows, limiter windows and reader secrets are dropped (tomorrow's secret made) from time to time, off the request path.
  const everyMs = Math.max(1, Math.min(60, ctx.site.shareDedupSeconds / 60)) * MINUTE;
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = (async () => {
      await daySecretsOf(ctx).refresh();
      await pruneSharedLimits(ctx, 24 * 60 * MINUTE);
      await pruneShareClicks(ctx.store.db, new Date(ctx.now().getTime() - ctx.site.shareDedupSeconds * 1000));
    })()
      .catch((err) => app.log.warn({ err }, 'pruning share clicks failed'))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
