// Rows to the workspace's shapes.
import type { Article } from '../domain/types.ts';
import type { CommentRow, SegmentRow } from '../store/segments.ts';
import type { TranslationRow } from '../store/translations.ts';
import { parseJson } from '../store/json.ts';
import { describePlaceholders, placeholderProblem, textToHtml, type Markup } from './placeholders.ts';
import { markTerms, type GlossaryEntry } from './glossary.ts';
import { wordDiff } from './similarity.ts';
import { escapeText } from 'entities';
import type { Progress, SegmentComment, SegmentStatus, SegmentView, TranslationStatus, TranslationView } from '../domain/translation.ts';
import type { SegmentKind } from '../domain/translation.ts';

export const markupOf = (r: SegmentRow): Markup => parseJson<Markup>(r.markup_json, {});

export function commentView(c: CommentRow): SegmentComment {
  return { id: c.id, segmentId: c.segment_id, userId: c.user_id, author: c.author, text: c.text, createdAt: c.created_at };
}

/** A target as HTML: a target that no longer fits the source's placeholders is shown as plain text. */
export function targetHtml(r: SegmentRow): string {
  if (!r.target_text) return '';
  const markup = markupOf(r);
  return placeholderProblem(r.target_text, markup) ? escapeText(r.target_text) : textToHtml(r.target_text, markup);
}

export function segmentView(r: SegmentRow, comments: CommentRow[], glossary: GlossaryEntry[]): SegmentView {
  const markup = markupOf(r);
  const changed = r.source_changed === 1;
  return {
    id: r.id,
    key: r.key,
    kind: r.kind as SegmentKind,
    position: r.position,
    source: textToHtml(r.source_text, markup, 'source'),
    target: targetHtml(r),
    sourceText: r.source_text,
    targetText: r.target_text,
    placeholders: describePlaceholders(markup),
    status: r.status as SegmentStatus,
    origin: r.origin,
    sourceChanged: changed,
    sourceDiff: changed ? (r.previous_source_text != null ? wordDiff(r.previous_source_text, r.source_text) : [{ op: 'insert', text: r.source_text }]) : null,
    previousSourceText: changed ? r.previous_source_text : null,
    comments: comments.filter((c) => c.segment_id === r.id).map(commentView),
    terms: markTerms(r.source_text, glossary),
    updatedAt: r.updated_at,
  };
}

export function progressOf(counts: { status: string; changed: number; n: number }[]): Progress {
  const p: Progress = { total: 0, untranslated: 0, draft: 0, translated: 0, reviewed: 0, sourceChanged: 0 };
  for (const c of counts) {
    p.total += c.n;
    if (c.status in p) p[c.status as 'draft'] += c.n;
    if (c.changed) p.sourceChanged += c.n;
  }
  return p;
}

export function statusOf(t: TranslationRow, article: Pick<Article, 'status'>): TranslationStatus {
  const live = article.status === 'published' || article.status === 'scheduled';
  if (live && t.pending_update !== 1) return 'published';
  return t.state as TranslationStatus;
}

export function translationView(
  t: TranslationRow,
  article: Article,
  sourceTitle: string | null,
  translator: TranslationView['translator'],
  counts: { status: string; changed: number; n: number }[],
  comments: CommentRow[],
  reviewerIds: number[],
): TranslationView {
  const progress = progressOf(counts);
  return {
    articleId: t.article_id,
    sourceId: t.source_id,
    from: t.source_language,
    to: t.target_language,
    status: statusOf(t, article),
    title: article.title,
    sourceTitle,
    articleStatus: article.status,
    pendingUpdate: t.pending_update === 1,
    translator,
    progress,
    machineAssisted: t.machine_provider ? { provider: t.machine_provider } : null,
    sourceUpdatedSinceTranslation: progress.sourceChanged > 0,
    reviewerIds,
    comments: comments.filter((c) => c.segment_id == null).map(commentView),
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}
