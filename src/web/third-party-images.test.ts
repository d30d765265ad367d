// No public page loads an image from another site (review finding 11): the CSP allows only our own
// images, imported pictures are in the media library, and pictures stored with remote addresses are not shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from '../api/test-app.ts';
import { startImageSite, type ImageSite } from '../ingest/import/test-image-site.ts';

let h: ApiHarness;
let site: ImageSite;
before(async () => {
  site = await startImageSite();
  h = await openApiHarness({ fetchAllow: [site.host] });
});
after(async () => {
  await h.close();
  await site.close();
});

/** Every address the page asks the browser to load as an image. */
function imageAddresses(page: string): string[] {
  const out: string[] = [];
  for (const tag of page.match(/<(img|source)\b[^>]*>/gi) ?? []) {
    for (const m of tag.matchAll(/\s(src|srcset)="([^"]*)"/g)) {
      if (m[1] === 'src') out.push(m[2]);
      else out.push(...m[2].split(',').map((p) => p.trim().split(/\s+/)[0]));
    }
  }
  return out;
}

const isOwn = (u: string) => (u.startsWith('/') && !u.startsWith('//')) || u.startsWith(h.ctx.site.baseUrl + '/') || u.startsWith('data:image/');

async function publishedPage(id: number) {
  assert.equal((await h.call('POST', `/api/articles/${id}/publish`, {})).statusCode, 200);
  const a = (await h.call('GET', `/api/articles/${id}`)).json();
  const res = await h.app.inject({ url: `/${a.language}/${a.slug}` });
  assert.equal(res.statusCode, 200);
  return res;
}

test('the article page’s CSP allows images from this site only', async () => {
  const r = await h.call('POST', '/api/articles', { language: 'en', title: 'CSP probe', bodyHtml: '<p>Text.</p>' });
  const res = await publishedPage(r.json().id);
  const csp = String(res.headers['content-security-policy']);
  const img = /(?:^|;\s*)img-src ([^;]*)/.exec(csp)?.[1];
  assert.equal(img, "'self' data:");
  assert.doesNotMatch(img!, /https?:|\*/);
});

test('an imported article’s page shows its pictures from the media library only', async () => {
  const imp = await h.call('POST', '/api/imports', { url: `${site.base}/article` });
  assert.equal(imp.statusCode, 201, imp.body);
  const res = await publishedPage(imp.json().articleId);
  const addresses = imageAddresses(res.body);
  assert.ok(addresses.some((u) => /^\/img\/\d+\/library\//.test(u)), 'the featured image is shown from the library');
  assert.ok(addresses.filter((u) => u.startsWith('/img/960/library/')).length >= 2, 'the text’s pictures too');
  for (const u of addresses) assert.ok(isOwn(u), `off-site image on the page: ${u}`);
  for (const tag of res.body.match(/<(img|source|picture)\b[^>]*>/gi) ?? []) assert.doesNotMatch(tag, /127\.0\.0\.1|10\.0\.0\.1/);
  // And they are served.
  for (const u of new Set(addresses)) assert.equal((await h.app.inject({ url: u })).statusCode, 200, u);
});

test('pictures stored with remote addresses (older imports, API clients) are not shown', async () => {
  const bodyHtml =
    '<p>Before.</p><figure><img src="https://cdn.elsewhere.example/a.jpg" alt="remote"><figcaption>Remote caption</figcaption></figure>' +
    '<p>Mixed: <img src="/media/2017/ours.jpg" srcset="/media/2017/ours.jpg 1x, https://cdn.elsewhere.example/b.jpg 2x" alt="ours"></p>' +
    '<picture><source srcset="https://cdn.elsewhere.example/c.webp"><img src="/media/2017/ours.jpg" alt="ours again"></picture><p>After.</p>';
  const r = await h.call('POST', '/api/articles', { language: 'en', title: 'Remote pictures', bodyHtml, image: { file: 'https://cdn.elsewhere.example/lead.jpg', alt: 'lead', credit: 'Elsewhere' } });
  assert.equal(r.statusCode, 201, r.body);
  const res = await publishedPage(r.json().id);
  for (const u of imageAddresses(res.body)) assert.ok(isOwn(u), `off-site image on the page: ${u}`);
  assert.doesNotMatch(res.body, /elsewhere\.example/);
  const body = /<div class="article-body">([\s\S]*?)<\/div>/.exec(res.body)![1];
  assert.doesNotMatch(body, /Remote caption/, 'the figure of a picture not shown goes with it');
  assert.match(res.body, /alt="ours"/);
  assert.match(res.body, /alt="ours again"/);
  // Stored as given: an editor can still bring the picture into the library.
  assert.match((await h.call('GET', `/api/articles/${r.json().id}`)).json().bodyHtml, /cdn\.elsewhere\.example\/a\.jpg/);
});
