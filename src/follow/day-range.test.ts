import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../domain/types.ts';
import { parseDayRange } from './day-range.ts';

const now = new Date('2026-03-10T23:59:00Z');

test('defaults to the 30 days ending today, every day listed', () => {
  const r = parseDayRange({}, now);
  assert.equal(r.from, '2026-02-09');
  assert.equal(r.to, '2026-03-10');
  assert.equal(r.days.length, 30);
  assert.deepEqual(r.days.slice(18, 21), ['2026-02-27', '2026-02-28', '2026-03-01']);
});

test('a given range, or the 30 days from or up to one end', () => {
  assert.deepEqual(parseDayRange({ from: '2024-02-28', to: '2024-03-01' }, now).days, ['2024-02-28', '2024-02-29', '2024-03-01']);
  assert.deepEqual(parseDayRange({ from: '2026-01-01', to: '2026-01-01' }, now).days, ['2026-01-01']);
  const fromOnly = parseDayRange({ from: '2026-01-01' }, now);
  assert.equal(fromOnly.to, '2026-01-30');
  const toOnly = parseDayRange({ to: '2026-01-30', from: '' }, now);
  assert.equal(toOnly.from, '2026-01-01');
  assert.equal(parseDayRange({ from: '2025-03-10', to: '2026-03-10' }, now).days.length, 366);
});

test('bad ranges are refused with the field and the reason', () => {
  const refused = (q: Record<string, unknown>, field: string, message: RegExp) =>
    assert.throws(() => parseDayRange(q, now), (e: unknown) => e instanceof InputError && e.status === 400 && e.field === field && message.test(e.message));
  refused({ from: '2026-3-1' }, 'from', /YYYY-MM-DD/);
  refused({ to: ['2026-03-01', '2026-03-02'] }, 'to', /YYYY-MM-DD/);
  refused({ from: '2026-02-30' }, 'from', /not a calendar date/);
  refused({ from: '2026-03-02', to: '2026-03-01' }, 'from', /after/);
  refused({ from: '2025-03-09', to: '2026-03-10' }, 'from', /at most 366 days \(this one covers 367\)/);
});
