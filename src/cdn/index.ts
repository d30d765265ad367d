// Caching by a CDN in front of Relais: the header policy public responses use, and the purge client.
import { DEFAULT_POLICY, type CachePolicy } from './policy.ts';
import { createPurger } from './purger.ts';
import type { PurgeStyle } from './purge-request.ts';

export interface CdnConfig {
  policy: CachePolicy;
  /** Where purges are POSTed; null: no purges (pages change within the policy's lifetimes). */
  purgeUrl: string | null;
  purgeToken: string | null;
  purgeStyle: PurgeStyle;
}

/** What AppContext carries: the policy, and a purge when a purge URL is configured. */
export interface Cdn {
  policy: CachePolicy;
  purge?: (keys: string[]) => void;
  /** Waits for purges still being sent. */
  idle?: () => Promise<void>;
}

export function openCdn(config: CdnConfig, log?: (message: string) => void): Cdn {
  if (!config.purgeUrl) return { policy: config.policy };
  const purger = createPurger({ url: config.purgeUrl, token: config.purgeToken, style: config.purgeStyle, log });
  return { policy: config.policy, purge: (keys) => purger.purge(keys), idle: () => purger.idle() };
}

export function policyOf(cdn: Cdn | undefined): CachePolicy {
  return cdn?.policy ?? DEFAULT_POLICY;
}
