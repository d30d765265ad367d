#!/usr/bin/env node
// The CLI needs Node 24 (node:sqlite, type stripping). When started by an older system Node,
// re-run it with the Node 24 binary that the `node@24` devDependency installs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = root + 'src/cli/main.ts';
const major = Number(process.versions.node.split('.')[0]);
if (major >= 24) {
  await import(main);
} else {
  const pinned = root + 'node_modules/node/bin/node';
  if (!existsSync(pinned)) {
    console.error(`relais needs Node 24 or later (this is ${process.version}); run npm install first.`);
    process.exit(1);
  }
  const r = spawnSync(pinned, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
