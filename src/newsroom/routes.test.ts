// The newsroom's shell page and assets over HTTP: language, CSP, robots, immutable assets, refusals;
// and the public site's pages load nothing from /newsroom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { openApiHarness, type ApiHarness } from '../api/test-app.ts';
import { signInAs } from '../api/test-sessions.ts';
import { closeSiteApp, openSiteApp, type SiteApp } from '../web/test-fixtures.ts';
import { NEWSROOM_CSP, preferredLanguage } from './routes.ts';

let h: ApiHarness;
before(async () => {
  h = await openApiHarness();
});
after(async () => h?.close());

const assetsOf = (html: string) => ({
  script: /<script type="module" src="([^"]+)"><\/script>/.exec(html)?.[1],
  style: /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1],
});

test('Accept-Language picks fr or en by weight, else nothing', () => {
  assert.equal(preferredLanguage('de-DE,fr;q=0.8,en;q=0.9'), 'en');
  assert.equal(preferredLanguage('fr-CA,fr;q=0.9,en;q=0.8'), 'fr');
  assert.equal(preferredLanguage('de,es'), null);
  assert.equal(preferredLanguage('en;q=0,fr;q=0.1'), 'fr');
  assert.equal(preferredLanguage(undefined), null);
});

test('GET /newsroom and any path under it answer the shell page, in the reader’s language, with a strict CSP', async () => {
  for (const [url, accept, lang] of [
    ['/newsroom', 'fr-FR,fr;q=0.9', 'fr'],
    ['/newsroom/', 'en-GB,en;q=0.9', 'en'],
    ['/newsroom/users', 'fr', 'fr'],
    ['/newsroom/articles/12/stats', 'en', 'en'],
  ]) {
    const r = await h.app.inject({ url, headers: { 'accept-language': accept } });
    assert.equal(r.statusCode, 200, url);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.equal(r.headers['content-security-policy'], NEWSROOM_CSP);
    assert.equal(r.headers['cache-control'], 'no-store');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.match(r.body, new RegExp(`<html lang="${lang}">`), url);
    assert.match(r.body, /<meta name="robots" content="noindex">/);
    assert.match(r.body, /<title>[^<]+<\/title>/);
    assert.match(r.body, /<noscript><p>[^<]+<\/p><\/noscript>/);
    assert.match(r.body, /<a class="skip-link" href="#main">/);
    assert.doesNotMatch(r.body, /<script(?![^>]*\bsrc=)/, 'no inline script');
    assert.doesNotMatch(r.body, /<style|style=/, 'no inline style');
  }
  for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "base-uri 'none'"])
    assert.ok(NEWSROOM_CSP.includes(directive), directive);
  assert.doesNotMatch(NEWSROOM_CSP, /unsafe-/);
});

test('a signed-in user’s own interface language wins over Accept-Language', async () => {
  const owner = await signInAs(h, 'owner');
  await owner.call('PUT', '/api/me', { uiLanguage: 'fr' });
  const r = await h.app.inject({ url: '/newsroom/', headers: { cookie: owner.cookie, 'accept-language': 'en' } });
  assert.match(r.body, /<html lang="fr">/);
});

test('the bundle is served at hashed, immutable URLs; other hashes and odd paths are 404', async () => {
  const r = await h.app.inject({ url: '/newsroom/' });
  const { script, style } = assetsOf(r.body);
  assert.match(script!, /^\/newsroom\/assets\/[0-9a-f]{16}\/main\.js$/);
  assert.match(style!, /^\/newsroom\/assets\/[0-9a-f]{16}\/newsroom\.css$/);
  const js = await h.app.inject({ url: script! });
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers['content-type']), /^text\/javascript/);
  assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.match(js.body, /sourceMappingURL=main\.js\.map/);
  assert.match(js.body, /import\(/, 'screens are separate chunks, loaded when opened');
  const css = await h.app.inject({ url: style! });
  assert.equal(css.statusCode, 200);
  assert.match(String(css.headers['content-type']), /^text\/css/);
  assert.match(css.body, /\.uplot/, 'uPlot’s stylesheet is in the bundle');
  assert.match(css.body, /skip-link/, 'and ours');
  const hash = script!.split('/')[3];
  for (const bad of ['/newsroom/assets/0000000000000000/main.js', `/newsroom/assets/${hash}/manifest.json`, `/newsroom/assets/${hash}/nope.js`, `/newsroom/assets/${hash}/chunks/..%2f..%2fmanifest.json`])
    assert.equal((await h.app.inject({ url: bad })).statusCode, 404, bad);
  // A path with ../ is resolved before routing: it names the shell page, never a file outside the build.
  for (const dots of [`/newsroom/assets/${hash}/../../../package.json`, `/newsroom/assets/${hash}/%2e%2e/%2e%2e/%2e%2e/package.json`])
    assert.doesNotMatch((await h.app.inject({ url: dots })).body, /"name": "relais"/, dots);
});

test('a build that exists in the cache folder is reused by the next process, not made again', async () => {
  const { buildNewsroom } = await import('./build.ts');
  const first = await buildNewsroom(h.ctx.cacheDir);
  const code = `const { buildNewsroom } = await import(${JSON.stringify(new URL('./build.ts', import.meta.url).href)}); const b = await buildNewsroom(${JSON.stringify(h.ctx.cacheDir)}); console.log(JSON.stringify({ hash: b.hash, fresh: b.fresh }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  const second = JSON.parse(out.trim().split('\n').pop()!);
  // (When a teammate's edit changed the sources in between, the hashes differ and a fresh build is right.)
  if (second.hash === first.hash) assert.equal(second.fresh, false);
  assert.ok(Object.keys(first.files).some((f) => /^chunks\/.+\.js$/.test(f)));
});

test('public pages load no script and no stylesheet from /newsroom', async () => {
  const site: SiteApp = await openSiteApp();
  try {
    const a = site.f.articles;
    const paths = ['/', '/fr/', '/en/', `/${a.en.language}/${a.en.slug}`, `/${a.fr.language}/${a.fr.slug}`, '/feed.xml'];
    let checked = 0;
    for (const path of paths) {
      const { res, body } = await site.page(path);
      if (res.statusCode !== 200 || !/html/.test(String(res.headers['content-type']))) continue;
      const refs = [...body.matchAll(/<(script|link)\b[^>]*?\b(?:src|href)="([^"]*)"/g)].map((m) => m[2]);
      assert.ok(refs.length > 0, `${path} has scripts or links`);
      for (const ref of refs) assert.ok(!new URL(ref, 'http://x/').pathname.startsWith('/newsroom'), `${path} loads ${ref}`);
      checked++;
    }
    assert.ok(checked >= 4, `checked ${checked} public pages`);
  } finally {
    await closeSiteApp(site);
  }
});
