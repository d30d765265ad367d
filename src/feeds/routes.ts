// Route table of the outgoing feeds: RSS, Atom and JSON Feed of the site, each language, section and author.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { FEED_FILES, type FeedFormat } from '../domain/urls.ts';
import { httpDate } from './dates.ts';
import { isNotModified } from './conditional.ts';
import { CONTENT_TYPES, createFeedService, type FeedServiceOptions } from './service.ts';
import type { ScopeKind } from './scope.ts';
import { policyOf } from '../cdn/index.ts';
import { setPublicCache } from '../cdn/policy.ts';

const SCOPES: Array<{ kind: ScopeKind; prefix: string }> = [
  { kind: 'site', prefix: '' },
  { kind: 'language', prefix: '/:lang' },
  { kind: 'section', prefix: '/section/:slug' },
  { kind: 'author', prefix: '/author/:slug' },
];

export async function registerFeedRoutes(app: FastifyInstance, ctx: AppContext, opts: FeedServiceOptions = {}): Promise<void> {
  const feeds = createFeedService(ctx, opts);
  const policy = policyOf(ctx.cdn);

  async function serve(req: FastifyRequest, reply: FastifyReply, kind: ScopeKind, format: FeedFormat) {
    const params = req.params as { lang?: string; slug?: string };
    const feed = await feeds.get(kind, params.lang ?? params.slug ?? '', format);
    reply
      .header('content-type', CONTENT_TYPES[format])
      .header('etag', feed.etag)
      .header('x-content-type-options', 'nosniff')
      .header('access-control-allow-origin', '*');
    // WebSub discovery (follow/websub): the hub and the topic's own URL.
    setPublicCache(reply, policy, feed.keys ?? []);
    if (feed.hub) reply.header('link', `<${feed.hub}>; rel="hub", <${feed.self}>; rel="self"`);
    if (feed.lastModified) reply.header('last-modified', httpDate(feed.lastModified));
    if (isNotModified({ ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'] }, feed.etag, feed.lastModified))
      return reply.code(304).send();
    return reply.send(feed.body);
  }

  for (const { kind, prefix } of SCOPES)
    for (const format of Object.keys(FEED_FILES) as FeedFormat[])
      app.get(`${prefix}/${FEED_FILES[format]}`, (req, reply) => serve(req, reply, kind, format));
}
