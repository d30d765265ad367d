import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Person, SiteConfig } from '../domain/types.ts';
import type { Credits } from './credits.ts';
import { articleJsonLd, jsonLdText } from './jsonld.ts';

const site: SiteConfig = {
  name: 'Réseau Test',
  baseUrl: 'https://relais.example',
  defaultLanguage: 'fr',
  languages: ['fr', 'en'],
  description: {},
  copyMinChars: 80,
  shareDedupSeconds: 1800,
};

const samer: Person = { id: 1, slug: 'samer-hussein', name: 'Samer Hussein', bio: '', photo: null, links: [{ label: 'Site', url: 'https://samer.example/' }] };
const avic: Person = { id: 2, slug: 'avic', name: 'Avic', bio: '', photo: null, links: [] };

const article: Article = {
  id: 7,
  slug: 'details',
  language: 'fr',
  title: 'Les détails </script><!--',
  summary: '',
  bodyHtml: '<p>x</p>',
  image: null,
  sectionIds: [],
  tags: [],
  status: 'published',
  publishedAt: '2017-11-15T09:30:00.000Z',
  updatedAt: '2017-11-16T10:00:00.000Z',
  createdAt: '2017-11-15T09:00:00.000Z',
  canonicalUrl: null,
  canonicalPolicy: 'self',
  authorIds: [1],
  translatorIds: [2],
  provenance: { original: null, via: null, translationOfId: null, republicationOfId: null, licence: 'CC BY 4.0' },
};

const original = {
  kind: 'original' as const,
  title: 'Russian MoD details',
  url: 'http://www.fort-russ.com/2017/11/x.html',
  language: 'en',
  publishedAt: '2017-11-14T10:00:00.000Z',
  outletName: 'Fort Russ',
  outletUrl: 'http://www.fort-russ.com/',
  authorNames: ['Samer Hussein'],
  translatorNames: [],
  articleId: null,
};

const credits: Credits = {
  authors: [samer],
  authorNames: ['Samer Hussein'],
  translators: [avic],
  source: original,
  root: original,
  chain: [original],
  via: null,
  isTranslation: true,
  isRepublication: false,
  licence: 'CC BY 4.0',
  canonicalUrl: 'https://relais.example/fr/details',
  noindex: false,
};

test('a translation is a NewsArticle with writers, translator, the work it translates and its publisher', () => {
  const ld = articleJsonLd({ site, article, credits, description: 'Résumé', image: { url: 'https://relais.example/img/1280/a.png', width: 1280, height: 720 }, logoUrl: 'https://relais.example/assets/logo.png' }) as Record<string, any>;
  assert.equal(ld['@context'], 'https://schema.org');
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, article.title);
  assert.equal(ld.inLanguage, 'fr');
  assert.equal(ld.datePublished, '2017-11-15T09:30:00.000Z');
  assert.equal(ld.dateModified, '2017-11-16T10:00:00.000Z');
  assert.deepEqual(ld.author, [{ '@type': 'Person', name: 'Samer Hussein', url: 'https://relais.example/author/samer-hussein/', sameAs: ['https://samer.example/'] }]);
  assert.deepEqual(ld.translator, [{ '@type': 'Person', name: 'Avic', url: 'https://relais.example/author/avic/' }]);
  assert.deepEqual(ld.translationOfWork, {
    '@type': 'CreativeWork',
    url: original.url,
    inLanguage: 'en',
    headline: 'Russian MoD details',
    datePublished: '2017-11-14T10:00:00.000Z',
    author: [{ '@type': 'Person', name: 'Samer Hussein' }],
    publisher: { '@type': 'Organization', name: 'Fort Russ', url: 'http://www.fort-russ.com/' },
  });
  assert.equal(ld.isBasedOn, original.url);
  assert.equal(ld.license, 'CC BY 4.0');
  assert.deepEqual(ld.mainEntityOfPage, { '@type': 'WebPage', '@id': 'https://relais.example/fr/details' });
  assert.deepEqual(ld.image, [{ '@type': 'ImageObject', url: 'https://relais.example/img/1280/a.png', width: 1280, height: 720 }]);
  assert.equal(ld.publisher.name, 'Réseau Test');
  assert.equal(ld.publisher.logo.url, 'https://relais.example/assets/logo.png');
});

test('an original has neither translationOfWork nor isBasedOn; name-only writers stay names', () => {
  const own: Credits = { ...credits, authors: [], authorNames: ['Jane Doe'], translators: [], source: null, root: null, chain: [], isTranslation: false };
  const ld = articleJsonLd({ site, article, credits: own, logoUrl: 'https://relais.example/assets/logo.png' }) as Record<string, any>;
  assert.equal(ld.translationOfWork, undefined);
  assert.equal(ld.isBasedOn, undefined);
  assert.equal(ld.translator, undefined);
  assert.equal(ld.image, undefined);
  assert.deepEqual(ld.author, [{ '@type': 'Person', name: 'Jane Doe' }]);
});

test('JSON-LD text cannot close its script element and parses back to the same data', () => {
  const data = { headline: '</script><script>alert(1)</script><!-- & \u2028' };
  const text = jsonLdText(data);
  assert.doesNotMatch(text, /[<>&\u2028]/);
  assert.deepEqual(JSON.parse(text), data);
});
