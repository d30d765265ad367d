import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import { openTestContext } from '../publish/test-context.ts';
import { createPerson } from '../publish/people.ts';
import { findArticleById, queryArticles } from '../store/articles.ts';
import { findPersonBySlug, listPeople } from '../store/people.ts';
import { listOutlets } from '../store/outlets.ts';
import { listSections } from '../store/sections.ts';
import { ImportError, importDocument, type ImportDocument } from './importer.ts';

let ctx: AppContext;
before(async () => {
  ctx = await openTestContext({ now: () => new Date('2026-02-01T10:00:00Z') });
});
after(async () => ctx.store.close());

async function counts() {
  const db = ctx.store.db;
  const n = async (table: 'articles' | 'people' | 'sections' | 'outlets' | 'provenance' | 'article_people') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { articles: await n('articles'), people: await n('people'), sections: await n('sections'), outlets: await n('outlets'), provenance: await n('provenance'), links: await n('article_people') };
}

const goodDoc = (): ImportDocument => ({
  sections: [{ slug: 'harbour', name: 'Port', names: { fr: 'Port', en: 'Harbour' } }],
  people: [
    { key: 'ann', name: 'Ann Quill', bio: 'Writes.' },
    { key: 'tom', slug: 'tom-tongues', name: 'Tom Tongues', bio: 'Translates.' },
  ],
  outlets: [{ key: 'gazette', name: 'Harbour Gazette', homeUrl: 'https://gazette.example/', language: 'en' }],
  articles: [
    // Listed before its source on purpose: the importer orders sources first.
    {
      key: 'fr',
      language: 'fr',
      title: 'Le phare repeint',
      bodyHtml: '<p>Rouge et blanc.</p><script>x()</script>',
      sections: ['harbour'],
      authors: ['ann'],
      translators: ['tom-tongues'],
      status: 'published',
      publishedAt: '2026-01-20T08:00:00Z',
      provenance: { translationOf: 'en' },
    },
    {
      key: 'en',
      language: 'en',
      title: 'Lighthouse repainted',
      bodyHtml: '<p>Red and white.</p>',
      sections: ['harbour'],
      authors: ['ann'],
      status: 'published',
      publishedAt: '2026-01-18T08:00:00Z',
      provenance: {
        original: { url: 'https://gazette.example/lighthouse', outlet: 'gazette', authorNames: ['Ann Quill'], language: 'en', publishedAt: '2026-01-17T08:00:00Z' },
        licence: 'CC-BY-4.0',
      },
    },
    { key: 'rep', language: 'en', slug: 'lighthouse-again', title: 'Lighthouse repainted', bodyHtml: '<p>Red and white.</p>', canonicalPolicy: 'original', provenance: { republicationOf: 'en' } },
  ],
});

test('imports a good file: everything linked by key, sources first, bodies sanitised', async () => {
  const s = await importDocument(ctx, goodDoc());
  assert.deepEqual({ ...s, articleIds: undefined }, { sections: 1, people: 2, outlets: 1, articles: 3, articleIds: undefined });
  const fr = await findArticleById(ctx.store.db, s.articleIds.fr);
  const en = await findArticleById(ctx.store.db, s.articleIds.en);
  const rep = await findArticleById(ctx.store.db, s.articleIds.rep);
  assert.ok(fr && en && rep);
  assert.equal(fr.provenance.translationOfId, en.id);
  assert.equal(rep.provenance.republicationOfId, en.id);
  assert.equal(rep.canonicalPolicy, 'original');
  assert.equal(fr.bodyHtml, '<p>Rouge et blanc.</p>');
  const ann = await findPersonBySlug(ctx.store.db, 'ann-quill');
  const tom = await findPersonBySlug(ctx.store.db, 'tom-tongues');
  assert.deepEqual(fr.authorIds, [ann!.id]);
  assert.deepEqual(fr.translatorIds, [tom!.id]);
  const [outlet] = await listOutlets(ctx.store.db);
  assert.equal(en.provenance.original?.outletId, outlet.id);
  assert.equal(en.provenance.licence, 'CC-BY-4.0');
  const [section] = (await listSections(ctx.store.db)).filter((x) => x.slug === 'harbour');
  assert.deepEqual(fr.sectionIds, [section.id]);
});

test('refers to people, sections and outlets already stored', async () => {
  await createPerson(ctx, { name: 'Stored Person', slug: 'stored-person' });
  const s = await importDocument(ctx, {
    articles: [
      {
        key: 'x',
        language: 'en',
        title: 'Using stored things',
        bodyHtml: '<p>x</p>',
        authors: ['stored-person'],
        sections: ['harbour'],
        provenance: { original: { url: 'https://gazette.example/other', outlet: 'https://gazette.example/' } },
      },
    ],
  });
  const a = await findArticleById(ctx.store.db, s.articleIds.x);
  assert.equal(a?.authorIds.length, 1);
  assert.equal(a?.sectionIds.length, 1);
  assert.ok(a?.provenance.original?.outletId);
});

test('a file with broken references is refused before anything is written, with every problem listed', async () => {
  const before = await counts();
  const doc = goodDoc();
  doc.sections = [{ slug: 'docks', name: 'Docks' }];
  doc.people = [{ key: 'ann2', name: 'Ann Two' }];
  doc.outlets = [];
  doc.articles![0].authors = ['nobody'];
  doc.articles![1].provenance!.original!.outlet = 'unknown-outlet';
  doc.articles![2].provenance = { republicationOf: 'missing-key' };
  doc.articles!.push({ language: 'en', title: 'x', bodyHtml: 'x', sections: ['nowhere'] });
  await assert.rejects(importDocument(ctx, doc), (err: unknown) => {
    assert.ok(err instanceof ImportError);
    const text = err.problems.join('\n');
    assert.match(text, /articles\[0\] \(key "fr"\): authors names "nobody"/);
    assert.match(text, /provenance\.original\.outlet "unknown-outlet"/);
    assert.match(text, /republicationOf "missing-key"/);
    assert.match(text, /section "nowhere"/);
    return true;
  });
  assert.deepEqual(await counts(), before);
});

test('a file that fails half-way (bad value deep inside) is rolled back entirely', async () => {
  const before = await counts();
  const peopleBefore = (await listPeople(ctx.store.db)).length;
  const doc: ImportDocument = {
    sections: [{ slug: 'rollback', name: 'Rollback' }],
    people: [{ key: 'p', name: 'Rolled Back' }],
    outlets: [{ key: 'o', name: 'Rolled Outlet', homeUrl: 'https://rolled.example/' }],
    articles: [
      { key: 'a', language: 'en', title: 'Fine', bodyHtml: '<p>ok</p>', authors: ['p'], sections: ['rollback'] },
      { key: 'b', language: 'en', title: 'Also fine', bodyHtml: '<p>ok</p>', provenance: { translationOf: 'a' } },
      { key: 'c', language: 'english', title: 'Bad language', bodyHtml: '<p>no</p>' },
    ],
  };
  await assert.rejects(importDocument(ctx, doc), (err: unknown) => {
    assert.ok(err instanceof ImportError);
    assert.match(err.message, /articles\[2\] \(key "c"\), field language: language must be a language tag/);
    return true;
  });
  assert.deepEqual(await counts(), before);
  assert.equal((await listPeople(ctx.store.db)).length, peopleBefore);
  assert.equal((await queryArticles(ctx.store.db, { language: 'en', limit: 100, offset: 0 })).items.some((a) => a.title === 'Fine'), false);
  // A conflict with stored content (an explicit slug already taken) rolls back too.
  const clash: ImportDocument = {
    people: [{ name: 'Clash Person' }],
    articles: [{ language: 'en', slug: 'lighthouse-again', title: 'Clash', bodyHtml: 'x' }],
  };
  await assert.rejects(importDocument(ctx, clash), /slug "lighthouse-again" is taken/);
  assert.deepEqual(await counts(), before);
});

test('refuses loops, duplicate keys and wrong shapes', async () => {
  const before = await counts();
  await assert.rejects(
    importDocument(ctx, {
      articles: [
        { key: 'a', language: 'en', title: 'A', bodyHtml: 'x', provenance: { translationOf: 'b' } },
        { key: 'b', language: 'fr', title: 'B', bodyHtml: 'x', provenance: { translationOf: 'a' } },
      ],
    }),
    /loop/,
  );
  await assert.rejects(
    importDocument(ctx, { people: [{ key: 'k', name: 'One' }, { key: 'k', name: 'Two' }] }),
    /"k" appears twice in people/,
  );
  await assert.rejects(importDocument(ctx, []), /JSON object/);
  await assert.rejects(importDocument(ctx, { articles: {}, stories: [] }), (err: unknown) => {
    assert.ok(err instanceof ImportError);
    assert.equal(err.problems.length, 2);
    return true;
  });
  await assert.rejects(importDocument(ctx, { articles: ['not an object'] }), /articles\[0\] must be an object/);
  assert.deepEqual(await counts(), before);
});
