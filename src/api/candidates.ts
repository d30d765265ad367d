// Import candidates (entries seen in subscribed feeds): list, import as a draft, dismiss.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { dismissCandidate, importCandidate } from '../ingest/import/index.ts';
import { countCandidates, getCandidate, listCandidates, type CandidateState, type ImportCandidate } from '../ingest/subscriptions/index.ts';
import { fetcherFor } from './fetcher.ts';
import { sendOutcome } from './imports.ts';

type IdReq = FastifyRequest<{ Params: { id: number } }>;

export async function listCandidatesHandler(ctx: AppContext, req: FastifyRequest): Promise<{ items: ImportCandidate[]; counts: Record<CandidateState, number> }> {
  const q = req.query as { state?: CandidateState; feed?: number; limit: number; before?: number };
  const items = await listCandidates(ctx, { state: q.state, feedId: q.feed, limit: q.limit, beforeId: q.before });
  return { items, counts: await countCandidates(ctx, q.feed) };
}

export async function getCandidateHandler(ctx: AppContext, req: IdReq): Promise<ImportCandidate> {
  return getCandidate(ctx, req.params.id);
}

/** Same answers as POST /api/imports, plus where the text came from (`from`) and why (`note`). */
export async function postImportCandidate(ctx: AppContext, req: IdReq, reply: FastifyReply): Promise<unknown> {
  const update = (req.body as { update?: boolean } | null)?.update === true;
  return sendOutcome(reply, await importCandidate(ctx, fetcherFor(ctx), req.params.id, { update }));
}

export async function postDismiss(ctx: AppContext, req: IdReq): Promise<ImportCandidate> {
  return dismissCandidate(ctx, req.params.id);
}
