// Row shapes of the translation workspace's tables (migration 0007_translate).
import type { Generated } from 'kysely';

export interface TranslationsTable {
  article_id: number;
  source_id: number | null;
  source_language: string;
  target_language: string;
  /** to-translate | in-translation | in-review | approved ('published' is derived from the article). */
  state: string;
  translator_user_id: number | null;
  /** The source body with each segment's inline run replaced by a marker (see translate/skeleton.ts). */
  skeleton_html: string;
  /** The source's version the segments were last aligned with. */
  source_version: number;
  /** Set once a machine suggestion was accepted: the provider named in the credits. */
  machine_provider: string | null;
  /** 1 when segments of a published translation changed and the update is not published yet. */
  pending_update: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SegmentsTable {
  id: Generated<number>;
  article_id: number;
  position: number;
  key: string;
  kind: string;
  source_text: string;
  markup_json: string;
  target_text: Generated<string>;
  status: Generated<string>;
  origin: string | null;
  source_changed: Generated<number>;
  previous_source_text: string | null;
  mt_suggestion: string | null;
  mt_provider: string | null;
  updated_by: number | null;
  updated_at: string;
}

export interface SegmentCommentsTable {
  id: Generated<number>;
  article_id: number;
  segment_id: number | null;
  user_id: number | null;
  author: string;
  text: string;
  created_at: string;
}

export interface TmUnitsTable {
  id: Generated<number>;
  pair: string;
  source_text: string;
  target_text: string;
  unit_key: string;
  token_count: number;
  /** The source's normalised tokens, space-separated (what a fuzzy match is scored on). */
  tokens: string;
  origin: string;
  article_id: number | null;
  created_at: string;
  updated_at: string;
}

/** One word of a unit's indexed prefix (migration 0012_tm_index: prefix words only, see tm-prefix.ts). */
export interface TmPostingsTable {
  pair: string;
  token: string;
  token_count: number;
  unit_id: number;
  /** Position of the word's first occurrence in the unit's ordered words. */
  pos: number;
  /** Occurrences of the word within the unit's prefix. */
  occ: number;
}

export interface TmTermsTable {
  pair: string;
  token: string;
  df: number;
  /** The word's fixed place in the index order (given when the word first enters the pair; higher = rarer). */
  seq: number;
}

export interface GlossaryTable {
  id: Generated<number>;
  pair: string;
  term: string;
  term_key: string;
  rendering: string;
  note: Generated<string>;
  created_by: number | null;
  created_at: string;
}

export interface NoticesTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  article_id: number | null;
  text: string;
  created_at: string;
  read_at: string | null;
}

/** An account named reviewer of one language pair (migration 0017_reviewers). */
export interface PairReviewersTable {
  id: Generated<number>;
  user_id: number;
  source_language: string;
  target_language: string;
  created_at: string;
}

export interface TranslateTables {
  translations: TranslationsTable;
  segments: SegmentsTable;
  segment_comments: SegmentCommentsTable;
  tm_units: TmUnitsTable;
  tm_postings: TmPostingsTable;
  tm_terms: TmTermsTable;
  glossary: GlossaryTable;
  notices: NoticesTable;
  pair_reviewers: PairReviewersTable;
}
