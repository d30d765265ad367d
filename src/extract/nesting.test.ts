import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, ParentNode } from 'domhandler';
import { boundNesting } from './nesting.ts';

function depthOf(html: string): number {
  let deepest = 0;
  const stack: Array<[AnyNode, number]> = [[parseDocument(html), 0]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    deepest = Math.max(deepest, d);
    for (const c of (node as ParentNode).children ?? []) stack.push([c, d + 1]);
  }
  return deepest;
}

test('boundNesting drops the tags below the bound and keeps every word', () => {
  const deep = '<div><span>'.repeat(30_000) + 'bottom' + '</span></div>'.repeat(30_000) + '<p>after</p>';
  const out = boundNesting(deep, 100);
  assert.ok(depthOf(out) <= 102, `depth ${depthOf(out)}`);
  assert.match(out, /bottom/);
  assert.match(out, /<p>after<\/p>$/);
  const unclosed = '<b>'.repeat(100_000) + 'x';
  assert.ok(depthOf(boundNesting(unclosed, 100)) <= 102);
});

test('boundNesting leaves ordinary markup untouched (unclosed p/li, scripts, closed inline tags)', () => {
  const page = '<ul>' + '<li>item <b>bold</b> <a href="/x">link</a>'.repeat(2000) + '</ul>' + '<p>para'.repeat(2000)
    + '<script>if (a < b) { "<div>".repeat(9) }</script>' + '<div>'.repeat(50) + 'mid' + '</div>'.repeat(50);
  assert.equal(boundNesting(page, 100), page);
});
