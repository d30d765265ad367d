// What an article page shows of its webmentions: the verified and approved ones, with only http(s) links,
// and a mark that changes whenever that set (or what is shown of it) changes, for the page cache: the list is
// part of the signed page, so a moderation rebuilds and re-signs the pages it changes.
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../store/schema.ts';
import { approvedWebmentions } from './moderation.ts';

export interface PageMention {
  source: string;
  title: string | null;
  author: { name: string | null; url: string | null };
  published: string | null;
}

function httpOnly(v: string | null): string | null {
  if (!v) return null;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export async function pageMentions(ctx: AppContext, articleId: number): Promise<PageMention[]> {
  const rows = await approvedWebmentions(ctx, articleId);
  return rows.flatMap((m) => {
    const source = httpOnly(m.source);
    if (!source) return [];
    return [{ source, title: m.title, author: { name: m.author.name, url: httpOnly(m.author.url) }, published: m.published }];
  });
}

/** Count, sum of ids and latest verification of the shown mentions: an approval, a withdrawal, a removal or a re-verification changes it. */
export async function shownMentionsMark(db: Kysely<Database>): Promise<string> {
  const r = await db
    .selectFrom('webmentions')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('id').as('ids'), eb.fn.max('verified_at').as('at')])
    .where('verification', '=', 'verified')
    .where('moderation', '=', 'approved')
    .executeTakeFirst();
  return `${Number(r?.n ?? 0)}#${Number(r?.ids ?? 0)}#${(r?.at as string | null | undefined) ?? '-'}`;
}
