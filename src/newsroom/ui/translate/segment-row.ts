// One row of the workspace grid: the source segment (tokens, glossary marks, what changed) beside its
// target (a textarea keeping the numbered tags as text, its status, help, comments). Saves itself.
import { t } from '../i18n.ts';
import { button, el, uid } from '../shell/forms.ts';
import { diffView, dirOf, statusTag, type Change, type Comment } from './common.ts';
import { segmentComments } from './segment-comments.ts';
import { SegmentSaver, type Saved } from './segment-saver.ts';
import { placeholderLegend, sourceView, type Placeholder, type Term } from './source-view.ts';
import { machineSuggestion, memoryMatches } from './suggestions.ts';
import { wordDiff } from './word-diff.ts';
export type { SegmentView } from '../../../domain/translation.ts';
import type { SegmentView } from '../../../domain/translation.ts';

export interface RowContext {
  articleId: number;
  from: string;
  to: string;
  machine: { provider: string } | null;
  canReview: boolean;
  /** The user reads and comments but may not change targets (a reviewer named for the pair). */
  readOnly?: boolean;
  /** The targets as they were at this user's last review (null: none kept). */
  lastReview: Record<string, string> | null;
  onSaved(saved: Saved): void;
  announce(message: string): void;
}

export interface Row {
  seg: SegmentView;
  node: HTMLElement;
  target: HTMLTextAreaElement;
  flush(): Promise<void>;
  confirm(): Promise<boolean>;
  copySource(): void;
}

export function segmentRow(seg: SegmentView, n: number, ctx: RowContext): Row {
  const kind = t(`tr.kind.${seg.kind}`);
  const dir = dirOf(ctx.to);
  const srcLabel = el('p', { class: 'tr-seg-label', id: uid('src') }, t('tr.sourceLabel', { n, kind }));
  const { node: text, termIds } = sourceView(seg.sourceText, seg.terms);
  text.setAttribute('lang', ctx.from);
  text.setAttribute('dir', dirOf(ctx.from));
  const source = el('div', { class: 'tr-source', role: 'group', 'aria-labelledby': srcLabel.id }, srcLabel, text);
  if (seg.sourceChanged && seg.sourceDiff) source.append(el('div', { class: 'tr-changed' }, el('p', { class: 'tr-flag' }, t('tr.sourceChanged')), diffView(seg.sourceDiff)));

  const area = el('textarea', { name: `target-${seg.id}`, rows: Math.min(8, Math.max(2, Math.ceil(seg.sourceText.length / 70))), lang: ctx.to, dir, spellcheck: 'true', class: 'tr-target-text' });
  area.value = seg.targetText;
  area.readOnly = !!ctx.readOnly;
  const legend = placeholderLegend(seg.placeholders);
  const legendNode = legend ? el('small', { class: 'hint tr-legend', id: uid('ph') }, legend) : null;
  const stateNode = el('span', { class: 'tr-save-state' });
  const problem = el('div', { class: 'tr-problem' });
  if (legendNode) area.setAttribute('aria-describedby', legendNode.id);
  const label = el('label', { for: (area.id = uid('tgt')) }, t('tr.targetLabel', { n, kind }));

  const statusBox = el('span', { class: 'tr-seg-status' }, statusTag(seg.status, 'tr.seg'));
  const statuses = ['draft', 'translated', ...(ctx.canReview ? ['reviewed'] : [])];
  const statusSelect = el('select', { id: uid('st'), name: `status-${seg.id}` }, ...statuses.map((s) => el('option', { value: s }, t(`tr.seg.${s}`))));
  statusSelect.value = statuses.includes(seg.status) ? seg.status : 'draft';
  statusSelect.disabled = !!ctx.readOnly;

  const row: Row = { seg, node: null as unknown as HTMLElement, target: area, flush: () => saver.flush(), confirm: () => (ctx.readOnly ? Promise.resolve(false) : saver.saveNow('translated')), copySource };
  const saver = new SegmentSaver(ctx.articleId, seg.id, () => area.value, {
    state: (s, error) => {
      stateNode.textContent = s === 'saving' ? t('tr.saving') : s === 'saved' ? t('tr.saved') : s === 'failed' ? t('tr.saveFailed', { error: error ?? '' }) : '';
      problem.replaceChildren(s === 'failed' ? el('p', { role: 'alert', class: 'error' }, error ?? '') : '');
      area.setAttribute('aria-invalid', s === 'failed' ? 'true' : 'false');
    },
    saved: (saved) => {
      seg.status = saved.segment.status;
      seg.targetText = saved.segment.targetText;
      row.node.dataset.status = seg.status;
      statusBox.replaceChildren(statusTag(seg.status, 'tr.seg'));
      if (statuses.includes(seg.status)) statusSelect.value = seg.status;
      ctx.onSaved(saved);
    },
  });

  area.addEventListener('input', () => saver.changed());
  area.addEventListener('blur', () => void saver.flush());
  statusSelect.addEventListener('change', () => void saver.saveNow(statusSelect.value));

  function put(value: string, origin: 'memory' | 'machine' | null = null) {
    if (ctx.readOnly) return;
    area.value = value;
    saver.changed(origin);
    area.focus();
  }
  function copySource() {
    put(seg.sourceText);
  }

  const help = el('div', { class: 'tr-help' });
  let helped = false;
  area.addEventListener('focus', () => {
    if (helped || ctx.readOnly) return;
    helped = true;
    memoryMatches(ctx.from, ctx.to, seg.sourceText, ctx.to, dir, put).then(
      (node) => help.prepend(el('div', { class: 'tr-tm' }, el('p', { class: 'tr-help-title' }, t('tr.matches')), node)),
      () => (helped = false),
    );
  });
  const tools = el('div', { class: 'tr-tools' }, button(t('tr.copySource'), copySource, { 'aria-keyshortcuts': 'Alt+C' }), button(t('tr.confirm'), () => void row.confirm(), { 'aria-keyshortcuts': 'Control+Enter' }));
  if (ctx.machine) {
    const slot = el('div', { class: 'tr-machine-slot' });
    tools.append(button(`${t('tr.machine')} (${t('tr.machineTag')})`, async () => slot.replaceChildren(await machineSuggestion(ctx.articleId, seg.id, ctx.to, dir, put))));
    help.append(slot);
  }
  if (seg.terms.length)
    help.append(
      el('div', { class: 'tr-terms' }, el('p', { class: 'tr-help-title' }, t('tr.terms')), el('ul', {}, ...seg.terms.map((term, i) =>
        el('li', { id: termIds[i] }, el('span', { lang: ctx.from }, term.term), ' → ', el('span', { lang: ctx.to, dir }, term.rendering), term.note ? ` (${term.note})` : '', ' ',
          button(t('tr.insertRendering', { rendering: term.rendering }), () => insertAtCursor(area, term.rendering, saver))),
      ))),
    );

  const reviewed = ctx.lastReview?.[String(seg.id)];
  const sinceReview = reviewed !== undefined && reviewed !== seg.targetText ? el('div', { class: 'tr-since-review' }, el('p', { class: 'tr-flag' }, t('tr.changedSinceReview')), diffView(wordDiff(reviewed, seg.targetText))) : null;

  const target = el('div', { class: 'tr-target' }, label, area, legendNode, problem,
    el('div', { class: 'tr-row-foot' }, statusBox, el('label', { for: statusSelect.id, class: 'visually-hidden' }, t('tr.segStatus', { n })), statusSelect, stateNode),
    ctx.readOnly ? null : tools, sinceReview, ctx.readOnly ? null : help, segmentComments(ctx.articleId, seg, n, ctx.announce));
  row.node = el('div', { class: 'tr-row', id: `segment-${seg.id}`, 'data-status': seg.status, 'data-changed': seg.sourceChanged ? 'true' : null }, source, target);
  return row;
}

function insertAtCursor(area: HTMLTextAreaElement, text: string, saver: SegmentSaver) {
  const start = area.selectionStart ?? area.value.length;
  const end = area.selectionEnd ?? start;
  area.setRangeText(text, start, end, 'end');
  area.focus();
  saver.changed();
}
