// The Content Credentials commands, run as the real CLI: keys init/rotate/list, export --text, verify <file>.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCliHarness } from './test-cli.ts';

const cli = await openCliHarness();
after(() => cli.close());

test('keys init, export --text of a published article, verify the file; a changed file fails; rotate keeps it valid', async () => {
  const init = await cli.run(['keys', 'init']);
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stdout, /NOT TRUSTED/);
  assert.equal(statSync(join(cli.dataDir, 'keys')).mode & 0o777, 0o700);
  assert.equal(statSync(join(cli.dataDir, 'keys', 'site-1.key')).mode & 0o777, 0o600);
  assert.equal((await cli.run(['init-demo'])).code, 0);

  const exported = await cli.run(['export', '--text', '1']);
  assert.equal(exported.code, 0, exported.stderr);
  assert.ok(exported.stdout.includes('\uFEFF'), 'the text carries the wrapper');
  const file = join(cli.dataDir, 'article-1.txt');
  writeFileSync(file, exported.stdout);
  const ok = await cli.run(['verify', file]);
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^signed by .*NOT TRUSTED.*, intact/);

  writeFileSync(file, exported.stdout.replace(/\p{L}/u, 'Z'));
  const bad = await cli.run(['verify', file]);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /changed after signing/);

  const rotated = await cli.run(['keys', 'rotate']);
  assert.equal(rotated.code, 0, rotated.stderr);
  writeFileSync(file, exported.stdout);
  assert.equal((await cli.run(['verify', file])).code, 0, 'signed before the rotation, still valid');
  const list = await cli.run(['keys', 'list']);
  assert.equal(list.stdout.trim().split('\n').length, 2);
  assert.match(list.stdout, /kept\n.*active/);
});

test('bad input: export needs an id, rotate needs --cert with --key', async () => {
  assert.equal((await cli.run(['export', '--text'])).code, 2);
  assert.equal((await cli.run(['keys', 'rotate', '--cert', 'x.pem'])).code, 2);
  assert.equal((await cli.run(['verify'])).code, 2);
});
