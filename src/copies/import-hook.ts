// An imported page: checked against the index first (does it copy a Relais article?), then its original
// goes into the index itself. Called inside the import's transaction.
import type { AppContext } from '../context.ts';
import { checkSuspect } from './check.ts';
import { indexOriginalCopy } from './index-doc.ts';
import { suspectFromText } from './suspect.ts';

export async function indexImportedOriginal(tx: AppContext, o: { articleId: number; url: string | null; html: string; text: string; language: string | null }): Promise<void> {
  const s = suspectFromText(o.text);
  const suspect = { ...s, raw: o.html, language: o.language ?? s.language };
  await checkSuspect(tx.store.db, tx.site, suspect, { source: 'import', url: o.url }, tx.now());
  await indexOriginalCopy(tx.store.db, { articleId: o.articleId, text: o.text, language: o.language });
}
