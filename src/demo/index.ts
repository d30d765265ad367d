// The demo content: sample sections, people, outlets and articles (fr and en, translations, one full chain),
// with pictures drawn at init time. Used by `relais init-demo` and `relais serve --demo`.
import type { AppContext } from '../context.ts';
import { applyPlan, checkDocument } from '../cli/importer.ts';
import { withTransaction } from '../cli/transaction.ts';
import { DEMO_ARTICLES, demoDocument, demoSlug } from './document.ts';
import { DEMO_OUTLETS, DEMO_PEOPLE, DEMO_SECTIONS } from './content/cast.ts';
import { renderPictures } from './images.ts';

export interface DemoSummary {
  sections: number;
  people: number;
  outlets: number;
  articles: number;
  byLanguage: Record<string, number>;
  drafts: number;
  scheduled: number;
  pictures: number;
  /** Pictures drawn this time (the others were already in the media folder). */
  drawn: number;
}

export class DemoPresentError extends Error {
  constructor() {
    super('the demo content is already in the database; use --force to replace it');
    this.name = 'DemoPresentError';
  }
}

/** True when any demo item (article, person, section or outlet) is stored. */
export async function hasDemoContent(ctx: AppContext): Promise<boolean> {
  const db = ctx.store.db;
  const probes = await Promise.all([
    db.selectFrom('sections').select('id').where('slug', 'in', DEMO_SECTIONS.map((s) => s.slug!)).executeTakeFirst(),
    db.selectFrom('people').select('id').where('slug', 'in', DEMO_PEOPLE.map((p) => p.slug)).executeTakeFirst(),
    db.selectFrom('outlets').select('id').where('home_url', 'in', DEMO_OUTLETS.map((o) => o.homeUrl)).executeTakeFirst(),
    db
      .selectFrom('articles')
      .select('id')
      .where((eb) => eb.or(DEMO_ARTICLES.map((a) => eb.and([eb('language', '=', a.language), eb('slug', '=', demoSlug(a))]))))
      .executeTakeFirst(),
  ]);
  return probes.some((p) => p != null);
}

/** Deletes the demo items (and, by cascade, their links and counters). Other content stays. */
async function wipeDemo(ctx: AppContext): Promise<void> {
  const db = ctx.store.db;
  await db
    .deleteFrom('articles')
    .where((eb) => eb.or(DEMO_ARTICLES.map((a) => eb.and([eb('language', '=', a.language), eb('slug', '=', demoSlug(a))]))))
    .execute();
  await db.deleteFrom('people').where('slug', 'in', DEMO_PEOPLE.map((p) => p.slug)).execute();
  await db.deleteFrom('sections').where('slug', 'in', DEMO_SECTIONS.map((s) => s.slug!)).execute();
  await db.deleteFrom('outlets').where('home_url', 'in', DEMO_OUTLETS.map((o) => o.homeUrl)).execute();
}

/**
 * Adds the demo content in one transaction. Refuses (DemoPresentError) when some of it is already there,
 * unless `force`, which replaces the demo items and leaves everything else alone.
 */
export async function initDemo(ctx: AppContext, opts: { force?: boolean } = {}): Promise<DemoSummary> {
  if (!opts.force && (await hasDemoContent(ctx))) throw new DemoPresentError();
  const { doc, pictures } = demoDocument(ctx.now());
  const drawn = await renderPictures(ctx.mediaDir, pictures);
  const plan = await checkDocument(ctx, doc);
  await withTransaction(ctx, async (tx) => {
    if (opts.force) await wipeDemo(tx);
    await applyPlan(tx, plan);
  });
  const articles = doc.articles ?? [];
  const byLanguage: Record<string, number> = {};
  for (const a of articles) byLanguage[a.language] = (byLanguage[a.language] ?? 0) + 1;
  return {
    sections: doc.sections?.length ?? 0,
    people: doc.people?.length ?? 0,
    outlets: doc.outlets?.length ?? 0,
    articles: articles.length,
    byLanguage,
    drafts: articles.filter((a) => a.status === 'draft').length,
    scheduled: articles.filter((a) => a.status === 'scheduled').length,
    pictures: pictures.length,
    drawn,
  };
}

/** For `serve --demo`: fills the demo content only when the database has no article at all. */
export async function fillDemoIfEmpty(ctx: AppContext): Promise<DemoSummary | null> {
  const any = await ctx.store.db.selectFrom('articles').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  if (await hasDemoContent(ctx)) return null;
  return initDemo(ctx);
}
