// Test helpers for the feed suites (not a test file): content built through the publish operations, a clock
// the tests move, and strict third-party parsers (Python's expat and Debian's python3-feedparser).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AppContext } from '../context.ts';
import type { Article, Outlet, Person, Section } from '../domain/types.ts';
import { createArticle } from '../publish/articles.ts';
import type { Actor } from '../domain/accounts.ts';
import { createPerson } from '../publish/people.ts';
import { createSection } from '../publish/sections.ts';
import { createOutlet } from '../publish/outlets.ts';

const FIXTURE: Actor = { kind: 'system', name: 'fixture' };

/** Debian's interpreter: the apt module python3-feedparser is visible to it only. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

export const HOSTILE = '"Q&A" <b> ]]> \u0001 \u202Eabc';
/** What survives of HOSTILE in a feed: the control character is dropped, everything else kept. */
export const HOSTILE_CLEAN = '"Q&A" <b> ]]>  \u202Eabc';

function python(script: string, input: string | Buffer, args: string[] = []): { ok: boolean; out: string; err: string } {
  const r = spawnSync(DEBIAN_PYTHON, ['-c', script, ...args], { input, maxBuffer: 64 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout?.toString('utf8') ?? '', err: r.stderr?.toString('utf8') ?? String(r.error ?? '') };
}

export const hasPython = existsSync(DEBIAN_PYTHON);
export const hasFeedparser = hasPython && python('import feedparser', '').ok;

export interface XmlNode {
  tag: string;
  attrib: Record<string, string>;
  text: string;
  children: XmlNode[];
}

const XML_DUMP = `
import sys, json, xml.etree.ElementTree as ET
def conv(e):
    return {'tag': e.tag, 'attrib': dict(e.attrib), 'text': e.text or '', 'children': [conv(c) for c in e]}
try:
    root = ET.fromstring(sys.stdin.buffer.read())
    print(json.dumps({'ok': True, 'root': conv(root)}))
except ET.ParseError as err:
    print(json.dumps({'ok': False, 'error': str(err)}))
`;

/**
 * Parses XML with expat (a strict, non-validating XML 1.0 parser) and returns the element tree, with
 * namespaced names as `{uri}local`. Throws with expat's message when the document is not well-formed.
 */
export function parseXml(xml: string | Buffer): XmlNode {
  const r = python(XML_DUMP, xml);
  if (!r.ok) throw new Error(`python failed: ${r.err}`);
  const res = JSON.parse(r.out) as { ok: boolean; root?: XmlNode; error?: string };
  if (!res.ok || !res.root) throw new Error(`not well-formed XML: ${res.error}`);
  return res.root;
}

export function children(node: XmlNode, tag: string): XmlNode[] {
  return node.children.filter((c) => c.tag === tag);
}

export function child(node: XmlNode, tag: string): XmlNode {
  const c = node.children.find((x) => x.tag === tag);
  if (!c) throw new Error(`no <${tag}> in <${node.tag}>: ${node.children.map((x) => x.tag).join(', ')}`);
  return c;
}

const FEEDPARSE = `
import sys, json, feedparser
d = feedparser.parse(sys.stdin.buffer.read(), response_headers={'content-type': sys.argv[1]})
def links(x):
    return [{'rel': l.get('rel'), 'href': l.get('href'), 'type': l.get('type')} for l in x.get('links', [])]
out = {
    'bozo': int(d.bozo),
    'bozo_exception': str(d.get('bozo_exception', '')),
    'version': d.version,
    'feed': {'title': d.feed.get('title'), 'link': d.feed.get('link'), 'links': links(d.feed), 'language': d.feed.get('language')},
    'entries': [{
        'id': e.get('id'),
        'title': e.get('title'),
        'link': e.get('link'),
        'links': links(e),
        'authors': [a.get('name') for a in e.get('authors', [])],
        'contributors': [c.get('name') for c in e.get('contributors', [])],
        'tags': [t.get('term') for t in e.get('tags', [])],
        'labels': [t.get('label') for t in e.get('tags', [])],
        'published': e.get('published'),
        'published_parsed': list(e.published_parsed) if e.get('published_parsed') else None,
        'updated_parsed': list(e.updated_parsed) if e.get('updated_parsed') else None,
        'summary': e.get('summary'),
        'content': [c.get('value') for c in e.get('content', [])],
        'media': [m.get('url') for m in e.get('media_content', [])],
    } for e in d.entries],
}
print(json.dumps(out))
`;

export interface ParsedFeed {
  bozo: number;
  bozo_exception: string;
  version: string;
  feed: { title: string; link: string; links: Array<{ rel: string; href: string; type: string }>; language: string | null };
  entries: Array<{
    id: string;
    title: string;
    link: string;
    links: Array<{ rel: string; href: string; type: string | null }>;
    authors: string[];
    contributors: string[];
    tags: string[];
    labels: string[];
    published: string;
    published_parsed: number[] | null;
    updated_parsed: number[] | null;
    summary: string;
    content: string[];
    media: string[];
  }>;
}

/** Debian's python3-feedparser reading a feed as served (bytes and Content-Type). */
export function feedparse(body: string | Buffer, contentType: string): ParsedFeed {
  const r = python(FEEDPARSE, body, [contentType]);
  if (!r.ok) throw new Error(`feedparser failed: ${r.err}`);
  return JSON.parse(r.out) as ParsedFeed;
}

/** A clock the test moves by hand; each write should come after a tick so updated_at changes. */
export class TestClock {
  private t: number;
  constructor(iso: string) {
    this.t = Date.parse(iso);
  }
  now = (): Date => new Date(this.t);
  tick(ms = 1000): void {
    this.t += ms;
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
}

export interface Newsroom {
  world: Section;
  outlet: Outlet;
  ada: Person;
  tom: Person;
  english: Article;
  french: Article;
  hostile: Article;
}

/**
 * An English republication of an outside outlet's original (by Ada, section World, image, licence),
 * its French translation (translator Tom, via an aggregator) and an article with a hostile title and body.
 */
export async function seedNewsroom(ctx: AppContext, clock: TestClock): Promise<Newsroom> {
  const world = await createSection(ctx, { slug: 'world', name: 'World', names: { fr: 'Monde', en: 'World' } });
  const outlet = await createOutlet(ctx, { name: 'Example Post', homeUrl: 'https://post.example/', language: 'en' });
  const ada = await createPerson(ctx, { slug: 'ada-writer', name: 'Ada Writer', bio: 'Reporter on rivers.' });
  const tom = await createPerson(ctx, { slug: 'tom-translator', name: 'Tom Translator' });
  clock.tick();
  const english = await createArticle(ctx, {
    language: 'en',
    slug: 'rivers-rise',
    title: 'Rivers rise',
    summary: 'Water levels reach a record.',
    bodyHtml: '<p>Water is <a href="/en/other-story">rising</a>.</p><p><img src="/media/2026/chart.png" alt="Chart"></p>',
    image: { file: '2026/river.jpg', alt: 'A river in flood', credit: 'Photo: Jo Lens', width: 1200, height: 800 },
    sectionIds: [world.id],
    tags: ['Climate', 'Water'],
    authorIds: [ada.id],
    status: 'published',
    provenance: {
      original: {
        url: 'https://post.example/2026/rivers-rise',
        title: 'Rivers rise',
        outletId: outlet.id,
        authorNames: ['Ada Writer'],
        language: 'en',
        publishedAt: '2026-01-09T08:00:00Z',
      },
      licence: 'CC-BY-4.0',
    },
  }, FIXTURE);
  clock.tick();
  const french = await createArticle(ctx, {
    language: 'fr',
    slug: 'les-rivieres-montent',
    title: 'Les rivières montent',
    summary: 'Les eaux atteignent un record.',
    bodyHtml: '<p>L’eau monte.</p>',
    sections: ['world'],
    tags: ['Climat'],
    authorIds: [ada.id],
    translatorIds: [tom.id],
    status: 'published',
    provenance: { translationOfId: english.id, via: { url: 'https://aggregator.example/item/42', name: 'Aggregator' } },
  }, FIXTURE);
  clock.tick();
  const hostile = await createArticle(ctx, {
    language: 'en',
    slug: 'hostile',
    title: HOSTILE,
    summary: `Summary ${HOSTILE} 😀 مرحبا`,
    bodyHtml: `<p>Body ${'<b>'}bold${'</b>'} ]]&gt; and ]]> text, emoji 😀, Arabic مرحبا بالعالم, Hebrew שלום \u0001\u0008.</p>`,
    tags: ['Q&A <tag>'],
    status: 'published',
    provenance: { original: { url: 'https://post.example/2026/q-and-a', title: HOSTILE, authorNames: ['Zoë "Z" <Outside>'], language: 'en', publishedAt: null, outletId: null } },
  }, FIXTURE);
  clock.tick();
  return { world, outlet, ada, tom, english, french, hostile };
}
