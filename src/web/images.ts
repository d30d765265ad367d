// GET /media/{file} (originals) and GET /img/{width}/{file} (resized variants made by sharp once and
// kept under the cache folder).
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import type { AppContext } from '../context.ts';
import { IMAGE_WIDTHS } from '../domain/urls.ts';
import { RESIZABLE, mediaType, resolveMedia } from './media.ts';
import { matchesEtag } from './respond.ts';

type OutFormat = 'webp' | 'jpeg' | 'png' | 'gif' | 'avif';

const SAME_FORMAT: Record<string, OutFormat> = {
  '.jpg': 'jpeg', '.jpeg': 'jpeg', '.png': 'png', '.gif': 'gif', '.webp': 'webp', '.avif': 'avif', '.tif': 'jpeg', '.tiff': 'jpeg',
};
const OUT_TYPES: Record<OutFormat, string> = { webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', avif: 'image/avif' };

interface Variant {
  path: string;
  type: string;
  etag: string;
}

/** How many variants this process has rendered (tests check that concurrent requests share one). */
export const variantStats = { rendered: 0 };

const inflight = new Map<string, Promise<Variant | null>>();

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function render(ctx: AppContext, name: string, width: number, format: OutFormat): Promise<Variant | null> {
  const source = await resolveMedia(ctx.mediaDir, name);
  if (!source || !RESIZABLE.has(extname(source).toLowerCase())) return null;
  const st = await stat(source);
  // The source's size and time are in the key: replacing a media file yields new variants.
  const key = createHash('sha256').update(`${name}\0${st.size}\0${st.mtimeMs}\0${width}\0${format}`).digest('base64url').slice(0, 32);
  const path = join(ctx.cacheDir, 'img', String(width), key.slice(0, 2), `${key}.${format}`);
  const variant = { path, type: OUT_TYPES[format], etag: `"${key}"` };
  if (await exists(path)) return variant;
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    variantStats.rendered++;
    const animated = format === 'gif' || format === 'webp';
    await sharp(source, { animated })
      .autoOrient()
      .resize({ width, withoutEnlargement: true })
      .toFormat(format, format === 'png' || format === 'gif' ? {} : { quality: 80 })
      .toFile(tmp);
    await rename(tmp, path);
    return variant;
  } catch {
    await unlink(tmp).catch(() => {});
    return null;
  }
}

/** One rendering per variant however many requests ask for it at once. */
export function getVariant(ctx: AppContext, name: string, width: number, format: OutFormat): Promise<Variant | null> {
  const k = `${ctx.cacheDir}\0${width}\0${format}\0${name}`;
  let p = inflight.get(k);
  if (!p) {
    p = render(ctx, name, width, format).finally(() => inflight.delete(k));
    inflight.set(k, p);
  }
  return p;
}

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Not found');
}

export function registerImageRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/media/*', async (req: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const full = await resolveMedia(ctx.mediaDir, req.params['*']);
    if (!full) return notFound(reply);
    const st = await stat(full);
    const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
    const type = mediaType(full);
    reply.header('etag', etag);
    reply.header('last-modified', st.mtime.toUTCString());
    reply.header('cache-control', 'public, max-age=86400');
    reply.header('content-type', type);
    // An SVG opened directly must not run script with the site's origin.
    if (type === 'image/svg+xml') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    if (type === 'application/octet-stream') reply.header('content-disposition', 'attachment');
    if (matchesEtag(req, etag)) return reply.code(304).send();
    reply.header('content-length', st.size);
    return reply.send(createReadStream(full));
  });

  app.get('/img/:width/*', async (req: FastifyRequest<{ Params: { width: string; '*': string } }>, reply) => {
    const width = Number(req.params.width);
    if (!(IMAGE_WIDTHS as readonly number[]).includes(width) || String(width) !== req.params.width) return notFound(reply);
    const name = req.params['*'];
    const same = SAME_FORMAT[extname(name).toLowerCase()];
    if (!same) return notFound(reply);
    const webp = /\bimage\/webp\b/.test(req.headers.accept ?? '');
    const v = await getVariant(ctx, name, width, webp ? 'webp' : same);
    if (!v) return notFound(reply);
    reply.header('vary', 'Accept');
    reply.header('etag', v.etag);
    // Variants never change under a URL unless the original file is replaced, which is rare.
    reply.header('cache-control', 'public, max-age=2592000, stale-while-revalidate=86400');
    reply.header('content-type', v.type);
    if (matchesEtag(req, v.etag)) return reply.code(304).send();
    return reply.send(createReadStream(v.path));
  });
}
