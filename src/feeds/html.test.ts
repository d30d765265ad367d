import { test } from 'node:test';
import assert from 'node:assert/strict';
import { absolutizeHtml, entryContentHtml, imageType } from './html.ts';

const base = 'https://relais.test/fr/article';

test('relative links, images and srcset become absolute; other URLs are left alone', () => {
  const html =
    '<p><a href="/en/x?a=1&amp;b=2">a</a> <a href="#note">n</a> <a href="mailto:a@b.c">m</a> <a href="https://o.example/">o</a>' +
    '<img src="img/a.jpg" srcset="/a-320.jpg 320w, /a-640.jpg 640w" alt="A &amp; B"></p><blockquote cite="/src">q</blockquote>';
  const out = absolutizeHtml(html, base);
  assert.match(out, /href="https:\/\/relais\.test\/en\/x\?a=1&amp;b=2"/);
  assert.match(out, /href="#note"/);
  assert.match(out, /href="mailto:a@b\.c"/);
  assert.match(out, /href="https:\/\/o\.example\/"/);
  assert.match(out, /src="https:\/\/relais\.test\/fr\/img\/a\.jpg"/);
  assert.match(out, /srcset="https:\/\/relais\.test\/a-320\.jpg 320w, https:\/\/relais\.test\/a-640\.jpg 640w"/);
  assert.match(out, /cite="https:\/\/relais\.test\/src"/);
  assert.match(out, /alt="A &amp; B"/);
});

test('a body with only absolute links is returned untouched', () => {
  const html = '<p>“Quotes” &amp; <a href="https://x.example/">x</a></p>';
  assert.equal(absolutizeHtml(html, base), html);
});

test('the featured image comes first, its alt text and credit escaped', () => {
  const out = entryContentHtml('<p>Body</p>', { url: 'https://relais.test/media/a.jpg', alt: 'A "river" <flood>', credit: 'Photo & co', width: 10, height: 5, type: 'image/jpeg' }, base);
  assert.equal(
    out,
    '<figure><img src="https://relais.test/media/a.jpg" alt="A &quot;river&quot; &lt;flood&gt;" width="10" height="5"><figcaption>Photo &amp; co</figcaption></figure>\n<p>Body</p>',
  );
  assert.equal(imageType('2026/a.JPG'), 'image/jpeg');
  assert.equal(imageType('https://x.example/a.webp?w=2'), 'image/webp');
  assert.equal(imageType('noext'), null);
});
