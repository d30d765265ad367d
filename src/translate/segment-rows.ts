// Source segments as rows of the segments table (new rows start untranslated).
import type { Insertable } from 'kysely';
import type { SegmentsTable } from '../store/schema-translate.ts';
import type { SourceSegment } from './segment.ts';

export function newSegmentRow(articleId: number, s: SourceSegment, position: number, now: string, flagged = false): Insertable<SegmentsTable> {
  return {
    article_id: articleId,
    position,
    key: s.key,
    kind: s.kind,
    source_text: s.text,
    markup_json: JSON.stringify(s.markup),
    target_text: '',
    status: 'untranslated',
    origin: null,
    source_changed: flagged ? 1 : 0,
    previous_source_text: null,
    updated_by: null,
    updated_at: now,
  };
}
