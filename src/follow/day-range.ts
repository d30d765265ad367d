// The range of days a dashboard shows: ?from=YYYY-MM-DD&to=YYYY-MM-DD, UTC days, both inclusive.
import { InputError } from '../domain/types.ts';
import { dayOf } from '../store/daily-counts.ts';

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export interface DayRange {
  from: string;
  to: string;
  /** Every day from `from` to `to`, in order. */
  days: string[];
}

function parseDay(value: unknown, field: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new InputError(`${field} must be a date written YYYY-MM-DD`, field);
  const t = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; a day that does not exist is refused instead.
  if (Number.isNaN(t) || dayOf(new Date(t)) !== value) throw new InputError(`${field} is not a calendar date: ${value}`, field);
  return t;
}

/** Defaults: 30 days ending today; with only `from`, the 30 days from it; with only `to`, the 30 days up to it. */
export function parseDayRange(query: { from?: unknown; to?: unknown }, now: Date): DayRange {
  const given = { from: parseDay(query.from, 'from'), to: parseDay(query.to, 'to') };
  const today = Date.parse(`${dayOf(now)}T00:00:00Z`);
  const span = (DEFAULT_RANGE_DAYS - 1) * DAY_MS;
  const to = given.to ?? (given.from !== undefined ? given.from + span : today);
  const from = given.from ?? to - span;
  if (from > to) throw new InputError('from must not be after to', 'from');
  const count = Math.round((to - from) / DAY_MS) + 1;
  if (count > MAX_RANGE_DAYS) throw new InputError(`a range covers at most ${MAX_RANGE_DAYS} days (this one covers ${count})`, 'from');
  const days = Array.from({ length: count }, (_, i) => dayOf(new Date(from + i * DAY_MS)));
  return { from: days[0], to: days[days.length - 1], days };
}
