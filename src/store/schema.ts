// Row shapes of the tables, as Kysely sees them. Times are ISO-8601 UTC text; JSON is text; booleans are 0/1.
import type { Generated } from 'kysely';

export interface SectionsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  names_json: string;
  position: number;
}

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
  photo_json: string | null;
  links_json: string;
  created_at: string;
}

export interface OutletsTable {
  id: Generated<number>;
  name: string;
  home_url: string;
  language: string | null;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  language: string;
  title: string;
  summary: string;
  body_html: string;
  image_json: string | null;
  status: string;
  published_at: string | null;
  updated_at: string;
  created_at: string;
  canonical_url: string | null;
  canonical_policy: string;
}

export interface ArticleSectionsTable {
  article_id: number;
  section_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_slug: string;
  tag_name: string;
}

export interface ArticlePeopleTable {
  article_id: number;
  person_id: number;
  role: string;
  position: number;
}

export interface ProvenanceTable {
  article_id: number;
  original_url: string | null;
  original_title: string | null;
  original_outlet_id: number | null;
  original_authors_json: string;
  original_language: string | null;
  original_published_at: string | null;
  via_url: string | null;
  via_name: string | null;
  translation_of_id: number | null;
  republication_of_id: number | null;
  licence: string | null;
}

export interface ShareCountsTable {
  article_id: number;
  network: string;
  count: number;
}

export interface ShareClicksTable {
  article_id: number;
  network: string;
  reader: string;
  at: string;
}

export interface CopiesTable {
  token: string;
  article_id: number;
  created_at: string;
  chars: number;
  visits: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

// Ingest (src/ingest/jobs, subscriptions, poll): migration 0002_ingest.
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload_json: string;
  /** queued | running | done | failed */
  state: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  dedup_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedsTable {
  id: Generated<number>;
  url: string;
  /** Lowercase host of url, for per-host politeness limits. */
  host: string;
  site_url: string | null;
  title: string | null;
  folder: string | null;
  outlet_id: number | null;
  /** active | paused */
  status: string;
  pause_reason: string | null;
  etag: string | null;
  last_modified: string | null;
  /** sha256 of the last body parsed, to skip parsing an unchanged 200. */
  body_hash: string | null;
  last_checked_at: string | null;
  last_success_at: string | null;
  next_check_at: string;
  error_count: number;
  last_error: string | null;
  last_status: number | null;
  /** Current retry delay after errors (0 when healthy). */
  backoff_seconds: number;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportCandidatesTable {
  id: Generated<number>;
  feed_id: number | null;
  guid: string;
  link: string | null;
  title: string | null;
  published_at: string | null;
  content_hash: string | null;
  summary: string | null;
  author: string | null;
  /** The entry's own full text (sanitised HTML) when it carries the whole article, else null. */
  content_html: string | null;
  /** new | imported | dismissed */
  state: string;
  created_at: string;
}

export interface OriginalsTable {
  article_id: number;
  url: string | null;
  source_kind: string;
  fetched_at: string;
  title: string;
  language: string | null;
  html: string;
  text: string;
  content_hash: string;
}

export interface Database {
  sections: SectionsTable;
  people: PeopleTable;
  outlets: OutletsTable;
  articles: ArticlesTable;
  article_sections: ArticleSectionsTable;
  article_tags: ArticleTagsTable;
  article_people: ArticlePeopleTable;
  provenance: ProvenanceTable;
  share_counts: ShareCountsTable;
  share_clicks: ShareClicksTable;
  copies: CopiesTable;
  api_tokens: ApiTokensTable;
  jobs: JobsTable;
  feeds: FeedsTable;
  import_candidates: ImportCandidatesTable;
  originals: OriginalsTable;
}
