// Notices of the translation workflow: a row per recipient inside the newsroom, and an e-mail when SMTP
// is configured (RELAIS_SMTP_URL=smtp://host:port, RELAIS_SMTP_FROM). Mail goes out after the transaction
// that wrote the notices commits; a mail that fails is logged and the notice stays in the newsroom.
import type { AppContext } from '../context.ts';
import { insertNotices } from '../store/notices.ts';
import { reviewerIdsOf } from '../store/reviewers.ts';
import { sendMail, smtpTarget } from './smtp.ts';

export interface PendingMail {
  send(): Promise<void>;
}

export async function notify(ctx: AppContext, userIds: number[], kind: string, articleId: number | null, text: string, env: NodeJS.ProcessEnv = process.env): Promise<PendingMail> {
  const ids = [...new Set(userIds)];
  const now = ctx.now().toISOString();
  await insertNotices(ctx.store.db, ids.map((user_id) => ({ user_id, kind, article_id: articleId, text, created_at: now })));
  const target = smtpTarget(env.RELAIS_SMTP_URL);
  if (!target || !ids.length) return { send: async () => {} };
  const users = await ctx.store.db.selectFrom('users').select(['email']).where('id', 'in', ids).where('status', '=', 'active').execute();
  const from = env.RELAIS_SMTP_FROM?.trim() || `relais@${new URL(ctx.site.baseUrl).hostname}`;
  const link = articleId != null ? `\n\n${ctx.site.baseUrl}/newsroom/translations/${articleId}` : '';
  return {
    async send() {
      if (!users.length) return;
      try {
        await sendMail(target, { from, to: users.map((u) => u.email), subject: `[${ctx.site.name}] ${text.slice(0, 120)}`, text: `${text}${link}\n` }, ctx.now());
      } catch (err) {
        console.error(`relais: notice e-mail not sent (${(err as Error).message})`);
      }
    },
  };
}

/** Active editors and owners: who reviews every pair and publishes. */
export async function editors(ctx: AppContext): Promise<number[]> {
  const rows = await ctx.store.db.selectFrom('users').select('id').where('role', 'in', ['editor', 'owner']).where('status', '=', 'active').execute();
  return rows.map((r) => r.id);
}

/** Who is told that a translation waits for review: the editors and owners, and the pair's named reviewers. */
export async function reviewersOf(ctx: AppContext, t: { source_language: string; target_language: string }): Promise<number[]> {
  return [...(await editors(ctx)), ...(await reviewerIdsOf(ctx.store.db, t.source_language, t.target_language))];
}
