// Test helper process: creates articles (article, revision and audit rows in one transaction) until killed,
// printing the count after each, so a test can take a backup while writes go on.
import { loadConfig } from '../config.ts';
import { createArticle } from '../publish/articles.ts';
import { SYSTEM } from '../publish/test-actors.ts';
import { openStore } from '../store/db.ts';

const store = await openStore(process.argv[2]);
const ctx = { store, site: loadConfig({}).site, now: () => new Date(), mediaDir: '/nonexistent', cacheDir: '/nonexistent' };
for (let n = 1; ; n++) {
  await createArticle(ctx, { language: 'en', title: `Running write ${n}`, bodyHtml: `<p>${'Text of a running write. '.repeat(40)}</p>` }, SYSTEM);
  process.stdout.write(`${n}\n`);
}
