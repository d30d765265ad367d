// Public API of feed subscriptions and import candidates.
export {
  addFeed, getFeed, listFeeds, countFeeds, pauseFeed, resumeFeed, removeFeed, checkFeedSoon, updateFeedDetails,
  findFeedByUrl, normaliseFeedUrl, toFeed, FEED_STATUSES,
} from './feeds.ts';
export type { Feed, FeedStatus, FeedRow, AddFeedInput, AddFeedOptions, ListFeedsFilter, UrlChecker } from './feeds.ts';
export { subscribe, FEED_ACCEPT } from './subscribe.ts';
export type { FeedFetcher, FeedParse, SubscribeDeps, SubscribeInput, SubscribeResult } from './subscribe.ts';
export { discoverFeedLinks, commonFeedUrls, looksLikeHtml } from './discover.ts';
export type { DiscoveredFeed } from './discover.ts';
export { parseOpml, buildOpml, xmlAttr } from './opml.ts';
export type { OpmlOutline, OpmlParseResult, OpmlFeed } from './opml.ts';
export { importOpml, exportOpml } from './opml-import.ts';
export type { OpmlImportLine, OpmlImportReport, OpmlImportOptions } from './opml-import.ts';
export {
  entriesToCandidates, insertCandidates, listCandidates, getCandidate, setCandidateState, countCandidates,
  normaliseLink, plainText, contentHashOf, entryFullContent, CANDIDATE_STATES, FULL_CONTENT_MIN_CHARS, FULL_SUMMARY_MIN_CHARS,
} from './candidates.ts';
export type { ImportCandidate, CandidateInput, CandidateState, ListCandidatesFilter } from './candidates.ts';
