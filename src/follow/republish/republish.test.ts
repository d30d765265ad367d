// The republication kit end to end: licence → kit page → pixel (no-store, bots and repeats not counted,
// forged tokens ignored) → republisher row and its check job against a loopback republishing page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openApiHarness } from '../../api/test-app.ts';
import { runWorker } from '../../ingest/jobs/index.ts';
import { REPUBLISHER_CHECK_JOB, republisherCheckHandler } from './check-job.ts';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const BODY = '<p>The river rose by two metres overnight and the old bridge closed at dawn, officials said on Tuesday.</p><p>Residents of the lower town were asked to move their cars before the evening tide came in again.</p>';

function serve(handler: (path: string) => string): Promise<Server> {
  const s = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(handler(req.url ?? '/')));
  return new Promise((ok) => s.listen(0, '127.0.0.1', () => ok(s.unref())));
}

test('kit, pixel and republisher check', async () => {
  let page = '';
  const server = await serve(() => page);
  const port = (server.address() as AddressInfo).port;
  const h = await openApiHarness({ fetchAllow: [`127.0.0.1:${port}`] });
  try {
    const person = (await h.call('POST', '/api/people', { name: 'Ada Lemaire' })).json();
    const created = await h.call('POST', '/api/articles', { language: 'en', title: 'River rises', bodyHtml: BODY, authorIds: [person.id], status: 'published' });
    assert.equal(created.statusCode, 201, created.body);
    const a = created.json();

    // All rights reserved by default: no kit.
    assert.doesNotMatch((await h.app.inject(`/en/${a.slug}`)).body, /\/republish"/);
    assert.equal((await h.app.inject(`/en/${a.slug}/republish`)).statusCode, 404);

    const set = await h.call('PUT', `/api/articles/${a.id}/licence`, { licence: 'CC-BY-ND-4.0' });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().republishable, true);
    assert.equal((await h.call('PUT', `/api/articles/${a.id}/licence`, { licence: 'CC0' })).statusCode, 400);

    assert.match((await h.app.inject(`/en/${a.slug}`)).body, new RegExp(`href="/en/${a.slug}/republish"`));
    const kit = await h.app.inject(`/en/${a.slug}/republish`);
    assert.equal(kit.statusCode, 200);
    assert.equal(kit.headers['cache-control'], 'no-store');
    const pasted = kit.body.match(/<textarea id="kit-body"[^>]*>([\s\S]*?)<\/textarea>/)![1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    assert.match(pasted, /By Ada Lemaire/);
    assert.match(pasted, new RegExp(`href="http://relais.test/en/${a.slug}"`));
    assert.match(pasted, /CC BY-ND 4.0/);
    const pixel = pasted.match(/src="http:\/\/relais\.test(\/px\/[^"]+\.gif)"/)![1];
    assert.match(kit.body, /rel=&quot;canonical&quot; href=&quot;http:\/\/relais.test\/en\/river-rises&quot;/);

    // A second opening makes another placement.
    const again = (await h.app.inject(`/en/${a.slug}/republish`)).body;
    assert.ok(!again.includes(pixel));

    const where = `http://127.0.0.1:${port}/news/river`;
    const hit = (ua: string, url = pixel) => h.app.inject({ url, headers: { 'user-agent': ua, referer: where } });
    const first = await hit(CHROME);
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['content-type'], 'image/gif');
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal(first.headers['set-cookie'], undefined);
    await hit(CHROME); // the same reader the same day
    await hit('facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)');
    await hit('Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)');
    const forged = pixel.replace(/\.([A-Za-z0-9_-]{22})\.gif$/, (_m, sig: string) => `.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}.gif`);
    assert.equal((await hit('Mozilla/5.0 (Macintosh) Firefox/133.0', forged)).statusCode, 200);
    await h.app.inject({ url: pixel, headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/133.0' } }); // no Referer

    const reps = (await h.call('GET', `/api/articles/${a.id}/republishers`)).json();
    const byPage = new Map(reps.republishers.map((r: { pageUrl: string }) => [r.pageUrl, r]));
    const seen = byPage.get(where) as { views: number; daily: Array<{ views: number }>; host: string };
    assert.equal(seen.views, 1);
    assert.equal(seen.daily.at(-1)!.views, 1);
    assert.equal(reps.republishers.length, 2); // the Referer-less view is kept under its placement
    assert.ok(reps.republishers.some((r: { pageUrl: string }) => r.pageUrl.startsWith('urn:relais:placement:')));
    const top = (await h.call('GET', '/api/republishers')).json();
    assert.deepEqual(top.top, [{ host: `127.0.0.1:${port}`, views: 1, articles: 1 }]);

    // The republishing page as pasted (plus its canonical advice): every check passes.
    page = `<!doctype html><html><head><title>Local news: River rises</title><link rel="canonical" href="http://relais.test/en/${a.slug}"></head><body><nav>Home</nav>${pasted}</body></html>`;
    const stats = await runWorker({ store: h.ctx.store, handlers: { [REPUBLISHER_CHECK_JOB]: republisherCheckHandler(h.ctx, h.ctx.fetcher!) }, stopWhenIdle: true, pollIntervalMs: 10 });
    assert.equal(stats.done, 1);
    const checked = (await h.call('GET', `/api/articles/${a.id}/republishers`)).json().republishers.find((r: { pageUrl: string }) => r.pageUrl === where);
    assert.equal(checked.title, 'Local news: River rises');
    assert.equal(checked.checkError, null);
    assert.deepEqual(
      { credits: checked.checks.creditsPresent, link: checked.checks.linkBack, canonical: checked.checks.canonicalAsAdvised, unchanged: checked.checks.textUnchanged },
      { credits: true, link: true, canonical: true, unchanged: true },
    );
    assert.ok(checked.checks.copyIndexSimilarity > 0.9, `the copy index saw it too: ${checked.checks.copyIndexSimilarity}`);
    // The next look is queued a week later.
    const next = await h.ctx.store.db.selectFrom('jobs').select(['run_at', 'state']).where('kind', '=', REPUBLISHER_CHECK_JOB).where('state', '=', 'queued').execute();
    assert.equal(next.length, 1);
    assert.ok(Date.parse(next[0].run_at) > Date.now() + 6 * 86_400_000);
  } finally {
    await h.close();
    server.close();
  }
});

test('an edited copy without credits fails its checks', async () => {
  const { checkRepublication } = await import('./check.ts');
  const credits = { authors: [{ name: 'Ada Lemaire' }], authorNames: [], translators: [], root: null, canonicalUrl: 'http://relais.test/en/x' } as never;
  const c = checkRepublication('<html><body><p>The river rose. Something else entirely was written here by someone.</p></body></html>', 'https://other.example/a', {
    articleUrl: 'http://relais.test/en/x',
    text: 'The river rose by two metres overnight and the old bridge closed at dawn, officials said on Tuesday.',
    credits,
  });
  assert.deepEqual([c.creditsPresent, c.linkBack, c.canonicalAsAdvised, c.textUnchanged], [false, false, false, false]);
  assert.deepEqual(c.missingCredits, ['Ada Lemaire']);
});
