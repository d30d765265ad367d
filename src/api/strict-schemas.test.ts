// Request bodies are checked strictly: no type coercion, no unknown fields, bounded numbers and lengths.
// Query strings are text by nature and are still coerced (limit=5 is the number 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApiHarness, type ApiHarness } from './test-app.ts';

let h: ApiHarness;
before(async () => (h = await openApiHarness()));
after(async () => h.close());

const article = { language: 'en', title: 'Strict', bodyHtml: '<p>Text.</p>' };

async function refused(method: string, url: string, body: unknown, field: string, message: RegExp): Promise<void> {
  const res = await h.call(method, url, body);
  assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(body).slice(0, 80)}: ${res.body}`);
  assert.equal(res.json().field, field);
  assert.match(res.json().error, message);
}

test('wrong types are refused, not coerced', async () => {
  await refused('POST', '/api/people', { name: 123 }, 'name', /must be string/);
  await refused('POST', '/api/articles', { ...article, tags: 'abc' }, 'tags', /must be array/);
  await refused('POST', '/api/articles', { ...article, sectionIds: ['1'] }, 'sectionIds[0]', /must be integer/);
});

test('unknown fields are refused with a 400 naming the field', async () => {
  await refused('POST', '/api/articles', { ...article, colour: 'red' }, 'colour', /colour is not a known field/);
  await refused('POST', '/api/articles', { ...article, provenance: { original: { url: 'https://a.example/', outlet: 'x' } } }, 'provenance.original.outlet', /not a known field/);
  await refused('POST', '/api/people', { name: 'A', photo: { file: 'a.jpg', colour: 'x' } }, 'photo.colour', /not a known field/);
});

test('numbers and lengths are bounded', async () => {
  await refused('POST', '/api/sections', { name: 'Huge', position: 1e300 }, 'position', /must be <=/);
  await refused('POST', '/api/people', { name: 'B', photo: { file: 'b.jpg', credit: 'c'.repeat(501) } }, 'photo.credit', /must NOT have more than 500 characters/);
  await refused('POST', '/api/articles', { ...article, title: 't'.repeat(501) }, 'title', /more than 500 characters/);
});

test('query strings are still coerced, and well-formed bodies pass', async () => {
  assert.equal((await h.call('GET', '/api/articles?limit=5')).statusCode, 200);
  assert.equal((await h.call('POST', '/api/sections', { name: 'Fine', position: 3 })).statusCode, 201);
  assert.equal((await h.call('POST', '/api/articles', { ...article, tags: ['abc'] })).statusCode, 201);
});
