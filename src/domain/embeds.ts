// The one list of hosts whose embeds (iframes) article bodies may carry: the body sanitiser keeps only these,
// the public site's CSP frames only these, and the newsroom's embed dialog offers only these.
export const EMBED_HOSTS = [
  'www.youtube-nocookie.com',
  'www.youtube.com',
  'player.vimeo.com',
  'www.dailymotion.com',
  'embed.bsky.app',
  'www.openstreetmap.org',
];
