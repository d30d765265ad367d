// The workflow buttons of a translation: submit (translator); return with a comment and approve (editors,
// and the reviewers named for the pair while it is in review); publish (editors); the comments on the whole
// translation (e.g. why it was returned).
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { button, el, errorText, section, textArea } from '../shell/forms.ts';
import { languageName, type TranslationView } from './common.ts';
import { commentItem } from './segment-comments.ts';
import { mayReview } from './may-review.ts';

export interface ReviewHooks {
  /** Every pending segment save is done (called before a step). */
  flush(): Promise<void>;
  /** The step was taken: the screen shows the new state. `step` is 'return' | 'approve' | … */
  done(view: TranslationView, step: string): void;
}

export function reviewPanel(v: TranslationView, app: AppState, hooks: ReviewHooks): HTMLElement {
  const message = el('div', { class: 'form-messages' });
  const editor = app.can('article.publish');
  const reviewer = mayReview(v, app);
  const box = el('div', { class: 'tr-review' }, message);
  if (reviewer && !editor) box.append(el('p', { class: 'notice' }, t('tr.namedReviewer', { pair: t('tr.pair', { from: languageName(v.from), to: languageName(v.to) }) })));
  const step = (name: string, body?: object) => async () => {
    message.replaceChildren();
    try {
      await hooks.flush();
      const view = await api<TranslationView>('POST', `/articles/${v.articleId}/translation/${name}`, body ?? {});
      app.announce(t(`tr.${name === 'return' ? 'returned' : name === 'submit' ? 'submitted' : name === 'approve' ? 'approved' : 'published'}`));
      hooks.done(view, name);
    } catch (err) {
      message.replaceChildren(el('p', { role: 'alert', class: 'error' }, errorText(err)));
    }
  };
  const buttons = el('div', { class: 'tr-review-buttons' });
  if (app.can('article.submit') && (v.status === 'to-translate' || v.status === 'in-translation' || (v.status === 'approved' && v.pendingUpdate)))
    buttons.append(button(t('tr.submit'), step('submit')));
  if (reviewer && v.status === 'in-review') {
    const { field, input } = textArea({ label: t('tr.returnComment'), name: 'comment', rows: 2 });
    box.append(field);
    buttons.append(button(t('tr.return'), () => void step('return', { comment: input.value })()), button(t('tr.approve'), step('approve')));
  }
  if (editor && (v.status === 'approved' || v.pendingUpdate)) buttons.append(button(t('tr.publish'), step('publish')));
  if (v.pendingUpdate) box.append(el('p', { class: 'tr-flag' }, t('tr.pendingUpdate')));
  box.append(buttons);
  if (v.comments.length) box.append(el('h3', {}, t('tr.generalComments')), el('ul', { class: 'tr-comments' }, ...v.comments.map(commentItem)));
  return section(t('tr.review'), box);
}
