// POST /api/imports: one article from a URL, from HTML the caller has, or from pasted text.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import { importFromHtml, importFromPaste, importFromUrl, type ImportOutcome } from '../ingest/import/index.ts';
import { fetcherFor } from './fetcher.ts';
import { actorOf } from './auth.ts';

interface ImportBody {
  url?: string;
  html?: string;
  text?: string;
  update?: boolean;
}

/** 201 created, 200 updated, 409 already imported (with the existing article's id). */
export function sendOutcome<T extends ImportOutcome>(reply: FastifyReply, o: T): unknown {
  if (o.kind === 'exists') {
    const { reason, ...rest } = o;
    return reply.code(409).send({
      error: `already imported as article #${o.article.id} (${reason}); send "update": true to refresh the draft`,
      field: null,
      articleId: o.article.id,
      reason,
      ...rest,
    });
  }
  if (o.kind === 'created') reply.code(201).header('location', `/api/articles/${o.article.id}`);
  return reply.send({ ...o, articleId: o.article.id });
}

/** The address saved HTML came from: optional, but an absolute http(s) URL when given. */
function pageUrl(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  let u: URL | null = null;
  try {
    u = new URL(raw.trim());
  } catch {
    u = null;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) throw new InputError(`url must be an absolute http(s) URL, not ${JSON.stringify(raw.slice(0, 200))}`, 'url');
  return u.href;
}

export async function postImport(ctx: AppContext, req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const b = req.body as ImportBody;
  const given = (['html', 'text'] as const).filter((k) => b[k] !== undefined);
  if (given.length > 1 || (b.text !== undefined && b.url !== undefined))
    throw new InputError('give one source: "url", "html" (with an optional "url"), or "text"', given[1] ?? 'url');
  const opts = { update: b.update === true, actor: actorOf(req), fetcher: fetcherFor(ctx) };
  if (b.html !== undefined) return sendOutcome(reply, await importFromHtml(ctx, b.html, pageUrl(b.url), opts));
  if (b.text !== undefined) return sendOutcome(reply, await importFromPaste(ctx, b.text, opts));
  if (!b.url?.trim()) throw new InputError('"url", "html" or "text" is required', 'url');
  const url = b.url.trim();
  const fetcher = fetcherFor(ctx);
  // A URL the fetch policy refuses outright is bad input (400); what fails on the network is a 502.
  const check = fetcher.checkUrl(url);
  if (!check.ok) throw new InputError(`Import of ${url.slice(0, 300)} failed: the URL is refused (${check.reason})`, 'url');
  return sendOutcome(reply, await importFromUrl(ctx, fetcher, url, opts));
}
