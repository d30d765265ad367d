import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHARE_NETWORKS } from '../domain/types.ts';
import { buildShareUrl } from './networks.ts';

const target = { title: 'Rivers & «lakes» rise: 100% #flood?', url: 'https://relais.example/en/rivers-rise?a=1&b=2', lang: 'en' };

function params(u: string): URLSearchParams {
  return new URL(u).searchParams;
}

test('each network gets its own share URL with the title and the article URL encoded', () => {
  const fb = buildShareUrl('facebook', target);
  assert.ok(fb.startsWith('https://www.facebook.com/sharer/sharer.php?'));
  assert.equal(params(fb).get('u'), target.url);

  const x = buildShareUrl('x', target);
  assert.ok(x.startsWith('https://x.com/intent/post?'));
  assert.equal(params(x).get('text'), target.title);
  assert.equal(params(x).get('url'), target.url);

  const bsky = buildShareUrl('bluesky', target);
  assert.ok(bsky.startsWith('https://bsky.app/intent/compose?'));
  assert.equal(params(bsky).get('text'), `${target.title} ${target.url}`);

  const li = buildShareUrl('linkedin', target);
  assert.ok(li.startsWith('https://www.linkedin.com/sharing/share-offsite/?'));
  assert.equal(params(li).get('url'), target.url);

  const wa = buildShareUrl('whatsapp', target);
  assert.ok(wa.startsWith('https://wa.me/?text='));
  assert.equal(params(wa).get('text'), `${target.title} ${target.url}`);

  const tg = buildShareUrl('telegram', target);
  assert.ok(tg.startsWith('https://t.me/share/url?'));
  assert.equal(params(tg).get('url'), target.url);
  assert.equal(params(tg).get('text'), target.title);

  const md = buildShareUrl('mastodon', target, { instance: 'mastodon.social' });
  assert.equal(new URL(md).origin, 'https://mastodon.social');
  assert.equal(new URL(md).pathname, '/share');
  assert.equal(params(md).get('text'), `${target.title} ${target.url}`);
});

test('nothing in the title can add or change a parameter, and spaces are %20, never +', () => {
  for (const n of SHARE_NETWORKS) {
    const u = buildShareUrl(n, target, { instance: 'example.social' });
    assert.doesNotMatch(u, /[ +#«»]/, n);
    assert.doesNotMatch(u.split('?')[1], /&b=|&a=/, n);
  }
});

test('title whitespace and control characters collapse to single spaces', () => {
  const u = buildShareUrl('x', { ...target, title: '  Two\nlines\tand\u0000 more  ' });
  assert.equal(params(u).get('text'), 'Two lines and more');
});

test('mastodon needs an instance', () => {
  assert.throws(() => buildShareUrl('mastodon', target), /instance/);
});

test('the e-mail is written in the article’s language, English for others, with CRLF line breaks', () => {
  const decode = (u: string) => {
    assert.ok(u.startsWith('mailto:?'));
    const out: Record<string, string> = {};
    for (const kv of u.slice('mailto:?'.length).split('&')) {
      const [k, v] = kv.split('=');
      out[k] = decodeURIComponent(v);
    }
    return out;
  };
  const fr = decode(buildShareUrl('email', { ...target, lang: 'fr' }));
  assert.match(fr.subject, /^À lire\u00a0: Rivers/);
  assert.match(fr.body, /Je pense que cet article/);
  assert.ok(fr.body.includes(`\r\n${target.url}`));
  const en = decode(buildShareUrl('email', target));
  assert.match(en.subject, /^Worth reading: Rivers/);
  assert.match(en.body, /I thought you might/);
  const de = decode(buildShareUrl('email', { ...target, lang: 'de' }));
  assert.equal(de.subject, en.subject);
  assert.doesNotMatch(buildShareUrl('email', target), /\+/);
});
