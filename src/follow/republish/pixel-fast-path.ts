// GET/HEAD /px/<placement>.gif answered on the raw node:http request, before Fastify (early-requests.ts):
// Fastify's routing, request/reply objects and hooks were most of the pixel's cost (issue 8's goal is half
// of nginx's requests/s). The answer is fixed: precomputed headers, the GIF buffer, no store, no network.
// Anything it is not sure of (other methods, a percent-encoded or nested path, a name find-my-way would not
// match) is declined and Fastify answers as before. Not logged by RELAIS_LOG, unlike Fastify's routes.
import type { IncomingMessage } from 'node:http';
import type { EarlyHandler } from '../../early-requests.ts';
import { PIXEL_PREFIX } from './kit.ts';
import { PIXEL_GIF, PIXEL_HEADERS, type PixelHits } from './pixel-hit.ts';

// Flat [name, value, …]: writeHead takes it as is, without a setHeader per header.
const RAW_HEADERS = Object.entries(PIXEL_HEADERS).flat();
// What `/px/:file` matches in Fastify without decoding (find-my-way's maxParamLength is 100).
const FILE = /^[0-9A-Za-z._-]{1,100}$/;

export interface PixelFastPathOptions {
  hits: PixelHits;
  clientAddress: (req: IncomingMessage) => string;
  /** False once the app is closing: Fastify then answers 503 as for any route. */
  open: () => boolean;
  onError: (err: unknown) => void;
}

export function pixelFastPath(o: PixelFastPathOptions): EarlyHandler {
  return (req, res) => {
    const url = req.url ?? '';
    if (!url.startsWith(PIXEL_PREFIX) || (req.method !== 'GET' && req.method !== 'HEAD') || !o.open()) return false;
    const q = url.indexOf('?');
    const file = url.slice(PIXEL_PREFIX.length, q < 0 ? url.length : q);
    if (!FILE.test(file)) return false;
    try {
      o.hits(file, { method: req.method, ip: o.clientAddress(req), headers: req.headers });
    } catch (err) {
      o.onError(err); // a counting failure must not crash the server nor break the picture
    }
    res.writeHead(200, RAW_HEADERS).end(PIXEL_GIF); // HEAD: node sends the headers only
    return true;
  };
}
