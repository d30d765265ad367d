// A structural check of a document against JSON Feed 1.1 (https://jsonfeed.org/version/1.1), used by the
// tests because feedparser does not read JSON Feed. Returns the list of problems, empty when the feed conforms.
// Stricter than the spec in two documented ways: extension objects must carry `about`, and unknown keys
// without the `_` prefix are reported.

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const FEED_KEYS = new Set(['version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'authors', 'language', 'expired', 'hubs', 'items']);
const ITEM_KEYS = new Set(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'tags', 'language', 'attachments']);
const URL_KEYS = new Set(['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon', 'url', 'external_url', 'image', 'banner_image', 'avatar']);

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function checkJsonFeed(feed: unknown): string[] {
  const problems: string[] = [];
  const bad = (where: string, what: string) => problems.push(`${where}: ${what}`);

  function optionalString(o: Json, key: string, where: string) {
    if (!(key in o)) return;
    const v = o[key];
    if (typeof v !== 'string') return bad(`${where}.${key}`, `must be a string, got ${JSON.stringify(v)}`);
    if (URL_KEYS.has(key)) {
      try {
        new URL(v);
      } catch {
        bad(`${where}.${key}`, `not an absolute URL: ${v}`);
      }
    }
  }

  function extensions(o: Json, known: Set<string>, where: string) {
    for (const key of Object.keys(o)) {
      if (known.has(key)) continue;
      if (!key.startsWith('_')) bad(`${where}.${key}`, 'unknown key (extensions must start with "_")');
      else if (!/^_[A-Za-z]/.test(key)) bad(`${where}.${key}`, 'extension names are "_" followed by a letter');
      else if (!isObject(o[key])) bad(`${where}.${key}`, 'extension must be an object');
      else if (typeof (o[key] as Json).about !== 'string') bad(`${where}.${key}`, 'extension should say what it is in "about"');
    }
  }

  function authors(o: Json, where: string) {
    if (!('authors' in o)) return;
    if (!Array.isArray(o.authors)) return bad(`${where}.authors`, 'must be an array');
    o.authors.forEach((a, i) => {
      const w = `${where}.authors[${i}]`;
      if (!isObject(a)) return bad(w, 'must be an object');
      if (!['name', 'url', 'avatar'].some((k) => typeof a[k] === 'string')) bad(w, 'needs at least one of name, url, avatar');
      for (const k of ['name', 'url', 'avatar']) optionalString(a, k, w);
    });
  }

  if (!isObject(feed)) return ['feed: must be a JSON object'];
  if (feed.version !== 'https://jsonfeed.org/version/1.1') bad('feed.version', `must be "https://jsonfeed.org/version/1.1", got ${JSON.stringify(feed.version)}`);
  if (typeof feed.title !== 'string' || feed.title === '') bad('feed.title', 'is required (string)');
  for (const k of ['home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'language']) optionalString(feed, k, 'feed');
  if ('expired' in feed && typeof feed.expired !== 'boolean') bad('feed.expired', 'must be a boolean');
  authors(feed, 'feed');
  extensions(feed, FEED_KEYS, 'feed');
  if (!Array.isArray(feed.items)) {
    bad('feed.items', 'is required (array)');
    return problems;
  }
  const ids = new Set<string>();
  feed.items.forEach((item, i) => {
    const w = `items[${i}]`;
    if (!isObject(item)) return bad(w, 'must be an object');
    if (typeof item.id !== 'string' || item.id === '') bad(`${w}.id`, 'is required (string)');
    else if (ids.has(item.id)) bad(`${w}.id`, `duplicate id ${item.id}`);
    else ids.add(item.id);
    for (const k of ['url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'language']) optionalString(item, k, w);
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string') bad(w, 'needs content_html or content_text');
    for (const k of ['date_published', 'date_modified'])
      if (k in item && (typeof item[k] !== 'string' || !RFC3339.test(item[k] as string))) bad(`${w}.${k}`, `must be an RFC 3339 date, got ${JSON.stringify(item[k])}`);
    if ('tags' in item && (!Array.isArray(item.tags) || item.tags.some((t) => typeof t !== 'string'))) bad(`${w}.tags`, 'must be an array of strings');
    if ('attachments' in item) {
      if (!Array.isArray(item.attachments)) bad(`${w}.attachments`, 'must be an array');
      else
        item.attachments.forEach((a, j) => {
          if (!isObject(a) || typeof a.url !== 'string' || typeof a.mime_type !== 'string') bad(`${w}.attachments[${j}]`, 'needs url and mime_type');
        });
    }
    authors(item, w);
    extensions(item, ITEM_KEYS, w);
  });
  return problems;
}
