import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latest, rfc3339, rfc822 } from './dates.ts';

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

test('RFC 822 dates for RSS', () => {
  assert.equal(rfc822('2026-01-10T12:00:00.000Z'), 'Sat, 10 Jan 2026 12:00:00 GMT');
  assert.equal(rfc822('2026-03-01T08:05:09.123Z'), 'Sun, 01 Mar 2026 08:05:09 GMT');
  assert.match(rfc822(new Date().toISOString()), RFC822);
});

test('RFC 3339 dates for Atom and JSON Feed', () => {
  assert.equal(rfc3339('2026-01-10T12:00:00.000Z'), '2026-01-10T12:00:00Z');
  assert.equal(rfc3339('2026-01-10T12:00:00.250Z'), '2026-01-10T12:00:00.250Z');
  assert.equal(rfc3339('2026-01-10T13:00:00+01:00'), '2026-01-10T12:00:00Z');
  assert.match(rfc3339(new Date().toISOString()), RFC3339);
});

test('latest picks the later time and tolerates nulls', () => {
  assert.equal(latest(null, null), null);
  assert.equal(latest('2026-01-01T00:00:00.000Z', null), '2026-01-01T00:00:00.000Z');
  assert.equal(latest('2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'), '2026-02-01T00:00:00.000Z');
});
