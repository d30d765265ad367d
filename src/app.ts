// The composition root: one Fastify app with each surface's route table registered in turn.
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from './domain/types.ts';
import { assertSanitizerActive } from './publish/sanitize.ts';
import { clientAddressOf, trustProxySetting } from './trust-proxy.ts';
import { earlyRequests } from './early-requests.ts';
import { withRateCounter } from './rate-counter.ts';
import { storageFault } from './store/faults.ts';
import { sendStorageFault } from './api/errors.ts';
import { registerSiteRoutes } from './web/routes.ts';
import { registerFeedRoutes } from './feeds/routes.ts';
import { registerFollowRoutes } from './follow/routes.ts';
import { registerOnwardRoutes } from './follow/onward-routes.ts';
import { registerApiRoutes } from './api/routes.ts';
import { registerNewsroomRoutes } from './newsroom/routes.ts';
import { newsroomActor, registerPreviewRoute } from './newsroom/preview.ts';

export async function buildApp(appCtx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  assertSanitizerActive();
  // A hop count or the proxies' addresses, never every hop (see trust-proxy.ts).
  const trustProxy = trustProxySetting(process.env.RELAIS_TRUST_PROXY);
  // The kit pixel and cached article pages are answered on the raw request before Fastify's routing
  // (follow/republish/pixel-fast-path.ts, web/article-fast-path.ts).
  const early = earlyRequests(clientAddressOf(trustProxy));
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 4 * 1024 * 1024,
    trustProxy,
    serverFactory: early.serverFactory,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setErrorHandler((err, req, reply) => {
    if (err instanceof InputError) return reply.code(err.status).send({ error: err.message, field: err.field });
    if (err instanceof NotFoundError) return reply.code(404).send({ error: err.message });
    if (err instanceof ForbiddenError) return reply.code(403).send({ error: err.message });
    if (err instanceof ConflictError) return reply.code(409).send({ error: err.message, conflict: err.conflict });
    const fault = storageFault(err);
    if (fault) return sendStorageFault(reply, fault);
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) req.log.error(err);
    return reply.code(status).send({ error: status >= 500 ? 'internal error' : (err as Error).message });
  });
  const ctx = await withRateCounter(app, appCtx);
  await registerApiRoutes(app, ctx);
  await registerFeedRoutes(app, ctx);
  await registerFollowRoutes(app, ctx);
  await registerOnwardRoutes(app, ctx, early);
  await registerNewsroomRoutes(app, ctx);
  registerPreviewRoute(app, ctx, newsroomActor(ctx));
  await registerSiteRoutes(app, ctx, { early });
  return app;
}
