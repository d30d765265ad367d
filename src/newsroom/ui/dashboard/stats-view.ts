// What the site dashboard and an article's statistics share: the period (and language) selector, totals,
// the day charts (with their table views and CSV), shares per network.
import { renderTimeChart, type TimeChart } from '../charts/index.ts';
import { lang, t } from '../i18n.ts';
import { el, section, selectField, table } from '../shell/forms.ts';

export interface Totals {
  views: number;
  shares: number;
  copies: number;
  copyVisits: number;
}

export interface RangeStats {
  from: string;
  to: string;
  days: string[];
  series: { views: number[]; shares: number[]; copies: number[]; copyVisits: number[] };
  totals: Totals;
  sharesByNetwork: Record<string, number>;
}

export const PERIODS = [7, 30, 90, 365] as const;

/** `from`/`to` (YYYY-MM-DD, UTC) of the last `n` days including today. */
export function lastDays(n: number, now = new Date()): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(Date.parse(to + 'T00:00:00Z') - (n - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

const nf = () => new Intl.NumberFormat(lang());
const day = (d: string) => new Date(d + 'T00:00:00Z').toLocaleDateString(lang(), { dateStyle: 'medium', timeZone: 'UTC' });

export function periodSelect(value: number, onChange: (n: number) => void): HTMLElement {
  const f = selectField({ label: t('dash.period'), name: 'period', value: String(value), options: PERIODS.map((n) => [String(n), t('dash.days', { n })]) });
  f.input.addEventListener('change', () => onChange(Number(f.input.value)));
  return f.field;
}

export function totalsList(totals: Totals): HTMLElement {
  const items: Array<[string, number]> = [
    [t('dash.views'), totals.views],
    [t('dash.shares'), totals.shares],
    [t('dash.copies'), totals.copies],
    [t('dash.copyVisits'), totals.copyVisits],
  ];
  return section(t('dash.totals'), el('dl', { class: 'totals' }, ...items.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, nf().format(v))])));
}

/** The two day charts; returns their destroy function. */
export function charts(into: HTMLElement, s: RangeStats): () => void {
  const made: TimeChart[] = [];
  const box1 = el('div', { class: 'chart' });
  const box2 = el('div', { class: 'chart' });
  into.append(el('p', {}, t('dash.range', { from: day(s.from), to: day(s.to) })), box1, box2);
  const l = lang();
  made.push(renderTimeChart(box1, { title: t('dash.viewsChart'), days: s.days, series: [{ label: t('dash.views'), values: s.series.views }], lang: l }));
  made.push(
    renderTimeChart(box2, {
      title: t('dash.sharesChart'),
      days: s.days,
      series: [
        { label: t('dash.shares'), values: s.series.shares },
        { label: t('dash.copies'), values: s.series.copies },
        { label: t('dash.copyVisits'), values: s.series.copyVisits },
      ],
      lang: l,
    }),
  );
  return () => made.forEach((c) => c.destroy());
}

export function networkTable(byNetwork: Record<string, number>): HTMLElement {
  const rows = Object.entries(byNetwork).map(([n, v]) => [n, nf().format(v)]);
  return section(t('dash.byNetwork'), table(t('dash.byNetwork'), [t('dash.network'), t('dash.shares')], rows));
}

export function formatNumber(n: number): string {
  return nf().format(n);
}
