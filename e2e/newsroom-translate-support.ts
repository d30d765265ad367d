// Shared by the translation browser tests: a loopback outlet page (byline, date, a paragraph with a link),
// a TMX memory to seed, the workspace's rows found by their label.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { storyPage } from '../src/ingest/import/test-feed-server.ts';

export interface Outlet {
  base: string;
  host: string;
  close(): Promise<void>;
}

/** /story/N: the sample outlet article (by Mara Lind, 14 September 2025) with a link in its second paragraph. */
export async function startOutlet(): Promise<Outlet> {
  const server: Server = createServer((req, res) => {
    const m = /^\/story\/(\d+)$/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end('not here');
    const html = storyPage(Number(m[1])).replace('three nights a week', '<a href="https://valley-courier.example/timetable">three nights a week</a>');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

/** A TMX 1.4b memory with one English→French pair close to the story's third paragraph. */
export const SEED_TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="en" datatype="plaintext"/>
<body><tu>
<tuv xml:lang="en"><seg>Passengers on the first run included a school choir travelling to a concert and two families who had taken the old night train as children.</seg></tuv>
<tuv xml:lang="fr-FR"><seg>Parmi les passagers du premier voyage figuraient une chorale scolaire en route pour un concert et deux familles qui avaient pris l’ancien train de nuit enfants.</seg></tuv>
</tu></body></tmx>`;

/** The target field of segment n (1-based), by its label. */
export function target(page: Page, n: number): Locator {
  return page.getByLabel(new RegExp(`^(Translation of segment|Traduction du segment) ${n} \\(`));
}

/** The grid row holding segment n. */
export function row(page: Page, n: number): Locator {
  return page.locator('.tr-row').nth(n - 1);
}

/** A loopback server speaking LibreTranslate's POST /translate ({q, source, target, format} → {translatedText}). */
export async function startLibreTranslate(answer: string): Promise<Outlet & { asked: Array<{ q: unknown; source: string; target: string }> }> {
  const asked: Array<{ q: unknown; source: string; target: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/translate') return void res.writeHead(404).end('{}');
      const q = JSON.parse(body) as { q: unknown; source: string; target: string };
      asked.push(q);
      const translatedText = Array.isArray(q.q) ? q.q.map(() => answer) : answer;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ translatedText }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, asked, close: () => new Promise((r) => server.close(() => r())) };
}
