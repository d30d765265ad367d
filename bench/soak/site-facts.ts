// What the soak needs to know of the site it loads: found on the running server the way a reader or an
// editor would find it (pages, feeds, the kit page), plus a signed-in session and an API token.
import type { HttpClient } from './http.ts';

export interface Draft {
  id: number;
  version: number;
  title: string;
  busy: boolean;
  published: boolean;
}

export interface SiteFacts {
  base: string;
  articlePaths: string[];
  feeds: { rss: string[]; atom: string[]; json: string[] };
  words: string[];
  shareIds: number[];
  pixelPaths: string[];
  republishers: string[];
  session: { cookie: string; csrf: string };
  token: string;
  /** The signed-in editor's drafts (autosaved), and the API's own articles (edited, some published). */
  drafts: Draft[];
  apiDrafts: Draft[];
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

export async function findSiteFacts(http: HttpClient, base: string, login: { email: string; password: string }, token: string): Promise<SiteFacts> {
  const feed = JSON.parse(await http.text('/feed.json')) as { items: { url: string; title?: string }[] };
  const articlePaths = unique(feed.items.map((i) => new URL(i.url).pathname));
  if (articlePaths.length < 2) throw new Error(`only ${articlePaths.length} article(s) in /feed.json`);
  const words = unique(feed.items.flatMap((i) => (i.title ?? '').toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length >= 5)).slice(0, 40);
  const shareIds: number[] = [];
  const pixelPaths: string[] = [];
  for (const path of articlePaths.slice(0, 8)) {
    const id = /\/share\/(\d+)\//.exec(await http.text(path))?.[1];
    if (id) shareIds.push(Number(id));
    const px = /\/px\/[0-9a-z]+\.[0-9A-Za-z]+\.[A-Za-z0-9_-]+\.gif/.exec(await http.text(`${path}/republish`))?.[0];
    if (px) pixelPaths.push(px);
  }
  if (!shareIds.length || !pixelPaths.length) throw new Error(`share links ${shareIds.length}, pixels ${pixelPaths.length} on the first articles`);
  const langs = unique(articlePaths.map((p) => p.split('/')[1]!));
  const feeds = (ext: string) => ['', ...langs.map((l) => `/${l}`)].map((prefix) => `${prefix}/feed.${ext}`);

  const signIn = await http.call('POST', '/api/session', {}, login, true);
  if (signIn.status !== 200) throw new Error(`sign-in: ${signIn.status}`);
  const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
  const session = { cookie, csrf: signIn.json.csrfToken as string };
  const newsroom = { cookie, 'x-csrf-token': session.csrf, 'sec-fetch-site': 'same-origin' };
  const draft = async (headers: Record<string, string>, title: string): Promise<Draft> => {
    const r = await http.call('POST', '/api/articles', headers, { language: 'en', title, bodyHtml: '<p>First lines.</p>' }, true);
    if (r.status !== 201) throw new Error(`creating "${title}": ${r.status}`);
    return { id: r.json.id, version: r.json.version, title, busy: false, published: false };
  };
  const drafts = [];
  const apiDrafts = [];
  for (let i = 1; i <= 4; i++) drafts.push(await draft(newsroom, `Editor's draft ${i}`));
  for (let i = 1; i <= 4; i++) apiDrafts.push(await draft({ authorization: `Bearer ${token}` }, `API article ${i}`));
  return {
    base, articlePaths, feeds: { rss: feeds('xml'), atom: feeds('atom'), json: feeds('json') }, words, shareIds, pixelPaths,
    republishers: [1, 2, 3].map((n) => `https://republisher${n}.example/news/story-${n}`), session, token, drafts, apiDrafts,
  };
}
