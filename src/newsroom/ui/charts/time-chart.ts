// A day-by-day chart drawn by uPlot inside the figure of figure.ts (caption, table view, CSV button).
// uPlot sets its styles through element.style, which a strict CSP (style-src 'self') allows.
import uPlot from 'uplot';
import { CHART_STRINGS } from './strings.ts';
import { buildChartFigure } from './figure.ts';
import { chartCsv, csvFileName, dayFormatter, dayTime, type TimeChartData } from './table-data.ts';

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
const MIN_WIDTH = 280;

function download(d: TimeChartData): void {
  // The BOM lets spreadsheet programs read the accents of French labels as UTF-8.
  const blob = new Blob(['\uFEFF', chartCsv(d)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = csvFileName(d);
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
    // Days are UTC days: ticks are placed and written in UTC, whatever the browser's time zone.
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
  const parts = buildChartFigure(document, opts);
  container.replaceChildren(parts.figure);
  parts.csv.addEventListener('click', () => download(opts));

  const data: uPlot.AlignedData = [opts.days.map((day) => dayTime(day) / 1000), ...opts.series.map((x) => x.values)];
  const plot = new uPlot(plotOptions(opts, Math.max(MIN_WIDTH, container.clientWidth || 640)), data, parts.plotBox);
  const resize =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          const w = Math.max(MIN_WIDTH, container.clientWidth);
          if (container.clientWidth > 0 && w !== plot.width) plot.setSize({ width: w, height: plot.height });
        })
      : null;
  resize?.observe(container);

  return {
    element: parts.figure,
    showTable: parts.showTable,
    destroy() {
      resize?.disconnect();
      plot.destroy();
      parts.figure.remove();
    },
  };
}
