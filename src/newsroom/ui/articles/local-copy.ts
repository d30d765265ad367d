// The copy of the article kept in the browser on every change, so a crash loses nothing the server has not
// got yet. One key per article ("new" before the first save); the copy says when it was made and which
// server version it was based on, so reopening can tell whether it is newer than what the server has.
import type { ArticleInput } from '../../../domain/types.ts';
import { sameInput } from './input.ts';

export interface LocalCopy {
  input: ArticleInput;
  /** Milliseconds since the epoch. */
  savedAt: number;
  baseVersion: number | null;
}

const PREFIX = 'relais.article.';

export function localKey(id: number | null): string {
  return PREFIX + (id ?? 'new');
}

export function writeLocal(store: Storage, id: number | null, copy: LocalCopy): void {
  try {
    store.setItem(localKey(id), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the server autosave still runs.
  }
}

export function readLocal(store: Storage, id: number | null): LocalCopy | null {
  try {
    const raw = store.getItem(localKey(id));
    const c = raw ? (JSON.parse(raw) as LocalCopy) : null;
    return c && typeof c.savedAt === 'number' && c.input && typeof c.input.title === 'string' ? c : null;
  } catch {
    return null;
  }
}

export function clearLocal(store: Storage, id: number | null): void {
  try {
    store.removeItem(localKey(id));
  } catch {}
}

/**
 * A copy worth offering on reopening: it is removed after every save the server confirmed, so one that is
 * still there and differs from the server's text holds typing the server never got.
 */
export function restorable(copy: LocalCopy | null, server: ArticleInput | null): copy is LocalCopy {
  if (!copy) return false;
  if (!server) return Boolean(copy.input.title.trim() || copy.input.bodyHtml.replace(/<[^>]*>/g, '').trim());
  return !sameInput(copy.input, server);
}
