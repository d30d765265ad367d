// The translation workspace (/newsroom/articles/:id/translate): the original and the translation side by
// side, one grid row per segment, so both columns scroll together. On an article that is not a
// translation, the screen offers "Translate into…" and lists its translations.
import { api, ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, section, uid } from '../shell/forms.ts';
import { BASE } from '../shell/router.ts';
import { dirOf, languageName, progressBar, statusTag, translateConfig, type TranslationView } from './common.ts';
import { reviewPanel } from './review-panel.ts';
import { mayReview } from './may-review.ts';
import { segmentRow, type Row, type SegmentView } from './segment-row.ts';
import { shortcuts, workspaceKeys } from './shortcuts.ts';
import { startView } from './start-view.ts';

const reviewKey = (id: number) => `relais.translation-review.${id}`;

function lastReview(id: number): Record<string, string> | null {
  try {
    return JSON.parse(localStorage.getItem(reviewKey(id)) ?? 'null');
  } catch {
    return null;
  }
}

export async function render(root: HTMLElement, params: Record<string, string>, app: AppState): Promise<() => void> {
  const id = Number(params.id);
  let view: TranslationView;
  try {
    view = await api<TranslationView>('GET', `/articles/${id}/translation`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return startView(root, id, app);
    throw err;
  }
  const [segments, cfg] = await Promise.all([api<SegmentView[]>('GET', `/articles/${id}/segments`), translateConfig()]);
  const editor = app.can('article.publish');
  // "Changes since your last review" for whoever reviews it: editors, and the reviewers named for the pair.
  const reviewer = editor || mayReview(view, app);
  let rows: Row[] = [];
  const flushAll = () => Promise.all(rows.map((r) => r.flush())).then(() => undefined);

  const progressLabel = uid('progress');
  const progress = el('div', { class: 'tr-progress-slot' }, progressBar(view.progress, progressLabel));
  const statusSlot = el('span', {}, statusTag(view.status));
  const facts = el(
    'ul',
    { class: 'tr-facts' },
    view.sourceId ? el('li', {}, t('tr.of', { title: '' }), el('a', { href: `${BASE}/articles/${view.sourceId}`, lang: view.from, dir: 'auto' }, view.sourceTitle ?? `#${view.sourceId}`)) : null,
    el('li', {}, t('tr.pair', { from: languageName(view.from), to: languageName(view.to) })),
    el('li', {}, statusSlot),
    el('li', {}, view.translator ? t('tr.assignee', { name: view.translator.name }) : t('tr.noAssignee')),
    view.machineAssisted ? el('li', {}, t('tr.machineAssisted', { provider: view.machineAssisted.provider })) : null,
    view.sourceUpdatedSinceTranslation ? el('li', { class: 'tr-flag' }, t('tr.originalUpdated'), ' — ', t('tr.flagged', { n: view.progress.sourceChanged })) : null,
    el('li', {}, el('a', { href: `/newsroom/preview/${id}`, target: '_blank', rel: 'noopener' }, t('tr.preview'))),
  );
  const titleEl = el('h2', { class: 'tr-title', lang: view.to, dir: dirOf(view.to) }, view.title || `#${id}`);

  const ctx = {
    articleId: id,
    from: view.from,
    to: view.to,
    machine: cfg.machine,
    canReview: editor,
    readOnly: reviewer && !editor,
    lastReview: reviewer ? lastReview(id) : null,
    announce: app.announce,
    onSaved: (saved: { translation: TranslationView }) => {
      view = saved.translation;
      progress.replaceChildren(progressBar(view.progress, progressLabel));
      statusSlot.replaceChildren(statusTag(view.status));
      titleEl.textContent = view.title || `#${id}`;
    },
  };
  rows = segments.map((s, i) => segmentRow(s, i + 1, ctx));
  const grid = el(
    'div',
    { class: 'tr-grid', 'data-dir': dirOf(view.to) },
    el('div', { class: 'tr-head' }, el('h2', { lang: view.from }, `${t('tr.source')} — ${languageName(view.from)}`), el('h2', {}, `${t('tr.target')} — ${languageName(view.to)}`)),
    ...rows.map((r) => r.node),
  );
  const stopKeys = workspaceKeys(grid, rows);

  const panel = reviewPanel(view, app, {
    flush: flushAll,
    done: (v, step) => {
      if (reviewer && (step === 'return' || step === 'approve')) {
        localStorage.setItem(reviewKey(id), JSON.stringify(Object.fromEntries(rows.map((r) => [String(r.seg.id), r.target.value]))));
      }
      void render(root, params, app).then((c) => (cleanup = c));
      void v;
    },
  });
  const head = el('div', { class: 'tr-header' }, titleEl, facts, el('h2', { id: progressLabel, class: 'tr-progress-title' }, t('tr.progress')), progress);
  root.replaceChildren(head, shortcuts(), panel, section(t('tr.workspace'), grid));
  root.classList.add('tr-workspace');
  let cleanup = () => {
    stopKeys();
    void flushAll();
  };
  return () => cleanup();
}
