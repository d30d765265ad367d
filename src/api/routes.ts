// The JSON API's route table. Every route needs a bearer token; bodies are JSON, at most 4 MB.
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { AppContext } from '../context.ts';
import { bearerAuth } from './auth.ts';
import { apiErrorHandler, requireJson } from './errors.ts';
import { articleBody, articleListQuery, idParams, outletBody, personBody, publishBody, sectionBody } from './schemas.ts';
import { candidateListQuery, feedBody, feedListQuery, importBody, pauseBody, updateBody } from './schemas.ts';
import { getArticle, listArticles, postArticle, postPublish, putArticle, removeArticle } from './articles.ts';
import { getPerson, listPeopleHandler, postPerson, putPerson } from './people.ts';
import { getOutlet, listOutletsHandler, postOutlet, putOutlet } from './outlets.ts';
import { getSection, listSectionsHandler, postSection, putSection } from './sections.ts';
import { getArticleStats, getSiteStats } from './stats.ts';
import { postImport } from './imports.ts';
import { deleteFeed, getFeedHandler, getOpml, listFeedsHandler, postCheck, postFeed, postOpml, postPause, postResume } from './feeds.ts';
import { getCandidateHandler, listCandidatesHandler, postDismiss, postImportCandidate } from './candidates.ts';
import { closeFallbackFetcher } from './fetcher.ts';
import { XML_TYPES } from './errors.ts';

export const API_BODY_LIMIT = 4 * 1024 * 1024;

// Handlers are typed loosely here: each one narrows its own params and body, which the schema has checked.
type Handler = (ctx: AppContext, req: any, reply: FastifyReply) => Promise<unknown>;
type Route = [HTTPMethods, string, Handler, FastifySchema?, RouteConfig?];
/** `xmlBody`: the route takes an XML document (OPML) as its body instead of JSON. */
export interface RouteConfig {
  xmlBody?: boolean;
}

const ID = { params: idParams };

export const API_ROUTES: Route[] = [
  ['GET', '/articles', listArticles, { querystring: articleListQuery }],
  ['POST', '/articles', postArticle, { body: articleBody }],
  ['GET', '/articles/:id', getArticle, ID],
  ['PUT', '/articles/:id', putArticle, { ...ID, body: articleBody }],
  ['DELETE', '/articles/:id', removeArticle, ID],
  ['POST', '/articles/:id/publish', postPublish, { ...ID, body: publishBody }],
  ['GET', '/articles/:id/stats', getArticleStats, ID, { permission: 'stats.read' }],
  ['GET', '/stats', getSiteStats, undefined, { permission: 'stats.read' }],
  ['GET', '/people', listPeopleHandler],
  ['POST', '/people', postPerson, { body: personBody }],
  ['GET', '/people/:id', getPerson, ID],
  ['PUT', '/people/:id', putPerson, { ...ID, body: personBody }],
  ['GET', '/outlets', listOutletsHandler],
  ['POST', '/outlets', postOutlet, { body: outletBody }],
  ['GET', '/outlets/:id', getOutlet, ID],
  ['PUT', '/outlets/:id', putOutlet, { ...ID, body: outletBody }],
  ['GET', '/sections', listSectionsHandler],
  ['POST', '/sections', postSection, { body: sectionBody }],
  ['GET', '/sections/:id', getSection, ID],
  ['PUT', '/sections/:id', putSection, { ...ID, body: sectionBody }],
  ['POST', '/imports', postImport, { body: importBody }],
  ['GET', '/feeds', listFeedsHandler, { querystring: feedListQuery }],
  ['POST', '/feeds', postFeed, { body: feedBody }],
  ['GET', '/feeds.opml', getOpml],
  ['POST', '/feeds/opml', postOpml, undefined, { xmlBody: true }],
  ['GET', '/feeds/:id', getFeedHandler, ID],
  ['DELETE', '/feeds/:id', deleteFeed, ID],
  ['POST', '/feeds/:id/pause', postPause, { ...ID, body: pauseBody }],
  ['POST', '/feeds/:id/resume', postResume, ID],
  ['POST', '/feeds/:id/check', postCheck, ID],
  ['GET', '/candidates', listCandidatesHandler, { querystring: candidateListQuery }],
  ['GET', '/candidates/:id', getCandidateHandler, ID],
  ['POST', '/candidates/:id/import', postImportCandidate, { ...ID, body: updateBody }],
  ['POST', '/candidates/:id/dismiss', postDismiss, ID],
];

export async function registerApiRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (api) => {
      api.setErrorHandler(apiErrorHandler);
      const noRoute = async (req: FastifyRequest, reply: FastifyReply) =>
        reply.code(404).send({ error: `no API route ${req.method} ${req.url.split('?')[0]}` });
      api.setNotFoundHandler(noRoute);
      api.addHook('onRequest', bearerAuth(ctx));
      api.addHook('onRequest', requireJson);
      // OPML arrives as XML; requireJson lets it through only on routes marked xmlBody.
      api.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: API_BODY_LIMIT }, (_req, body, done) => done(null, body));
      api.addHook('onClose', async () => closeFallbackFetcher(ctx));
      api.addHook('onSend', async (_req, reply, payload) => {
        reply.header('cache-control', 'no-store');
        return payload;
      });
      for (const [method, url, handler, schema, config] of API_ROUTES)
        api.route({ method, url, schema, config, bodyLimit: API_BODY_LIMIT, handler: (req, reply) => handler(ctx, req, reply) });
      // Claims every other /api/ path, so no other surface's pattern (e.g. /:lang/:slug) answers it in HTML.
      // An unknown route is a 404 with or without a token: the route table is public (GET /api, README).
      api.all('/*', { config: { public: true } }, noRoute);
      api.get('/', async () => ({ routes: API_ROUTES.map(([method, url]) => `${method} /api${url}`) }));
    },
    { prefix: '/api' },
  );
}
