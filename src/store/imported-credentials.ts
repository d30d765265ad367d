// The manifest store an imported page carried and our verdict on it at import (migration-credentials.ts).
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

interface Tables {
  imported_credentials: { article_id: number; store_b64: string; status: string; summary: string; failures_json: string; checked_at: string };
}

export interface ImportedCredentials {
  store: Uint8Array;
  /** 'intact', 'untrusted', 'changed', 'signature-broken', 'malformed' (see c2pa/verify.ts). */
  status: string;
  summary: string;
  failures: string[];
  checkedAt: string;
}

const tables = (db: Kysely<Database>) => db as unknown as Kysely<Tables>;

export async function saveImportedCredentials(db: Kysely<Database>, articleId: number, c: ImportedCredentials): Promise<void> {
  const row = { article_id: articleId, store_b64: Buffer.from(c.store).toString('base64'), status: c.status, summary: c.summary, failures_json: JSON.stringify(c.failures), checked_at: c.checkedAt };
  await tables(db).insertInto('imported_credentials').values(row).onConflict((oc) => oc.column('article_id').doUpdateSet({ ...row })).execute();
}

export async function findImportedCredentials(db: Kysely<Database>, articleId: number): Promise<ImportedCredentials | null> {
  const r = await tables(db).selectFrom('imported_credentials').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  if (!r) return null;
  return { store: new Uint8Array(Buffer.from(r.store_b64, 'base64')), status: r.status, summary: r.summary, failures: JSON.parse(r.failures_json) as string[], checkedAt: r.checked_at };
}
