// Content Credentials on the public site: each article's manifest store at its own URL (application/c2pa),
// and the verify page (GET shows the form, or checks ?url=; POST checks a pasted URL or text).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { InputError } from '../domain/types.ts';
import { hasManifest } from '../c2pa/manifest-url.ts';
import { findArticleById } from '../store/articles.ts';
import { createFetcher, type Fetcher } from '../ingest/fetch/index.ts';
import { verifyBytes, verifyUrl } from '../c2pa/remote.ts';
import type { Verification } from '../c2pa/verify.ts';
import { loadSections } from './load.ts';
import { renderVerify } from './pages/verify.ts';
import { sendHtml } from './respond.ts';

const MAX_TEXT = 256 * 1024;
const fallback = new WeakMap<AppContext, Fetcher>();

function fetcherOf(ctx: AppContext): Fetcher {
  if (ctx.fetcher) return ctx.fetcher;
  let f = fallback.get(ctx);
  if (!f) fallback.set(ctx, (f = createFetcher({ timeoutMs: 20_000 })));
  return f;
}

type Query = { Querystring: Record<string, string | undefined>; Body: URLSearchParams | undefined };

export function registerCredentialRoutes(app: FastifyInstance, ctx: AppContext, storeOf: (a: Article) => Promise<Uint8Array | null>): void {
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_TEXT * 4 }, (_req, body, done) =>
      done(null, new URLSearchParams(body as string)),
    );
    scope.addHook('onClose', async () => {
      await fallback.get(ctx)?.close();
      fallback.delete(ctx);
    });

    scope.get('/c2pa/articles/:file', async (req: FastifyRequest<{ Params: { file: string } }>, reply) => {
      const m = /^([1-9]\d{0,9})\.c2pa$/.exec(req.params.file);
      const a = m ? await findArticleById(ctx.store.db, Number(m[1])) : null;
      const store = a && hasManifest(ctx, a) ? await storeOf(a) : null;
      if (!store) return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('no manifest for this article');
      return reply.header('content-type', 'application/c2pa').header('cache-control', 'no-cache').header('access-control-allow-origin', '*').send(Buffer.from(store));
    });

    async function answer(req: FastifyRequest<Query>, reply: FastifyReply, url: string | undefined, text: string | undefined, refused?: string): Promise<FastifyReply> {
      const lang = req.query.lang && ctx.site.languages.includes(req.query.lang) ? req.query.lang : ctx.site.defaultLanguage;
      const chrome = { site: ctx.site, sections: await loadSections(ctx) };
      const anchors = ctx.credentials?.anchors ?? [];
      let result: { verification?: Verification; error?: string } | null = refused ? { error: refused } : null;
      if (!refused) try {
        if (text?.trim()) result = { verification: await verifyBytes(Buffer.from(text), 'text/plain', anchors) };
        else if (url?.trim()) result = { verification: (await verifyUrl(fetcherOf(ctx), url.trim(), anchors)).verification };
      } catch (err) {
        result = { error: err instanceof InputError ? err.message : `could not check: ${(err as Error).message}` };
      }
      return sendHtml(req, reply, renderVerify(chrome, lang, { url, text }, result), { status: result?.error ? 400 : 200, lang });
    }

    scope.get('/verify', async (req: FastifyRequest<Query>, reply) => answer(req, reply, req.query.url, undefined));
    scope.post('/verify', async (req: FastifyRequest<Query>, reply) => {
      const body = req.body instanceof URLSearchParams ? req.body : new URLSearchParams();
      const text = body.get('text') ?? undefined;
      if (text && text.length > MAX_TEXT) return answer(req, reply, undefined, undefined, `the text is longer than ${MAX_TEXT / 1024} KB`);
      return answer(req, reply, body.get('url') ?? undefined, text);
    });
  });
}
