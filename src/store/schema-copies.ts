// Row shapes of the copy-detection tables (migration-copies.ts).
import type { Generated } from 'kysely';

export interface CopyDocsTable {
  doc: number;
  article_id: number;
  language: string | null;
  keys: Uint8Array;
}

export interface CopyKeysTable {
  key: number;
  doc: number;
}

export interface CopyStopKeysTable {
  key: number;
}

export interface CopiesFoundTable {
  id: Generated<number>;
  article_id: number;
  source_key: string;
  source: string;
  url: string | null;
  candidate_id: number | null;
  title: string | null;
  language: string | null;
  similarity: number;
  cross_language: number;
  passages_json: string;
  has_attribution: number;
  has_token: number;
  has_link: number;
  has_credits: number;
  legitimate: number;
  flagged: number;
  first_seen_at: string;
  last_seen_at: string;
}

export interface CopiesTables {
  copy_docs: CopyDocsTable;
  copy_keys: CopyKeysTable;
  copy_stop_keys: CopyStopKeysTable;
  copies_found: CopiesFoundTable;
}
