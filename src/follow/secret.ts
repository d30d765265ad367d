// The site's long-lived signing secret for tokens that must verify in any process and after a restart
// (the kit's placement tokens, the copy tokens): 32 random bytes kept in the settings table, made on first
// use. The first writer wins when two processes start at once.
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/db.ts';

const KEY = 'follow.signing-secret';
const secrets = new WeakMap<Store, Promise<Buffer>>();

async function load(store: Store): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64url');
  await store.db
    .insertInto('settings')
    .values({ key: KEY, value_json: JSON.stringify(fresh) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await store.db.selectFrom('settings').select('value_json').where('key', '=', KEY).executeTakeFirstOrThrow();
  return Buffer.from(JSON.parse(row.value_json) as string, 'base64url');
}

export function signingSecret(store: Store): Promise<Buffer> {
  let s = secrets.get(store);
  if (!s) {
    s = load(store);
    s.catch(() => secrets.delete(store));
    secrets.set(store, s);
  }
  return s;
}
