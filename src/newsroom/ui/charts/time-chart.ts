// A day-by-day chart (uPlot) with, beside it, the same figures as a real table and a CSV download. Built with
// DOM calls only (no innerHTML, no style elements or attributes), so a strict CSP (style-src 'self') holds:
// uPlot and this file set styles through element.style, which CSP allows.
import uPlot from 'uplot';
import { CHART_STRINGS } from './strings.ts';
import { chartCsv, chartTable, csvFileName, dayFormatter, dayTime, rangeText, type TimeChartData } from './table-data.ts';

export type TimeChartOptions = TimeChartData;

export interface TimeChart {
  /** The <figure> holding the chart, the table and the buttons. */
  element: HTMLElement;
  showTable(on: boolean): void;
  destroy(): void;
}

// Okabe–Ito colours (told apart with colour-blindness), and a dash per series so colour is not the only cue.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [10, 3, 2, 3]];
let made = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Hidden from the eye, kept for screen readers (the usual clip technique, applied through the CSSOM). */
function visuallyHidden(node: HTMLElement, on: boolean): void {
  const s = node.style;
  if (!on) {
    for (const p of ['position', 'width', 'height', 'margin', 'overflow', 'clip', 'clipPath', 'whiteSpace', 'border', 'padding'] as const) s[p] = '';
    return;
  }
  Object.assign(s, { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: '0', padding: '0' });
}

function buildTable(d: TimeChartData, id: string): HTMLTableElement {
  const t = chartTable(d);
  const nf = new Intl.NumberFormat(d.lang);
  const head = el('tr', {}, ...t.columns.map((c) => el('th', { scope: 'col' }, c)));
  const rows = t.rows.map((r) =>
    el('tr', {}, el('th', { scope: 'row' }, el('time', { dateTime: r.day }, r.label)), ...r.values.map((v) => el('td', {}, nf.format(v)))),
  );
  const foot = el('tr', {}, el('th', { scope: 'row' }, CHART_STRINGS[d.lang].total), ...t.totals.map((v) => el('td', {}, nf.format(v))));
  return el('table', { id, className: 'relais-chart-table' }, el('caption', {}, t.caption), el('thead', {}, head), el('tbody', {}, ...rows), el('tfoot', {}, foot));
}

function download(d: TimeChartData): void {
  // The BOM lets spreadsheet programs read the accents of French labels as UTF-8.
  const blob = new Blob(['\uFEFF', chartCsv(d)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: csvFileName(d) });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function plotOptions(d: TimeChartData, width: number): uPlot.Options {
  const nf = new Intl.NumberFormat(d.lang);
  const long = dayFormatter(d.lang);
  const short = new Intl.DateTimeFormat(d.lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    width,
    height: 260,
    // Days are UTC days: ticks and labels are placed and written in UTC, whatever the browser's zone.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: [
      { values: (_u, splits) => splits.map((s) => short.format(new Date(s * 1000))) },
      { values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? nf.format(s) : '')) },
    ],
    series: [
      { label: CHART_STRINGS[d.lang].day, value: (_u, v) => (v == null ? '–' : long(new Date(v * 1000).toISOString().slice(0, 10))) },
      ...d.series.map((s, i) => ({
        label: s.label,
        stroke: COLOURS[i % COLOURS.length],
        dash: DASHES[i % DASHES.length],
        width: 2,
        points: { show: d.days.length <= 62 },
        value: (_u: uPlot, v: number | null) => (v == null ? '–' : nf.format(v)),
      })),
    ],
  };
}

/** Draws `opts` into `container` (emptied first) and returns a handle; call destroy() when the screen goes. */
export function renderTimeChart(container: HTMLElement, opts: TimeChartOptions): TimeChart {
  const d = opts;
  const s = CHART_STRINGS[d.lang];
  const id = `relais-chart-${++made}`;
  const table = buildTable(d, `${id}-table`);
  const { from, to } = rangeText(d);
  const plotBox = el('div', { id: `${id}-plot`, className: 'relais-chart-plot' });
  plotBox.setAttribute('role', 'img');
  plotBox.setAttribute('aria-label', s.chartLabel(d.title, d.series.map((x) => x.label).join(', '), from, to));
  const toggle = el('button', { type: 'button', className: 'relais-chart-toggle' });
  toggle.setAttribute('aria-controls', `${plotBox.id} ${table.id}`);
  const csv = el('button', { type: 'button', className: 'relais-chart-csv', textContent: s.csv });
  csv.setAttribute('aria-label', s.csvLabel(d.title));
  const caption = el('figcaption', { id: `${id}-caption`, className: 'relais-chart-caption' }, d.title);
  const figure = el('figure', { className: 'relais-chart' }, caption, el('div', { className: 'relais-chart-actions' }, toggle, csv), plotBox, table);
  figure.setAttribute('aria-labelledby', caption.id);
  if (!d.days.length) figure.append(el('p', { className: 'relais-chart-empty' }, s.noData));
  container.replaceChildren(figure);

  const data: uPlot.AlignedData = [d.days.map((day) => dayTime(day) / 1000), ...d.series.map((x) => x.values)];
  const plot = new uPlot(plotOptions(d, Math.max(280, container.clientWidth || 640)), data, plotBox);
  const resize = typeof ResizeObserver === 'function'
    ? new ResizeObserver(() => {
        const w = container.clientWidth;
        if (w > 0 && w !== plot.width) plot.setSize({ width: Math.max(280, w), height: plot.height });
      })
    : null;
  resize?.observe(container);

  function showTable(on: boolean): void {
    // The table is always there for screen readers; "table view" shows it to the eye and hides the plot.
    visuallyHidden(table, !on);
    plotBox.hidden = on;
    toggle.textContent = on ? s.showChart : s.showTable;
  }
  showTable(false);
  toggle.addEventListener('click', () => showTable(plotBox.hidden === false));
  csv.addEventListener('click', () => download(d));

  return {
    element: figure,
    showTable,
    destroy() {
      resize?.disconnect();
      plot.destroy();
      figure.remove();
    },
  };
}
