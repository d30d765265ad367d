// The format-neutral feed: what the loader produces and the RSS, Atom and JSON Feed serialisers read.
// Every URL here is absolute; every time is an ISO-8601 UTC string; text is plain unless named *Html.
import type { FeedFormat } from '../domain/urls.ts';
import type { ChainLink } from '../provenance/credits.ts';

export interface FeedPerson {
  name: string;
  /** The person's page on this site; null for writers known only by name. */
  url: string | null;
}

export interface FeedCategory {
  kind: 'section' | 'tag';
  /** Stable machine term (the slug). */
  term: string;
  /** Human label, in the entry's language where the section has one. */
  label: string;
  /** Base URL of the vocabulary: `{site}/section/` or `{site}/tag/`. */
  scheme: string;
  /** The listing page of this section or tag. */
  url: string;
}

/** One step of the provenance chain, as carried in feeds. */
/** A step of the provenance chain as feeds carry it (who translated it is not part of it). */
export type FeedOrigin = Omit<ChainLink, 'kind' | 'translatorNames' | 'articleId'>;

export interface FeedImage {
  url: string;
  alt: string;
  credit: string | null;
  width: number | null;
  height: number | null;
  /** Media type guessed from the file name; null when unknown. */
  type: string | null;
}

export type EntryKind = 'original' | 'translation' | 'republication';

export interface FeedEntry {
  /** Permanent id (a tag: URI), unchanged when the slug or the site's address changes path. */
  id: string;
  url: string;
  title: string;
  /** Plain-text summary (the article's, or an excerpt of the body). */
  summary: string;
  /** Full body, image first, every link absolute. */
  contentHtml: string;
  language: string;
  published: string;
  /** max(updated_at, published_at): a scheduled article counts as changed when it appears. */
  updated: string;
  /** Original writers. */
  authors: FeedPerson[];
  translators: FeedPerson[];
  categories: FeedCategory[];
  image: FeedImage | null;
  kind: EntryKind;
  /** The first original at the end of the chain (outside, or an article of this site). */
  original: FeedOrigin | null;
  /** The nearest step, only when it is not the original (a translation of a republication…). */
  source: FeedOrigin | null;
  /** The intermediate the text was taken from. */
  via: { url: string; name: string | null } | null;
  licence: string | null;
  /** Set only when it differs from `url` (a republication canonical to its original). */
  canonicalUrl: string | null;
  /** Where the entry's signed C2PA manifest store is served (application/c2pa); null when it has none. */
  manifestUrl: string | null;
}

export interface FeedDoc {
  title: string;
  description: string;
  /** The HTML page this feed mirrors. */
  homeUrl: string;
  /** This feed's URL in each format (self and alternates). */
  feedUrls: Record<FeedFormat, string>;
  /** The WebSub hub the feed advertises (rel="hub"; follow/websub). */
  hub?: string | null;
  /** Set for a language's feed; null for feeds that mix languages. */
  language: string | null;
  /** Newest `updated` of the entries; a stable fallback when there are none. */
  updated: string;
  /** Who publishes the feed: the site (Atom's feed-level author, inherited by entries with no writer). */
  publisher: FeedPerson;
  entries: FeedEntry[];
}

/** The namespace of Relais' provenance elements in RSS and Atom, and the `about` of JSON Feed's `_relais`. */
export const RELAIS_NS = 'https://relais.example/ns/provenance/1.0';
export const GENERATOR = 'Relais';
