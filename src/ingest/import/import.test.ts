import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';
import type { AppContext } from '../../context.ts';
import { openTestContext } from '../../publish/test-context.ts';
import { createFetcher, type Fetcher } from '../fetch/index.ts';
import { findArticleById } from '../../store/articles.ts';
import { findOriginalSnapshot } from '../../store/originals.ts';
import { findOutletById } from '../../store/outlets.ts';
import { findPeopleByIds } from '../../store/people.ts';
import { ImportError, importFromHtml, importFromPaste, importFromUrl } from './index.ts';

const page = readFileSync(new URL('./testdata/outlet-article.html', import.meta.url), 'utf8');
const seed = new URL('../../../../shared/seed/republished-article-capture.txt', import.meta.url);

let ctx: AppContext;
let server: Server;
let base: string;
let fetcher: Fetcher;

const frenchPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>L’été à la médiathèque</title></head><body><article>
<h1>L’été à la médiathèque</h1><p>Élève à l’école : « déjà vu », coût 5 € — très bien. La médiathèque ouvre ses portes tout l’été, avec des ateliers pour les enfants et des lectures en plein air.</p>
<p>Les bénévoles préparent aussi une bourse aux livres le dernier samedi du mois, sur la place du marché, près de la fontaine.</p></article></body></html>`;

before(async () => {
  ctx = await openTestContext();
  server = createServer((req, res) => {
    if (req.url === '/article') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    // Declared UTF-8, actually windows-1252: the common lie.
    if (req.url === '/cp1252') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(iconv.encode(frenchPage.replace('charset="utf-8"', ''), 'win1252'));
    if (req.url === '/image') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10));
    if (req.url === '/to-private') return res.writeHead(302, { location: 'http://10.0.0.1/secret' }).end();
    res.writeHead(404).end('not here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  fetcher = createFetcher({ allowHosts: [`127.0.0.1:${port}`], timeoutMs: 5000 });
});
after(async () => {
  await fetcher.close();
  server.close();
  await ctx.store.close();
});

async function counts() {
  const db = ctx.store.db;
  const n = async (t: 'articles' | 'outlets' | 'people' | 'originals') => Number((await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { articles: await n('articles'), outlets: await n('outlets'), people: await n('people'), originals: await n('originals') };
}

test('importing a page by URL creates a draft with the original’s provenance and keeps the original verbatim', async () => {
  const out = await importFromUrl(ctx, fetcher, `${base}/article`);
  assert.equal(out.kind, 'created');
  const a = await findArticleById(ctx.store.db, out.article.id);
  assert.ok(a);
  assert.equal(a.status, 'draft');
  assert.equal(a.title, 'Night trains return to the valley');
  assert.equal(a.language, 'en');
  assert.doesNotMatch(a.bodyHtml, /script|tracking|Most read/);
  assert.match(a.bodyHtml, /first sleeper train/);
  const o = a.provenance.original;
  assert.ok(o);
  // The page's canonical names another host than the one it was read from: the address read is the source.
  assert.equal(o.url, `${base}/article`);
  assert.ok(out.notes?.some((n) => n.includes('https://valley-courier.example/2025/09/night-trains-return')));
  assert.deepEqual(o.authorNames, ['Mara Lind']);
  assert.equal(o.publishedAt, '2025-09-14T04:30:00.000Z');
  assert.equal(o.language, 'en');
  const outlet = await findOutletById(ctx.store.db, o.outletId!);
  assert.equal(outlet?.name, 'Valley Courier');
  assert.equal(outlet?.homeUrl, `${base}/`);
  const people = await findPeopleByIds(ctx.store.db, a.authorIds);
  assert.deepEqual([...people.values()].map((p) => p.name), ['Mara Lind']);
  const snap = await findOriginalSnapshot(ctx.store.db, a.id);
  assert.match(snap?.text ?? '', /school choir/);
  assert.equal(snap?.sourceKind, 'url');
});

test('importing the same original twice is reported, and --update refreshes the draft instead of duplicating', async () => {
  const before = await counts();
  const again = await importFromHtml(ctx, page, `${base}/article#comments`);
  assert.equal(again.kind, 'exists');
  assert.deepEqual(await counts(), before);
  const updated = await importFromHtml(ctx, page.replace('three nights a week', 'four nights a week'), `${base}/article`, { update: true });
  assert.equal(updated.kind, 'updated');
  assert.equal(updated.article.id, again.article.id);
  assert.match(updated.article.bodyHtml, /four nights a week/);
  assert.deepEqual(await counts(), before);
});

test('a page declared UTF-8 but written in windows-1252 comes out right', async () => {
  const out = await importFromUrl(ctx, fetcher, `${base}/cp1252`);
  assert.match(out.article.bodyHtml, /Élève à l’école : « déjà vu », coût 5 € — très bien/);
  assert.equal(out.article.language, 'fr');
});

test('the seed capture pasted as text becomes a draft with its credits', { skip: !existsSync(seed) && 'needs ../shared/seed' }, async () => {
  const out = await importFromPaste(ctx, readFileSync(seed, 'utf8'));
  const a = out.article;
  assert.equal(a.language, 'fr');
  assert.equal(a.provenance.original?.url, 'http://www.fort-russ.com/2017/11/russian-mod-details-us-isis-cooperation.html');
  assert.deepEqual(a.provenance.original?.authorNames, ['Samer Hussein']);
  assert.equal(a.provenance.original?.publishedAt, '2017-11-15T00:00:00.000Z');
  assert.equal(a.provenance.via?.url, 'http://reseauinternational.net/le-ministere-de-la-defense-russe-livre-les-details-de-la-cooperation-us-etat-islamique/');
  assert.equal(a.provenance.via?.name, 'Réseau International');
  const people = await findPeopleByIds(ctx.store.db, [...a.authorIds, ...a.translatorIds]);
  assert.equal(people.get(a.authorIds[0])?.name, 'Samer Hussein');
  assert.equal(people.get(a.translatorIds[0])?.name, 'Avic');
  const outlet = await findOutletById(ctx.store.db, a.provenance.original!.outletId!);
  assert.equal(outlet?.homeUrl, 'http://www.fort-russ.com/');
  assert.doesNotMatch(a.bodyHtml, /Ginette|Total : 350|Aller à/);
});

test('every failure names the URL and what went wrong, and leaves the database unchanged', async () => {
  const before = await counts();
  const cases: Array<[string, RegExp]> = [
    [`${base}/missing`, /missing.*HTTP 404/],
    [`${base}/image`, /not a web page \(image\/png\)/],
    [`${base}/to-private`, /to-private|10\.0\.0\.1/],
    ['http://127.0.0.1:1/x', /127\.0\.0\.1:1/],
    ['file:///etc/passwd', /file:\/\/\/etc\/passwd/],
  ];
  for (const [url, message] of cases) {
    await assert.rejects(importFromUrl(ctx, fetcher, url), (err: unknown) => {
      assert.ok(err instanceof ImportError, `${url}: ${err}`);
      assert.match(err.message, message);
      return true;
    });
  }
  await assert.rejects(importFromPaste(ctx, '\n\n   \n'), ImportError);
  assert.deepEqual(await counts(), before);
});

test('a failure after some rows were written rolls everything back', async () => {
  const before = await counts();
  // A new author and outlet are written first; the 600-character title then fails validation.
  const longTitle = 'T'.repeat(600);
  const html = page.replace(/Night trains return to the valley/g, longTitle).replace('Mara Lind', 'Brand New Author').replace(/valley-courier\.example/g, 'other-outlet.example');
  await assert.rejects(importFromHtml(ctx, html, 'https://other-outlet.example/x'), /title is longer/);
  assert.deepEqual(await counts(), before);
});
