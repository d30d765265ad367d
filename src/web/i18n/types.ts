import type { ShareNetwork } from '../../domain/types.ts';
import type { Html, Renderable } from '../html.ts';

/** The words of the public site in one language. Functions take already-rendered pieces (links, names). */
export interface Strings {
  skipToContent: string;
  mainMenu: string;
  jumpTo: string;
  go: string;
  home: string;
  rssFeed: string;
  feedOf: (scope: string) => string;
  sections: string;
  languages: string;
  latest: string;
  nothingYet: string;
  by: string;
  tags: string;
  imageCredit: string;
  shareHeading: (title: string) => string;
  total: (n: number) => string;
  shareLabels: Record<ShareNetwork, string>;
  provenance: string;
  translatedFrom: (outlet: Renderable, link: Html) => Html;
  translatedBy: (names: Html, siteName: string) => Html;
  firstPublishedBy: (outlet: Html) => Html;
  via: (link: Html) => Html;
  colon: (label: string) => string;
  chainHeading: string;
  chainKinds: Record<'translation' | 'republication' | 'original', string>;
  licence: (value: Html) => Html;
  about: (name: string) => string;
  alsoIn: string;
  corrections: string;
  /** "Correction (15 November 2017): text" — `date` is a rendered <time>. */
  correction: (date: Html, text: string) => Html;
  previousPage: string;
  nextPage: string;
  pagination: string;
  pageN: (n: number) => string;
  tagTitle: (name: string) => string;
  asAuthor: string;
  asTranslator: string;
  notFoundTitle: string;
  notFoundText: string;
  backHome: string;
  errorTitle: string;
  errorText: string;
  /** Search: the button, the header form's label, the page's heading and form label, counts, messages. */
  search: string;
  searchSite: string;
  searchTitle: string;
  searchLabel: string;
  searchHint: string;
  searchResultsFor: (q: string) => string;
  searchCount: (n: number, exact: boolean) => string;
  searchNone: (q: string) => string;
  searchProblems: Record<'empty' | 'too-long' | 'no-words' | 'too-many-words', string>;
}
