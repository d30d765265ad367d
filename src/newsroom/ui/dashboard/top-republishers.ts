// The site dashboard's top republishers: the sites whose pages showed our articles most in the period.
import { t } from '../i18n.ts';
import { el, section, table } from '../shell/forms.ts';
import { formatNumber } from './stats-view.ts';
import './follow-strings.ts';

export interface TopRepublishers {
  from: string;
  to: string;
  top: Array<{ host: string; views: number; articles: number }>;
}

export function topRepublishersSection(data: TopRepublishers): HTMLElement {
  const node = section(
    t('rep.top'),
    data.top.length
      ? table(t('rep.top'), [t('rep.host'), t('rep.rangeViews'), t('rep.articles')], data.top.map((r) => [r.host, formatNumber(r.views), formatNumber(r.articles)]))
      : el('p', {}, t('rep.none')),
  );
  node.classList.add('top-republishers');
  return node;
}
