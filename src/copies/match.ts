// Finds what a suspect text copies: candidates from the index (the documents holding most of the
// suspect's keys), each verified exactly on its stored text, kept when the decision rule says copy.
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { articleOfDoc, findCopyDocs, kindOfDoc, lookupCopyKeys, type CopyDocKind } from '../store/copy-index.ts';
import { anchorPairHashes } from './anchors.ts';
import { anchorOrder } from './anchor-order.ts';
import { decide } from './decide.ts';
import { lookupKeysOf, signatureOf, type Signature } from './signature.ts';
import type { Suspect } from './suspect.ts';
import { copyTextOf, copyTextOfHtml } from './text.ts';
import { matchedPassages, overlap } from './verify.ts';

/** Candidates verified per suspect: the index ranks by shared keys, so a real copy is near the top. */
export const CANDIDATES = 12;

export interface CopyMatch {
  articleId: number;
  kind: CopyDocKind;
  /** The document's language (the article's, or the original's). */
  language: string | null;
  similarity: number;
  crossLanguage: boolean;
  passages: string[];
  slug: string;
  /** The article's language (its address is /<articleLanguage>/<slug>). */
  articleLanguage: string;
  title: string;
  status: string;
}

interface DocText {
  doc: number;
  articleId: number;
  language: string | null;
  slug: string;
  articleLanguage: string;
  title: string;
  status: string;
  sig: Signature;
}

async function loadDocs(db: Kysely<Database>, docs: number[]): Promise<DocText[]> {
  const info = await findCopyDocs(db, docs);
  const ids = [...new Set(info.map((d) => d.articleId))];
  if (ids.length === 0) return [];
  const articles = await db.selectFrom('articles').select(['id', 'slug', 'title', 'status', 'language', 'body_html']).where('id', 'in', ids).execute();
  const originalIds = info.filter((d) => kindOfDoc(d.doc) === 'original').map((d) => d.articleId);
  const originals = originalIds.length ? await db.selectFrom('originals').select(['article_id', 'text']).where('article_id', 'in', originalIds).execute() : [];
  const byId = new Map(articles.map((a) => [a.id, a]));
  const textOf = new Map(originals.map((o) => [o.article_id, o.text]));
  const out: DocText[] = [];
  for (const d of info) {
    const a = byId.get(d.articleId);
    if (!a) continue;
    const original = kindOfDoc(d.doc) === 'original';
    if (original && !textOf.has(d.articleId)) continue;
    const text = original ? copyTextOf(textOf.get(d.articleId)!) : copyTextOfHtml(a.body_html);
    out.push({ doc: d.doc, articleId: a.id, language: d.language, slug: a.slug, articleLanguage: a.language, title: a.title, status: a.status, sig: signatureOf(text) });
  }
  return out;
}

export interface MatchOptions {
  /** Articles whose documents are not reported (the suspect is their own page or their import). */
  excludeArticles?: ReadonlySet<number>;
}

/** The suspect's copies, best first, one per article (its article or its original, whichever is closer). */
export async function findCopies(db: Kysely<Database>, s: Suspect, opts: MatchOptions = {}): Promise<CopyMatch[]> {
  const ranked = (await lookupCopyKeys(db, lookupKeysOf(s.main, s.full), CANDIDATES * 2)).filter((c) => !opts.excludeArticles?.has(articleOfDoc(c.doc))).slice(0, CANDIDATES);
  const docs = await loadDocs(db, ranked.map((c) => c.doc));
  const best = new Map<number, CopyMatch>();
  for (const d of docs) {
    const cross = s.language != null && d.language != null && s.language !== d.language;
    const o = overlap(d.sig, s.main, s.full);
    const verdict = decide(o, cross ? anchorOrder(d.sig.anchors, s.main.anchors) : null);
    if (!verdict.copy) continue;
    const prev = best.get(d.articleId);
    if (prev && prev.similarity >= verdict.similarity) continue;
    best.set(d.articleId, {
      articleId: d.articleId,
      kind: kindOfDoc(d.doc),
      language: d.language,
      similarity: Math.round(verdict.similarity * 1000) / 1000,
      crossLanguage: verdict.crossLanguage,
      passages: verdict.crossLanguage ? [] : matchedPassages(d.sig, s.main),
      slug: d.slug,
      articleLanguage: d.articleLanguage,
      title: d.title,
      status: d.status,
    });
  }
  return [...best.values()].sort((a, b) => b.similarity - a.similarity || a.articleId - b.articleId);
}

