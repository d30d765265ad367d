// What `relais copies match` and POST /api/copies/match answer: the copies Relais would report for a
// text or page, best first, with each article's address. Machine translation is used when configured.
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import { createFetcher } from '../ingest/fetch/index.ts';
import { machineProvider } from '../translate/machine/provider.ts';
import { findCopies, type CopyMatch } from './match.ts';
import { suspectOf, type Suspect } from './suspect.ts';
import { translateSuspect } from './translated.ts';

export interface ReportedMatch {
  articleId: number;
  url: string;
  similarity: number;
  language: string | null;
  /** 'original' when what is copied is the outside original the article was imported from. */
  kind: 'article' | 'original';
  crossLanguage: boolean;
}

/** Bodies above this many characters are refused (a page is far smaller). */
export const MAX_MATCH_CHARS = 5_000_000;

async function viaMachine(ctx: AppContext, s: Suspect): Promise<CopyMatch[]> {
  const provider = machineProvider();
  if (!provider || !s.language) return [];
  const own = !ctx.fetcher;
  const fetcher = ctx.fetcher ?? createFetcher({ timeoutMs: 30_000 });
  try {
    const out: CopyMatch[] = [];
    for (const to of ctx.site.languages.filter((l) => l !== s.language)) {
      const t = await translateSuspect(provider, fetcher, s, to);
      if (t) for (const m of await findCopies(ctx.store.db, t)) out.push({ ...m, crossLanguage: true });
    }
    return out;
  } finally {
    if (own) await fetcher.close();
  }
}

export async function matchForReport(ctx: AppContext, input: { html?: unknown; text?: unknown; url?: unknown }): Promise<ReportedMatch[]> {
  const html = typeof input.html === 'string' ? input.html : null;
  const text = typeof input.text === 'string' ? input.text : null;
  const url = typeof input.url === 'string' && input.url ? input.url : null;
  if (!html?.trim() && !text?.trim()) throw new InputError('give the page as html or the text as text', 'text');
  if ((html ?? text)!.length > MAX_MATCH_CHARS) throw new InputError(`the page is over ${MAX_MATCH_CHARS} characters`, html ? 'html' : 'text', 413);
  const s = suspectOf({ html, text, url });
  const best = new Map<number, CopyMatch>();
  for (const m of [...(await findCopies(ctx.store.db, s)), ...(await viaMachine(ctx, s))]) {
    const prev = best.get(m.articleId);
    if (!prev || m.similarity > prev.similarity) best.set(m.articleId, m);
  }
  return [...best.values()]
    .sort((a, b) => b.similarity - a.similarity || a.articleId - b.articleId)
    .map((m) => ({
      articleId: m.articleId,
      url: urls.article(ctx.site, { language: m.articleLanguage, slug: m.slug }),
      similarity: m.similarity,
      language: m.language,
      kind: m.kind,
      crossLanguage: m.crossLanguage,
    }));
}
