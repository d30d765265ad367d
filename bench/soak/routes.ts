// The soak's mixed load: one entry per kind of request, with its rate (per second, before --rate) and the
// statuses it should get. Readers read pages, feeds and search, click share buttons and load republished
// copies' pixels; an editor's open drafts autosave; a bot writes through the API with a bearer token.
import type { Route } from './open-loop.ts';
import type { HttpClient } from './http.ts';
import type { SiteFacts, Draft } from './site-facts.ts';

const BROWSER = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'accept-language': 'en-GB,en;q=0.9,fr;q=0.8',
};
// What a browser sends for a click on a link of our own page (counted as a person's share).
const CLICK = { ...BROWSER, 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'same-origin', 'sec-fetch-user': '?1' };
const NETWORKS = ['x', 'facebook', 'bluesky', 'linkedin'];

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
let edits = 0;
const body = (what: string) => {
  edits++;
  return `<p>${what} ${edits}: the council met on Tuesday and voted the budget.</p>` + '<p>Residents asked questions about the new tram line, the schools and the river banks. '.repeat(8) + '</p>';
};

/** Takes a draft nobody is saving at this moment (two saves of one version at once would conflict). */
function freeDraft(pool: Draft[], filter: (d: Draft) => boolean = () => true): Draft | undefined {
  const free = pool.filter((d) => !d.busy && filter(d));
  return free.length ? pick(free) : undefined;
}

async function save(pool: Draft[], filter: (d: Draft) => boolean, run: (d: Draft) => Promise<{ status: number; json: any }>): Promise<number | null> {
  const d = freeDraft(pool, filter);
  if (!d) return null; // every draft still waits for its previous save: reported as skipped
  d.busy = true;
  try {
    const r = await run(d);
    if (r.json?.version) d.version = r.json.version;
    return r.status;
  } finally {
    d.busy = false;
  }
}

export function soakRoutes(http: HttpClient, site: SiteFacts, scale: number): Route[] {
  const session = { cookie: site.session.cookie, 'x-csrf-token': site.session.csrf, 'sec-fetch-site': 'same-origin' };
  const bearer = { authorization: `Bearer ${site.token}` };
  const apiPool = site.apiDrafts;
  const routes: Route[] = [
    { name: 'article page', perSecond: 20, expected: [200], send: () => http.status(pick(site.articlePaths), BROWSER) },
    { name: 'RSS', perSecond: 2, expected: [200], send: () => http.status(pick(site.feeds.rss), BROWSER) },
    { name: 'Atom', perSecond: 2, expected: [200], send: () => http.status(pick(site.feeds.atom), BROWSER) },
    { name: 'JSON Feed', perSecond: 2, expected: [200], send: () => http.status(pick(site.feeds.json), BROWSER) },
    { name: 'reader search', perSecond: 2, expected: [200], send: () => http.status(`/search?q=${encodeURIComponent(pick(site.words))}`, BROWSER) },
    {
      name: 'share click',
      perSecond: 3,
      expected: [302],
      send: () => {
        const id = pick(site.shareIds);
        return http.status(`/share/${id}/${pick(NETWORKS)}`, { ...CLICK, referer: `${site.base}${site.articlePaths[0]}` });
      },
    },
    { name: 'kit pixel', perSecond: 20, expected: [200], send: () => http.status(pick(site.pixelPaths), { ...BROWSER, referer: pick(site.republishers) }) },
    {
      name: 'newsroom autosave',
      perSecond: 0.5,
      expected: [200],
      send: () =>
        save(site.drafts, () => true, (d) =>
          http.call('POST', `/api/articles/${d.id}/autosave`, session, { language: 'en', title: d.title, bodyHtml: body('Draft'), version: d.version }, true),
        ),
    },
    {
      name: 'API create',
      perSecond: 0.2,
      expected: [201],
      send: async () => {
        const title = `Soak article ${apiPool.length + 1} ${Date.now().toString(36)}`;
        const r = await http.call('POST', '/api/articles', bearer, { language: 'en', title, bodyHtml: body('Created'), tags: ['soak'] }, true);
        if (r.status === 201) apiPool.push({ id: r.json.id, version: r.json.version, title, busy: false, published: false });
        return r.status;
      },
    },
    {
      name: 'API edit',
      perSecond: 0.5,
      expected: [200],
      send: () =>
        save(apiPool, () => true, (d) =>
          http.call('PUT', `/api/articles/${d.id}`, bearer, { language: 'en', title: d.title, bodyHtml: body('Edited'), tags: ['soak'], version: d.version }, true),
        ),
    },
    {
      name: 'API publish',
      perSecond: 0.05,
      expected: [200],
      send: () =>
        save(apiPool, (d) => !d.published, async (d) => {
          const r = await http.call('POST', `/api/articles/${d.id}/publish`, bearer, {}, true);
          if (r.status === 200) d.published = true;
          return r;
        }),
    },
  ];
  return routes.map((r) => ({ ...r, perSecond: r.perSecond * scale }));
}
