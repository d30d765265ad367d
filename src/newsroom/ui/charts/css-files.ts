// Server side (node): where the charts' stylesheets are, and their text, for the newsroom's CSS bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** uPlot's stylesheet first, then ours (which may refine it). */
export const CHART_CSS_FILES: readonly string[] = [
  require.resolve('uplot/dist/uPlot.min.css'),
  fileURLToPath(new URL('./charts.css', import.meta.url)),
];

export function chartCssText(): string {
  return CHART_CSS_FILES.map((f) => readFileSync(f, 'utf8')).join('\n');
}
