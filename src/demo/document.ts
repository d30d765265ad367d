// Turns the demo content into an import document (dates relative to now, slugs fixed) and the pictures to draw.
import { createHash } from 'node:crypto';
import type { ImportArticle, ImportDocument } from '../cli/importer.ts';
import { slugify } from '../publish/slug.ts';
import { ARTICLES_EN } from './content/articles-en.ts';
import { ARTICLES_FR } from './content/articles-fr.ts';
import { DEMO_OUTLETS, DEMO_PEOPLE, DEMO_SECTIONS } from './content/cast.ts';
import { TRANSLATIONS } from './content/translations.ts';
import type { DemoArticle } from './content/types.ts';
import { articleSvg, imageRef, portraitSvg, type Picture } from './images.ts';

export const DEMO_ARTICLES: DemoArticle[] = [...ARTICLES_FR, ...ARTICLES_EN, ...TRANSLATIONS];

const DAY = 24 * 60 * 60 * 1000;

/** Names files by content, so pictures already drawn (by an earlier init) are not drawn again. */
function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 10);
}

export function demoSlug(a: DemoArticle): string {
  return a.slug ?? slugify(a.title);
}

/** Publication time: `daysAgo` days before now, at a plausible hour that varies by article. */
function timeAgo(now: Date, daysAgo: number, key: string): string {
  const minutes = [...key].reduce((n, ch) => (n * 31 + ch.charCodeAt(0)) % 600, 7);
  const t = new Date(now.getTime() - daysAgo * DAY);
  if (daysAgo >= 1 || daysAgo < 0) t.setUTCHours(6 + Math.floor(minutes / 60), minutes % 60, 0, 0);
  else t.setTime(t.getTime() - (minutes % 180) * 60 * 1000);
  return t.toISOString();
}

function body(paragraphs: string[]): string {
  return paragraphs.map((p) => (p.startsWith('<') ? p : `<p>${p}</p>`)).join('\n');
}

export function demoDocument(now: Date): { doc: ImportDocument; pictures: Picture[] } {
  const pictures: Picture[] = [];
  const picture = (file: string, svg: string, width: number, height: number) => {
    const p = { file, svg, width, height };
    pictures.push(p);
    return p;
  };

  const people = DEMO_PEOPLE.map((p) => {
    const svg = portraitSvg(p.slug, p.photoTheme);
    const photo = picture(`demo/people/${p.slug}-${shortHash(svg)}.jpg`, svg, 480, 480);
    const alt = p.lang === 'fr' ? `Portrait illustré de ${p.name}` : `Illustrated portrait of ${p.name}`;
    return { key: p.key, slug: p.slug, name: p.name, bio: p.bio, links: p.links, photo: imageRef(photo, alt, 'Relais demo') };
  });

  // A translation or republication keeps its source's picture, as an editor would.
  const byKey = new Map(DEMO_ARTICLES.map((a) => [a.key, a]));
  const pictureOf = new Map<string, Picture>();
  const pictureFor = (a: DemoArticle): Picture => {
    const source = a.translationOf ?? a.republicationOf;
    if (source && byKey.has(source)) return pictureFor(byKey.get(source)!);
    if (!pictureOf.has(a.key)) {
      const svg = articleSvg(a.key, a.art);
      pictureOf.set(a.key, picture(`demo/${a.language}/${demoSlug(a)}-${shortHash(svg)}.jpg`, svg, 1200, 675));
    }
    return pictureOf.get(a.key)!;
  };

  const articles: ImportArticle[] = DEMO_ARTICLES.map((a) => {
    const slug = demoSlug(a);
    const art = pictureFor(a);
    const credit = a.language === 'fr' ? 'Relais (démo)' : 'Relais demo';
    const out: ImportArticle = {
      key: a.key,
      slug,
      language: a.language,
      title: a.title,
      summary: a.summary,
      bodyHtml: body(a.body),
      image: imageRef(art, a.artAlt, credit),
      sections: a.sections,
      tags: a.tags,
      authors: a.authors ?? [],
      translators: a.translators ?? [],
      status: a.status ?? 'published',
      publishedAt: a.status === 'draft' ? null : timeAgo(now, a.daysAgo, a.key),
      canonicalPolicy: a.canonicalPolicy ?? 'self',
    };
    if (a.translationOf || a.republicationOf || a.original || a.via || a.licence) {
      out.provenance = {
        translationOf: a.translationOf,
        republicationOf: a.republicationOf,
        original: a.original
          ? {
              url: a.original.url,
              title: a.original.title,
              outlet: a.original.outlet,
              authorNames: a.original.authorNames,
              language: a.original.language,
              publishedAt: timeAgo(now, a.original.daysAgo, a.key + ':original'),
            }
          : undefined,
        via: a.via ?? null,
        licence: a.licence ?? null,
      };
    }
    return out;
  });

  return { doc: { sections: DEMO_SECTIONS, people, outlets: DEMO_OUTLETS, articles }, pictures };
}
