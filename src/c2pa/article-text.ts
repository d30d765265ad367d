// An article's plain-text form as it leaves Relais whole (API text, `relais export --text`): title, byline,
// address, body, source and licence, signed with the text wrapper when the site has Content Credentials.
import type { AppContext } from '../context.ts';
import type { Article } from '../domain/types.ts';
import { InputError } from '../domain/types.ts';
import { urls } from '../domain/urls.ts';
import { resolveCredits, type Credits } from '../provenance/credits.ts';
import { htmlToText } from '../publish/sanitize.ts';
import { findArticleById } from '../store/articles.ts';
import { articleSpec } from './article-spec.ts';
import { hasManifest } from './manifest-url.ts';

export function articlePlainText(ctx: AppContext, a: Article, c: Credits): string {
  const lines = [a.title, ''];
  const by = c.authorNames.join(', ');
  const tr = c.translators.map((p) => p.name).join(', ');
  if (by || tr) lines.push([by && `By ${by}`, tr && `translated by ${tr}`].filter(Boolean).join(' · '));
  lines.push(urls.article(ctx.site, a), '', htmlToText(a.bodyHtml).trim(), '');
  if (c.source) lines.push(`Source: ${[c.source.title, c.source.outletName].filter(Boolean).join(' — ')}${c.source.url ? ` <${c.source.url}>` : ''}`);
  if (c.licence) lines.push(`Licence: ${c.licence}`);
  lines.push(`Published by ${ctx.site.name}`);
  return lines.join('\n') + '\n';
}

/** The text of an article, with its manifest wrapper when the site signs and readers can see it. */
export async function signedArticleText(ctx: AppContext, id: number, depth = 0): Promise<{ text: string; store: Uint8Array | null }> {
  const a = await findArticleById(ctx.store.db, id);
  if (!a) throw new InputError(`no article with id ${id}`);
  const credits = await resolveCredits(ctx.store.db, ctx.site, a);
  const text = articlePlainText(ctx, a, credits);
  const cred = ctx.credentials;
  if (!cred || !hasManifest(ctx, a)) return { text, store: null };
  // Each earlier hop enters as the text form's own manifest (a chain has at most 20 hops).
  const parentStore = async (pid: number) => (depth < 20 ? (await signedArticleText(ctx, pid, depth + 1)).store : null);
  return cred.signText(a.id, text, () => articleSpec(ctx, a, credits, { format: 'text/plain', anchors: cred.anchors, parentStore }));
}
