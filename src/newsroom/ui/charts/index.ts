// What the newsroom app imports to draw charts in the browser. The stylesheets (uPlot's and charts.css) are
// named by css-files.ts on the server side (paths and text, for the app's CSS bundle).
export { renderTimeChart, type TimeChart, type TimeChartOptions } from './time-chart.ts';
export { chartCsv, chartTable, csvFileName } from './table-data.ts';
export type { ChartLang } from './strings.ts';

/** uPlot's stylesheet as a module specifier, for a CSS entry bundled by esbuild (`@import`). */
export const UPLOT_CSS_MODULE = 'uplot/dist/uPlot.min.css';
