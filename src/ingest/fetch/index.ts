// Public API of the safe fetcher. Import from here: src/ingest/fetch/index.ts.
export { createFetcher, FetchResult, DEFAULT_USER_AGENT, DEFAULT_ACCEPT, DEFAULT_MAX_BYTES } from './fetcher.ts';
export type { Fetcher, FetcherOptions, FetchOptions } from './fetcher.ts';
export { FetchError } from './errors.ts';
export type { FetchErrorCode } from './errors.ts';
export { checkUrl, hostnameRefusal } from './url-policy.ts';
export type { UrlCheck, UrlRule } from './url-policy.ts';
export { nonPublicReason, isPublicAddress } from './ip.ts';
export { systemResolver } from './connector.ts';
export type { Resolver, SocketOpener } from './connector.ts';
export { decodeBody, parseContentType, kindFromContentType, DecodeError } from '../../text/decode.ts';
export type { BodyKind, DecodedBody, DecodeOptions, CharsetSource } from '../../text/decode.ts';
export { cachePolicy, parseHttpDate } from './cache-policy.ts';
export type { CachePolicy, HeaderSource } from './cache-policy.ts';
