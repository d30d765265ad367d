// The pure half of a time chart: the same numbers as a table (for screen readers and the table view) and as
// CSV. No DOM, no uPlot: tested under node.
import { CHART_STRINGS, type ChartLang } from './strings.ts';

export interface TimeSeries {
  label: string;
  values: number[];
}

export interface TimeChartData {
  title: string;
  /** YYYY-MM-DD (UTC), one per value of every series. */
  days: string[];
  series: TimeSeries[];
  lang: ChartLang;
}

export interface ChartTable {
  caption: string;
  /** Column headings: the day column, then one per series. */
  columns: string[];
  rows: { day: string; label: string; values: number[] }[];
  totals: number[];
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight UTC of a YYYY-MM-DD day, in milliseconds. */
export function dayTime(day: string): number {
  if (!DAY_RE.test(day)) throw new TypeError(`not a YYYY-MM-DD day: ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}

/** Refuses data whose series do not have one number per day (a chart would silently misalign them). */
export function checkData(d: TimeChartData): void {
  d.days.forEach(dayTime);
  for (const s of d.series)
    if (s.values.length !== d.days.length || !s.values.every((v) => Number.isFinite(v)))
      throw new TypeError(`series "${s.label}" needs ${d.days.length} finite numbers`);
}

export function dayFormatter(lang: ChartLang, style: 'long' | 'short' = 'long'): (day: string) => string {
  const f = new Intl.DateTimeFormat(lang, style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (day) => f.format(new Date(dayTime(day)));
}

export function rangeText(d: Pick<TimeChartData, 'days' | 'lang'>): { from: string; to: string } {
  const long = dayFormatter(d.lang);
  return { from: d.days.length ? long(d.days[0]) : '', to: d.days.length ? long(d.days[d.days.length - 1]) : '' };
}

export function chartTable(d: TimeChartData): ChartTable {
  checkData(d);
  const s = CHART_STRINGS[d.lang];
  const long = dayFormatter(d.lang);
  const { from, to } = rangeText(d);
  const day0 = s.day[0].toUpperCase() + s.day.slice(1);
  return {
    caption: d.days.length ? `${d.title} (${from} – ${to})` : d.title,
    columns: [day0, ...d.series.map((x) => x.label)],
    rows: d.days.map((day, i) => ({ day, label: long(day), values: d.series.map((x) => x.values[i]) })),
    totals: d.series.map((x) => x.values.reduce((a, b) => a + b, 0)),
  };
}

/** One CSV field: quoted when needed, and never read as a formula by a spreadsheet (labels can be titles). */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Header row `day,<labels…>` (localised), one row per day with the day as YYYY-MM-DD; CRLF line ends (RFC 4180). */
export function chartCsv(d: TimeChartData): string {
  checkData(d);
  const lines = [[CHART_STRINGS[d.lang].day, ...d.series.map((x) => x.label)], ...d.days.map((day, i) => [day, ...d.series.map((x) => x.values[i])])];
  return lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** `views-2026-02-01-2026-03-02.csv`: the title reduced to safe file-name characters, then the range. */
export function csvFileName(d: Pick<TimeChartData, 'title' | 'days'>): string {
  const base =
    d.title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'chart';
  const range = d.days.length ? `-${d.days[0]}-${d.days[d.days.length - 1]}` : '';
  return `${base}${range}.csv`;
}
