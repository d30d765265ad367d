// The public routes of what follows an article past our pages: the republication kit and its pixel, the
// webmention endpoint, the WebSub hub and our subscriber callback.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { EarlyRequests } from '../early-requests.ts';
import { registerRepublishRoutes } from './republish/routes.ts';
import { registerWebmentionRoutes } from './webmention/routes.ts';
import { registerHubRoutes } from './websub/hub.ts';
import { registerWebsubCallback } from '../ingest/websub/callback.ts';

export async function registerOnwardRoutes(app: FastifyInstance, ctx: AppContext, early?: EarlyRequests): Promise<void> {
  await registerRepublishRoutes(app, ctx, early);
  await registerWebmentionRoutes(app, ctx);
  await registerHubRoutes(app, ctx);
  await registerWebsubCallback(app, ctx);
}
