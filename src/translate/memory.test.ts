import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AppContext } from '../context.ts';
import { openTestContext } from '../publish/test-context.ts';
import { findMatches, remember } from './memory.ts';
import { memoryTokens, similarity } from './similarity.ts';
import { reindexMemory } from '../store/migration-tm-index.ts';

let ctx: AppContext;
before(async () => {
  ctx = await openTestContext();
});
after(async () => ctx.store.close());

test('exact = 1, fuzzy from 0.7 with the word diff, below 0.7 left out, best first; pairs kept apart', async () => {
  await remember(ctx, 'en', 'fr', [
    { source: 'The minister resigned on Monday morning after the vote.', target: 'Le ministre a démissionné lundi matin après le vote.' },
    { source: 'The minister resigned on Tuesday morning after the vote.', target: 'Le ministre a démissionné mardi matin après le vote.' },
    { source: 'The minister resigned.', target: 'Le ministre a démissionné.' },
    { source: 'The <1>minister</1> resigned on Monday morning after the long vote.', target: 'Le <1>ministre</1> a démissionné lundi matin après le long vote.' },
  ]);
  await remember(ctx, 'en', 'de', [{ source: 'The minister resigned on Monday morning after the vote.', target: 'Der Minister trat am Montagmorgen nach der Abstimmung zurück.' }]);
  const m = await findMatches(ctx, 'en', 'fr', 'The minister resigned on Monday morning after the vote.');
  assert.deepEqual(m.map((x) => [x.target, x.score]), [
    ['Le ministre a démissionné lundi matin après le vote.', 1],
    ['Le <1>ministre</1> a démissionné lundi matin après le long vote.', 0.9],
    ['Le ministre a démissionné mardi matin après le vote.', 0.889],
  ]);
  assert.equal(m[0].exact, true);
  assert.deepEqual(m[2].diff.filter((d) => d.op !== 'equal').map((d) => [d.op, d.text]), [['delete', 'Tuesday'], ['insert', 'Monday']]);
  // Case and accents do not matter to the score; "exact" says the text is identical.
  const loose = await findMatches(ctx, 'en', 'fr', 'the MINISTER resigned on monday morning after the vote');
  assert.deepEqual([loose[0].score, loose[0].exact], [1, false]);
  assert.deepEqual((await findMatches(ctx, 'en', 'fr', 'The minister resigned on Friday evening before the vote.')).map((x) => x.score), []);
  assert.equal((await findMatches(ctx, 'en', 'de', 'The minister resigned on Tuesday morning after the vote.'))[0].score, 0.889);
  assert.deepEqual(await findMatches(ctx, 'fr', 'en', 'Le ministre a démissionné.'), []);
  // The same pair twice is one unit.
  assert.equal(await remember(ctx, 'en', 'fr', [{ source: 'The minister resigned.', target: 'Le ministre a démissionné.' }]), 0);
  await assert.rejects(findMatches(ctx, 'en', 'en', 'x'), /same language/);
});

test('the index finds every match a full scan finds (random memory, random queries)', async () => {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const words = Array.from({ length: 60 }, (_, i) => `w${i}${'abcdefghij'[i % 10]}`);
  const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(rand() ** 2 * words.length)]).join(' ');
  const units = Array.from({ length: 400 }, (_, i) => ({ source: sentence(2 + Math.floor(rand() * 12)), target: `t${i}` }));
  await remember(ctx, 'en', 'es', units);
  for (let q = 0; q < 60; q++) {
    const base = units[Math.floor(rand() * units.length)].source.split(' ');
    if (rand() < 0.7) base[Math.floor(rand() * base.length)] = words[Math.floor(rand() * words.length)];
    if (rand() < 0.3) base.push(words[Math.floor(rand() * words.length)]);
    const query = base.join(' ');
    const expected = units
      .map((u) => similarity(memoryTokens(query), memoryTokens(u.source)))
      .filter((s) => s >= 0.7).length;
    const got = await findMatches(ctx, 'en', 'es', query, 1000);
    const distinct = new Set(units.filter((u) => similarity(memoryTokens(query), memoryTokens(u.source)) >= 0.7).map((u) => `${u.source}\u0000${u.target}`)).size;
    assert.equal(got.length, Math.min(expected, distinct), query);
    for (let i = 1; i < got.length; i++) assert.ok(got[i - 1].score >= got[i].score);
  }
});

test('the threshold: 3 words of 10 changed is 0.7 (offered), 4 is 0.6 (not)', async () => {
  await remember(ctx, 'en', 'it', [{ source: 'one two three four five six seven eight nine ten', target: 'uno' }]);
  assert.deepEqual((await findMatches(ctx, 'en', 'it', 'one two three four five six seven x y z')).map((m) => m.score), [0.7]);
  assert.deepEqual(await findMatches(ctx, 'en', 'it', 'one two three four five six w x y z'), []);
});

test('every match is found whatever order the words entered the memory in, with repeated words, after a re-index too', async () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  // Each call brings words the earlier ones lacked, so the index order (first seen) is far from frequency order.
  const words = Array.from({ length: 40 }, (_, i) => `v${i}`);
  const units: { source: string; target: string }[] = [];
  for (let call = 0; call < 8; call++) {
    const pool = words.slice(0, 12 + call * 4);
    const batch = Array.from({ length: 40 }, (_, i) => ({
      source: Array.from({ length: 1 + Math.floor(rand() * 11) }, () => pool[Math.floor(rand() ** 3 * pool.length)]).join(' '),
      target: `c${call}-${i}`,
    }));
    await remember(ctx, 'en', 'pt', batch);
    units.push(...batch);
  }
  const check = async () => {
    for (let q = 0; q < 50; q++) {
      const base = units[Math.floor(rand() * units.length)].source.split(' ');
      if (rand() < 0.6) base[Math.floor(rand() * base.length)] = words[Math.floor(rand() * words.length)];
      if (rand() < 0.3) base.push(base[0]);
      if (rand() < 0.2) base.push('unseen');
      const query = base.join(' ');
      const expected = new Set(units.filter((u) => similarity(memoryTokens(query), memoryTokens(u.source)) >= 0.7).map((u) => `${u.source}\u0000${u.target}`));
      const got = await findMatches(ctx, 'en', 'pt', query, 1000);
      assert.equal(got.length, expected.size, query);
      for (let i = 1; i < got.length; i++) assert.ok(got[i - 1].score >= got[i].score);
    }
  };
  await check();
  await reindexMemory(ctx.store.db);
  await check();
});
