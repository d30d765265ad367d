// Public API of the feed parser.
export { parseFeed, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './parse-feed.ts';
export type { ParseFeedOptions, ParseFeedResult, ParseWarning } from './parse-feed.ts';
export { parseFeedIsolated } from './isolated.ts';
export type { IsolationOptions } from './isolated.ts';
export { parseFeedDate } from './dates.ts';
export type {
  Category, CommonFields, Content, Enclosure, FeedDate, FeedVersion, Generator, Geo, Image, Link, MediaInfo,
  ParsedEntry, ParsedFeed, Person, TextConstruct,
} from './model.ts';
