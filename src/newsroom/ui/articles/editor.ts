// /newsroom/articles/new and /newsroom/articles/:id: the article editor. Fields around a Tiptap body,
// autosave (at most every 10 s, and when the page is hidden or left) with a copy in the browser on every
// change, the conflict flow, workflow buttons and the revisions panel.
import type { Article } from '../../../domain/types.ts';
import { can } from '../../../domain/permissions.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { button, el, messageArea, time } from '../ingest/dom.ts';
import { articleForm } from './article-form.ts';
import { createBodyEditor } from './body-editor.ts';
import { emptyInput, inputOf } from './input.ts';
import { clearLocal, readLocal, restorable } from './local-copy.ts';
import { loadRefs } from './refs.ts';
import { revisionsPanel } from './revisions.ts';
import { createSaver } from './saver.ts';
import { toolbar } from './toolbar.ts';
import { workflowBar } from './workflow.ts';
import './strings.ts';

export async function render(root: HTMLElement, params: Record<string, string>, app: AppState): Promise<() => void> {
  const msg = messageArea();
  const status = el('p', { class: 'save-status', role: 'status' });
  const isNew = !params.id || params.id === 'new';
  const [refs, loaded] = await Promise.all([loadRefs(), isNew ? Promise.resolve(null) : api<Article>('GET', `/articles/${params.id}`)]);

  const form = articleForm(refs, () => saver.article()?.id ?? null);
  const mount = el('div', { class: 'body-mount' });
  const body = createBodyEditor(mount, { html: '', label: t('editor.body'), onChange: () => saver.changed(), onError: (e) => msg.error(e) });
  const read = () => form.read(body.html());
  const show = (a: Article) => {
    form.fill(inputOf(a));
    body.setHtml(a.bodyHtml);
  };
  const saver = createSaver({
    read,
    show: (a) => (show(a), wf.update(), void revs.refresh()),
    created: (a) => {
      history.replaceState(history.state, '', `/newsroom/articles/${a.id}`);
      status.textContent = t('editor.created', { id: a.id });
      wf.update();
      void revs.refresh();
    },
    saved: () => {
      status.textContent = t('editor.savedAt', { at: new Date().toLocaleTimeString() });
      wf.update();
      void revs.refresh();
    },
    status: (text) => (status.textContent = text),
    error: (err) => msg.error(err),
  }, localStorage);
  const actor = { kind: 'user' as const, user: app.user };
  const editable = loaded ? can(actor, 'article.edit', loaded) : app.can('article.create');
  const wf = workflowBar({ article: saver.article, editable, save: saver.save, loaded: (a) => (saver.load(a), show(a), wf.update(), void revs.refresh()), error: msg.error, info: msg.info }, app);
  const revs = revisionsPanel(() => saver.article()?.id ?? null, saver.version, (a) => (saver.load(a), show(a), wf.update()), editable);

  saver.load(loaded);
  if (loaded) show(loaded);
  else form.fill(emptyInput(app.user.uiLanguage));

  const banner = el('div', { class: 'restore' });
  const local = readLocal(localStorage, loaded?.id ?? null);
  if (editable && restorable(local, loaded ? inputOf(loaded) : null)) {
    const drop = () => banner.replaceChildren();
    banner.append(el('p', { role: 'alert' }, t('editor.localCopy', { at: time(new Date(local.savedAt).toISOString()) })),
      button(t('editor.localRestore'), () => {
        form.fill(local.input);
        body.setHtml(local.input.bodyHtml);
        saver.changed();
        drop();
        form.title.focus();
      }),
      button(t('editor.localDiscard'), () => (clearLocal(localStorage, loaded?.id ?? null), drop())));
  }

  const fields = el('fieldset', { class: 'article-fields', disabled: !editable }, el('legend', { class: 'visually-hidden' }, t('editor.fields')),
    form.head, el('div', { class: 'body-field' }, el('span', { class: 'label', id: 'body-label' }, t('editor.body')), editable ? toolbar(body.editor) : '', mount), form.side);
  body.editor.setEditable(editable);
  fields.addEventListener('input', () => saver.changed());
  fields.addEventListener('change', () => saver.changed());

  root.replaceChildren(
    loaded && !editable ? el('p', { class: 'notice', role: 'note' }, t('editor.readOnly')) : '',
    banner, msg.node, status, fields, wf.node, revs.node);
  wf.update();
  void revs.refresh();

  const hidden = () => document.visibilityState === 'hidden' && saver.leave();
  const leaving = () => saver.leave();
  document.addEventListener('visibilitychange', hidden);
  window.addEventListener('pagehide', leaving);
  form.title.focus();
  return () => {
    document.removeEventListener('visibilitychange', hidden);
    window.removeEventListener('pagehide', leaving);
    saver.leave();
    saver.stop();
    body.destroy();
  };
}
