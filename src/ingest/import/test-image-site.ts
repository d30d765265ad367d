// Test support: a loopback outlet whose article has a featured image (with EXIF GPS), pictures in its
// text, and pictures that fail in every way (404, a web page served as image/jpeg, an SVG, an address the
// fetch policy refuses). Never reaches the internet.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jpegWithGps, pngImage, SVG } from '../../media/test-images.ts';

export interface ImageSite {
  base: string;
  /** "127.0.0.1:PORT" for allowHosts / fetchAllow. */
  host: string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

const TEXT = [
  'The valley line reopens on Monday after two years of works on the viaduct and the tunnels above the lake.',
  'Residents gathered at the station to watch the first test train cross the river, a moment many had waited for since the closure.',
  'The operator promises an hourly service in both directions, with extra trains on market days and during the summer season.',
];

/** The article page: `extra` pictures beyond the usual ones when a test needs many. */
export function imagePage(base: string, extra = 0): string {
  const many = Array.from({ length: extra }, (_, i) => `<p>Picture ${i}.</p><img src="${base}/pics/n${i}.png" alt="n${i}">`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The valley line reopens</title>
<meta property="og:site_name" content="Valley Courier"><meta property="og:image" content="${base}/pics/lead.jpg">
<link rel="canonical" href="${base}/article${extra ? `?extra=${extra}` : ''}"></head><body><article><h1>The valley line reopens</h1>
<p>${TEXT[0]}</p>
<figure><img src="${base}/pics/chart.png" srcset="${base}/pics/chart.png 1x, http://10.0.0.1/chart-2x.png 2x" alt="Passengers per day, 2019 to 2026"><figcaption>Passengers per day</figcaption></figure>
<p>${TEXT[1]}</p>
<figure><img src="${base}/pics/missing.png" alt="A photo that is gone"><figcaption>The missing photo's caption</figcaption></figure>
<p>Before the works: <img src="${base}/pics/page.jpg" alt="not really a picture"> and <img src="${base}/pics/logo.svg" alt="an SVG logo"></p>
<picture><source srcset="http://10.0.0.1/viaduct.webp" type="image/webp"><img src="http://10.0.0.1/viaduct.jpg" alt="A refused address"></picture>
<p>${TEXT[2]}</p>
<p><img src="${base}/pics/chart.png" alt="The chart again"></p>
${many}</article></body></html>`;
}

export async function startImageSite(): Promise<ImageSite> {
  const hits = new Map<string, number>();
  const lead = await jpegWithGps(64, 32);
  const chart = await pngImage(48, 24, { r: 20, g: 120, b: 40 });
  const state = { base: '' };
  const server = createServer(async (req, res) => {
    const [path, query] = (req.url ?? '/').split('?');
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/article') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(imagePage(state.base, Number(new URLSearchParams(query).get('extra') ?? 0)));
    if (path === '/pics/lead.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(lead);
    if (path === '/pics/chart.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(chart);
    if (path === '/pics/page.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html><body>gotcha</body></html>');
    if (path === '/pics/logo.svg') return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(SVG);
    const n = /^\/pics\/n(\d+)\.png$/.exec(path);
    if (n) return res.writeHead(200, { 'content-type': 'image/png' }).end(await pngImage(8 + Number(n[1]), 8));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  state.base = `http://127.0.0.1:${port}`;
  return {
    base: state.base,
    host: `127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
