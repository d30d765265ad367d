// The home screen after sign-in: the site's figures over a period (and a language): totals, day charts,
// shares per network, by language, top articles (each linking to its own statistics), top republishers.
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, section, selectField, showError, table } from '../shell/forms.ts';
import { topRepublishersSection, type TopRepublishers } from './top-republishers.ts';
import { charts, formatNumber, lastDays, networkTable, periodSelect, totalsList, type RangeStats, type Totals } from './stats-view.ts';
import './strings.ts';

interface SiteStats extends RangeStats {
  byLanguage: (Totals & { language: string })[];
  topArticles: (Totals & { id: number; title: string; language: string })[];
}

export function render(root: HTMLElement, _params: Record<string, string>, app: AppState): () => void {
  let period = 30;
  let language = '';
  let destroy: () => void = () => {};
  const languages = new Set<string>(['fr', 'en']);
  const controls = el('div', { class: 'controls' });
  const out = el('div', { 'aria-live': 'off' });

  const drawControls = () => {
    const langSel = selectField({ label: t('dash.language'), name: 'language', value: language, options: [['', t('dash.allLanguages')], ...[...languages].sort().map((l): [string, string] => [l, l])] });
    langSel.input.addEventListener('change', () => ((language = langSel.input.value), void load()));
    controls.replaceChildren(periodSelect(period, (n) => ((period = n), void load())), langSel.field);
  };

  const load = async () => {
    const { from, to } = lastDays(period);
    const q = new URLSearchParams({ from, to });
    if (language) q.set('language', language);
    try {
      const [s, reps] = await Promise.all([api<SiteStats>('GET', `/stats?${q}`), api<TopRepublishers>('GET', `/republishers?${new URLSearchParams({ from, to })}`)]);
      destroy();
      out.replaceChildren(totalsList(s.totals));
      const chartBox = el('div', {});
      out.append(chartBox);
      destroy = charts(chartBox, s);
      out.append(networkTable(s.sharesByNetwork));
      for (const l of s.byLanguage) languages.add(l.language);
      out.append(
        section(t('dash.byLanguage'), table(t('dash.byLanguage'), [t('dash.language'), t('dash.views'), t('dash.shares'), t('dash.copies'), t('dash.copyVisits')], s.byLanguage.map((r) => [r.language, formatNumber(r.views), formatNumber(r.shares), formatNumber(r.copies), formatNumber(r.copyVisits)]))),
        section(
          t('dash.top'),
          s.topArticles.length
            ? table(
                t('dash.top'),
                [t('dash.article'), t('dash.language'), t('dash.views'), t('dash.shares'), t('dash.copies'), t('dash.copyVisits')],
                s.topArticles.map((a) => [el('a', { href: `/newsroom/articles/${a.id}/stats` }, a.title), a.language, formatNumber(a.views), formatNumber(a.shares), formatNumber(a.copies), formatNumber(a.copyVisits)]),
              )
            : el('p', {}, t('dash.none')),
        ),
        topRepublishersSection(reps),
      );
      app.announce(t('dash.range', { from, to }));
    } catch (err) {
      showError(out, err);
    }
  };

  drawControls();
  root.append(controls, out);
  void load();
  return () => destroy();
}
