import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storageFault } from './faults.ts';

const err = (message: string, props: Record<string, unknown> = {}) => Object.assign(new Error(message), props);

test('the database unreachable is a 503, whatever layer reports it', () => {
  for (const e of [
    err('terminating connection due to administrator command', { code: '57P01' }),
    err('the database system is starting up', { code: '57P03' }),
    err('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect' }),
    err('Connection terminated unexpectedly'),
    err('wrapped', { cause: err('x', { code: '08006' }) }),
  ])
    assert.equal(storageFault(e)?.status, 503, e.message);
});

test('a full disk is a 507: SQLite SQLITE_FULL, ENOSPC, PostgreSQL disk_full', () => {
  for (const e of [
    err('database or disk is full', { code: 'ERR_SQLITE_ERROR', errcode: 13 }),
    err('ENOSPC: no space left on device, write', { code: 'ENOSPC' }),
    err('could not extend file', { code: '53100' }),
  ])
    assert.deepEqual([storageFault(e)?.status, /disk full/.test(storageFault(e)?.message ?? '')], [507, true], e.message);
});

test('other errors are not storage faults', () => {
  for (const e of [err('duplicate key', { code: '23505' }), err('UNIQUE constraint failed: articles.slug', { code: 'ERR_SQLITE_ERROR', errcode: 2067 }), err('boom'), null, 'text'])
    assert.equal(storageFault(e), null, String(e));
});
