// The DOM of a time chart, without the plot itself: <figure> with its caption, the toggle and CSV buttons, the
// box uPlot draws into (role="img", labelled) and the same figures as a <table>. DOM calls only (no innerHTML,
// no style elements or attributes in markup): styles go through the CSSOM, which a strict CSP allows.
import { CHART_STRINGS } from './strings.ts';
import { chartTable, rangeText, type TimeChartData } from './table-data.ts';

export interface ChartFigure {
  figure: HTMLElement;
  plotBox: HTMLElement;
  table: HTMLTableElement;
  toggle: HTMLButtonElement;
  csv: HTMLButtonElement;
  /** Table view on: the table is shown and the plot hidden; off: the plot is shown, the table kept for screen readers. */
  showTable(on: boolean): void;
}

let made = 0;

const HIDDEN: [string, string][] = [
  ['position', 'absolute'], ['width', '1px'], ['height', '1px'], ['margin', '-1px'], ['overflow', 'hidden'],
  ['clip', 'rect(0 0 0 0)'], ['clip-path', 'inset(50%)'], ['white-space', 'nowrap'], ['border', '0'], ['padding', '0'],
];

/** Hidden from the eye, kept for screen readers (the usual clip technique). */
function visuallyHidden(node: HTMLElement, on: boolean): void {
  for (const [p, v] of HIDDEN) on ? node.style.setProperty(p, v) : node.style.removeProperty(p);
}

export function buildChartFigure(doc: Document, d: TimeChartData): ChartFigure {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) => {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
  const s = CHART_STRINGS[d.lang];
  const id = `relais-chart-${++made}`;
  const t = chartTable(d);
  const nf = new Intl.NumberFormat(d.lang);
  const { from, to } = rangeText(d);

  const table = el(
    'table',
    { id: `${id}-table`, class: 'relais-chart-table' },
    el('caption', {}, t.caption),
    el('thead', {}, el('tr', {}, ...t.columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, ...t.rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, el('time', { datetime: r.day }, r.label)), ...r.values.map((v) => el('td', {}, nf.format(v)))))),
    el('tfoot', {}, el('tr', {}, el('th', { scope: 'row' }, s.total), ...t.totals.map((v) => el('td', {}, nf.format(v))))),
  );
  const plotBox = el('div', {
    id: `${id}-plot`,
    class: 'relais-chart-plot',
    role: 'img',
    'aria-label': s.chartLabel(d.title, d.series.map((x) => x.label).join(', '), from, to),
  });
  const toggle = el('button', { type: 'button', class: 'relais-chart-toggle', 'aria-controls': `${plotBox.id} ${table.id}` });
  const csv = el('button', { type: 'button', class: 'relais-chart-csv', 'aria-label': s.csvLabel(d.title) }, s.csv);
  const caption = el('figcaption', { id: `${id}-caption`, class: 'relais-chart-caption' }, d.title);
  const figure = el('figure', { class: 'relais-chart', 'aria-labelledby': caption.id }, caption, el('div', { class: 'relais-chart-actions' }, toggle, csv), plotBox, table);
  if (!d.days.length) figure.append(el('p', { class: 'relais-chart-empty' }, s.noData));

  function showTable(on: boolean): void {
    visuallyHidden(table, !on);
    plotBox.hidden = on;
    toggle.textContent = on ? s.showChart : s.showTable;
  }
  showTable(false);
  toggle.addEventListener('click', () => showTable(!plotBox.hidden));
  return { figure, plotBox, table, toggle, csv, showTable };
}
