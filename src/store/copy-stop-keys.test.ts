// Stop keys (copy-stop-keys.ts): a key held by too many documents loses its postings and gets no new ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { openTestStore } from './test-store.ts';
import { countCopyPostings, docOf, insertNewCopyDocs, lookupCopyKeys, putCopyDoc } from './copy-index.ts';
import { promoteStopKeys, STOP_MIN, stopKeysAmong } from './copy-stop-keys.ts';
import type { Database } from './schema.ts';

let made = 0;
async function articles(db: Kysely<Database>, n: number): Promise<number[]> {
  const now = new Date().toISOString();
  const rows = await db
    .insertInto('articles')
    .values(Array.from({ length: n }, (_, i) => ({ slug: `s${made + i}`, language: 'en', title: 't', summary: '', body_html: '', status: 'published', published_at: now, updated_at: now, created_at: now, canonical_policy: 'self', created_by: null })))
    .returning('id')
    .execute();
  made += n;
  return rows.map((r) => r.id);
}

test('a key held by more than STOP_MIN documents becomes a stop key: its postings go, other keys stay', async () => {
  const store = await openTestStore();
  try {
    const db = store.db;
    const ids = await articles(db, STOP_MIN + 1);
    // Every document holds the shared key 7 (and -7 on all but one), plus keys of its own.
    await insertNewCopyDocs(db, ids.map((id, i) => ({ articleId: id, kind: 'article' as const, language: 'en', keys: i ? [7, -7, 1000 + i] : [7, 1000 + i] })));
    assert.deepEqual([...(await stopKeysAmong(db, [7, -7, 1001]))], [7]);
    assert.equal(await countCopyPostings(db), STOP_MIN * 2 + 1, 'the own keys and -7 (held by exactly STOP_MIN) stay');
    const hits = await lookupCopyKeys(db, [7, 1003], 5);
    assert.deepEqual(hits, [{ doc: docOf(ids[3], 'article'), hits: 1 }]);
    // A stop key gets no postings again, here from a single publication.
    const [late] = await articles(db, 1);
    await putCopyDoc(db, { articleId: late, kind: 'article', language: 'en', keys: [7, 5] });
    assert.deepEqual(await lookupCopyKeys(db, [7, 5], 5), [{ doc: docOf(late, 'article'), hits: 1 }]);
  } finally {
    await store.close();
  }
});

test('promotion counts only what is stored: below the threshold nothing changes', async () => {
  const store = await openTestStore();
  try {
    const db = store.db;
    const ids = await articles(db, 3);
    await insertNewCopyDocs(db, ids.map((id) => ({ articleId: id, kind: 'article' as const, language: null, keys: [42, id] })));
    assert.deepEqual(await promoteStopKeys(db, [42], 3), []);
    assert.equal((await lookupCopyKeys(db, [42], 5)).length, 3);
    assert.deepEqual(await promoteStopKeys(db, [42, ids[0]], 2), [42]);
    assert.deepEqual(await lookupCopyKeys(db, [42], 5), []);
    assert.equal(await countCopyPostings(db), 3);
  } finally {
    await store.close();
  }
});
