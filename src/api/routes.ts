// The JSON API's route table. Every route needs a bearer token; bodies are JSON, at most 4 MB.
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { AppContext } from '../context.ts';
import { apiAuth, type AuthConfig } from './auth.ts';
import * as session from './session.ts';
import * as me from './me.ts';
import { getUsers, postUser, postUserReset, putUser } from './users.ts';
import { deleteToken, getTokens, postToken } from './tokens.ts';
import { getAudit, getSettings, putSettings } from './admin.ts';
import * as acc from './account-schemas.ts';
import { apiErrorHandler, requireJson } from './errors.ts';
import { apiValidatorCompiler } from './validation.ts';
import { ARTICLE_ROUTES } from './article-routes.ts';
import { TRANSLATE_ROUTES } from './translate-routes.ts';
import { COPY_ROUTES } from './copies.ts';
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
import { deleteMediaHandler, getMediaHandler, listMediaHandler, mediaBody, mediaListQuery, postMedia, putMedia } from './media.ts';
import { registerUploadParsers } from './uploads.ts';
import { getSearch, searchQuery } from './search.ts';
import { FOLLOW_ROUTES } from './follow-routes.ts';
import { getArticleText } from './article-text.ts';

export const API_BODY_LIMIT = 4 * 1024 * 1024;

// Handlers are typed loosely here: each one narrows its own params and body, which the schema has checked.
type Handler = (ctx: AppContext, req: any, reply: FastifyReply) => Promise<unknown>;
type Route = [HTTPMethods, string, Handler, FastifySchema?, RouteConfig?];
/** `xmlBody`: the route takes an XML document (OPML) as its body instead of JSON. */
export interface RouteConfig extends AuthConfig {
  xmlBody?: boolean;
  /** `upload`: the route takes a file (multipart/form-data, or an image/… body) instead of JSON. */
  upload?: boolean;
}

const ID = { params: idParams };

export const API_ROUTES: Route[] = [
  ['GET', '/articles', listArticles, { querystring: articleListQuery }, { permission: 'article.read' }],
  ['POST', '/articles', postArticle, { body: articleBody }, { permission: 'article.create' }],
  ['GET', '/articles/:id', getArticle, ID, { permission: 'article.read' }],
  ['GET', '/articles/:id/text', getArticleText, ID, { permission: 'article.read' }],
  ['PUT', '/articles/:id', putArticle, { ...ID, body: articleBody }, { permission: 'article.edit' }],
  ['DELETE', '/articles/:id', removeArticle, ID, { permission: 'article.delete' }],
  ['POST', '/articles/:id/publish', postPublish, { ...ID, body: publishBody }, { permission: 'article.publish' }],
  ...ARTICLE_ROUTES,
  ...TRANSLATE_ROUTES,
  ...COPY_ROUTES,
  ['GET', '/search', getSearch, { querystring: searchQuery }, { permission: 'article.read' }],
  ['GET', '/articles/:id/stats', getArticleStats, ID, { permission: 'stats.read' }],
  ['GET', '/stats', getSiteStats, undefined, { permission: 'stats.read' }],
  ['GET', '/people', listPeopleHandler, undefined, { permission: 'article.read' }],
  ['POST', '/people', postPerson, { body: personBody }, { permission: 'people.manage' }],
  ['GET', '/people/:id', getPerson, ID, { permission: 'article.read' }],
  ['PUT', '/people/:id', putPerson, { ...ID, body: personBody }, { permission: 'people.manage' }],
  ['GET', '/outlets', listOutletsHandler, undefined, { permission: 'article.read' }],
  ['POST', '/outlets', postOutlet, { body: outletBody }, { permission: 'people.manage' }],
  ['GET', '/outlets/:id', getOutlet, ID, { permission: 'article.read' }],
  ['PUT', '/outlets/:id', putOutlet, { ...ID, body: outletBody }, { permission: 'people.manage' }],
  ['GET', '/sections', listSectionsHandler, undefined, { permission: 'article.read' }],
  ['POST', '/sections', postSection, { body: sectionBody }, { permission: 'people.manage' }],
  ['GET', '/sections/:id', getSection, ID, { permission: 'article.read' }],
  ['PUT', '/sections/:id', putSection, { ...ID, body: sectionBody }, { permission: 'people.manage' }],
  ['POST', '/imports', postImport, { body: importBody }, { permission: 'import' }],
  ['GET', '/feeds', listFeedsHandler, { querystring: feedListQuery }, { permission: 'feeds.manage' }],
  ['POST', '/feeds', postFeed, { body: feedBody }, { permission: 'feeds.manage' }],
  ['GET', '/feeds.opml', getOpml, undefined, { permission: 'feeds.manage' }],
  ['POST', '/feeds/opml', postOpml, undefined, { xmlBody: true, permission: 'feeds.manage' }],
  ['GET', '/feeds/:id', getFeedHandler, ID, { permission: 'feeds.manage' }],
  ['DELETE', '/feeds/:id', deleteFeed, ID, { permission: 'feeds.manage' }],
  ['POST', '/feeds/:id/pause', postPause, { ...ID, body: pauseBody }, { permission: 'feeds.manage' }],
  ['POST', '/feeds/:id/resume', postResume, ID, { permission: 'feeds.manage' }],
  ['POST', '/feeds/:id/check', postCheck, ID, { permission: 'feeds.manage' }],
  ['GET', '/candidates', listCandidatesHandler, { querystring: candidateListQuery }, { permission: 'feeds.manage' }],
  ['GET', '/candidates/:id', getCandidateHandler, ID, { permission: 'feeds.manage' }],
  ['POST', '/candidates/:id/import', postImportCandidate, { ...ID, body: updateBody }, { permission: 'feeds.manage' }],
  ['POST', '/candidates/:id/dismiss', postDismiss, ID, { permission: 'feeds.manage' }],
  ['GET', '/media', listMediaHandler, { querystring: mediaListQuery }, { permission: 'article.read' }],
  ['POST', '/media', postMedia, undefined, { permission: 'media.upload', upload: true }],
  ['GET', '/media/:id', getMediaHandler, ID, { permission: 'article.read' }],
  ['PUT', '/media/:id', putMedia, { ...ID, body: mediaBody }, { permission: 'media.upload' }],
  ['DELETE', '/media/:id', deleteMediaHandler, ID, { permission: 'media.upload' }],
  ...FOLLOW_ROUTES,
];

// Accounts (src/accounts): first run, sign-in, one-time links, second factors, one's own account.
const SIGNING_IN: RouteConfig = { optionalAuth: true };
const PENDING: RouteConfig = { pendingOk: true, enrolOk: true };
const ENROL: RouteConfig = { enrolOk: true };
const TOKEN = { params: acc.tokenParams };

export const ACCOUNT_ROUTES: Route[] = [
  ['GET', '/setup', session.getSetup, undefined, { public: true }],
  ['POST', '/setup', session.postSetup, { body: acc.setupBody }, SIGNING_IN],
  ['GET', '/session', session.getSession, undefined, SIGNING_IN],
  ['POST', '/session', session.postSession, { body: acc.signInBody }, SIGNING_IN],
  ['DELETE', '/session', session.deleteSession, undefined, SIGNING_IN],
  ['GET', '/links/:token', session.getLink, TOKEN, { public: true }],
  ['POST', '/links/:token', session.postLink, { ...TOKEN, body: acc.linkBody }, SIGNING_IN],
  ['POST', '/session/totp', session.postTotp, { body: acc.codeBody }, PENDING],
  ['POST', '/session/recovery', session.postRecovery, { body: acc.codeBody }, PENDING],
  ['POST', '/session/passkey/options', session.postPasskeyOptions, undefined, PENDING],
  ['POST', '/session/passkey', session.postPasskey, { body: acc.webauthnBody }, PENDING],
  ['GET', '/me', me.getMe, undefined, ENROL],
  ['PUT', '/me', me.putMe, { body: acc.meBody }, ENROL],
  ['GET', '/me/sessions', me.getMySessions, undefined, ENROL],
  ['DELETE', '/me/sessions/:sid', me.deleteMySession, { params: acc.sidParams }, ENROL],
  ['POST', '/me/sessions/revoke-others', me.postRevokeOthers, undefined, ENROL],
  ['POST', '/me/totp/setup', me.postTotpSetup, undefined, ENROL],
  ['POST', '/me/totp/confirm', me.postTotpConfirm, { body: acc.codeBody }, ENROL],
  ['DELETE', '/me/totp', me.deleteTotp, { body: acc.passwordBody }, ENROL],
  ['POST', '/me/recovery-codes', me.postRecoveryCodes, undefined, ENROL],
  ['GET', '/me/passkeys', me.getPasskeys, undefined, ENROL],
  ['POST', '/me/passkeys/options', me.postPasskeyRegistrationOptions, undefined, ENROL],
  ['POST', '/me/passkeys', me.postPasskeyRegistration, { body: acc.webauthnBody }, ENROL],
  ['DELETE', '/me/passkeys/:pid', me.deletePasskey, { params: acc.pidParams }, ENROL],
  ['GET', '/users', getUsers, undefined, { permission: 'users.manage' }],
  ['POST', '/users', postUser, { body: acc.userBody }, { permission: 'users.manage' }],
  ['PUT', '/users/:id', putUser, { ...ID, body: acc.userChangeBody }, { permission: 'users.manage' }],
  ['POST', '/users/:id/reset', postUserReset, ID, { permission: 'users.manage' }],
  ['GET', '/tokens', getTokens, undefined, { permission: 'tokens.own' }],
  ['POST', '/tokens', postToken, { body: acc.tokenBody }, { permission: 'tokens.own' }],
  ['DELETE', '/tokens/:id', deleteToken, ID, { permission: 'tokens.own' }],
  ['GET', '/audit', getAudit, { querystring: acc.auditQuery }, { permission: 'audit.read' }],
  ['GET', '/settings', getSettings, undefined, { permission: 'settings.manage' }],
  ['PUT', '/settings', putSettings, { body: acc.settingsBody }, { permission: 'settings.manage' }],
];

export async function registerApiRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (api) => {
      api.setErrorHandler(apiErrorHandler);
      api.setValidatorCompiler(apiValidatorCompiler);
      const noRoute = async (req: FastifyRequest, reply: FastifyReply) =>
        reply.code(404).send({ error: `no API route ${req.method} ${req.url.split('?')[0]}` });
      api.setNotFoundHandler(noRoute);
      api.addHook('onRequest', apiAuth(ctx));
      api.addHook('onRequest', requireJson);
      // OPML arrives as XML; requireJson lets it through only on routes marked xmlBody.
      api.addContentTypeParser(XML_TYPES, { parseAs: 'buffer', bodyLimit: API_BODY_LIMIT }, (_req, body, done) => done(null, body));
      // Files (media uploads) likewise reach only routes marked upload.
      await registerUploadParsers(api);
      api.addHook('onClose', async () => closeFallbackFetcher(ctx));
      api.addHook('onSend', async (_req, reply, payload) => {
        reply.header('cache-control', 'no-store');
        return payload;
      });
      for (const [method, url, handler, schema, config] of [...ACCOUNT_ROUTES, ...API_ROUTES])
        api.route({ method, url, schema, config, bodyLimit: API_BODY_LIMIT, handler: (req, reply) => handler(ctx, req, reply) });
      // Claims every other /api/ path, so no other surface's pattern (e.g. /:lang/:slug) answers it in HTML.
      // An unknown route is a 404 with or without a token: the route table is public (GET /api, README).
      api.all('/*', { config: { public: true } }, noRoute);
      api.get('/', async () => ({ routes: [...ACCOUNT_ROUTES, ...API_ROUTES].map(([method, url]) => `${method} /api${url}`) }));
    },
    { prefix: '/api' },
  );
}
