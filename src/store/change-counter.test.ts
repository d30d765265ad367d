import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './test-store.ts';
import { memoUntilWrite } from './change-counter.ts';

test('the store counts its writes, not its reads', async () => {
  const store = await openTestStore();
  try {
    const start = store.changes();
    await store.db.selectFrom('sections').selectAll().execute();
    assert.equal(store.changes(), start);
    await store.db.insertInto('sections').values({ slug: 's', name: 'S', names_json: '{}', position: 0 }).execute();
    await store.db.updateTable('sections').set({ name: 'T' }).execute();
    await store.db.deleteFrom('sections').execute();
    assert.equal(store.changes(), start + 3);
  } finally {
    await store.close();
  }
});

test('a memo reads again after a write, after its maximum age, and shares concurrent reads', async () => {
  let seq = 0;
  let reads = 0;
  const memo = memoUntilWrite(() => seq, async () => ++reads, 50);
  assert.deepEqual(await Promise.all([memo(), memo(), memo()]), [1, 1, 1]);
  assert.equal(await memo(), 1);
  seq++;
  assert.equal(await memo(), 2);
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(await memo(), 3);
});

test("a memo's peek gives the value only while it is fresh, without reading", async () => {
  let seq = 0;
  let reads = 0;
  const memo = memoUntilWrite(() => seq, async () => ++reads, 50);
  assert.equal(memo.peek(), undefined, 'nothing read yet');
  assert.equal(reads, 0);
  assert.equal(await memo(), 1);
  assert.equal(memo.peek(), 1);
  seq++;
  assert.equal(memo.peek(), undefined, 'a write since');
  assert.equal(await memo(), 2);
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(memo.peek(), undefined, 'older than the maximum age');
  assert.equal(reads, 2, 'peek never reads');
});
