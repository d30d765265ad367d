// Feed subscriptions: list, subscribe (feed URL or a page with autodiscovery), pause, resume, check now,
// remove, and OPML in and out.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import {
  checkFeedSoon, countFeeds, exportOpml, getFeed, importOpml, listFeeds, pauseFeed, removeFeed, resumeFeed, subscribe,
  type Feed, type FeedStatus, type OpmlImportReport, type SubscribeResult,
} from '../ingest/subscriptions/index.ts';
import { fetcherFor } from './fetcher.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;

export async function listFeedsHandler(ctx: AppContext, req: FastifyRequest): Promise<{ items: Feed[]; counts: Record<FeedStatus, number> }> {
  const q = req.query as { status?: FeedStatus; folder?: string; failing?: boolean; limit: number; offset: number };
  const items = await listFeeds(ctx, { status: q.status, folder: q.folder, failing: q.failing, limit: q.limit, offset: q.offset });
  return { items, counts: await countFeeds(ctx) };
}

export async function getFeedHandler(ctx: AppContext, req: IdReq): Promise<Feed> {
  return getFeed(ctx, req.params.id);
}

/** 201 with the new subscription, 200 when the feed was already subscribed. */
export async function postFeed(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<SubscribeResult> {
  const b = req.body as { url: string; title?: string; folder?: string; outletId?: number };
  const fetcher = fetcherFor(ctx);
  const r = await subscribe(ctx, { fetcher }, { url: b.url, title: b.title, folder: b.folder, outletId: b.outletId });
  ctx.wakePoller?.();
  reply.code(r.created ? 201 : 200).header('location', `/api/feeds/${r.feed.id}`);
  return r;
}

export async function postPause(ctx: AppContext, req: IdReq): Promise<Feed> {
  const reason = (req.body as { reason?: string } | null)?.reason?.trim();
  return pauseFeed(ctx, req.params.id, reason || undefined);
}

export async function postResume(ctx: AppContext, req: IdReq): Promise<Feed> {
  return resumeFeed(ctx, req.params.id);
}

/** The feed is due now: the next poller round fetches it. */
export async function postCheck(ctx: AppContext, req: IdReq, reply: FastifyReply): Promise<Feed> {
  await checkFeedSoon(ctx, req.params.id);
  ctx.wakePoller?.();
  reply.code(202);
  return getFeed(ctx, req.params.id);
}

export async function deleteFeed(ctx: AppContext, req: IdReq, reply: FastifyReply): Promise<void> {
  await removeFeed(ctx, req.params.id);
  reply.code(204).send();
}

export async function getOpml(ctx: AppContext, _req: FastifyRequest, reply: FastifyReply): Promise<string> {
  reply.type('application/xml; charset=utf-8').header('content-disposition', 'attachment; filename="relais-feeds.opml"');
  return exportOpml(ctx);
}

/** The body is the OPML document itself (text/x-opml or application/xml); answers with a line per feed. */
export async function postOpml(ctx: AppContext, req: FastifyRequest): Promise<OpmlImportReport> {
  const fetcher = fetcherFor(ctx);
  const body = req.body as Buffer | undefined;
  return importOpml(ctx, body ?? Buffer.alloc(0), { checkUrl: (u) => fetcher.checkUrl(u) });
}
