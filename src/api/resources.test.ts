import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';
import { uniqueViolation } from './errors.ts';

let h: ApiHarness;
before(async () => {
  h = await openApiHarness();
});
after(async () => h.close());

test('people: create, read, update, list, with field errors and slug conflicts', async () => {
  const r = await h.call('POST', '/api/people', {
    name: 'Lou Author',
    bio: 'Writes about bridges.',
    links: [{ label: 'Site', url: 'https://lou.example/' }],
    photo: { file: 'people/lou.jpg', alt: 'Lou', credit: 'Self' },
  });
  assert.equal(r.statusCode, 201);
  const p = r.json();
  assert.equal(p.slug, 'lou-author');
  assert.equal(r.headers.location, `/api/people/${p.id}`);
  assert.deepEqual((await h.call('GET', `/api/people/${p.id}`)).json(), p);

  const put = await h.call('PUT', `/api/people/${p.id}`, { name: 'Lou Author', bio: 'Now also translates.' });
  assert.equal(put.statusCode, 200);
  assert.equal(put.json().bio, 'Now also translates.');
  assert.equal(put.json().slug, 'lou-author');

  const list = (await h.call('GET', '/api/people')).json();
  assert.ok(list.items.some((x: { id: number }) => x.id === p.id));

  const noName = await h.call('POST', '/api/people', { bio: 'x' });
  assert.equal(noName.statusCode, 400);
  assert.equal(noName.json().field, 'name');
  const badLink = await h.call('POST', '/api/people', { name: 'X', links: [{ label: 'a', url: 'javascript:alert(1)' }] });
  assert.equal(badLink.statusCode, 400);
  assert.equal(badLink.json().field, 'links[0].url');
  const clash = await h.call('POST', '/api/people', { name: 'Other Lou', slug: 'lou-author' });
  assert.equal(clash.statusCode, 409);
  assert.equal(clash.json().field, 'slug');
  assert.equal((await h.call('GET', '/api/people/999999')).statusCode, 404);
  assert.equal((await h.call('PUT', '/api/people/999999', { name: 'Nobody' })).statusCode, 404);
});

test('outlets: create, read, update, list, with URL checks and conflicts', async () => {
  const r = await h.call('POST', '/api/outlets', { name: 'Valley Echo', homeUrl: 'https://echo.example/', language: 'fr' });
  assert.equal(r.statusCode, 201);
  const o = r.json();
  assert.deepEqual((await h.call('GET', `/api/outlets/${o.id}`)).json(), o);
  const put = await h.call('PUT', `/api/outlets/${o.id}`, { name: 'The Valley Echo', homeUrl: 'https://echo.example/' });
  assert.equal(put.json().name, 'The Valley Echo');
  assert.equal(put.json().language, null);
  assert.equal((await h.call('GET', '/api/outlets')).json().items.length, 1);

  const dup = await h.call('POST', '/api/outlets', { name: 'Echo again', homeUrl: 'https://echo.example/' });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().field, 'homeUrl');
  const badUrl = await h.call('POST', '/api/outlets', { name: 'Bad', homeUrl: 'not a url' });
  assert.equal(badUrl.statusCode, 400);
  assert.equal(badUrl.json().field, 'homeUrl');
  const badLang = await h.call('POST', '/api/outlets', { name: 'Bad', homeUrl: 'https://bad.example/', language: 'French' });
  assert.equal(badLang.json().field, 'language');
  assert.equal((await h.call('GET', '/api/outlets/999999')).statusCode, 404);
});

test('sections: create, read, update, list, with localised names and conflicts', async () => {
  const r = await h.call('POST', '/api/sections', { name: 'Science', names: { fr: 'Sciences', en: 'Science' }, position: 2 });
  assert.equal(r.statusCode, 201);
  const s = r.json();
  assert.equal(s.slug, 'science');
  assert.deepEqual(s.names, { fr: 'Sciences', en: 'Science' });
  assert.deepEqual((await h.call('GET', `/api/sections/${s.id}`)).json(), s);
  const put = await h.call('PUT', `/api/sections/${s.id}`, { name: 'Science', names: { fr: 'Sciences et techniques' }, position: 1 });
  assert.equal(put.json().names.fr, 'Sciences et techniques');
  assert.equal(put.json().position, 1);
  assert.equal((await h.call('GET', '/api/sections')).json().items[0].id, s.id);

  const dup = await h.call('POST', '/api/sections', { name: 'Science again', slug: 'science' });
  assert.equal(dup.statusCode, 409);
  const emptyName = await h.call('POST', '/api/sections', { name: 'Ok', names: { fr: '' } });
  assert.equal(emptyName.statusCode, 400);
  assert.equal(emptyName.json().field, 'names.fr');
  const badPos = await h.call('POST', '/api/sections', { name: 'Ok', position: 'first' });
  assert.equal(badPos.statusCode, 400);
  assert.equal(badPos.json().field, 'position');
  assert.equal((await h.call('PUT', '/api/sections/999999', { name: 'x' })).statusCode, 404);
});

test('GET /api lists the routes (behind the token like the rest)', async () => {
  const r = await h.call('GET', '/api');
  assert.equal(r.statusCode, 200);
  assert.ok(r.json().routes.includes('POST /api/articles/:id/publish'));
  assert.equal((await h.call('GET', '/api/', undefined, { authorization: '' })).statusCode, 401);
  const unknown = await h.call('GET', '/api/fr');
  assert.equal(unknown.statusCode, 404, 'two-segment paths under /api/ stay in the API');
  assert.match(unknown.headers['content-type'] as string, /json/);
});

test('a unique violation raised by the database itself (two writers racing) maps to 409 with the field', async () => {
  const db = h.ctx.store.db;
  await db.insertInto('outlets').values({ name: 'Racer', home_url: 'https://racer.example/', language: null }).execute();
  const err = await db
    .insertInto('outlets')
    .values({ name: 'Racer again', home_url: 'https://racer.example/', language: null })
    .execute()
    .then(() => null, (e: unknown) => e);
  assert.ok(err, 'the database refuses the duplicate');
  assert.equal(uniqueViolation(err), 'homeUrl');
  assert.equal(uniqueViolation(new Error('something else')), null);
});
