// The revisions panel: who saved what and when, the difference between any two, restoring one.
import type { Article, ArticleDiff } from '../../../domain/types.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { busy, button, el, field, messageArea, time } from '../ingest/dom.ts';
import { diffView } from './diff-view.ts';

interface RevisionInfo {
  id: number;
  version: number;
  kind: string;
  actor: string;
  userName: string | null;
  createdAt: string;
}

export interface RevisionsPanel {
  node: HTMLElement;
  refresh(): Promise<void>;
}

/** `restored` gets the article as it is after a restore; `version` is the version the editor holds. */
export function revisionsPanel(articleId: () => number | null, version: () => number | null, restored: (a: Article) => void, canEdit: boolean): RevisionsPanel {
  const msg = messageArea();
  const list = el('div', { class: 'revisions-list' });
  const from = el('select', { name: 'from' });
  const to = el('select', { name: 'to' });
  const out = el('div', { class: 'revisions-diff', 'aria-live': 'polite' });
  const compare = button(t('rev.compare'), () => void busy(compare, async () => {
    const id = articleId();
    if (!id) return;
    try {
      const qs = [from.value && `from=${from.value}`, to.value && `to=${to.value}`].filter(Boolean).join('&');
      const d = await api<ArticleDiff>('GET', `/articles/${id}/diff?${qs}`);
      out.replaceChildren(diffView(d, { before: from.selectedOptions[0]?.text ?? '', after: to.selectedOptions[0]?.text ?? '' }));
    } catch (err) {
      msg.error(err);
    }
  }));
  const kind = (k: string) => (t(`rev.kind.${k}`) === `rev.kind.${k}` ? k : t(`rev.kind.${k}`));
  const label = (r: RevisionInfo) => t('rev.label', { id: r.id, version: r.version, kind: kind(r.kind), who: r.userName ?? r.actor, when: time(r.createdAt) });

  const refresh = async () => {
    const id = articleId();
    if (!id) return list.replaceChildren(el('p', {}, t('rev.none')));
    let revs: RevisionInfo[];
    try {
      revs = await api<RevisionInfo[]>('GET', `/articles/${id}/revisions`);
    } catch (err) {
      return msg.error(err);
    }
    const options = (sel: HTMLSelectElement, keep: string) => {
      sel.replaceChildren(el('option', { value: '' }, t('rev.now')), ...revs.map((r) => el('option', { value: r.id }, label(r))));
      sel.value = keep;
    };
    options(from, from.value || (revs[1] ? String(revs[1].id) : revs[0] ? String(revs[0].id) : ''));
    options(to, to.value);
    if (!revs.length) return list.replaceChildren(el('p', {}, t('rev.none')));
    list.replaceChildren(el('table', {},
      el('caption', {}, t('rev.caption', { n: revs.length })),
      el('thead', {}, el('tr', {}, ...['rev.col.when', 'rev.col.who', 'rev.col.kind', 'rev.col.version', 'rev.col.actions'].map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, ...revs.map((r) => {
        const restore = button(t('rev.restore'), () => void busy(restore, async () => {
          try {
            const a = await api<Article>('POST', `/articles/${id}/revisions/${r.id}/restore`, { version: version() ?? undefined });
            msg.info(t('rev.restored', { id: r.id }));
            restored(a);
            await refresh();
          } catch (err) {
            msg.error(err);
          }
        }), { 'aria-label': t('rev.restoreOf', { id: r.id }) });
        return el('tr', {}, el('td', {}, time(r.createdAt)), el('td', {}, r.userName ?? r.actor), el('td', {}, kind(r.kind)), el('td', {}, String(r.version)), el('td', {}, canEdit ? restore : ''));
      })),
    ));
  };
  const node = el('section', { class: 'revisions', 'aria-labelledby': 'rev-h' },
    el('h2', { id: 'rev-h' }, t('rev.heading')), msg.node, list,
    el('div', { class: 'rev-compare' }, field(t('rev.from'), from), field(t('rev.to'), to), compare), out);
  return { node, refresh };
}
