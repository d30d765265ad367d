// The difference between two versions of an article: the fields that changed, and the body's text word by word.
import { diffWords } from 'diff';
import type { ArticleDiff, ArticleInput, TextChange } from '../domain/types.ts';
import { htmlToText } from './sanitize.ts';

const FIELDS = [
  'title',
  'slug',
  'language',
  'summary',
  'image',
  'sectionIds',
  'sections',
  'tags',
  'status',
  'publishedAt',
  'canonicalUrl',
  'canonicalPolicy',
  'authorIds',
  'translatorIds',
  'provenance',
] as const satisfies readonly (keyof ArticleInput)[];
type DiffField = (typeof FIELDS)[number] | 'bodyHtml';

// Past this the word diff gives up and shows the whole text removed and inserted (a huge paste).
const DIFF_TIMEOUT_MS = 2000;

/** Absent, null, '' and [] mean the same ("nothing"); object keys in a fixed order. */
function canonical(v: unknown): unknown {
  if (v == null || v === '') return undefined;
  if (Array.isArray(v)) return v.length ? v.map(canonical) : undefined;
  if (typeof v === 'object') {
    const entries = Object.keys(v as object)
      .sort()
      .map((k) => [k, canonical((v as Record<string, unknown>)[k])] as const)
      .filter(([, x]) => x !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return v;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export function diffText(before: string, after: string): TextChange[] {
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS });
  if (!changes) return [...(before ? [{ op: 'delete' as const, text: before }] : []), ...(after ? [{ op: 'insert' as const, text: after }] : [])];
  return changes.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

/** From `before` to `after`. A change of the body's markup alone (same text) is listed as the field bodyHtml. */
export function diffArticles(before: ArticleInput, after: ArticleInput): ArticleDiff {
  const fields: { field: DiffField; before: unknown; after: unknown }[] = FIELDS.filter((f) => !same(before[f], after[f])).map((f) => ({ field: f, before: before[f] ?? null, after: after[f] ?? null }));
  const beforeHtml = typeof before.bodyHtml === 'string' ? before.bodyHtml : '';
  const afterHtml = typeof after.bodyHtml === 'string' ? after.bodyHtml : '';
  const [a, b] = [htmlToText(beforeHtml), htmlToText(afterHtml)];
  if (a === b && beforeHtml.trim() !== afterHtml.trim()) fields.push({ field: 'bodyHtml', before: beforeHtml, after: afterHtml });
  return { fields, body: diffText(a, b) };
}
