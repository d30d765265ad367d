// The newsroom's front end, bundled by esbuild when the server starts (not at npm install), into
// `<cacheDir>/newsroom/<hash>/`. The hash covers every file the bundle is made from that can change
// between deploys (src/newsroom/ui and src/domain, which the UI imports) and esbuild's version, so a
// build that exists is reused and a changed source gets a new folder (and new, immutable URLs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { CHART_CSS_FILES } from './ui/charts/css-files.ts';

const UI_DIR = fileURLToPath(new URL('./ui/', import.meta.url));
const DOMAIN_DIR = fileURLToPath(new URL('../domain/', import.meta.url));
const OWN_CSS = join(UI_DIR, 'newsroom.css');

export interface NewsroomBuild {
  hash: string;
  /** Folder holding the built files. */
  dir: string;
  /** Entry files the shell page names, relative to `dir`. */
  script: string;
  style: string;
  /** Every output file with its size in bytes. */
  files: Record<string, number>;
  /** True when this call bundled it; false when it was found in the cache folder. */
  fresh: boolean;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|css)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

export function sourceHash(): string {
  const h = createHash('sha256').update(`esbuild ${esbuild.version}\n`);
  for (const f of [...sourceFiles(UI_DIR), ...sourceFiles(DOMAIN_DIR), ...CHART_CSS_FILES.filter((f) => !f.startsWith(UI_DIR))])
    h.update(relative(UI_DIR, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** One stylesheet: uPlot's and the charts', then ours, then every other area's .css under ui/ (sorted). */
export function cssEntry(): string {
  const others = sourceFiles(UI_DIR).filter((f) => f.endsWith('.css') && f !== OWN_CSS && !CHART_CSS_FILES.includes(f));
  return [...CHART_CSS_FILES, OWN_CSS, ...others].map((f) => `@import ${JSON.stringify(f)};`).join('\n');
}

async function bundle(outdir: string): Promise<void> {
  const common: esbuild.BuildOptions = { bundle: true, minify: true, sourcemap: 'linked', target: 'es2022', outdir, logLevel: 'silent', legalComments: 'linked' };
  await esbuild.build({
    ...common,
    entryPoints: { main: join(UI_DIR, 'main.ts') },
    format: 'esm',
    splitting: true,
    platform: 'browser',
    chunkNames: 'chunks/[name]-[hash]',
    // A screen must not bring CSS in through JS (it would make a second stylesheet per chunk): .css files
    // under ui/ are all in the one stylesheet.
    loader: { '.css': 'empty' },
  });
  await esbuild.build({ ...common, stdin: { contents: cssEntry(), loader: 'css', resolveDir: UI_DIR, sourcefile: 'all-stylesheets.css' }, outfile: join(outdir, 'newsroom.css'), outdir: undefined });
}

function listFiles(dir: string): Record<string, number> {
  const files: Record<string, number> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    files[relative(dir, p)] = readFileSync(p).length;
  }
  return files;
}

const building = new Map<string, Promise<NewsroomBuild>>();

/** The built front end for the current sources: reused from the cache folder, else built (once per process). */
export function buildNewsroom(cacheDir: string): Promise<NewsroomBuild> {
  const hash = sourceHash();
  const dir = join(cacheDir, 'newsroom', hash);
  let p = building.get(dir);
  if (!p) {
    p = (async () => {
      const fresh = !existsSync(join(dir, 'manifest.json'));
      if (fresh) {
        // Built beside, then renamed: a half-written folder is never taken for a build, even by another process.
        const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
        mkdirSync(tmp, { recursive: true });
        try {
          await bundle(tmp);
          writeFileSync(join(tmp, 'manifest.json'), JSON.stringify({ hash, esbuild: esbuild.version, script: 'main.js', style: 'newsroom.css' }));
          try {
            renameSync(tmp, dir);
          } catch (err) {
            if (!existsSync(join(dir, 'manifest.json'))) throw err; // else another process finished first
          }
        } finally {
          rmSync(tmp, { recursive: true, force: true });
        }
      }
      return { hash, dir, script: 'main.js', style: 'newsroom.css', files: listFiles(dir), fresh };
    })();
    p.catch(() => building.delete(dir));
    building.set(dir, p);
  }
  return p;
}

/** The entry files the shell page names: `[script, stylesheet]` relative to the build folder. */
export async function newsroomEntries(cacheDir: string): Promise<{ hash: string; script: string; style: string }> {
  const b = await buildNewsroom(cacheDir);
  return { hash: b.hash, script: b.script, style: b.style };
}
