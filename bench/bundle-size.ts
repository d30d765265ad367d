// npm run bench:bundle — builds the newsroom as the server does (src/newsroom/build.ts: esbuild, ESM,
// splitting, minified) into a fresh folder and prints every JS file's size, raw and gzipped; then what
// opening the article editor costs beyond the shell: its chunk plus the shared chunks it imports that the
// shell (main.js) does not already load.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildNewsroom } from '../src/newsroom/build.ts';

const cache = mkdtempSync(join(tmpdir(), 'relais-bundle-'));
try {
  const b = await buildNewsroom(cache);
  const js = Object.keys(b.files).filter((f) => f.endsWith('.js')).sort((x, y) => b.files[y] - b.files[x]);
  const size = (f: string) => {
    const bytes = readFileSync(join(b.dir, f));
    return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(10);
  /** The chunks a file imports statically, transitively (dynamic import() is loaded later, on demand). */
  const closure = (f: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(f)) return seen;
    seen.add(f);
    const src = readFileSync(join(b.dir, f), 'utf8');
    for (const m of src.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) closure(join(dirname(f), m[1]).replace(/^\.\//, ''), seen);
    return seen;
  };
  console.log(`newsroom build ${b.hash}: ${js.length} JS files`);
  console.log(`${'file'.padEnd(42)}${'raw'.padStart(10)}${'gzip -9'.padStart(10)}`);
  for (const f of js) {
    const s = size(f);
    console.log(`${f.padEnd(42)}${kb(s.raw)}${kb(s.gz)}`);
  }
  const shell = closure(b.script);
  const sum = (files: Iterable<string>) => [...files].reduce((a, f) => ((s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz }))(size(f)), { raw: 0, gz: 0 });
  const s = sum(shell);
  console.log(`\nshell (main.js and what it imports): ${kb(s.raw)} raw, ${kb(s.gz)} gzipped`);
  for (const screen of ['editor', 'list', 'library']) {
    const chunk = js.find((f) => basename(f).startsWith(`${screen}-`));
    if (!chunk) continue;
    const extra = [...closure(chunk)].filter((f) => !shell.has(f));
    const e = sum(extra);
    console.log(`${screen} screen beyond the shell (${extra.length} files): ${kb(e.raw)} raw, ${kb(e.gz)} gzipped`);
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
}
