// Runs on SQLite, and on PostgreSQL with DATABASE_URL=postgres://…
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { InputError, type ArticleInput } from '../domain/types.ts';
import { createArticle, editArticle, publishArticle, removeArticle } from '../publish/articles.ts';
import { openTestContext } from '../publish/test-context.ts';
import { reindexAllArticles } from '../store/search-index.ts';
import { searchArticles, type SearchOptions } from './index.ts';
import { parseQuery } from './query.ts';
import { alternatives, queryLanguages } from './expression.ts';
import { searchSqlite } from './sqlite.ts';
import { searchPostgres } from './postgres.ts';

const SYSTEM: Actor = { kind: 'system', name: 'test' };

async function withContext(fn: (ctx: AppContext, clock: { now: Date }) => Promise<void>): Promise<void> {
  const clock = { now: new Date('2026-03-01T12:00:00Z') };
  const ctx = await openTestContext({ now: () => clock.now });
  try {
    await fn(ctx, clock);
  } finally {
    await ctx.store.close();
  }
}

function add(ctx: AppContext, input: Partial<ArticleInput> & { title: string }) {
  return createArticle(ctx, { language: 'fr', bodyHtml: '<p>Texte.</p>', ...input } as ArticleInput, SYSTEM);
}

async function titles(ctx: AppContext, q: string, opts: Partial<SearchOptions> = {}): Promise<string[]> {
  const r = await searchArticles(ctx, { q, publicOnly: true, limit: 20, offset: 0, ...opts });
  return r.items.map((h) => h.article.title);
}

test('the index follows every create, edit, publish and delete', async () => {
  await withContext(async (ctx) => {
    const a = await add(ctx, { title: 'Le nouvel évêque de Lyon' });
    assert.deepEqual(await titles(ctx, 'évêque', { publicOnly: false }), ['Le nouvel évêque de Lyon']);
    assert.deepEqual(await titles(ctx, 'évêque'), [], 'a draft is not for readers');
    await publishArticle(ctx, a.id, SYSTEM);
    assert.deepEqual(await titles(ctx, 'évêque'), ['Le nouvel évêque de Lyon']);
    await editArticle(ctx, a.id, { language: 'fr', title: 'Le nouveau maire de Lyon', bodyHtml: '<p>Élu hier.</p>', status: 'published' } as ArticleInput, SYSTEM);
    assert.deepEqual(await titles(ctx, 'évêque'), [], 'old words leave the index');
    assert.deepEqual(await titles(ctx, 'maire'), ['Le nouveau maire de Lyon']);
    assert.deepEqual(await titles(ctx, 'élu'), ['Le nouveau maire de Lyon'], 'body words are indexed');
    await removeArticle(ctx, a.id, SYSTEM);
    assert.deepEqual(await titles(ctx, 'maire', { publicOnly: false }), []);
  });
});

test('readers never see drafts, articles in review, or scheduled ones before their time', async () => {
  await withContext(async (ctx, clock) => {
    await add(ctx, { title: 'Brouillon sur la lagune' });
    await add(ctx, { title: 'Relecture sur la lagune', status: 'review' } as Partial<ArticleInput> & { title: string });
    await add(ctx, { title: 'Demain sur la lagune', status: 'scheduled', publishedAt: '2026-03-02T08:00:00Z' });
    await add(ctx, { title: 'Publié sur la lagune', status: 'published' });
    await add(ctx, { title: 'Publié plus tard sur la lagune', status: 'published', publishedAt: '2026-04-01T00:00:00Z' });
    assert.deepEqual(await titles(ctx, 'lagune'), ['Publié sur la lagune']);
    const all = await searchArticles(ctx, { q: 'lagune', publicOnly: false, limit: 20, offset: 0 });
    assert.equal(all.total, 5);
    assert.deepEqual((await titles(ctx, 'lagune', { publicOnly: false, status: 'draft' })), ['Brouillon sur la lagune']);
    clock.now = new Date('2026-03-02T09:00:00Z');
    assert.deepEqual((await titles(ctx, 'lagune')).sort(), ['Demain sur la lagune', 'Publié sur la lagune']);
  });
});

test('accents, case and inflections do not matter, in French and in English', async () => {
  await withContext(async (ctx) => {
    await add(ctx, { title: 'Les Évêques de France réunis', status: 'published' });
    await add(ctx, { title: 'Première heureuse nouvelle', status: 'published' });
    await add(ctx, { language: 'en', title: 'New housing policies announced', status: 'published' });
    assert.deepEqual(await titles(ctx, 'eveque'), ['Les Évêques de France réunis']);
    assert.deepEqual(await titles(ctx, 'EVEQUE'), ['Les Évêques de France réunis']);
    assert.deepEqual(await titles(ctx, 'premier heureux'), ['Première heureuse nouvelle']);
    assert.deepEqual(await titles(ctx, 'policy'), ['New housing policies announced']);
    assert.deepEqual(await titles(ctx, 'policy', { language: 'en' }), ['New housing policies announced']);
    assert.deepEqual(await titles(ctx, 'policy', { language: 'fr' }), [], 'the language filter keeps to that language');
    assert.deepEqual(await titles(ctx, 'policy ministre'), [], 'every word must match');
  });
});

test('a quoted phrase needs its words together and in order; plain words need them anywhere', async () => {
  await withContext(async (ctx) => {
    await add(ctx, { title: 'Séance du conseil municipal', status: 'published' });
    await add(ctx, { title: 'Le conseil a voté', bodyHtml: '<p>Un vote municipal serré.</p>', status: 'published' });
    await add(ctx, { title: 'Municipal, le conseil', status: 'published' });
    assert.deepEqual(await titles(ctx, '"conseil municipal"'), ['Séance du conseil municipal']);
    assert.deepEqual(await titles(ctx, '"conseils municipaux"'), ['Séance du conseil municipal'], 'phrases are stemmed too');
    assert.equal((await titles(ctx, 'conseil municipal')).length, 3);
  });
});

test('a phrase of three words, or a phrase beside words, matches only where its words follow each other in one field', async () => {
  await withContext(async (ctx) => {
    await add(ctx, { title: 'Le pont de pierre rouvre', bodyHtml: '<p>Travaux finis.</p>', status: 'published' });
    await add(ctx, { title: 'Le pont de bois', bodyHtml: '<p>De pierre, bientôt.</p>', status: 'published' });
    await add(ctx, { title: 'Un pont', summary: 'De pierre.', bodyHtml: '<p>Pont de fer.</p>', status: 'published' });
    assert.deepEqual(await titles(ctx, '"pont de pierre"'), ['Le pont de pierre rouvre']);
    assert.deepEqual(await titles(ctx, '"pont de pierre" travaux'), ['Le pont de pierre rouvre']);
    assert.deepEqual(await titles(ctx, '"pont de pierre" fer'), [], 'the title ends and the summary begins: not one phrase');
    assert.deepEqual(await titles(ctx, '"pierre de pont"'), [], 'the order counts');
    assert.deepEqual((await titles(ctx, '"de pierre"')).sort(), ['Le pont de bois', 'Le pont de pierre rouvre', 'Un pont']);
  });
});

test('a broad phrase is ordered by the field it is found in, title first', async () => {
  await withContext(async (ctx) => {
    const body = await add(ctx, { title: 'Marché', bodyHtml: '<p>La voie ferrée coupée.</p>', status: 'published' });
    const title = await add(ctx, { title: 'La voie ferrée rouvre', status: 'published' });
    const summary = await add(ctx, { title: 'Gare', summary: 'Une voie ferrée neuve.', status: 'published' });
    await add(ctx, { title: 'Ferrée la voie', status: 'published' });
    const alts = alternatives(parseQuery('"voie ferree"'), queryLanguages('fr'));
    const filter = { publicOnly: true, now: ctx.now().toISOString(), language: 'fr' };
    const search = (budget: number) => (ctx.store.dialect === 'postgres' ? searchPostgres(ctx.store.db, alts, filter, 10, 0, budget) : searchSqlite(ctx.store.db, alts, filter, 10, 0, budget));
    for (const budget of [0, 6_000]) {
      const r = await search(budget);
      assert.deepEqual(r.hits.map((h) => h.id), [title.id, summary.id, body.id], `budget ${budget}`);
      assert.equal(r.total, 3);
    }
  });
});

test('a title match ranks above a body match', async () => {
  await withContext(async (ctx) => {
    const body = await add(ctx, { title: 'Marché du samedi', bodyHtml: '<p>On y parle de la sécheresse.</p>', status: 'published' });
    const title = await add(ctx, { title: 'La sécheresse menace', bodyHtml: '<p>Les champs souffrent.</p>', status: 'published' });
    const summary = await add(ctx, { title: 'Les puits', summary: 'Après la sécheresse.', status: 'published' });
    await add(ctx, { title: 'Sans rapport', status: 'published' });
    const r = await searchArticles(ctx, { q: 'secheresse', publicOnly: true, limit: 20, offset: 0 });
    assert.deepEqual(r.items.map((h) => h.article.id), [title.id, summary.id, body.id]);
    assert.ok(r.items[0].score > r.items[2].score);
  });
});

test('snippets and titles mark the matches and escape the text', async () => {
  await withContext(async (ctx) => {
    await add(ctx, {
      language: 'en',
      title: 'Tags like <b> & <script> in titles',
      bodyHtml: '<p>Some words first. Then the &lt;script&gt; tag is discussed, quietly.</p>',
      status: 'published',
    });
    const [hit] = (await searchArticles(ctx, { q: 'script', publicOnly: true, limit: 5, offset: 0 })).items;
    assert.equal(hit.titleHtml, 'Tags like &lt;b&gt; &amp; &lt;<mark>script</mark>&gt; in titles');
    assert.equal(hit.snippet, 'Some words first. Then the &lt;<mark>script</mark>&gt; tag is discussed, quietly.');
  });
});

test('hostile queries never fail: they are words, or a clear InputError', async () => {
  await withContext(async (ctx) => {
    await add(ctx, { language: 'en', title: 'Near the title column', status: 'published' });
    const hostile = ['NEAR(a b)', 'near', 'a*', '*', '"', '"""', '^title', 'title:near', '{title}: near', '(', ')', '((near', 'near)',
      "'; DROP TABLE articles; --", '\\', 'AND', 'OR NOT', 'near OR', 'NOT near', "'near'", 'near - title', '+near', 'col:"x',
      '\u0000near', 'near\u202e', '🙂 near', 'a'.repeat(200), '<script>'];
    for (const q of hostile) {
      try {
        await searchArticles(ctx, { q, publicOnly: true, limit: 10, offset: 0 });
      } catch (e) {
        assert.ok(e instanceof InputError, `${JSON.stringify(q)}: ${e}`);
      }
    }
    assert.deepEqual(await titles(ctx, 'NEAR(title'), ['Near the title column']);
    assert.deepEqual(await titles(ctx, '{title}: near*'), ['Near the title column']);
    await assert.rejects(searchArticles(ctx, { q: 'x', publicOnly: true, limit: 0, offset: 0 }), InputError);
    await assert.rejects(searchArticles(ctx, { q: 'x', publicOnly: true, limit: 10, offset: -1 }), InputError);
    // The articles are all still there.
    assert.equal((await searchArticles(ctx, { q: 'near', publicOnly: false, limit: 10, offset: 0 })).total, 1);
  });
});

test('pages follow one another and total counts every match', async () => {
  await withContext(async (ctx) => {
    for (let i = 0; i < 7; i++) await add(ctx, { title: `Récolte numéro ${i}`, status: 'published' });
    const seen: number[] = [];
    for (let offset = 0; offset < 9; offset += 3) {
      const r = await searchArticles(ctx, { q: 'recolte', publicOnly: true, limit: 3, offset });
      assert.equal(r.total, 7);
      assert.equal(r.totalExact, true);
      seen.push(...r.items.map((h) => h.article.id));
    }
    assert.equal(new Set(seen).size, 7);
    const past = await searchArticles(ctx, { q: 'recolte', publicOnly: true, limit: 3, offset: 12 });
    assert.deepEqual([past.items.length, past.total, past.totalExact], [0, 7, true]);
    const none = await searchArticles(ctx, { q: 'vendange', publicOnly: true, limit: 3, offset: 0 });
    assert.deepEqual([none.items.length, none.total], [0, 0]);
  });
});

test('articles stored before the index existed are indexed by the backfill', async () => {
  await withContext(async (ctx) => {
    await add(ctx, { title: 'Archives du port', status: 'published' });
    if (ctx.store.dialect === 'postgres') await sql`DELETE FROM article_search`.execute(ctx.store.db);
    else await sql`DELETE FROM article_search`.execute(ctx.store.db);
    assert.deepEqual(await titles(ctx, 'archive'), []);
    assert.equal(await reindexAllArticles(ctx.store.db), 1);
    assert.deepEqual(await titles(ctx, 'archive'), ['Archives du port']);
  });
});

test('a broad query is ordered title, summary, body, then newest first, page by page', async () => {
  await withContext(async (ctx) => {
    // Limits of 0 make any query broad.
    const broad = (alts: string[][][], filter: Parameters<typeof searchSqlite>[2], limit: number, offset: number) =>
      ctx.store.dialect === 'postgres' ? searchPostgres(ctx.store.db, alts, filter, limit, offset, 0) : searchSqlite(ctx.store.db, alts, filter, limit, offset, 0);
    const body1 = await add(ctx, { title: 'Un', bodyHtml: '<p>tempête</p>', status: 'published' });
    const title1 = await add(ctx, { title: 'Tempête', status: 'published' });
    const summary1 = await add(ctx, { title: 'Deux', summary: 'tempête', status: 'published' });
    const body2 = await add(ctx, { title: 'Trois', bodyHtml: '<p>tempête</p>', status: 'published' });
    const title2 = await add(ctx, { title: 'Tempêtes', status: 'published' });
    await add(ctx, { title: 'Tempête brouillon' });
    const alts = alternatives(parseQuery('tempete'), queryLanguages());
    const filter = { publicOnly: true, now: ctx.now().toISOString() };
    const order = [title2, title1, summary1, body2, body1].map((a) => a.id);
    const all = await broad(alts, filter, 10, 0);
    assert.deepEqual(all.hits.map((h) => h.id), order);
    assert.equal(all.total, 5);
    for (let offset = 0; offset < 5; offset += 2) {
      const page = await broad(alts, filter, 2, offset);
      assert.deepEqual(page.hits.map((h) => h.id), order.slice(offset, offset + 2), `offset ${offset}`);
    }
  });
});

test('searchArticleIds gives the ranked ids alone, for lists that filter on their own', async () => {
  await withContext(async (ctx) => {
    const { searchArticleIds } = await import('./index.ts');
    const body = await add(ctx, { title: 'Marée', bodyHtml: '<p>Une vague.</p>' });
    const title = await add(ctx, { title: 'La vague géante' });
    const r = await searchArticleIds(ctx, { q: 'vagues', publicOnly: false, limit: 1000, offset: 0 });
    assert.deepEqual(r.ids, [title.id, body.id]);
    assert.equal(r.total, 2);
    assert.deepEqual((await searchArticleIds(ctx, { q: 'vagues', publicOnly: true, limit: 1000, offset: 0 })).ids, []);
  });
});
