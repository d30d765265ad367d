// The site's own static files: read once at start-up, served with a content hash for long caching.
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import sharp from 'sharp';
import { etagOf, matchesEtag } from './respond.ts';

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

function load(name: string, type: string): Asset {
  const body = readFileSync(new URL(`./assets/${name}`, import.meta.url));
  return { body, type, etag: etagOf(body) };
}

const css = load('site.css', 'text/css; charset=utf-8');
const logoSvg = load('logo.svg', 'image/svg+xml');

/** Versioned stylesheet URL: the query changes with the content, so browsers may keep it for a year. */
export const CSS_PATH = `/assets/site.css?v=${css.etag.slice(1, 11)}`;
export const LOGO_PATH = '/assets/logo.png';
export const ICON_PATH = '/assets/logo.svg';

let logoPng: Promise<Asset> | null = null;

function pngLogo(): Promise<Asset> {
  // Search engines want a raster logo; it is drawn from the SVG once per process.
  logoPng ??= sharp(logoSvg.body)
    .resize(256, 256)
    .png()
    .toBuffer()
    .then((body) => ({ body, type: 'image/png', etag: etagOf(body) }));
  return logoPng;
}

export function registerAssetRoutes(app: FastifyInstance): void {
  const serve = (get: () => Asset | Promise<Asset>) => async (req: FastifyRequest, reply: FastifyReply) => {
    const a = await get();
    reply.header('content-type', a.type);
    reply.header('etag', a.etag);
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    if (matchesEtag(req, a.etag)) return reply.code(304).send();
    return reply.send(a.body);
  };
  app.get('/assets/site.css', serve(() => css));
  app.get('/assets/logo.svg', serve(() => logoSvg));
  app.get('/assets/logo.png', serve(pngLogo));
}
