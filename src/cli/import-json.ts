// `relais import-json <file>`: imports sections, people, outlets and articles from a JSON file, all or nothing.
import { readFile } from 'node:fs/promises';
import { parse, UsageError } from './args.ts';
import { ImportError, importDocument } from './importer.ts';
import { openContext } from './open-context.ts';

export const USAGE = `usage: relais import-json <file>
  Imports {"sections": [...], "people": [...], "outlets": [...], "articles": [...]} in the API's shapes.
  References inside the file:
    people    by "key" (or slug): article "authors": ["key"], "translators": ["key"]
    outlets   by "key" (or homeUrl): article "provenance": {"original": {"outlet": "key"}}
    sections  by slug: article "sections": ["slug"]
    articles  by "key": "provenance": {"translationOf": "key"} or {"republicationOf": "key"}
  Everything is checked first and written in one transaction: a bad file changes nothing.`;

export async function importJsonCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {});
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('import-json needs exactly one file');
  const file = positionals[0];
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    console.error(`relais import-json: cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    return 1;
  }
  const { ctx } = await openContext();
  try {
    const s = await importDocument(ctx, doc);
    console.log(`Imported ${s.sections} sections, ${s.people} people, ${s.outlets} outlets and ${s.articles} articles from ${file}.`);
    return 0;
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    console.error(`relais import-json: ${file} was not imported (nothing changed): ${err.message}`);
    return 1;
  } finally {
    await ctx.store.close();
  }
}
