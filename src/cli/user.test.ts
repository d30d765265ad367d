import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openCliHarness, REPO_ROOT, type CliHarness } from './test-cli.ts';
import { findUserRowByEmail } from '../store/users.ts';
import { verifyPassword } from '../accounts/passwords.ts';

let cli: CliHarness;
before(async () => {
  cli = await openCliHarness();
});
after(async () => cli.close());

function runWithStdin(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'src/cli/main.ts'), ...args], { cwd: REPO_ROOT, env: cli.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

test('user add reads the password from standard input when it is not a terminal', async () => {
  const r = await runWithStdin(['user', 'add', 'Ed@Example.org', '--name', 'Ed Itor', '--role', 'editor'], 'a password from stdin\n');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /added ed@example.org \(editor\) with the password from standard input/);
  const store = await cli.openStore();
  try {
    const row = await findUserRowByEmail(store.db, 'ed@example.org');
    assert.ok(row?.password_hash && (await verifyPassword('a password from stdin', row.password_hash)).ok);
  } finally {
    await store.close();
  }
});

test('user add without a password prints a one-time link; list, disable, reset', async () => {
  const added = await runWithStdin(['user', 'add', 'tr@example.org', '--name', 'Tra Ductrice', '--role', 'translator'], '');
  assert.equal(added.code, 0, added.stderr);
  assert.match(added.stdout.trim(), /^http:\/\/\S+\/newsroom\/link\/[A-Za-z0-9_-]{40,}$/);
  const list = await cli.run(['user', 'list']);
  assert.match(list.stdout, /tr@example\.org\tTra Ductrice\ttranslator\tactive/);
  assert.equal((await cli.run(['user', 'disable', 'tr@example.org'])).code, 0);
  assert.match((await cli.run(['user', 'list'])).stdout, /tr@example\.org\tTra Ductrice\ttranslator\tdisabled/);
  const reset = await cli.run(['user', 'reset', 'ed@example.org']);
  assert.equal(reset.code, 0, reset.stderr);
  assert.match(reset.stdout, /\/newsroom\/link\//);
  const dup = await runWithStdin(['user', 'add', 'ed@example.org', '--name', 'Again', '--role', 'author'], '');
  assert.equal(dup.code, 1);
  assert.match(dup.stderr, /exists already/);
  const badRole = await cli.run(['user', 'add', 'x@example.org', '--name', 'X', '--role', 'boss']);
  assert.equal(badRole.code, 2);
});

test('token list shows scope and revoke stops a token', async () => {
  const made = await cli.run(['token', 'create', 'reader', '--scope', 'read']);
  assert.equal(made.code, 0, made.stderr);
  assert.match((await cli.run(['token', 'list'])).stdout, /\treader\tread\t.*\tactive/);
  assert.equal((await cli.run(['token', 'revoke', 'reader'])).code, 0);
  assert.match((await cli.run(['token', 'list'])).stdout, /\treader\tread\t.*\trevoked /);
  assert.equal((await cli.run(['token', 'revoke', 'reader'])).code, 1);
});
