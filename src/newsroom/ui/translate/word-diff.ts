// A word diff between two texts, in the API's shape ({op, text}), for "changed since your last review".
import { diffWords } from 'diff';
import type { Change } from './common.ts';

export function wordDiff(before: string, after: string): Change[] {
  return diffWords(before, after).map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value }));
}
