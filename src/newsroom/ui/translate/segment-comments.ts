// A segment's comments (an editor's note on a returned segment, the translator's answer) and a form to add one.
import { api } from '../api.ts';
import { lang, t } from '../i18n.ts';
import { el, onSubmit, textArea, when } from '../shell/forms.ts';
import type { Comment } from './common.ts';

export function commentItem(c: Comment): HTMLElement {
  return el('li', {}, el('p', { dir: 'auto' }, c.text), el('small', {}, t('tr.by', { author: c.author, when: when(c.createdAt, lang()) })));
}

export function segmentComments(articleId: number, seg: { id: number; comments: Comment[] }, n: number, announce: (m: string) => void): HTMLElement {
  const list = el('ul', { class: 'tr-comments' }, ...seg.comments.map(commentItem));
  const { field, input } = textArea({ label: t('tr.comment', { n }), name: 'text', rows: 2 });
  const form = el('form', { class: 'tr-comment-form' }, field, el('button', { type: 'submit' }, t('tr.addComment')));
  onSubmit(form, async (v) => {
    const c = await api<Comment>('POST', `/articles/${articleId}/segments/${seg.id}/comments`, { text: v.text });
    list.append(commentItem(c));
    input.value = '';
    announce(t('tr.commentAdded'));
  });
  const summary = el('summary', {}, `${t('tr.comments')} (${seg.comments.length})`);
  const box = el('details', { class: 'tr-comments-box' }, summary, list, form);
  if (seg.comments.length) box.open = true;
  return box;
}
