// The audit log: who did what, when (sign-ins, role changes, publish, unpublish, delete...). Append-only.
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { AuditEntry } from '../domain/accounts.ts';
import type { Page } from '../domain/types.ts';

type Db = Kysely<Database>;

export interface AuditInput {
  at: string;
  userId: number | null;
  actor: string;
  action: string;
  target: string | null;
  detail?: object;
}

export async function recordAudit(db: Db, e: AuditInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at: e.at, user_id: e.userId, actor: e.actor, action: e.action, target: e.target, detail_json: JSON.stringify(e.detail ?? {}) })
    .execute();
}

export async function listAudit(db: Db, opts: { page: number; pageSize: number; action?: string; userId?: number }): Promise<Page<AuditEntry>> {
  let q = db.selectFrom('audit_log');
  if (opts.action) q = q.where('action', '=', opts.action);
  if (opts.userId != null) q = q.where('user_id', '=', opts.userId);
  const total = Number((await q.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  const items = rows.map((r) => ({ id: r.id, at: r.at, userId: r.user_id, actor: r.actor, action: r.action, target: r.target, detail: JSON.parse(r.detail_json) }));
  return { items, page: opts.page, pageSize: opts.pageSize, total };
}
