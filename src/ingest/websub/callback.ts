// Our WebSub callback (/websub/callback/<token>): GET answers the hub's verification of intent for a
// subscription we asked for; POST takes pushed content, checks X-Hub-Signature (HMAC of the body under our
// secret) and stores the entries as import candidates, as a poll would. A bad signature is ignored with a
// 2xx, as the specification asks, so a forger learns nothing.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { parseFeed } from '../feedparse/index.ts';
import { entriesToCandidates, insertCandidates } from '../subscriptions/candidates.ts';
import { CALLBACK_PREFIX } from './subscriptions.ts';

export const PUSH_BODY_LIMIT = 5 * 1024 * 1024;

export function signatureValid(header: unknown, secret: string, body: Buffer): boolean {
  if (typeof header !== 'string') return false;
  const m = /^(sha1|sha256|sha384|sha512)=([0-9a-f]+)$/i.exec(header.trim());
  if (!m || m[1].toLowerCase() === 'sha1') return false; // SHA-1 is not accepted
  const expected = createHmac(m[1].toLowerCase(), secret).update(body).digest();
  const given = Buffer.from(m[2], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

type Req = FastifyRequest<{ Params: { token: string }; Querystring: Record<string, string | undefined> }>;

export async function registerWebsubCallback(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const find = (token: string) =>
    /^[A-Za-z0-9_-]{10,64}$/.test(token)
      ? ctx.store.db.selectFrom('websub_subscriptions').selectAll().where('token', '=', token).executeTakeFirst()
      : Promise.resolve(undefined);

  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: PUSH_BODY_LIMIT }, (_req, body, done) => done(null, body));

    scope.get(`${CALLBACK_PREFIX}:token`, async (req: Req, reply) => {
      reply.header('cache-control', 'no-store');
      const sub = await find(req.params.token);
      const q = req.query;
      if (!sub || q['hub.topic'] !== sub.topic) return reply.code(404).send();
      const now = ctx.now();
      if (q['hub.mode'] === 'denied') {
        await ctx.store.db.updateTable('websub_subscriptions').set({ state: 'denied', updated_at: now.toISOString() }).where('feed_id', '=', sub.feed_id).execute();
        return reply.code(200).send();
      }
      if (q['hub.mode'] === 'unsubscribe') return reply.code(404).send(); // we never ask to unsubscribe
      if (q['hub.mode'] !== 'subscribe' || !q['hub.challenge']) return reply.code(400).send();
      const lease = Math.max(60, Math.min(365 * 86_400, Number(q['hub.lease_seconds']) || 86_400));
      const lease_until = new Date(now.getTime() + lease * 1000).toISOString();
      await ctx.store.db.transaction().execute(async (tx) => {
        await tx.updateTable('websub_subscriptions').set({ state: 'active', lease_until, updated_at: now.toISOString() }).where('feed_id', '=', sub.feed_id).execute();
        // Pushes replace polling until the lease ends; then polling resumes (and resubscribes).
        await tx.updateTable('feeds').set({ next_check_at: lease_until }).where('id', '=', sub.feed_id).execute();
      });
      return reply.code(200).type('text/plain').send(q['hub.challenge']);
    });

    scope.post(`${CALLBACK_PREFIX}:token`, { bodyLimit: PUSH_BODY_LIMIT }, async (req: Req, reply) => {
      const sub = await find(req.params.token);
      if (!sub || sub.state !== 'active' || !sub.lease_until || Date.parse(sub.lease_until) <= ctx.now().getTime()) return reply.code(410).send();
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!signatureValid(req.headers['x-hub-signature'], sub.secret, body)) return reply.code(202).send();
      const parsed = await parseFeed(body, { contentType: String(req.headers['content-type'] ?? ''), url: sub.topic, headers: {} });
      if (parsed.ok) await insertCandidates(ctx.store.db, sub.feed_id, entriesToCandidates(parsed.feed.entries), ctx.now());
      return reply.code(202).send();
    });
  });
}
