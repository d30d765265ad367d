// The table of translations shared by the translations list and "My work".
import { lang, t } from '../i18n.ts';
import { el, table, when } from '../shell/forms.ts';
import { BASE } from '../shell/router.ts';
import { languageName, progressBar, statusTag, type TranslationView } from './common.ts';

export function translationsTable(items: TranslationView[], total: number): HTMLElement {
  if (!items.length) return el('p', {}, t('tr.nothing'));
  return table(
    t('tr.listCaption', { n: total }),
    [t('tr.col.title'), t('tr.col.pair'), t('tr.col.status'), t('tr.col.progress'), t('tr.col.translator'), t('tr.col.updated')],
    items.map((v) => [
      el(
        'div',
        {},
        el('a', { href: `${BASE}/articles/${v.articleId}/translate`, lang: v.to, dir: 'auto' }, v.title || `#${v.articleId}`),
        v.sourceTitle ? el('div', { class: 'hint' }, t('tr.of', { title: '' }), el('span', { lang: v.from, dir: 'auto' }, v.sourceTitle)) : null,
        v.sourceUpdatedSinceTranslation ? el('div', { class: 'tr-flag' }, t('tr.originalUpdated')) : null,
      ),
      t('tr.pair', { from: languageName(v.from), to: languageName(v.to) }),
      statusTag(v.status),
      progressBar(v.progress),
      v.translator?.name ?? '—',
      when(v.updatedAt, lang()),
    ]),
  );
}
