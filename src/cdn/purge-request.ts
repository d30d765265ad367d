// The purge request each CDN expects. `relais` is the documented default ({"keys": [...]}, Bearer token) for
// a small relay or a cache of one's own; `fastly` and `cloudflare` call those APIs directly.
export type PurgeStyle = 'relais' | 'fastly' | 'cloudflare';

export const PURGE_STYLES: readonly PurgeStyle[] = ['relais', 'fastly', 'cloudflare'];

export interface PurgeRequest {
  headers: Record<string, string>;
  body: string;
}

/** Most keys one request may carry (Fastly: 256 surrogate keys; Cloudflare: 30 tags). */
export const KEYS_PER_REQUEST: Record<PurgeStyle, number> = { relais: 256, fastly: 256, cloudflare: 30 };

export function purgeRequest(style: PurgeStyle, keys: string[], token: string | null): PurgeRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (style === 'fastly') {
    // POST https://api.fastly.com/service/<service id>/purge
    if (token) headers['fastly-key'] = token;
    return { headers, body: JSON.stringify({ surrogate_keys: keys }) };
  }
  if (token) headers.authorization = `Bearer ${token}`;
  // Cloudflare: POST https://api.cloudflare.com/client/v4/zones/<zone id>/purge_cache
  return { headers, body: JSON.stringify(style === 'cloudflare' ? { tags: keys } : { keys }) };
}
