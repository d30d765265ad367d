import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chartCsv, chartTable, csvField, csvFileName, type TimeChartData } from './table-data.ts';
import { chartCssText } from './css-files.ts';

const data = (lang: 'fr' | 'en'): TimeChartData => ({
  title: lang === 'fr' ? 'Vues et partages' : 'Views and shares',
  days: ['2026-02-28', '2026-03-01', '2026-03-02'],
  series: [
    { label: lang === 'fr' ? 'Vues' : 'Views', values: [1200, 0, 7] },
    { label: lang === 'fr' ? 'Partages' : 'Shares', values: [3, 1, 0] },
  ],
  lang,
});

test('the table has a caption with the localised range, a heading per column and a row per day', () => {
  const fr = chartTable(data('fr'));
  assert.equal(fr.caption, 'Vues et partages (28 février 2026 – 2 mars 2026)');
  assert.deepEqual(fr.columns, ['Jour', 'Vues', 'Partages']);
  assert.deepEqual(fr.rows.map((r) => [r.day, r.label, r.values]), [
    ['2026-02-28', '28 février 2026', [1200, 3]],
    ['2026-03-01', '1 mars 2026', [0, 1]],
    ['2026-03-02', '2 mars 2026', [7, 0]],
  ]);
  assert.deepEqual(fr.totals, [1207, 4]);
  const en = chartTable(data('en'));
  assert.equal(en.caption, 'Views and shares (February 28, 2026 – March 2, 2026)');
  assert.deepEqual(en.columns, ['Day', 'Views', 'Shares']);
});

test('CSV: header row day,… in the chart language, ISO days, CRLF', () => {
  assert.equal(chartCsv(data('fr')), 'jour,Vues,Partages\r\n2026-02-28,1200,3\r\n2026-03-01,0,1\r\n2026-03-02,7,0\r\n');
  assert.equal(chartCsv(data('en')).split('\r\n')[0], 'day,Views,Shares');
});

test('CSV fields are quoted when needed and never start a formula', () => {
  assert.equal(csvField('Le « quai », "nord"'), '"Le « quai », ""nord"""');
  assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvField('-1+1'), "'-1+1");
  assert.equal(csvField('a\nb'), '"a\nb"');
  assert.equal(csvField(-3), '-3');
  const csv = chartCsv({ ...data('en'), series: [{ label: '@evil, "quoted"', values: [1, 2, 3] }] });
  assert.equal(csv.split('\r\n')[0], `day,"'@evil, ""quoted"""`);
});

test('series that do not match the days are refused rather than drawn misaligned', () => {
  assert.throws(() => chartTable({ ...data('en'), series: [{ label: 'x', values: [1, 2] }] }), /needs 3 finite numbers/);
  assert.throws(() => chartCsv({ ...data('en'), series: [{ label: 'x', values: [1, NaN, 2] }] }), /finite/);
  assert.throws(() => chartTable({ ...data('en'), days: ['2026-2-1', '2026-02-02', '2026-02-03'] }), /YYYY-MM-DD/);
});

test('an empty range still makes a table and a CSV header', () => {
  const empty = { ...data('fr'), days: [], series: [{ label: 'Vues', values: [] }] };
  assert.equal(chartTable(empty).caption, 'Vues et partages');
  assert.deepEqual(chartTable(empty).rows, []);
  assert.equal(chartCsv(empty), 'jour,Vues\r\n');
});

test('file names are the title in safe characters and the range', () => {
  assert.equal(csvFileName(data('fr')), 'vues-et-partages-2026-02-28-2026-03-02.csv');
  assert.equal(csvFileName({ title: 'Évêque : « là »', days: ['2026-01-01'] }), 'eveque-la-2026-01-01-2026-01-01.csv');
  assert.equal(csvFileName({ title: '«»', days: [] }), 'chart.csv');
});

test('the stylesheets are uPlot’s and ours', () => {
  const css = chartCssText();
  assert.match(css, /\.uplot/);
  assert.match(css, /\.relais-chart-table/);
});
