// Public API of the feed poller.
export { createPoller, permanentRedirectOf } from './poller.ts';
export type { Poller, PollerOptions, PollerStats, PollReport } from './poller.ts';
export { planAfterPoll, nextCheckAt, firstCheckAt, isGoneError, DEFAULT_POLL_POLICY } from './policy.ts';
export type { PollPolicy, PollResult, FeedPollState, FeedPlan } from './policy.ts';
export { claimDueFeeds, releaseFeeds, applyOutcomes, leaseToken } from './claim.ts';
export type { FeedClaimOptions, PollOutcome, AppliedOutcome } from './claim.ts';
export { startPoller } from './service.ts';
export type { PollerService } from './service.ts';
