// `relais tm import FILE.tmx` and `relais tm export --from en --to fr [FILE.tmx]`: the translation memory in TMX 1.4b.
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { exportTmx, importTmx } from '../translate/tmx.ts';
import { parse, UsageError } from './args.ts';
import { openContext } from './open-context.ts';

export const USAGE = `usage: relais tm <action>
  import FILE.tmx                          add a TMX file's units to the memory (pairs already there are kept once)
  export --from en --to fr [FILE.tmx]      the memory of a language pair as TMX (stdout without a file)`;

export async function tmCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { from: { type: 'string' }, to: { type: 'string' } });
  const [action, ...args] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (action !== 'import' && action !== 'export') throw new UsageError(action ? `unknown tm action "${action}"` : 'tm needs an action: import or export');
  if (action === 'import' && args.length !== 1) throw new UsageError('tm import needs one TMX file');
  if (action === 'export' && (!values.from || !values.to)) throw new UsageError('tm export needs --from and --to');
  if (args.length > 1) throw new UsageError(`unexpected argument "${args[1]}"`);
  const { ctx } = await openContext();
  try {
    if (action === 'import') {
      let bytes: Buffer;
      try {
        bytes = readFileSync(args[0]);
      } catch (err) {
        throw new UsageError(`cannot read ${args[0]}: ${(err as Error).message}`);
      }
      const started = Date.now();
      const r = await importTmx(ctx, bytes);
      const pairs = Object.entries(r.byPair).map(([p, n]) => `${p.replace('>', ' → ')}: ${n.added} new of ${n.read}`).join('; ');
      console.log(`imported ${args[0]}: ${r.added} new pair(s) of ${r.read} read${r.skipped ? `, ${r.skipped} unit(s) without a source skipped` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s${pairs ? ` (${pairs})` : ''}`);
      return 0;
    }
    const file = args[0];
    const out = file ? createWriteStream(file) : process.stdout;
    const n = await exportTmx(ctx, values.from!, values.to!, async (chunk) => {
      if (!out.write(chunk)) await once(out, 'drain');
    });
    if (file) {
      (out as ReturnType<typeof createWriteStream>).end();
      await once(out, 'finish');
      console.error(`exported ${n} unit(s) ${values.from} → ${values.to} to ${file}`);
    }
    return 0;
  } finally {
    await ctx.store.close();
  }
}
