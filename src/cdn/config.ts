// RELAIS_PAGE_MAX_AGE, RELAIS_CDN_MAX_AGE and RELAIS_PURGE_* read from the environment, checked.
import { DEFAULT_POLICY } from './policy.ts';
import { PURGE_STYLES, type PurgeStyle } from './purge-request.ts';
import type { CdnConfig } from './index.ts';

function seconds(env: NodeJS.ProcessEnv, name: string): number | null {
  const v = env[name]?.trim();
  if (!v) return null;
  if (!/^\d{1,9}$/.test(v)) throw new Error(`${name} must be a whole number of seconds, not "${v}"`);
  return Number(v);
}

export function cdnConfigFromEnv(env: NodeJS.ProcessEnv): CdnConfig {
  const maxAge = seconds(env, 'RELAIS_PAGE_MAX_AGE') ?? DEFAULT_POLICY.maxAge;
  const purgeUrl = env.RELAIS_PURGE_URL?.trim() || null;
  if (purgeUrl && !/^https?:\/\/[^\s]+$/.test(purgeUrl)) throw new Error(`RELAIS_PURGE_URL must be an http(s) URL, not "${purgeUrl}"`);
  const style = (env.RELAIS_PURGE_STYLE?.trim() || 'relais') as PurgeStyle;
  if (!PURGE_STYLES.includes(style)) throw new Error(`RELAIS_PURGE_STYLE must be one of ${PURGE_STYLES.join(', ')}, not "${style}"`);
  return {
    policy: {
      maxAge,
      cdnMaxAge: seconds(env, 'RELAIS_CDN_MAX_AGE'),
      // Ten lifetimes (at least ten minutes) of serving stale while refreshing; a day of riding out errors.
      staleWhileRevalidate: Math.max(DEFAULT_POLICY.staleWhileRevalidate, 10 * maxAge),
      staleIfError: DEFAULT_POLICY.staleIfError,
    },
    purgeUrl,
    purgeToken: env.RELAIS_PURGE_TOKEN?.trim() || null,
    purgeStyle: style,
  };
}
