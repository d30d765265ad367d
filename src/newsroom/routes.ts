// GET /newsroom and /newsroom/* answer the shell page (the front end routes in the browser); the bundle's
// files are at /newsroom/assets/<hash>/<file>, cached forever (a new build has a new hash). Newsroom
// pages carry their own strict CSP: nothing inline, nothing from elsewhere, no framing by anyone.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { credentialsOf } from '../accounts/request-actor.ts';
import type { UiLanguage } from '../domain/accounts.ts';
import { buildNewsroom, type NewsroomBuild } from './build.ts';
import { shellHtml } from './shell-page.ts';

export const ASSET_PREFIX = '/newsroom/assets/';

/**
 * frame-src 'self': the import screen shows the stored original in a sandboxed iframe (srcdoc, no
 * allow-scripts). img-src data: for the TOTP QR code (an SVG as a data: URL), blob: for local previews
 * of images being uploaded. style-src 'self' holds: uPlot and ProseMirror set styles through the CSSOM
 * (element.style), which CSP does not govern; no <style> element or style attribute is written as markup.
 */
export const NEWSROOM_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', NEWSROOM_CSP)
    .header('x-content-type-options', 'nosniff')
    // Sign-in links carry their token in the address: no page may send it on as a Referer.
    .header('referrer-policy', 'no-referrer')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('x-robots-tag', 'noindex, nofollow');
}

/** fr or en from Accept-Language (by q), else null. */
export function preferredLanguage(header: string | undefined): UiLanguage | null {
  if (!header) return null;
  let best: { lang: UiLanguage; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'fr' && primary !== 'en') continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qp ? Number(qp.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang: primary, q };
  }
  return best?.lang ?? null;
}

async function uiLanguageOf(ctx: AppContext, req: FastifyRequest): Promise<UiLanguage> {
  try {
    const cred = await credentialsOf(ctx, req);
    if (cred.kind === 'session') return cred.session.user.uiLanguage;
  } catch {
    // An unreadable cookie is the same as none here: the front end asks the API again.
  }
  return preferredLanguage(req.headers['accept-language']) ?? (ctx.site.defaultLanguage === 'fr' ? 'fr' : 'en');
}

export async function registerNewsroomRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  let build: Promise<NewsroomBuild> | null = null;
  const built = () => (build ??= buildNewsroom(ctx.cacheDir).catch((err) => ((build = null), Promise.reject(err))));
  // Built when the server starts listening (`relais serve`), so the first visitor does not wait; apps that
  // never listen (tests using inject) build on their first newsroom request only.
  app.addHook('onListen', async () => {
    built().catch((err) => app.log.error({ err }, 'building the newsroom front end failed'));
  });

  const shell = async (req: FastifyRequest, reply: FastifyReply) => {
    secure(reply).header('cache-control', 'no-store').header('vary', 'cookie, accept-language');
    let b: NewsroomBuild;
    try {
      b = await built();
    } catch (err) {
      req.log.error({ err }, 'building the newsroom front end failed');
      return reply.code(500).type('text/plain; charset=utf-8').send(`The newsroom's front end could not be built: ${(err as Error).message}`);
    }
    const lang = await uiLanguageOf(ctx, req);
    return reply.type('text/html; charset=utf-8').send(shellHtml({ lang, script: `${ASSET_PREFIX}${b.hash}/${b.script}`, style: `${ASSET_PREFIX}${b.hash}/${b.style}` }));
  };
  app.get('/newsroom', shell);
  app.get('/newsroom/*', shell);

  app.get(`${ASSET_PREFIX}:hash/*`, async (req: FastifyRequest<{ Params: { hash: string; '*': string } }>, reply) => {
    secure(reply);
    const b = await built();
    const file = req.params['*'];
    const notFound = () => reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('not found');
    if (req.params.hash !== b.hash || !/^[A-Za-z0-9._/-]+$/.test(file) || file.split('/').some((s) => s === '..' || s === '.' || s === '')) return notFound();
    const type = TYPES[extname(file)];
    const path = normalize(join(b.dir, file));
    if (!type || !path.startsWith(b.dir + sep) || !(file in b.files)) return notFound();
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(type).send(await readFile(path));
  });
}
