// A machine suggestion for one segment, kept on the segment (so accepting it can name its provider).
// Never required: off unless configured; a provider failure is a 502 with the provider's reason.
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../domain/accounts.ts';
import { InputError, NotFoundError } from '../../domain/types.ts';
import type { Fetcher } from '../../ingest/fetch/index.ts';
import { requireCan } from '../../publish/guard.ts';
import { findSegment, updateSegment } from '../../store/segments.ts';
import { placeholderProblem } from '../placeholders.ts';
import { markupOf } from '../views.ts';
import { loadTranslation } from '../workspace.ts';
import { machineProvider } from './provider.ts';
import { fromTagged, toTagged } from './tags.ts';

export interface MachineSuggestion {
  suggestion: string;
  provider: string;
  machine: true;
  /** Why the suggestion cannot be saved as is (a placeholder lost on the way), else null. */
  problem: string | null;
}

export async function suggestSegment(ctx: AppContext, fetcher: Fetcher, articleId: number, segmentId: number, actor: Actor, env: NodeJS.ProcessEnv = process.env): Promise<MachineSuggestion> {
  const provider = machineProvider(env);
  if (!provider) throw new InputError('machine translation is off (set RELAIS_MT=libretranslate|deepl, RELAIS_MT_URL and RELAIS_MT_KEY to offer it)', null, 409);
  const { t, article } = await loadTranslation(ctx, articleId);
  requireCan(actor, 'article.edit', article);
  const seg = await findSegment(ctx.store.db, articleId, segmentId);
  if (!seg) throw new NotFoundError(`article #${articleId} has no segment ${segmentId}`);
  let answer: string;
  try {
    [answer] = await provider.translate(fetcher, [toTagged(seg.source_text)], t.source_language, t.target_language);
  } catch (err) {
    throw new InputError(`${provider.name} could not translate the segment: ${(err as Error).message}`, null, 502);
  }
  const suggestion = fromTagged(answer);
  await updateSegment(ctx.store.db, seg.id, { mt_suggestion: suggestion, mt_provider: provider.name });
  return { suggestion, provider: provider.name, machine: true, problem: placeholderProblem(suggestion, markupOf(seg)) };
}
