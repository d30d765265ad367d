// The shapes the translation workspace answers with, read by the API (src/translate) and the newsroom's
// screens (src/newsroom/ui/translate) alike, and the statuses.
import type { TextChange } from './types.ts';

export const SEGMENT_KINDS = ['title', 'summary', 'paragraph', 'heading', 'list-item', 'quote', 'caption', 'cell', 'code'] as const;
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

/** An inline element kept as a numbered placeholder in a segment's text. */
export interface PlaceholderInfo {
  n: number;
  kind: 'pair' | 'void';
  /** The element's name ("a", "em", "br", "img"). */
  tag: string;
  /** A link's address, for the editor to show. */
  href?: string;
}

/** A glossary term found in a segment's source. */
export interface TermMark {
  term: string;
  rendering: string;
  note: string;
  /** Offsets in the segment's sourceText (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export const SEGMENT_STATUSES = ['untranslated', 'draft', 'translated', 'reviewed'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

/** Stored workflow states; 'published' is shown when the article is live with no unpublished update. */
export const TRANSLATION_STATUSES = ['to-translate', 'in-translation', 'in-review', 'approved', 'published'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export interface SegmentComment {
  id: number;
  segmentId: number | null;
  userId: number | null;
  author: string;
  text: string;
  createdAt: string;
}

export interface SegmentView {
  id: number;
  key: string;
  kind: SegmentKind;
  position: number;
  /** Source and target as HTML (inline markup restored). */
  source: string;
  target: string;
  /** The same with numbered placeholders: what the editor edits. */
  sourceText: string;
  targetText: string;
  placeholders: PlaceholderInfo[];
  status: SegmentStatus;
  /** 'machine' when the target came from an accepted machine suggestion, 'memory' from a match, else 'human' (null: empty). */
  origin: string | null;
  sourceChanged: boolean;
  /** Word diff from the source as translated to the source now (null when unchanged). */
  sourceDiff: TextChange[] | null;
  previousSourceText: string | null;
  comments: SegmentComment[];
  terms: TermMark[];
  updatedAt: string;
}

export interface Progress {
  total: number;
  untranslated: number;
  draft: number;
  translated: number;
  reviewed: number;
  /** Segments flagged because the source changed since they were translated. */
  sourceChanged: number;
}

export interface TranslationView {
  articleId: number;
  sourceId: number | null;
  from: string;
  to: string;
  status: TranslationStatus;
  title: string;
  sourceTitle: string | null;
  articleStatus: string;
  /** Segments of a published translation changed: the update shows once published (POST …/translation/publish). */
  pendingUpdate: boolean;
  translator: { userId: number; name: string; personId: number | null } | null;
  progress: Progress;
  machineAssisted: { provider: string } | null;
  sourceUpdatedSinceTranslation: boolean;
  /** Accounts named reviewer of this language pair (besides editors and owners, who review every pair). */
  reviewerIds: number[];
  /** Comments not tied to a segment (e.g. the reason given when it was returned). */
  comments: SegmentComment[];
  createdAt: string;
  updatedAt: string;
}

/** An account named to review one language pair (source → target): see src/translate/reviewers.ts. */
export interface Reviewer {
  id: number;
  userId: number;
  email: string;
  name: string;
  role: string;
  from: string;
  to: string;
  createdAt: string;
}
