// Date parsing for feeds: the formats Universal Feed Parser accepts (RFC 822 with 2/4-digit years and
// named zones, W3CDTF, ISO 8601 variants incl. ordinal dates, asctime, Perforce, Korean, Greek, Hungarian).
// Returns epoch milliseconds in UTC, or null when the string is not a date we understand.

const TZ_NAMES: Record<string, number> = {
  ut: 0, gmt: 0, z: 0, adt: -3, ast: -4, at: -4, edt: -4, est: -5, et: -5, cdt: -5, cst: -6, ct: -6,
  mdt: -6, mst: -7, mt: -7, pdt: -7, pst: -8, pt: -8, a: -1, n: 1, m: -12, y: 12,
};
const RFC822_TZ: Record<string, number> = { ...TZ_NAMES, met: 1, mest: 2 };
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const DAY_NAMES = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const isInt = (s: string): boolean => /^\s*[+-]?\d+\s*$/.test(s);
const toInt = (s: string): number => (isInt(s) ? parseInt(s, 10) : NaN);
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A calendar-checked stamp (like Python's datetime()), shifted by a zone offset; null when invalid. */
function strictStamp(y: number, mo: number, d: number, h: number, mi: number, s: number, tzMin: number): number | null {
  if (![y, mo, d, h, mi, s].every(Number.isFinite)) return null;
  if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  const dt = new Date(t); dt.setUTCFullYear(y); // years < 100
  const out = dt.getTime() - tzMin * 60000;
  const oy = new Date(out).getUTCFullYear();
  return oy < 1 || oy > 9999 ? null : out;
}

export function parseRfc822(date: string): number | null {
  let parts = date.toLowerCase().split(/\s+/).filter(Boolean);
  if (parts.length < 5) parts.push('00:00:00', '0000');
  if (DAY_NAMES.has(parts[0].slice(0, 3))) parts = parts.slice(1);
  if (parts.length < 5) return null;
  let month = MONTHS[parts[1].slice(0, 3)];
  let day = toInt(parts[0]);
  if (Number.isNaN(day)) {
    if (!MONTHS[parts[0].slice(0, 3)]) return null;
    day = toInt(parts[1]);
    if (Number.isNaN(day)) return null;
    month = MONTHS[parts[0].slice(0, 3)];
  }
  if (!month) return null;
  let year = toInt(parts[2]);
  if (Number.isNaN(year)) return null;
  if (parts[2].length <= 2) year += year < 90 ? 2000 : 1900;
  const tp = parts[3].split(':');
  while (tp.length < 3) tp.push('0');
  if (tp.length > 3) return null;
  const [hour, minute, second] = tp.map(toInt);
  if ([hour, minute, second].some(Number.isNaN)) return null;
  let tz = parts[4];
  if (tz.startsWith('etc/')) tz = tz.slice(4);
  if (tz.startsWith('gmt')) tz = tz.slice(3).split(':').join('') || 'gmt';
  let tzMin = 0;
  if (tz[0] === '-' || tz[0] === '+') {
    let hh: number, mm: number;
    if (tz.includes(':')) { hh = toInt(tz.slice(1, 3)); mm = tz.slice(4) === '' ? NaN : toInt(tz.slice(4)); }
    else { hh = toInt(tz.slice(1, 3)); mm = tz.slice(3) === '' ? NaN : toInt(tz.slice(3)); }
    if (Number.isNaN(hh) || Number.isNaN(mm)) return null;
    tzMin = (hh * 60 + mm) * (tz[0] === '-' ? -1 : 1);
  } else tzMin = (RFC822_TZ[tz] ?? 0) * 60;
  return strictStamp(year, month, day, hour, minute, second, tzMin);
}

export function parseW3dtf(datestr: string): number | null {
  if (!datestr.trim()) return null;
  let parts = datestr.toLowerCase().split('t');
  if (parts.length === 1) {
    parts = parts[0].split(/\s+/).filter(Boolean);
    if (parts.length === 1) parts.push('00:00:00z');
  } else if (parts.length > 2) return null;
  if (parts.length < 2) return null;
  const s = parts[0];
  const i1 = s.indexOf('-'); const date = i1 < 0 ? [s] : [s.slice(0, i1)];
  if (i1 >= 0) { const rest = s.slice(i1 + 1); const i2 = rest.indexOf('-'); if (i2 < 0) date.push(rest); else date.push(rest.slice(0, i2), rest.slice(i2 + 1)); }
  if (date[0].length !== 4) return null;
  while (date.length < 3) date.push('1');
  const [year, month, day] = date.map(toInt);
  if ([year, month, day].some(Number.isNaN)) return null;
  let timePart = parts[1]; let zone = parts[2] ?? '';
  if (timePart.endsWith('z')) { timePart = timePart.slice(0, -1); zone = 'z'; }
  let loc = timePart.indexOf('-') + 1 || timePart.indexOf('+') + 1 || timePart.length + 1;
  loc -= 1;
  const tzs = parts.length > 2 && zone === 'z' && timePart.slice(loc) === '' ? 'z' : timePart.slice(loc);
  timePart = timePart.slice(0, loc);
  const time = timePart.split(':');
  if (time.length > 3) time.splice(2, time.length - 2, time.slice(2).join(':'));
  while (time.length < 3) time.push('0');
  let tzMin = 0;
  if (tzs[0] === '-' || tzs[0] === '+') {
    const hh = toInt(tzs.slice(1, 3)), mm = toInt(tzs.slice(4));
    if (Number.isNaN(hh) || Number.isNaN(mm)) return null;
    tzMin = (hh * 60 + mm) * (tzs[0] === '-' ? -1 : 1);
  } else tzMin = (TZ_NAMES[tzs] ?? 0) * 60;
  const nums = time.map((t) => (/^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(t) ? Math.trunc(parseFloat(t)) : NaN));
  if (nums.some(Number.isNaN)) return null;
  return strictStamp(year, month, day, nums[0], nums[1], nums[2], tzMin);
}

const ISO_TMPL = ['YYYY-?MM-?DD', 'YYYY-0MM?-?DD', 'YYYY-MM', 'YYYY-?OOO', 'YY-?MM-?DD', 'YY-?OOO', 'YYYY',
  '-YY-?MM', '-OOO', '-YY', '--MM-?DD', '--MM', '---DD', 'CC', ''];
const ISO_RE = ISO_TMPL.map((t) => new RegExp('^' + t.replace('YYYY', '(?<year>\\d{4})').replace('YY', '(?<year>\\d\\d)')
  .replace('MM', '(?<month>[01]\\d)').replace('DD', '(?<day>[0123]\\d)').replace('OOO', '(?<ordinal>[0123]\\d\\d)')
  .replace('CC', '(?<century>\\d\\d$)') +
  '(T?(?<hour>\\d{2}):(?<minute>\\d{2})(:(?<second>\\d{2}))?(\\.(?<fracsecond>\\d+))?(?<tz>[+-](?<tzhour>\\d{2})(:(?<tzmin>\\d{2}))?|Z)?)?'));

export function parseIso8601(s: string): number | null {
  let m: RegExpExecArray | null = null;
  for (const re of ISO_RE) { m = re.exec(s); if (m) break; }
  if (!m || m[0].length === 0) return null;
  const g = m.groups ?? {};
  const now = new Date();
  const ordinal = g.ordinal ? parseInt(g.ordinal, 10) : 0;
  let year: number;
  if (!g.year) year = now.getUTCFullYear();
  else if (g.year.length === 2) year = 100 * Math.floor(now.getUTCFullYear() / 100) + parseInt(g.year, 10);
  else year = parseInt(g.year, 10);
  let month = g.month ? parseInt(g.month, 10) : (ordinal ? 1 : now.getUTCMonth() + 1);
  let day = g.day ? parseInt(g.day, 10) : ordinal ? ordinal : (g.century || g.year || g.month) ? 1 : now.getUTCDate();
  if (g.century !== undefined) year = (parseInt(g.century, 10) - 1) * 100 + 1;
  let hour = g.hour ? parseInt(g.hour, 10) : 0, minute = g.minute ? parseInt(g.minute, 10) : 0;
  const second = g.second ? parseInt(g.second, 10) : 0;
  const tz = g.tz;
  if (tz && tz !== 'Z') {
    const th = g.tzhour ? parseInt(g.tzhour, 10) : 0, tm = g.tzmin ? parseInt(g.tzmin, 10) : 0;
    if (tz[0] === '-') { hour += th; minute += tm; } else { hour -= th; minute -= tm; }
  }
  if (month < 1 && !ordinal) { /* mktime normalises month 0 to December of the previous year */ }
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  d.setUTCFullYear(year + (d.getUTCFullYear() - 2000));
  void day; void month;
  return d.getTime();
}

export function parseAsctime(dt: string): number | null {
  const parts = dt.split(/\s+/).filter(Boolean);
  if (parts.length === 5) parts.splice(4, 0, '+0000');
  if (parts.length !== 6) return null;
  return parseRfc822([parts[0], parts[2], parts[1], parts[5], parts[3], parts[4]].join(' '));
}

function parsePerforce(s: string): number | null {
  const m = /(\w{0,3}), (\d{0,4})\/(\d{0,2})\/(\d{2}) (\d{0,2}):(\d{2}):(\d{2}) (\w{0,3})/.exec(s);
  if (!m) return null;
  const names = Object.keys(MONTHS);
  const mon = names[parseInt(m[3], 10) - 1];
  if (!mon) return null;
  return parseRfc822(`${m[1]}, ${m[4]} ${mon} ${m[2]} ${m[5]}:${m[6]}:${m[7]} ${m[8]}`);
}

const KO_ONBLOG_RE = /^(\d{4})\ub144\s+(\d{2})\uc6d4\s+(\d{2})\uc77c\s+(\d{2}):(\d{2}):(\d{2})/;
const KO_NATE_RE = /^(\d{4})-(\d{2})-(\d{2})\s+(\uc624\uc804|\uc624\ud6c4)\s+(\d{0,2}):(\d{0,2}):(\d{0,2})/;
function parseKorean(s: string): number | null {
  let m = KO_ONBLOG_RE.exec(s);
  if (m) return parseW3dtf(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+09:00`);
  m = KO_NATE_RE.exec(s);
  if (m) {
    let hour = parseInt(m[5], 10); if (m[4] === '\uc624\ud6c4') hour += 12;
    return parseW3dtf(`${m[1]}-${m[2]}-${m[3]}T${String(hour).padStart(2, '0')}:${m[6]}:${m[7]}+09:00`);
  }
  return null;
}

const GREEK_MONTHS: Record<string, string> = {
  'Ιαν': 'Jan', 'Φεβ': 'Feb', 'Μάώ': 'Mar', 'Μαώ': 'Mar', 'Απρ': 'Apr', 'Μάι': 'May', 'Μαϊ': 'May', 'Μαι': 'May',
  'Ιούν': 'Jun', 'Ιον': 'Jun', 'Ιούλ': 'Jul', 'Ιολ': 'Jul', 'Αύγ': 'Aug', 'Αυγ': 'Aug', 'Σεπ': 'Sep', 'Οκτ': 'Oct',
  'Νοέ': 'Nov', 'Νοε': 'Nov', 'Δεκ': 'Dec',
};
const GREEK_DAYS: Record<string, string> = { 'Κυρ': 'Sun', 'Δευ': 'Mon', 'Τρι': 'Tue', 'Τετ': 'Wed', 'Πεμ': 'Thu', 'Παρ': 'Fri', 'Σαβ': 'Sat' };
function parseGreek(s: string): number | null {
  const m = /^([^,]+),\s+(\d{2})\s+(\S+)\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+(\S+)/.exec(s);
  if (!m) return null;
  const wd = GREEK_DAYS[m[1]], mo = GREEK_MONTHS[m[3]];
  if (!wd || !mo) return null;
  return parseRfc822(`${wd}, ${m[2]} ${mo} ${m[4]} ${m[5]}:${m[6]}:${m[7]} ${m[8]}`);
}
const HU_MONTHS: Record<string, string> = {
  'január': '01', 'februári': '02', 'március': '03', 'április': '04', 'máujus': '05', 'június': '06',
  'július': '07', 'augusztus': '08', 'szeptember': '09', 'október': '10', 'november': '11', 'december': '12',
};
function parseHungarian(s: string): number | null {
  const m = /^(\d{4})-([^-]+)-(\d{0,2})T(\d{0,2}):(\d{2})([+-](\d{0,2}:\d{2}))/.exec(s);
  if (!m || !(m[2] in HU_MONTHS)) return null;
  return parseW3dtf(`${m[1]}-${HU_MONTHS[m[2]]}-${m[3].padStart(2, '0')}T${m[4].padStart(2, '0')}:${m[5]}${m[6]}`);
}

const HANDLERS = [parseW3dtf, parseRfc822, parseIso8601, parseAsctime, parsePerforce, parseHungarian, parseGreek, parseKorean];

/** Parses a feed date string to epoch ms (UTC); null when no handler accepts it. */
export function parseFeedDate(s: string | null | undefined): number | null {
  if (!s || s.length > 256) return null;
  for (const h of HANDLERS) {
    let v: number | null = null;
    try { v = h(s); } catch { v = null; }
    if (v !== null && Number.isFinite(v)) return v;
  }
  return null;
}
