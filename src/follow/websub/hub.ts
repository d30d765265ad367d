// The built-in WebSub hub (W3C WebSub §5–7) for our own feeds. POST /websub takes subscription requests
// (form-encoded hub.mode, hub.topic, hub.callback, hub.lease_seconds, hub.secret), answers 202, and
// verifies the subscriber's intent asynchronously (job `websub-verify`: GET callback with a challenge).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { enqueueJob } from '../../ingest/jobs/index.ts';
import { createSharedRateLimiter } from '../shared-limiter.ts';
import { readerNetwork } from '../../domain/network-prefix.ts';
import { HUB_PATH } from './hub-url.ts';
import { parseTopic } from './topics.ts';

export const WEBSUB_VERIFY_JOB = 'websub-verify';
export const DEFAULT_LEASE_SECONDS = 10 * 86_400;
export const MIN_LEASE_SECONDS = 3600;
export const MAX_LEASE_SECONDS = 30 * 86_400;

export interface IntentPayload {
  mode: 'subscribe' | 'unsubscribe';
  topic: string;
  callback: string;
  leaseSeconds: number;
  secret: string | null;
}

export type HubRequestOutcome = { ok: true; payload: IntentPayload } | { ok: false; error: string };

export function parseHubRequest(baseUrl: string, form: Record<string, unknown>): HubRequestOutcome {
  const mode = form['hub.mode'];
  if (mode !== 'subscribe' && mode !== 'unsubscribe') return { ok: false, error: 'hub.mode must be subscribe or unsubscribe' };
  const topic = String(form['hub.topic'] ?? '');
  if (!parseTopic(baseUrl, topic)) return { ok: false, error: 'hub.topic is not a feed of this site' };
  const callback = String(form['hub.callback'] ?? '');
  let cb: URL;
  try {
    cb = new URL(callback);
  } catch {
    return { ok: false, error: 'hub.callback must be an http(s) URL' };
  }
  if ((cb.protocol !== 'http:' && cb.protocol !== 'https:') || callback.length > 2000) return { ok: false, error: 'hub.callback must be an http(s) URL' };
  const secret = form['hub.secret'] === undefined || form['hub.secret'] === '' ? null : String(form['hub.secret']);
  if (secret !== null && Buffer.byteLength(secret) >= 200) return { ok: false, error: 'hub.secret must be shorter than 200 bytes' };
  const asked = Number(form['hub.lease_seconds'] ?? DEFAULT_LEASE_SECONDS);
  const leaseSeconds = Number.isFinite(asked) ? Math.min(MAX_LEASE_SECONDS, Math.max(MIN_LEASE_SECONDS, Math.round(asked))) : DEFAULT_LEASE_SECONDS;
  return { ok: true, payload: { mode, topic, callback: cb.href, leaseSeconds, secret } };
}

export async function registerHubRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const limit = createSharedRateLimiter(ctx, { name: 'hub', limit: 60, windowMs: 10 * 60_000, onError: (err) => app.log.warn({ err }, 'rate limit unavailable') });
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.post(HUB_PATH, { bodyLimit: 4096 }, async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (!(await limit.take(readerNetwork(req.ip)))) return reply.code(429).type('text/plain').send('too many requests');
      const r = parseHubRequest(ctx.site.baseUrl, (req.body ?? {}) as Record<string, unknown>);
      if (!r.ok) return reply.code(400).type('text/plain').send(r.error);
      await enqueueJob(ctx.store.db, { kind: WEBSUB_VERIFY_JOB, payload: r.payload, maxAttempts: 3 }, ctx.now());
      return reply.code(202).type('text/plain').send('verification of intent pending');
    });
  });
}
