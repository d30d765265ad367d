// The domain model of Relais, in one place. Every folder imports its types from here.
// Times are ISO-8601 strings in UTC ("2017-11-15T09:30:00.000Z") on both databases.

export type Lang = string; // BCP 47 primary tag: 'fr', 'en', …

/** 'review': a draft its author submitted for an editor's review (not public, like a draft). */
export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** How a same-language republication declares its canonical URL (the original's licence decides). */
export const CANONICAL_POLICIES = ['self', 'original', 'self-noindex'] as const;
export type CanonicalPolicy = (typeof CANONICAL_POLICIES)[number];

export interface ImageRef {
  /** Media file name under the media folder (e.g. "2017/abc123.jpg"), or an absolute URL for remote images. */
  file: string;
  alt: string;
  credit: string | null;
  width?: number | null;
  height?: number | null;
  /** Media library id when the image is in the library. */
  mediaId?: number | null;
  caption?: string | null;
  /** Focal point as fractions of width and height (0..1), for crops. */
  focal?: { x: number; y: number } | null;
}

export interface Link {
  label: string;
  url: string;
}

export interface Section {
  id: number;
  slug: string;
  /** Name in the site's default language. */
  name: string;
  /** Localised names, by language. */
  names: Record<Lang, string>;
  position: number;
}

/** A person who writes or translates. Not a login account: an outside author is a Person too. */
export interface Person {
  id: number;
  slug: string;
  name: string;
  bio: string;
  photo: ImageRef | null;
  links: Link[];
}

/** A publication outside Relais (source of originals, or intermediates). */
export interface Outlet {
  id: number;
  name: string;
  homeUrl: string;
  language: Lang | null;
}

export const PERSON_ROLES = ['author', 'translator'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The original an article comes from, when it comes from outside (or from another article of Relais). */
export interface OriginalRef {
  url: string | null;
  title: string | null;
  outletId: number | null;
  authorNames: string[];
  language: Lang | null;
  publishedAt: string | null;
}

export interface Provenance {
  original: OriginalRef | null;
  /** The intermediate the text was taken from ("via <URL>"). */
  via: { url: string; name: string | null } | null;
  /** Links between articles inside Relais. Chains of any depth follow these ids. */
  translationOfId: number | null;
  republicationOfId: number | null;
  /** Licence of the original, as the republisher must honour it (free text or SPDX id). */
  licence: string | null;
}

export interface Article {
  id: number;
  slug: string;
  language: Lang;
  title: string;
  summary: string;
  /** Sanitised HTML. */
  bodyHtml: string;
  image: ImageRef | null;
  sectionIds: number[];
  tags: string[];
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string;
  createdAt: string;
  /** Explicit canonical URL; null means computed from the policy. */
  canonicalUrl: string | null;
  canonicalPolicy: CanonicalPolicy;
  authorIds: number[];
  translatorIds: number[];
  provenance: Provenance;
  /** Account that created it, when created in the newsroom. */
  createdBy?: number | null;
  /** Increases with every save; a save naming an older version is a conflict. */
  version?: number;
  /** Dated correction notes, oldest first (shown on the page and in the feeds). */
  corrections?: Correction[];
}

export interface Correction {
  id: number;
  at: string;
  text: string;
}

/** Fields a caller supplies to create or update an article (everything else is derived). */
export interface ArticleInput {
  slug?: string;
  language: Lang;
  title: string;
  summary?: string;
  bodyHtml: string;
  image?: ImageRef | null;
  sectionIds?: number[];
  sections?: string[]; // section slugs, alternative to ids
  tags?: string[];
  status?: ArticleStatus;
  publishedAt?: string | null;
  canonicalUrl?: string | null;
  canonicalPolicy?: CanonicalPolicy;
  authorIds?: number[];
  translatorIds?: number[];
  provenance?: Partial<Provenance>;
}

export interface PersonInput {
  slug?: string;
  name: string;
  bio?: string;
  photo?: ImageRef | null;
  links?: Link[];
}

export interface OutletInput {
  name: string;
  homeUrl: string;
  language?: Lang | null;
}

export interface SectionInput {
  slug?: string;
  name: string;
  names?: Record<Lang, string>;
  position?: number;
}

export const SHARE_NETWORKS = [
  'facebook',
  'x',
  'bluesky',
  'mastodon',
  'linkedin',
  'whatsapp',
  'telegram',
  'email',
] as const;
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];

export interface ShareCounts {
  byNetwork: Record<ShareNetwork, number>;
  total: number;
}

export interface CopyStats {
  copies: number;
  visitsFromCopies: number;
}

/** A page of results. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Site-wide settings (from configuration). */
export interface SiteConfig {
  name: string;
  baseUrl: string; // no trailing slash, e.g. "http://localhost:8080"
  defaultLanguage: Lang;
  languages: Lang[];
  description: Record<Lang, string>;
  /** Minimum length of a copied passage that gets an attribution line. */
  copyMinChars: number;
  /** Seconds during which repeated share clicks from one reader count once. */
  shareDedupSeconds: number;
  /** IANA time zone in which dates are shown to readers (default UTC). */
  timeZone?: string;
}

/** An error a caller caused (bad input), with a message fit for the caller. */
export class InputError extends Error {
  readonly status: number;
  readonly field: string | null;
  constructor(message: string, field: string | null = null, status = 400) {
    super(message);
    this.name = 'InputError';
    this.field = field;
    this.status = status;
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The actor may not do this (403); the message says what was refused. */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** One change between two versions of an article: a field, or a run of the body's text. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}
export interface TextChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}
export interface ArticleDiff {
  fields: FieldChange[];
  body: TextChange[];
}

/**
 * A save that named an older version than the stored one (409). Nothing is lost: the refused input is
 * kept as a revision of kind 'conflict' (`revisionId`), and `diff` goes from the current article to it.
 */
export class ConflictError extends Error {
  readonly status = 409;
  readonly conflict: { current: Article; yours: ArticleInput; diff: ArticleDiff; revisionId: number | null };
  constructor(message: string, conflict: ConflictError['conflict']) {
    super(message);
    this.name = 'ConflictError';
    this.conflict = conflict;
  }
}
