// A Mastodon share names the server and asks before sending the reader there (a link elsewhere cannot
// bounce readers to any host through us); the confirmed click redirects and counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { buildApp } from '../app.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { getShareCounts } from '../store/counters.ts';

let ctx: AppContext;
let app: FastifyInstance;
let fr: Article;
let en: Article;
before(async () => {
  ctx = await openTestContext({ baseUrl: 'https://relais.example' });
  fr = await createArticle(ctx, { language: 'fr', title: 'Marée « haute »', bodyHtml: '<p>Eau.</p>', status: 'published' }, SYSTEM);
  en = await createArticle(ctx, { language: 'en', title: 'High tide', bodyHtml: '<p>Water.</p>', status: 'published' }, SYSTEM);
  app = await buildApp(ctx);
});
after(async () => {
  await app.close();
  await ctx.store.close();
});

const share = (a: Article, query: string, headers: Record<string, string> = {}) =>
  app.inject({ url: `/share/${a.id}/mastodon${query}`, remoteAddress: '192.0.2.5', headers: { 'user-agent': 'Mozilla/5.0 (X11) Kestrel/1.0', ...headers } });
const mastodonCount = async (a: Article) => (await getShareCounts(ctx.store.db, a.id)).byNetwork.mastodon;

test('a valid instance first gets a confirmation page naming it, localised, without script', async () => {
  const page = await share(fr, '?instance=Social.Example.Org');
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers.location, undefined);
  assert.match(page.headers['content-type'] as string, /^text\/html/);
  assert.match(page.body, /<html lang="fr">/);
  assert.match(page.body, /<strong>social\.example\.org<\/strong>/);
  assert.match(page.body, /<form method="get" action="\/share\/\d+\/mastodon">/);
  assert.match(page.body, /<input type="hidden" name="instance" value="social\.example\.org">/);
  assert.match(page.body, /<input type="hidden" name="confirm" value="1">/);
  assert.match(page.body, /<button type="submit">Continuer vers social\.example\.org<\/button>/);
  assert.match(page.body, /Choisir un autre serveur/);
  assert.doesNotMatch(page.body, /<script/);
  assert.equal(await mastodonCount(fr), 0, 'the confirmation is not a share');
  const enPage = await share(en, '?instance=social.example.org');
  assert.match(enPage.body, /Continue to social\.example\.org/);
});

test('the confirmed request redirects to the instance and counts; a "confirmation" from another site does not', async () => {
  const forged = await share(fr, '?instance=social.example.org&confirm=1', { 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'document' });
  assert.equal(forged.statusCode, 200);
  assert.equal(forged.headers.location, undefined);
  const ok = await share(fr, '?instance=social.example.org&confirm=1');
  assert.equal(ok.statusCode, 302);
  assert.equal(new URL(ok.headers.location as string).origin, 'https://social.example.org');
  assert.equal(await mastodonCount(fr), 1);
});
