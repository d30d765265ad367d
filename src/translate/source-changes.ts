// When a source article is saved after translations of it were started, its new segments are aligned with
// the old ones of each translation: an unchanged segment keeps its target; a changed one keeps its target,
// flagged (sourceChanged) with the source as it was translated; a new one arrives untranslated; a removed
// one goes. Matching is by text, then by similarity among segments of the same kind near the same place.
// The translation's article is not touched: its body changes only when its segments are saved.
// Called by publish/articles.ts after each save, so it depends on the store and pure code only.
import type { Kysely } from 'kysely';
import type { Article } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { deleteSegments, insertSegments, segmentsOf, updateSegment, type SegmentRow } from '../store/segments.ts';
import { translationsOfSource, updateTranslation } from '../store/translations.ts';
import { segmentArticle, type SourceSegment } from './segment.ts';
import { newSegmentRow } from './segment-rows.ts';
import { memoryTokens, similarity } from './similarity.ts';

const MIN_SIMILARITY = 0.4;

export interface Alignment {
  /** new segment index → old row (or null: a new segment). */
  matches: (SegmentRow | null)[];
  removed: SegmentRow[];
}

export function align(next: SourceSegment[], old: SegmentRow[]): Alignment {
  const matches: (SegmentRow | null)[] = next.map(() => null);
  const used = new Set<number>();
  const rel = (i: number, n: number) => (n <= 1 ? 0 : i / (n - 1));
  const family = (k: string) => (k === 'title' || k === 'summary' ? k : 'body');
  for (let i = 0; i < next.length; i++) {
    let best: SegmentRow | null = null;
    let bestGap = Infinity;
    for (let j = 0; j < old.length; j++) {
      const o = old[j];
      if (used.has(o.id) || o.source_text !== next[i].text || family(o.key) !== family(next[i].key)) continue;
      const gap = Math.abs(rel(i, next.length) - rel(j, old.length));
      if (gap < bestGap) [best, bestGap] = [o, gap];
    }
    if (best) {
      matches[i] = best;
      used.add(best.id);
    }
  }
  for (let i = 0; i < next.length; i++) {
    if (matches[i]) continue;
    const words = memoryTokens(next[i].text);
    let best: SegmentRow | null = null;
    let bestScore = -Infinity;
    for (let j = 0; j < old.length; j++) {
      const o = old[j];
      if (used.has(o.id) || family(o.key) !== family(next[i].key)) continue;
      const sim = family(o.key) === 'body' ? similarity(words, memoryTokens(o.source_text)) : 1;
      if (sim < MIN_SIMILARITY) continue;
      const score = sim - 0.3 * Math.abs(rel(i, next.length) - rel(j, old.length)) + (o.kind === next[i].kind ? 0.05 : 0);
      if (score > bestScore) [best, bestScore] = [o, score];
    }
    if (best) {
      matches[i] = best;
      used.add(best.id);
    }
  }
  return { matches, removed: old.filter((o) => !used.has(o.id)) };
}

/** Re-aligns every translation of `source`; returns the ids of the translations whose segments changed. */
export async function flagSourceChanges(db: Kysely<Database>, source: Article, now: string): Promise<number[]> {
  const translations = await translationsOfSource(db, source.id);
  if (!translations.length) return [];
  const { segments, skeleton } = segmentArticle(source);
  const touched: number[] = [];
  for (const t of translations) {
    const old = await segmentsOf(db, t.article_id);
    const { matches, removed } = align(segments, old);
    const started = old.some((o) => o.target_text !== '');
    let changed = removed.length > 0;
    const fresh = [];
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i];
      const o = matches[i];
      const markup = JSON.stringify(s.markup);
      if (!o) {
        changed = true;
        fresh.push(newSegmentRow(t.article_id, s, i, now, started));
        continue;
      }
      const textChanged = o.source_text !== s.text;
      if (!textChanged && o.position === i && o.key === s.key && o.kind === s.kind && o.markup_json === markup) continue;
      if (textChanged) changed = true;
      await updateSegment(db, o.id, {
        position: i, key: s.key, kind: s.kind, source_text: s.text, markup_json: markup,
        ...(textChanged && o.target_text !== ''
          ? o.previous_source_text === s.text
            ? { source_changed: 0, previous_source_text: null } // changed back to the text that was translated
            : { source_changed: 1, previous_source_text: o.previous_source_text ?? o.source_text }
          : {}),
      });
    }
    await deleteSegments(db, removed.map((r) => r.id));
    await insertSegments(db, fresh);
    await updateTranslation(db, t.article_id, { skeleton_html: skeleton, source_version: source.version ?? t.source_version, ...(changed ? { updated_at: now } : {}) });
    if (changed) touched.push(t.article_id);
  }
  return touched;
}
