import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { recognisePastedArticle } from './recognise.ts';
import { parseDateLine } from './dates.ts';

const seed = new URL('../../../../shared/seed/republished-article-capture.txt', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8');

test('the seed capture: title, date, byline, credits, source and chrome', { skip: !existsSync(seed) && 'needs ../shared/seed' }, () => {
  const a = recognisePastedArticle(readFileSync(seed, 'utf8'));
  assert.equal(a.title, 'Le Ministère de la Défense russe livre les détails de la coopération US-Etat Islamique');
  assert.equal(a.publishedAt, '2017-11-15T00:00:00.000Z');
  assert.equal(a.siteName, 'Réseau International');
  assert.match(a.imageUrl ?? '', /^http:\/\/reseauinternational\.net\/wp-content\/uploads\/2017\/11\/.+\.jpg$/);
  assert.deepEqual(a.authors, ['Samer Hussein']);
  assert.equal(a.originalUrl, 'http://www.fort-russ.com/2017/11/russian-mod-details-us-isis-cooperation.html');
  assert.deepEqual(a.translators, ['Avic']);
  assert.equal(a.translatorSite, 'Réseau International');
  assert.equal(a.sourceUrl, 'http://reseauinternational.net/le-ministere-de-la-defense-russe-livre-les-details-de-la-cooperation-us-etat-islamique/');
  assert.equal(a.copyToken, 'BdcYKAD1mC1G6xXA.99');
  assert.equal(a.language, 'fr');
  assert.equal(a.paragraphs.length, 13);
  assert.match(a.paragraphs[0], /^Le ministère de la Défense russe a fourni/);
  assert.match(a.paragraphs.at(-1) ?? '', /Moyen-Orient\.$/);
  // Chrome is gone from the body: menus, share counts, the copier's bio box.
  for (const chrome of ['Aller à', 'RSS Feed', 'Facebook', 'Total : 350', 'Partager la publication', 'About Ginette', 'écologiste', 'En savoir plus', 'Traduction']) {
    assert.ok(!a.text.includes(chrome), `body must not contain "${chrome}"`);
  }
  assert.ok(a.dropped.some((l) => l.startsWith('About Ginette')));
});

test('an English republication with "By", "Translated by" and "Read more at"', () => {
  const a = recognisePastedArticle(fixture('en-translated.txt'));
  assert.equal(a.title, 'Harbour town opens its first floating library');
  assert.equal(a.publishedAt, '2024-03-04T00:00:00.000Z');
  assert.deepEqual(a.authors, ['Claire Dubois']);
  assert.deepEqual(a.translators, ['Sam Patel']);
  assert.equal(a.translatorSite, 'Coastal Digest');
  assert.equal(a.originalUrl, 'https://journal-du-port.example/2024/03/bibliotheque-flottante');
  assert.equal(a.sourceUrl, 'https://coastal-digest.example/floating-library/');
  assert.equal(a.copyToken, 'Zx81Qp0aLm2Nn3Oo.1k');
  assert.equal(a.language, 'en');
  assert.equal(a.paragraphs.length, 3);
  assert.ok(!a.text.includes('Share this'));
  assert.ok(!a.text.includes('Related posts'));
});

test('a French article with "Traduit de l’anglais par", "Source :" and "via"', () => {
  const a = recognisePastedArticle(fixture('fr-source-via.txt'));
  assert.equal(a.title, 'Les abeilles reviennent dans les jardins partagés');
  assert.equal(a.publishedAt, '2023-06-01T00:00:00.000Z');
  assert.deepEqual(a.authors, ['Jonas Weber', 'Lea Marti']);
  assert.deepEqual(a.translators, ['Inès Morel']);
  assert.equal(a.originalUrl, 'https://garden-news.example/bees-return');
  assert.deepEqual(a.via, { url: 'https://relais-collectif.example/abeilles', name: null });
  assert.equal(a.language, 'fr');
  assert.equal(a.paragraphs.length, 2);
  assert.equal(a.sourceUrl, null);
});

test('text without any credits is still a title and a body', () => {
  const a = recognisePastedArticle('A quiet title\n\nThis is the first sentence of a short article, long enough to be a paragraph.\n\nAnd a second paragraph follows here with more words in it.');
  assert.equal(a.title, 'A quiet title');
  assert.equal(a.paragraphs.length, 2);
  assert.deepEqual(a.authors, []);
  assert.equal(a.originalUrl, null);
  assert.match(a.bodyHtml, /^<p>This is the first sentence/);
});

test('body HTML is escaped', () => {
  const a = recognisePastedArticle('Title\n\nBy Ann Lee\n\n<script>alert(1)</script> & more text that is long enough to count as a body paragraph here.');
  assert.ok(!a.bodyHtml.includes('<script>'));
  assert.match(a.bodyHtml, /&lt;script&gt;/);
});

test('dates in French and English', () => {
  assert.equal(parseDateLine('15 novembre 2017'), '2017-11-15T00:00:00.000Z');
  assert.equal(parseDateLine('1er décembre 2019'), '2019-12-01T00:00:00.000Z');
  assert.equal(parseDateLine('le mercredi 3 janv. 2024'), '2024-01-03T00:00:00.000Z');
  assert.equal(parseDateLine('November 15, 2017'), '2017-11-15T00:00:00.000Z');
  assert.equal(parseDateLine('Posted on March 4, 2024 at 10:30 am'), '2024-03-04T00:00:00.000Z');
  assert.equal(parseDateLine('2017-11-15'), '2017-11-15T00:00:00.000Z');
  assert.equal(parseDateLine('31/12/2020'), '2020-12-31T00:00:00.000Z');
  assert.equal(parseDateLine('30 février 2020'), null);
  assert.equal(parseDateLine('Le 15 novembre 2017, les troupes sont arrivées en ville.'), null);
});
