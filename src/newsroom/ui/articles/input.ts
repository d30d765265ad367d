// What the editor saves: the editable fields of an article as an ArticleInput, and how two of them compare.
// Status and publication date are left out: they change only through publish, schedule, unpublish, submit.
import type { Article, ArticleInput } from '../../../domain/types.ts';

export function emptyInput(language: string): ArticleInput {
  return {
    slug: '', language, title: '', summary: '', bodyHtml: '', image: null, sectionIds: [], tags: [],
    canonicalUrl: null, canonicalPolicy: 'self', authorIds: [], translatorIds: [],
    provenance: { original: null, via: null, licence: null },
  };
}

export function inputOf(a: Article | ArticleInput): ArticleInput {
  return {
    slug: a.slug ?? '',
    language: a.language,
    title: a.title,
    summary: a.summary ?? '',
    bodyHtml: a.bodyHtml,
    image: a.image ?? null,
    sectionIds: [...(a.sectionIds ?? [])],
    tags: [...(a.tags ?? [])],
    canonicalUrl: a.canonicalUrl ?? null,
    canonicalPolicy: a.canonicalPolicy ?? 'self',
    authorIds: [...(a.authorIds ?? [])],
    translatorIds: [...(a.translatorIds ?? [])],
    provenance: {
      original: a.provenance?.original ?? null,
      via: a.provenance?.via ?? null,
      licence: a.provenance?.licence ?? null,
      ...(a.provenance?.translationOfId ? { translationOfId: a.provenance.translationOfId } : {}),
      ...(a.provenance?.republicationOfId ? { republicationOfId: a.provenance.republicationOfId } : {}),
    },
  };
}

/** Key order does not matter; list order does (sections and tags are kept in the order chosen). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]));
  return v;
}

export function sameInput(a: ArticleInput, b: ArticleInput): boolean {
  return JSON.stringify(canonical(inputOf(a))) === JSON.stringify(canonical(inputOf(b)));
}

/** The fields whose values differ, by name: the editor's own comparison when the server sends no diff. */
export function changedFields(a: ArticleInput, b: ArticleInput): string[] {
  const x = inputOf(a) as unknown as Record<string, unknown>;
  const y = inputOf(b) as unknown as Record<string, unknown>;
  return Object.keys(x).filter((k) => JSON.stringify(canonical(x[k])) !== JSON.stringify(canonical(y[k])));
}

/** "a, b ,, c" → ["a", "b", "c"]: names typed in one field, separated by commas. */
export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
