import { test } from 'node:test';
import assert from 'node:assert/strict';
import { html } from '../html.ts';
import { formatDate, listOf, nativeLanguageName, ogLocale, strings, timeTag } from './index.ts';

test('dates read naturally in the article language', () => {
  assert.equal(formatDate('2017-11-15', 'fr'), '15 novembre 2017');
  assert.equal(formatDate('2017-11-15', 'en'), '15 November 2017');
  assert.equal(formatDate('2017-11-15T09:30:00.000Z', 'fr'), '15 novembre 2017');
  assert.equal(formatDate('2017-11-01T00:00:00Z', 'fr'), '1er novembre 2017');
  assert.equal(formatDate('2017-11-15T09:30:00Z', 'de'), '15. November 2017');
});

test('dates use UTC unless a time zone is configured', () => {
  assert.equal(formatDate('2017-11-15T23:30:00Z', 'fr'), '15 novembre 2017');
  assert.equal(formatDate('2017-11-15T23:30:00Z', 'fr', 'Europe/Paris'), '16 novembre 2017');
  assert.equal(formatDate('2017-11-15T23:30:00Z', 'en', 'Not/AZone'), '15 November 2017');
});

test('a <time> element carries the machine date and the localised text', () => {
  assert.equal(timeTag('2017-11-15T09:30:00.000Z', 'fr').value, '<time datetime="2017-11-15T09:30:00.000Z">15 novembre 2017</time>');
});

test('French and English strings follow their typography; languages without a table fall back to English words', () => {
  assert.equal(strings('fr').total(350), 'Total : 350');
  assert.equal(strings('en').total(350), 'Total: 350');
  assert.equal(strings('fr').shareHeading('Titre'), 'Partager la publication « Titre »');
  assert.equal(strings('en').shareHeading('Title'), 'Share this article');
  assert.equal(strings('fr').jumpTo, 'Aller à…');
  assert.equal(strings('en').jumpTo, 'Go to…');
  assert.equal(strings('fr').rssFeed, 'Flux RSS');
  assert.equal(strings('en').rssFeed, 'RSS Feed');
  assert.equal(strings('fr-CA').by, 'Par');
  assert.equal(strings('pt').by, 'By');
  assert.equal(strings('de').by, 'Von');
  assert.equal(strings('fr').translatedBy(html`Avic`, 'Réseau International').value, 'Traduction : Avic – Réseau International');
  assert.equal(strings('en').translatedFrom('Fort Russ', html`<a>x</a>`).value, 'Translated from Fort Russ (<a>x</a>)');
  assert.equal(strings('fr').about('Ginette'), 'À propos de Ginette');
});

test('lists of names join with the language’s conjunction, keeping markup', () => {
  assert.equal(listOf([html`<a>A</a>`, 'B & C', 'D'], 'fr').value, '<a>A</a>, B &amp; C et D');
  assert.equal(listOf(['A', 'B'], 'en').value, 'A and B');
  assert.equal(listOf(['A'], 'en').value, 'A');
});

test('language names and OpenGraph locales', () => {
  assert.equal(nativeLanguageName('fr'), 'Français');
  assert.equal(nativeLanguageName('en'), 'English');
  assert.equal(ogLocale('fr'), 'fr_FR');
  assert.equal(ogLocale('pt-BR'), 'pt_BR');
  assert.equal(ogLocale('xx'), 'xx_XX');
});
