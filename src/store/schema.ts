// Row shapes of the tables, as Kysely sees them. Times are ISO-8601 UTC text; JSON is text; booleans are 0/1.
import type { Generated } from 'kysely';
import type { TranslateTables } from './schema-translate.ts';
import type { FollowTables } from './schema-follow.ts';

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
  /** Account that created the article (migration 0005); null for imports by token/CLI and older rows. */
  created_by: number | null;
  /** Bumped on every save: a save that names an older version is refused as a conflict. */
  version: Generated<number>;
  /** The article's licence (migration-follow.ts); null means the site's default. */
  licence: string | null;
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
  /** read | write | admin (migration 0005). */
  scope: Generated<string>;
  user_id: number | null;
  revoked_at: string | null;
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

// The newsroom (migration 0005_newsroom).
export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  password_hash: string | null;
  /** active | disabled */
  status: Generated<string>;
  ui_language: Generated<string>;
  person_id: number | null;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SignInLinksTable {
  token_hash: string;
  user_id: number;
  /** sign-in | invite | reset */
  purpose: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  /** none | pending | totp | passkey | recovery | link: how the second step was met ('pending' = not yet). */
  second_factor: string;
  user_agent: Generated<string>;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface RecoveryCodesTable {
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

export interface PasskeysTable {
  credential_id: string;
  user_id: number;
  public_key: string;
  counter: Generated<number>;
  transports_json: Generated<string>;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface SignInFailuresTable {
  key: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  actor: string;
  action: string;
  target: string | null;
  detail_json: Generated<string>;
}

export interface SettingsTable {
  key: string;
  value_json: string;
}

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  user_id: number | null;
  actor: string;
  /** autosave | save | publish | unpublish | restore | import */
  kind: string;
  created_at: string;
  snapshot_json: string;
}

export interface CorrectionsTable {
  id: Generated<number>;
  article_id: number;
  at: string;
  text: string;
  user_id: number | null;
}

export interface MediaTable {
  id: Generated<number>;
  file: string;
  sha256: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  original_name: Generated<string>;
  alt: Generated<string>;
  credit: Generated<string>;
  caption: Generated<string>;
  source_url: string | null;
  uploaded_by: number | null;
  created_at: string;
  /** A licence allowing reuse by republishers (migration-follow.ts); null: not to be reused. */
  reuse_licence: string | null;
}

export interface DailyCountsTable {
  article_id: number;
  /** view | share | copy | copy-visit */
  metric: string;
  /** the network for shares, '' otherwise */
  key: Generated<string>;
  /** YYYY-MM-DD (UTC) */
  day: string;
  count: Generated<number>;
}

/** One fixed window of a rate limit, shared by every process (migration-processes.ts). */
export interface RateWindowsTable {
  key: string;
  /** Start of the window, milliseconds since the epoch. */
  window_start: number;
  used: number;
}

export interface Database extends TranslateTables, FollowTables {
  rate_windows: RateWindowsTable;
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
  users: UsersTable;
  sign_in_links: SignInLinksTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  article_revisions: ArticleRevisionsTable;
  corrections: CorrectionsTable;
  media: MediaTable;
  daily_counts: DailyCountsTable;
}
