// Imports a JSON document of sections, people, outlets and articles in the API's shapes, all or nothing.
// Items refer to each other by key: people by `key` or slug, outlets by `key` or home URL, sections by slug,
// articles by `key`. Everything is checked first; then the publish operations run inside one transaction,
// which rolls back on the first error, so a bad file changes nothing.
import type { AppContext } from '../context.ts';
import {
  InputError,
  NotFoundError,
  type ArticleInput,
  type OriginalRef,
  type OutletInput,
  type PersonInput,
  type Provenance,
  type SectionInput,
} from '../domain/types.ts';
import { createArticle } from '../publish/articles.ts';
import { createPerson } from '../publish/people.ts';
import { ensureOutlet } from '../publish/outlets.ts';
import { createSection } from '../publish/sections.ts';
import { slugify } from '../publish/slug.ts';
import { findPersonBySlug } from '../store/people.ts';
import { findOutletByHomeUrl } from '../store/outlets.ts';
import { findSectionBySlug } from '../store/sections.ts';
import { withTransaction } from './transaction.ts';

export interface ImportPerson extends PersonInput {
  key?: string;
}
export interface ImportOutlet extends OutletInput {
  key?: string;
}
export interface ImportOriginal extends Partial<OriginalRef> {
  /** Key or home URL of an outlet (of this file or already stored), instead of outletId. */
  outlet?: string;
}
export interface ImportProvenance extends Partial<Omit<Provenance, 'original'>> {
  original?: ImportOriginal | null;
  /** Key of an article of this file, instead of translationOfId. */
  translationOf?: string;
  republicationOf?: string;
}
export interface ImportArticle extends Omit<ArticleInput, 'provenance'> {
  key?: string;
  /** Keys or slugs of people, added to authorIds / translatorIds. */
  authors?: string[];
  translators?: string[];
  provenance?: ImportProvenance;
}
export interface ImportDocument {
  sections?: SectionInput[];
  people?: ImportPerson[];
  outlets?: ImportOutlet[];
  articles?: ImportArticle[];
}

export interface ImportSummary {
  sections: number;
  people: number;
  outlets: number;
  articles: number;
  /** Ids of the created articles, by key (articles with a key only). */
  articleIds: Record<string, number>;
}

export class ImportError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`);
    this.name = 'ImportError';
    this.problems = problems;
  }
}

/** A checked document, with the order in which its articles can be created (sources before their derivatives). */
export interface ImportPlan {
  doc: ImportDocument;
  articleOrder: number[];
}

const TOP_KEYS = ['sections', 'people', 'outlets', 'articles'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function where(kind: string, i: number, item: { key?: unknown }): string {
  return typeof item.key === 'string' ? `${kind}[${i}] (key "${item.key}")` : `${kind}[${i}]`;
}

/** Checks the document's shape and references without writing anything. Throws ImportError listing every problem. */
export async function checkDocument(ctx: AppContext, raw: unknown): Promise<ImportPlan> {
  const problems: string[] = [];
  if (!isObject(raw)) throw new ImportError(['the file must hold a JSON object with sections, people, outlets and articles']);
  for (const k of Object.keys(raw)) if (!TOP_KEYS.includes(k)) problems.push(`unknown top-level field "${k}" (expected ${TOP_KEYS.join(', ')})`);
  const lists: Record<string, Record<string, unknown>[]> = {};
  for (const k of TOP_KEYS) {
    const v = raw[k];
    if (v === undefined) lists[k] = [];
    else if (!Array.isArray(v)) {
      problems.push(`${k} must be an array`);
      lists[k] = [];
    } else {
      lists[k] = v.filter((item, i) => isObject(item) || (problems.push(`${k}[${i}] must be an object`), false)) as Record<string, unknown>[];
    }
  }
  if (problems.length) throw new ImportError(problems);
  const doc = raw as ImportDocument;

  const unique = (kind: string, names: Array<[string | null, number, Record<string, unknown>]>): Set<string> => {
    const seen = new Set<string>();
    for (const [name, i, item] of names) {
      if (name == null) continue;
      if (seen.has(name)) problems.push(`${where(kind, i, item)}: "${name}" appears twice in ${kind}`);
      seen.add(name);
    }
    return seen;
  };
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const sectionSlugs = unique('sections', lists.sections.map((s, i) => [str(s.slug) ?? (str(s.name) ? slugify(String(s.name), 40) : null), i, s]));
  const personKeys = unique('people', lists.people.map((p, i) => [str(p.key), i, p]));
  const personSlugs = unique('people', lists.people.map((p, i) => [str(p.slug), i, p]));
  for (const [i, p] of lists.people.entries()) {
    const key = str(p.key);
    if (key && personSlugs.has(key) && str(p.slug) !== key) problems.push(`${where('people', i, p)}: key "${key}" is another person's slug`);
  }
  const personRefs = new Set([...personKeys, ...personSlugs]);
  const outletRefs = unique('outlets', lists.outlets.map((o, i) => [str(o.key), i, o]));
  for (const o of lists.outlets) if (str(o.homeUrl)) outletRefs.add(String(o.homeUrl));
  const articleKeys = unique('articles', lists.articles.map((a, i) => [str(a.key), i, a]));
  const keyIndex = new Map(lists.articles.map((a, i) => [str(a.key), i] as const).filter(([k]) => k != null) as Array<[string, number]>);

  const stored = new Map<string, boolean>();
  const existsInStore = async (kind: string, ref: string, find: () => Promise<unknown>) => {
    const k = `${kind}:${ref}`;
    if (!stored.has(k)) stored.set(k, (await find()) != null);
    return stored.get(k)!;
  };

  const deps = new Map<number, number[]>();
  for (const [i, a] of lists.articles.entries()) {
    const at = where('articles', i, a);
    for (const role of ['authors', 'translators'] as const) {
      const refs = a[role];
      if (refs === undefined) continue;
      if (!Array.isArray(refs) || refs.some((r) => typeof r !== 'string')) {
        problems.push(`${at}: ${role} must be an array of people keys or slugs`);
        continue;
      }
      for (const ref of refs as string[])
        if (!personRefs.has(ref) && !(await existsInStore('person', ref, () => findPersonBySlug(ctx.store.db, ref))))
          problems.push(`${at}: ${role} names "${ref}", which is neither a person of this file nor a stored person's slug`);
    }
    if (a.sections !== undefined) {
      if (!Array.isArray(a.sections) || a.sections.some((r) => typeof r !== 'string')) problems.push(`${at}: sections must be an array of section slugs`);
      else
        for (const slug of a.sections as string[])
          if (!sectionSlugs.has(slug) && !(await existsInStore('section', slug, () => findSectionBySlug(ctx.store.db, slug))))
            problems.push(`${at}: section "${slug}" is neither in this file nor stored`);
    }
    const p = a.provenance;
    if (p === undefined || p === null) continue;
    if (!isObject(p)) {
      problems.push(`${at}: provenance must be an object`);
      continue;
    }
    const orig = p.original;
    if (isObject(orig) && orig.outlet !== undefined) {
      const ref = orig.outlet;
      if (typeof ref !== 'string') problems.push(`${at}: provenance.original.outlet must be an outlet key or home URL`);
      else if (!outletRefs.has(ref) && !(await existsInStore('outlet', ref, () => findOutletByHomeUrl(ctx.store.db, ref))))
        problems.push(`${at}: provenance.original.outlet "${ref}" is neither an outlet of this file nor a stored outlet's home URL`);
    }
    const mine: number[] = [];
    for (const link of ['translationOf', 'republicationOf'] as const) {
      const ref = p[link];
      if (ref === undefined || ref === null) continue;
      if (typeof ref !== 'string' || !articleKeys.has(ref)) problems.push(`${at}: provenance.${link} "${String(ref)}" is not the key of an article of this file`);
      else mine.push(keyIndex.get(ref)!);
    }
    deps.set(i, mine);
  }

  // Sources first: a depth-first walk that also finds loops.
  const order: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (i: number, path: number[]): void => {
    if (state.get(i) === 'done') return;
    if (state.get(i) === 'visiting') {
      problems.push(`articles form a loop of translations/republications: ${[...path, i].map((j) => where('articles', j, lists.articles[j])).join(' → ')}`);
      return;
    }
    state.set(i, 'visiting');
    for (const d of deps.get(i) ?? []) visit(d, [...path, i]);
    state.set(i, 'done');
    order.push(i);
  };
  for (let i = 0; i < lists.articles.length; i++) visit(i, []);

  if (problems.length) throw new ImportError(problems);
  return { doc, articleOrder: order };
}

async function step<T>(at: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InputError) throw new ImportError([`${at}${err.field ? `, field ${err.field}` : ''}: ${err.message}`]);
    if (err instanceof NotFoundError) throw new ImportError([`${at}: ${err.message}`]);
    throw err;
  }
}

/** Writes a checked document through the publish operations. Call it inside withTransaction. */
export async function applyPlan(ctx: AppContext, plan: ImportPlan): Promise<ImportSummary> {
  const { doc } = plan;
  const people = new Map<string, number>();
  const outlets = new Map<string, number>();
  const articleIds: Record<string, number> = {};

  for (const [i, s] of (doc.sections ?? []).entries()) await step(where('sections', i, s as { key?: unknown }), () => createSection(ctx, s));
  for (const [i, p] of (doc.people ?? []).entries()) {
    const { key, ...input } = p;
    const created = await step(where('people', i, p), () => createPerson(ctx, input));
    if (key) people.set(key, created.id);
    people.set(created.slug, created.id);
  }
  for (const [i, o] of (doc.outlets ?? []).entries()) {
    const { key, ...input } = o;
    const outlet = await step(where('outlets', i, o), () => ensureOutlet(ctx, input));
    if (key) outlets.set(key, outlet.id);
    outlets.set(o.homeUrl, outlet.id);
  }

  const personId = async (ref: string) => people.get(ref) ?? (await findPersonBySlug(ctx.store.db, ref))!.id;
  const outletId = async (ref: string) => outlets.get(ref) ?? (await findOutletByHomeUrl(ctx.store.db, ref))!.id;
  const articles = doc.articles ?? [];
  for (const i of plan.articleOrder) {
    const a = articles[i];
    const { key, authors, translators, provenance, ...rest } = a;
    const input: ArticleInput = {
      ...rest,
      authorIds: [...(rest.authorIds ?? []), ...(await Promise.all((authors ?? []).map(personId)))],
      translatorIds: [...(rest.translatorIds ?? []), ...(await Promise.all((translators ?? []).map(personId)))],
    };
    if (provenance) {
      const { translationOf, republicationOf, original, ...p } = provenance;
      input.provenance = { ...p };
      if (original) {
        const { outlet, ...o } = original;
        input.provenance.original = { ...(o as OriginalRef), outletId: outlet ? await outletId(outlet) : (o.outletId ?? null) };
      } else if (original === null) input.provenance.original = null;
      if (translationOf) input.provenance.translationOfId = articleIds[translationOf];
      if (republicationOf) input.provenance.republicationOfId = articleIds[republicationOf];
    }
    // An archive imported today keeps its own dates: created and last updated when it was published.
    const published = typeof input.publishedAt === 'string' ? new Date(input.publishedAt) : null;
    const actx = published && published.getTime() < ctx.now().getTime() ? { ...ctx, now: () => published } : ctx;
    const created = await step(where('articles', i, a), () => createArticle(actx, input, { kind: 'system', name: 'cli' }, { kind: 'import' }));
    if (key) articleIds[key] = created.id;
  }
  return {
    sections: doc.sections?.length ?? 0,
    people: doc.people?.length ?? 0,
    outlets: doc.outlets?.length ?? 0,
    articles: articles.length,
    articleIds,
  };
}

/** Checks, then writes the whole document in one transaction. Throws ImportError and changes nothing on any problem. */
export async function importDocument(ctx: AppContext, raw: unknown): Promise<ImportSummary> {
  const plan = await checkDocument(ctx, raw);
  return withTransaction(ctx, (tx) => applyPlan(tx, plan));
}
