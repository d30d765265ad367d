// An article's republishers on its statistics screen: views per day (a time chart with its table view, one
// series per page, the busiest first) and a table of pages with their checks, first and last seen.
import type { RepublisherRow } from '../../../follow/republish/dashboard.ts';
import { renderTimeChart } from '../charts/index.ts';
import { lang, t } from '../i18n.ts';
import { el, section, table, when } from '../shell/forms.ts';
import { checksCell } from './republisher-checks.ts';
import { formatNumber } from './stats-view.ts';
import './follow-strings.ts';

/** Series drawn (the chart's palette has eight colours); the table below lists every page. */
const CHARTED = 6;
const PLACEMENT = 'urn:relais:placement:';

export interface ArticleRepublishers {
  from: string;
  to: string;
  republishers: RepublisherRow[];
}

function pageLabel(r: RepublisherRow): string {
  if (r.pageUrl.startsWith(PLACEMENT)) return t('rep.noReferer', { token: r.pageUrl.slice(PLACEMENT.length, PLACEMENT.length + 12) + '…' });
  return r.title ? `${r.title} (${r.host})` : r.pageUrl;
}

function pageCell(r: RepublisherRow): Node {
  if (r.pageUrl.startsWith(PLACEMENT)) return document.createTextNode(pageLabel(r));
  return el('span', {}, el('a', { href: r.pageUrl, rel: 'noopener noreferrer nofollow', target: '_blank' }, r.title ?? r.pageUrl), el('br'), el('small', {}, r.pageUrl));
}

/** The section; returns it and the chart's destroy function. */
export function republishersSection(data: ArticleRepublishers): { node: HTMLElement; destroy: () => void } {
  const reps = data.republishers;
  if (!reps.length) return { node: section(t('rep.title'), el('p', {}, t('rep.none'))), destroy: () => {} };
  const box = el('div', { class: 'chart' });
  const rows = reps.map((r) => [pageCell(r), formatNumber(r.views), checksCell(r), when(r.firstSeen, lang()), when(r.lastSeen, lang())]);
  const node = section(t('rep.title'), box, table(t('rep.caption'), [t('rep.page'), t('rep.views'), t('rep.checks'), t('rep.firstSeen'), t('rep.lastSeen')], rows));
  node.classList.add('republishers');
  const days = reps[0].daily.map((d) => d.day);
  const chart = renderTimeChart(box, {
    title: t('rep.chart'),
    days,
    series: reps.slice(0, CHARTED).map((r) => ({ label: pageLabel(r), values: r.daily.map((d) => d.views) })),
    lang: lang(),
  });
  return { node, destroy: () => chart.destroy() };
}
