// Public URLs of things, in one place: pages, feeds, the API and the importer all build links from here.
import type { Article, Person, Section, SiteConfig } from './types.ts';

export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'feed.atom', json: 'feed.json' };

export const urls = {
  home: (site: SiteConfig) => `${site.baseUrl}/`,
  languageHome: (site: SiteConfig, lang: string) => `${site.baseUrl}/${lang}/`,
  article: (site: SiteConfig, a: Pick<Article, 'language' | 'slug'>) => `${site.baseUrl}/${a.language}/${a.slug}`,
  section: (site: SiteConfig, s: Pick<Section, 'slug'>) => `${site.baseUrl}/section/${s.slug}/`,
  tag: (site: SiteConfig, tagSlug: string) => `${site.baseUrl}/tag/${tagSlug}/`,
  person: (site: SiteConfig, p: Pick<Person, 'slug'>) => `${site.baseUrl}/author/${p.slug}/`,
  /** Feed of a listing: `scope` is '' for the site, 'fr/' for a language, 'section/world/' … */
  feed: (site: SiteConfig, scope: string, format: FeedFormat) => `${site.baseUrl}/${scope}${FEED_FILES[format]}`,
  share: (site: SiteConfig, articleId: number, network: string) => `${site.baseUrl}/share/${articleId}/${network}`,
  media: (site: SiteConfig, file: string) => (/^https?:\/\//.test(file) ? file : `${site.baseUrl}/media/${file}`),
  /** A resized variant of a media file, `width` pixels wide. */
  image: (site: SiteConfig, file: string, width: number) =>
    /^https?:\/\//.test(file) ? file : `${site.baseUrl}/img/${width}/${file}`,
};

export const IMAGE_WIDTHS = [320, 640, 960, 1280] as const;
