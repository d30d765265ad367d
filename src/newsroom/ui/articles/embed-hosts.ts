// The hosts whose embeds the body sanitiser keeps (src/publish/sanitize.ts EMBED_HOSTS; a test keeps the
// two lists equal: the sanitiser's module cannot be bundled for the browser).
export const EMBED_HOSTS = [
  'www.youtube-nocookie.com',
  'www.youtube.com',
  'player.vimeo.com',
  'www.dailymotion.com',
  'embed.bsky.app',
  'www.openstreetmap.org',
];

/** The embed address if it is https (or http) on an allowed host, else null. */
export function embedSrc(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) return null;
  return EMBED_HOSTS.includes(url.hostname) ? url.href : null;
}
