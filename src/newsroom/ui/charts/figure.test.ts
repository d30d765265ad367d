// The chart's DOM (without uPlot's canvas) in linkedom: what a screen reader and a keyboard user get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { buildChartFigure } from './figure.ts';
import type { TimeChartData } from './table-data.ts';

const data: TimeChartData = {
  title: 'Vues',
  days: ['2026-03-01', '2026-03-02'],
  series: [{ label: 'Vues', values: [1234, 5] }, { label: 'Partages', values: [0, 2] }],
  lang: 'fr',
};

function figure(d = data) {
  const { document } = parseHTML('<!doctype html><html lang="fr"><body></body></html>');
  const f = buildChartFigure(document as unknown as Document, d);
  document.body.append(f.figure);
  return { document, ...f };
}

test('the plot is an image with an accessible name, under a visible caption', () => {
  const { figure: fig, plotBox } = figure();
  assert.equal(fig.querySelector('figcaption')!.textContent, 'Vues');
  assert.equal(fig.getAttribute('aria-labelledby'), fig.querySelector('figcaption')!.id);
  assert.equal(plotBox.getAttribute('role'), 'img');
  assert.equal(plotBox.getAttribute('aria-label'), 'Vues : Vues, Partages, du 1 mars 2026 au 2 mars 2026');
});

test('the table has a caption, column and row headings, localised numbers and a total row', () => {
  const { table } = figure();
  assert.equal(table.querySelector('caption')!.textContent, 'Vues (1 mars 2026 – 2 mars 2026)');
  assert.deepEqual([...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), th.textContent]), [
    ['col', 'Jour'], ['col', 'Vues'], ['col', 'Partages'],
  ]);
  const rows = [...table.querySelectorAll('tbody tr')];
  assert.equal(rows[0].querySelector('th')!.getAttribute('scope'), 'row');
  assert.equal(rows[0].querySelector('time')!.getAttribute('datetime'), '2026-03-01');
  assert.deepEqual([...rows[0].querySelectorAll('td')].map((td) => td.textContent!.replace(/\s/g, ' ')), ['1 234', '0']);
  assert.deepEqual([...table.querySelectorAll('tfoot td')].map((td) => td.textContent!.replace(/\s/g, ' ')), ['1 239', '2']);
});

test('the toggle switches between chart and table; the table stays readable by screen readers in chart view', () => {
  const { toggle, plotBox, table, csv } = figure();
  assert.equal(toggle.getAttribute('type'), 'button');
  assert.equal(toggle.textContent, 'Tableau');
  assert.equal(plotBox.hidden, false);
  assert.equal(table.hidden, false, 'never hidden from assistive technology');
  assert.equal(table.style.getPropertyValue('position'), 'absolute', 'visually hidden only');
  toggle.click();
  assert.equal(toggle.textContent, 'Graphique');
  assert.equal(plotBox.hidden, true);
  assert.equal(table.style.getPropertyValue('position'), '');
  toggle.click();
  assert.equal(toggle.textContent, 'Tableau');
  assert.equal(plotBox.hidden, false);
  assert.equal(csv.textContent, 'CSV');
  assert.equal(csv.getAttribute('aria-label'), 'Télécharger « Vues » en CSV');
});

test('English labels, and an empty range says so', () => {
  const { toggle, figure: fig } = figure({ ...data, lang: 'en', days: [], series: [{ label: 'Views', values: [] }] });
  assert.equal(toggle.textContent, 'Table');
  assert.equal(fig.querySelector('.relais-chart-empty')!.textContent, 'No data for this period.');
});

test('no markup-level styles or scripts (a strict CSP would block them)', () => {
  const { figure: fig } = figure();
  fig.querySelector('table')!.removeAttribute('style'); // set through the CSSOM, which CSP allows
  assert.doesNotMatch(fig.outerHTML, /\sstyle=|<style|<script|\son\w+=/i);
});
