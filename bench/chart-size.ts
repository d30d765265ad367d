// npm run bench:chart-size — size of the newsroom's chart module (src/newsroom/ui/charts, uPlot included)
// bundled by esbuild for the browser, minified: raw and gzipped, and the same for its stylesheets.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chartCssText } from '../src/newsroom/ui/charts/css-files.ts';

const entry = fileURLToPath(new URL('../src/newsroom/ui/charts/index.ts', import.meta.url));
const out = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true });
const js = out.outputFiles[0].contents;
const css = Buffer.from(chartCssText());
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const inputs = Object.entries(out.metafile.outputs)[0][1].inputs;
const uplotBytes = Object.entries(inputs).filter(([p]) => p.includes('node_modules/uplot')).reduce((a, [, v]) => a + v.bytesInOutput, 0);

console.log(`charts JS  (esbuild, minified, esm): ${kb(js.length)} raw, ${kb(gzipSync(js, { level: 9 }).length)} gzipped (uPlot ${kb(uplotBytes)} of the raw)`);
console.log(`charts CSS (uPlot + charts.css):     ${kb(css.length)} raw, ${kb(gzipSync(css, { level: 9 }).length)} gzipped`);
