// The shape demo content is written in: like the importer's, with dates relative to "now" and art themes
// instead of image files (the images are drawn at init time).
import type { ArticleStatus, CanonicalPolicy } from '../../domain/types.ts';

export type Theme = 'river' | 'town' | 'culture' | 'science' | 'green' | 'night';

export interface DemoOriginal {
  url: string;
  title: string;
  /** Outlet key. */
  outlet: string;
  authorNames: string[];
  language: string;
  daysAgo: number;
}

export interface DemoArticle {
  key: string;
  language: 'fr' | 'en';
  slug?: string;
  title: string;
  summary: string;
  /** Paragraphs; an item starting with "<" is kept as HTML, anything else becomes a <p>. */
  body: string[];
  sections: string[];
  tags: string[];
  authors?: string[];
  translators?: string[];
  /** Days before now (fractions allowed); negative means in the future (scheduled). */
  daysAgo: number;
  status?: Exclude<ArticleStatus, 'published'>;
  art: Theme;
  /** What the abstract illustration shows, for its alt text. */
  artAlt: string;
  translationOf?: string;
  republicationOf?: string;
  canonicalPolicy?: CanonicalPolicy;
  original?: DemoOriginal;
  via?: { url: string; name: string };
  licence?: string;
}
