// bench:copies part 2: recall and precision of `findCopies` on copies of real article bodies
// (ground-truth.json of the shared extraction corpus) and across languages on the Debian Reference.
import { existsSync, readFileSync } from 'node:fs';
import type { Store } from '../src/store/db.ts';
import { indexArticleCopy } from '../src/copies/index-doc.ts';
import { findCopies } from '../src/copies/match.ts';
import { suspectOf } from '../src/copies/suspect.ts';
import { copiesOf, inChrome, paragraphsOf, rng, excerpt, type CopyCase } from './copies-set.ts';
import { alignedSections } from './copies-debian.ts';
import { signatureOf } from '../src/copies/signature.ts';
import { copyTextOf } from '../src/copies/text.ts';
import { overlap } from '../src/copies/verify.ts';
import { guessLanguage } from '../src/ingest/paste/language.ts';

export const GROUND_TRUTH = new URL('../../shared/corpora/article-extraction/ground-truth.json', import.meta.url).pathname;

const esc = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

async function addArticle(store: Store, language: string, title: string, paragraphs: string[], n: number): Promise<number> {
  const now = new Date().toISOString();
  const bodyHtml = paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  const { id } = await store.db
    .insertInto('articles')
    .values({ slug: `bench-${n}`, language, title, summary: '', body_html: bodyHtml, status: 'published', published_at: now, updated_at: now, created_at: now, canonical_policy: 'self', created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await indexArticleCopy(store.db, { id, language, status: 'published', bodyHtml });
  return id;
}

export interface Score {
  positives: number;
  negatives: number;
  tp: number;
  fp: number;
  fn: number;
  byKind: Record<string, { n: number; found: number }>;
  misses: string[];
  falsePositives: string[];
}

async function score(store: Store, cases: CopyCase[]): Promise<Score> {
  const s: Score = { positives: 0, negatives: 0, tp: 0, fp: 0, fn: 0, byKind: {}, misses: [], falsePositives: [] };
  for (const c of cases) {
    const matches = await findCopies(store.db, suspectOf(c));
    const k = (s.byKind[c.transformation] ??= { n: 0, found: 0 });
    k.n++;
    if (c.target != null) {
      s.positives++;
      if (matches.some((m) => m.articleId === c.target)) {
        s.tp++;
        k.found++;
      } else {
        s.fn++;
        s.misses.push(c.name);
      }
    } else s.negatives++;
    for (const m of matches) if (m.articleId !== c.target) {
      s.fp++;
      if (c.target == null) k.found++;
      s.falsePositives.push(`${c.name} → #${m.articleId} (${m.similarity})`);
    }
  }
  return s;
}

/** Half the corpus bodies indexed, every transformation of each; the other half transformed as negatives. */
export async function corpusQuality(store: Store): Promise<Score | null> {
  if (!existsSync(GROUND_TRUTH)) return null;
  const truth = JSON.parse(readFileSync(GROUND_TRUTH, 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const bodies = Object.entries(truth).sort(([a], [b]) => a.localeCompare(b)).map(([key, v]) => ({ key, body: v.articleBody, title: v.articleBody.split(/\s+/).slice(0, 8).join(' ') }));
  const cases: CopyCase[] = [];
  const rand = rng(7);
  const teaserFrom = () => Array.from({ length: 4 }, () => bodies[Math.floor(rand() * bodies.length)].body);
  let n = 0;
  for (const [i, b] of bodies.entries()) {
    const indexed = i % 2 === 0;
    const target = indexed ? await addArticle(store, 'en', b.title, paragraphsOf(b.body), n++) : null;
    for (const c of copiesOf(b.body, b.title, teaserFrom(), 1000 + i))
      cases.push({ name: `${b.key.slice(0, 8)}/${c.transformation}`, transformation: target ? c.transformation : 'negative', target, html: c.html, text: c.text });
  }
  return score(store, cases);
}

export interface DebianScore extends Score {
  sections: number;
  translated: number;
}

/**
 * Half the English sections indexed (as English articles); suspects are the French sections, found when
 * their English section is indexed, negatives otherwise — same manual, same topic. Only sections that are
 * really translated count (the French edition leaves some paragraphs in English).
 */
export async function debianQuality(store: Store): Promise<DebianScore | null> {
  const all = alignedSections();
  if (all.length === 0) return null;
  const translated = all.filter((s) => {
    if (guessLanguage(s.fr) !== 'fr') return false;
    const o = overlap(signatureOf(copyTextOf(s.en)), signatureOf(copyTextOf(s.fr)));
    return o.ofSuspect < 0.2;
  });
  const cases: CopyCase[] = [];
  let n = 100_000;
  for (const [i, s] of translated.entries()) {
    const target = i % 2 === 0 ? await addArticle(store, 'en', s.id, paragraphsOf(s.en), n++) : null;
    const fr = paragraphsOf(s.fr);
    cases.push({ name: `${s.id} fr`, transformation: target ? 'chrome' : 'negative', target, html: inChrome(fr, fr[0], [], rng(i)).replace('lang="en"', 'lang="fr"') });
    cases.push({ name: `${s.id} fr excerpt`, transformation: target ? 'excerpt' : 'negative', target, text: excerpt(fr) });
    // Same language, same manual: an English section not indexed must not match its neighbours.
    if (!target) cases.push({ name: `${s.id} en`, transformation: 'negative', target: null, text: s.en });
  }
  return { ...(await score(store, cases)), sections: all.length, translated: translated.length };
}

export function describe(label: string, s: Score): string {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const recall = s.positives ? s.tp / s.positives : 0;
  const kinds = Object.entries(s.byKind).map(([k, v]) => (k === 'negative' ? `negatives ${v.n} (${v.found} wrongly matched)` : `${k} ${v.found}/${v.n}`)).join(', ');
  return `${label}: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; ${kinds})`;
}
