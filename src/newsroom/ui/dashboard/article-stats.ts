// /newsroom/articles/:id/stats — one article's figures over a period, its republishers (views per day and
// checks) and the webmentions it received.
import type { Article } from '../../../domain/types.ts';
import type { Webmention } from '../../../follow/webmention/moderation.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, section, showError } from '../shell/forms.ts';
import { mentionTable } from './mention-row.ts';
import { republishersSection, type ArticleRepublishers } from './republishers.ts';
import { charts, lastDays, networkTable, periodSelect, totalsList, type RangeStats } from './stats-view.ts';
import './strings.ts';

interface ArticleStats extends RangeStats {
  articleId: number;
}

export async function render(root: HTMLElement, params: Record<string, string>, app: AppState): Promise<() => void> {
  const id = Number(params.id);
  let period = 30;
  let destroy: () => void = () => {};
  const out = el('div', {});
  const head = el('div', {});
  root.append(head, el('div', { class: 'controls' }, periodSelect(period, (n) => ((period = n), void load()))), out);
  try {
    const article = await api<Article>('GET', `/articles/${id}`);
    document.title = `${t('dash.stats', { title: article.title })} · ${t('shell.newsroom')}`;
    head.append(el('h2', {}, article.title), el('p', {}, el('a', { href: `/newsroom/articles/${id}` }, t('dash.edit')), ' · ', el('a', { href: '/newsroom/' }, t('dash.back'))));
  } catch (err) {
    showError(head, err);
  }
  const load = async () => {
    const { from, to } = lastDays(period);
    try {
      const range = new URLSearchParams({ from, to });
      const [s, reps, wm] = await Promise.all([
        api<ArticleStats>('GET', `/articles/${id}/stats?${range}`),
        api<ArticleRepublishers>('GET', `/articles/${id}/republishers?${range}`),
        api<{ webmentions: Webmention[] }>('GET', `/articles/${id}/webmentions`),
      ]);
      destroy();
      const chartBox = el('div', {});
      const republishers = republishersSection(reps);
      const mentions = section(t('wm.title'), el('p', {}, t('wm.onPage')), mentionTable(wm.webmentions, { app }));
      mentions.classList.add('article-webmentions');
      out.replaceChildren(totalsList(s.totals), chartBox, networkTable(s.sharesByNetwork), republishers.node, mentions);
      const destroyCharts = charts(chartBox, s);
      destroy = () => (destroyCharts(), republishers.destroy());
      app.announce(t('dash.range', { from, to }));
    } catch (err) {
      showError(out, err);
    }
  };
  await load();
  return () => destroy();
}
