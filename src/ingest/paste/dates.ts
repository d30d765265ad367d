// Dates as people write them in article headers, in French and English.
const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, février: 2, fevrier: 2, févr: 2, fevr: 2, fév: 2, mars: 3, avril: 4, avr: 4, mai: 5, juin: 6,
  juillet: 7, juil: 7, août: 8, aout: 8, septembre: 9, sept: 9, octobre: 10, oct: 10, novembre: 11, nov: 11,
  décembre: 12, decembre: 12, déc: 12, dec: 12,
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7,
  jul: 7, august: 8, aug: 8, september: 9, sep: 9, october: 10, november: 11, december: 12,
};

const WEEKDAY = '(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\\.?,?\\s+)?';
const MONTH = '([a-zéûô]{3,9})\\.?';
const DAY = '(\\d{1,2})(?:er|st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const TIME = '(?:\\s*(?:,|à|at|-|–)?\\s*\\d{1,2}[:h]\\d{2}(?:\\s*[ap]m)?)?';

const DAY_MONTH_YEAR = new RegExp(`^(?:(?:publié|posted|published|mis à jour|updated)\\s+(?:le|on)?\\s*)?(?:le\\s+)?${WEEKDAY}${DAY}\\s+${MONTH}\\s+${YEAR}${TIME}$`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`^(?:(?:posted|published|updated)\\s+(?:on\\s+)?)?${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}${TIME}$`, 'iu');
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString();
}

/**
 * Parses a line that is only a date ("15 novembre 2017", "November 15, 2017", "2017-11-15", "15/11/2017").
 * Returns midnight UTC of that day as ISO-8601, or null. Numeric d/m/y is read day-first (French and most of
 * the world) unless the first number cannot be a day.
 */
export function parseDateLine(line: string): string | null {
  const s = line.trim().replace(/\s+/g, ' ');
  if (s.length > 60) return null;
  let m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? iso(Number(m[3]), month, Number(m[1])) : null;
  }
  m = MONTH_DAY_YEAR.exec(s);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? iso(Number(m[3]), month, Number(m[2])) : null;
  }
  m = ISO.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a > 12 ? iso(Number(m[3]), b, a) : iso(Number(m[3]), b, a) ?? iso(Number(m[3]), a, b);
  }
  return null;
}
