// The article's workflow buttons: save, preview, publish, schedule, unpublish, submit for review, add a
// correction. Each is shown only when the user may do it (the server checks again); each first saves
// what is in the editor, so what gets published is what the user sees.
import type { Article, Correction } from '../../../domain/types.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, button, el, field, time } from '../ingest/dom.ts';
import { fromLocalInput } from './provenance-fields.ts';

export interface WorkflowHost {
  article(): Article | null;
  /** May this user change this article (false: the screen is read-only, no action is offered)? */
  editable: boolean;
  /** Saves the editor's content explicitly; false when it could not (the reason is already shown). */
  save(): Promise<boolean>;
  loaded(a: Article): void;
  error(err: unknown): void;
  info(text: string): void;
}

export function workflowBar(host: WorkflowHost, app: AppState): { node: HTMLElement; update(): void } {
  const mayPublish = app.can('article.publish');
  const when = el('input', { type: 'datetime-local', name: 'scheduleAt' });
  const correction = el('textarea', { name: 'correction', rows: 2, maxlength: 2000 });
  const corrections = el('ul', { class: 'corrections' });
  const preview = el('a', { target: '_blank', rel: 'noopener', class: 'button' }, t('wf.preview'));
  // "Translate into…" from any article; a translation's own link opens its workspace.
  const translate = el('a', { class: 'button' }, t('wf.translate'));

  const act = (b: HTMLButtonElement, work: (id: number) => Promise<Article | void>, done: string) =>
    void busy(b, async () => {
      if (!(await host.save())) return;
      const a = host.article();
      if (!a) return;
      try {
        const after = await work(a.id);
        if (after) host.loaded(after);
        host.info(t(done));
        app.announce(t(done));
      } catch (err) {
        host.error(err);
      }
    });
  const save = button(t('wf.save'), () => void busy(save, async () => void ((await host.save()) && host.info(t('wf.saved')))));
  const publish = button(t('wf.publish'), () => act(publish, (id) => api<Article>('POST', `/articles/${id}/publish`, {}), 'wf.published'));
  const schedule = button(t('wf.schedule'), () => {
    const at = fromLocalInput(when.value);
    if (!at) return host.error(new Error(t('wf.scheduleWhen')));
    act(schedule, (id) => api<Article>('POST', `/articles/${id}/publish`, { at }), 'wf.scheduled');
  });
  const unpublish = button(t('wf.unpublish'), () => act(unpublish, (id) => api<Article>('POST', `/articles/${id}/unpublish`), 'wf.unpublished'));
  const submit = button(t('wf.submit'), () => act(submit, (id) => api<Article>('POST', `/articles/${id}/submit`), 'wf.submitted'));
  const addCorrection = button(t('wf.addCorrection'), () => {
    const text = correction.value.trim();
    if (!text) return host.error(new Error(t('wf.correctionEmpty')));
    act(addCorrection, async (id) => {
      await api<Correction>('POST', `/articles/${id}/corrections`, { text });
      correction.value = '';
      return api<Article>('GET', `/articles/${id}`);
    }, 'wf.correctionAdded');
  });

  const scheduleBox = el('div', { class: 'schedule' }, field(t('wf.scheduleAt'), when), schedule);
  const correctionBox = el('section', { class: 'corrections-box', 'aria-labelledby': 'corr-h' },
    el('h2', { id: 'corr-h' }, t('wf.corrections')), corrections, field(t('wf.correction'), correction, t('wf.correctionHint')), addCorrection);
  const node = el('div', { class: 'workflow' },
    el('div', { class: 'actions', role: 'group', 'aria-label': t('wf.actions') }, save, preview, translate, publish, unpublish, submit),
    scheduleBox, correctionBox);

  const update = () => {
    const a = host.article();
    const status = a?.status ?? 'draft';
    save.hidden = !host.editable;
    preview.hidden = !a;
    if (a) preview.href = `/newsroom/preview/${a.id}`;
    translate.hidden = !a || (!a.provenance.translationOfId && !app.can('article.create'));
    if (a) translate.href = `/newsroom/articles/${a.id}/translate`;
    translate.textContent = t(a?.provenance.translationOfId ? 'wf.workspace' : 'wf.translate');
    publish.hidden = !mayPublish || !a || status === 'published';
    scheduleBox.hidden = !mayPublish || !a || status === 'published';
    unpublish.hidden = !mayPublish || !a || (status !== 'published' && status !== 'scheduled');
    submit.hidden = mayPublish || !host.editable || !app.can('article.submit') || !a || status !== 'draft';
    correctionBox.hidden = !mayPublish || !a || status !== 'published';
    corrections.replaceChildren(...(a?.corrections ?? []).map((c) => el('li', {}, el('time', { datetime: c.at }, time(c.at)), ' — ', c.text)));
  };
  update();
  return { node, update };
}
