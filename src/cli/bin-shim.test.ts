// bin/relais.mjs is what `npx relais` runs, with whatever Node the system has: under an older Node it must
// hand over to the pinned Node 24.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/relais.mjs', import.meta.url));
const systemNode = ['/usr/local/bin/node', '/usr/bin/node'].find((p) => spawnSync(p, ['--version']).status === 0);
const systemMajor = systemNode ? Number(spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.slice(1).split('.')[0]) : null;

test('the relais bin runs the CLI under the pinned Node 24 when started by an older system Node', {
  skip: (!systemNode || (systemMajor ?? 0) >= 24) && 'needs a system Node older than 24',
}, () => {
  const r = spawnSync(systemNode!, [BIN, '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /usage: relais <command>/);
});

test('the relais bin runs the CLI directly under Node 24', () => {
  const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /usage: relais <command>/);
});
