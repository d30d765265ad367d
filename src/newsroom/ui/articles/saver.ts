// Saving one article: explicit saves (PUT), autosaves (POST …/autosave, keepalive when the page is being
// left), the first save of a new article (POST /api/articles), the local copy on every change, and the
// conflict flow when someone else saved first. Nothing typed is dropped: until the server confirms a save,
// the local copy holds it; a refused save keeps it in the editor until the user chooses.
import type { Article, ArticleInput } from '../../../domain/types.ts';
import { api, ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import { AutosaveTimer } from './autosave.ts';
import { resolveConflict, type Conflict } from './conflict.ts';
import { inputOf, sameInput } from './input.ts';
import { clearLocal, writeLocal } from './local-copy.ts';
import { oneAtATime } from './one-at-a-time.ts';

export interface SaverHost {
  read(): ArticleInput;
  /** The server's article replaced the editor's content (theirs taken, restore, first load). */
  show(a: Article): void;
  created(a: Article): void;
  saved(a: Article | null): void;
  status(text: string): void;
  error(err: unknown): void;
}

export interface Saver {
  article(): Article | null;
  version(): number | null;
  load(a: Article | null): void;
  changed(): void;
  save(): Promise<boolean>;
  leave(): void;
  stop(): void;
}

export function createSaver(host: SaverHost, storage: Storage): Saver {
  let article: Article | null = null;
  let lastSaved: ArticleInput | null = null;
  let conflict: Conflict | null = null;
  const id = () => article?.id ?? null;

  /** `keepLocal`: a live article's autosave is only a revision, so the browser's copy stays until a real save. */
  const took = (input: ArticleInput, keepLocal = false) => {
    lastSaved = input;
    if (!keepLocal && sameInput(host.read(), input)) clearLocal(storage, id());
  };
  const create = async (input: ArticleInput, keepalive: boolean): Promise<boolean> => {
    if (!input.title) return false; // nothing to name it by yet; the local copy keeps the typing
    const a = await api<Article>('POST', '/articles', { ...input, status: 'draft' }, { keepalive });
    clearLocal(storage, null);
    article = a;
    took(inputOf(a));
    host.created(a);
    return true;
  };
  const refused = async (err: unknown, input: ArticleInput): Promise<boolean> => {
    if (!(err instanceof ApiError) || err.status !== 409 || !err.body?.conflict) throw err;
    conflict = err.body.conflict as Conflict;
    return settle(input, err.message);
  };
  // One dialog at a time: an autosave and a click on Save refused together share it.
  let settling: Promise<boolean> | null = null;
  const settle = (input: ArticleInput, message: string): Promise<boolean> => {
    settling ??= choose(input, message).finally(() => (settling = null));
    return settling;
  };
  const choose = async (input: ArticleInput, message: string): Promise<boolean> => {
    const c = conflict!;
    const choice = await resolveConflict(c, message);
    if (choice === null) return false;
    conflict = null;
    if (choice === 'theirs') {
      article = c.current;
      took(inputOf(c.current));
      clearLocal(storage, id());
      host.show(c.current);
      host.status(t('editor.tookTheirs'));
      return true;
    }
    // Keep mine: over the version that won, explicitly.
    const current = await api<Article>('GET', `/articles/${c.current.id}`);
    return put(input, current.version ?? null);
  };
  const put = async (input: ArticleInput, version: number | null): Promise<boolean> => {
    try {
      const a = await api<Article>('PUT', `/articles/${id()}`, { ...input, version: version ?? undefined });
      article = a;
      took(input);
      host.saved(a);
      return true;
    } catch (err) {
      return refused(err, input);
    }
  };

  // Every write to the server, autosave or explicit, waits for the one before: see one-at-a-time.ts.
  const serial = oneAtATime();
  const autosave = (leaving: boolean) => serial(() => autosaveNow(leaving));
  const autosaveNow = async (leaving: boolean): Promise<boolean> => {
    if (conflict) return false;
    const input = host.read();
    if (lastSaved && sameInput(input, lastSaved)) return true;
    try {
      if (!article) return await create(input, leaving);
      const r = await api<{ version: number; savedAt: string; live?: boolean }>('POST', `/articles/${article.id}/autosave`, { ...input, version: article.version }, { keepalive: leaving });
      article = { ...article, version: r.version };
      took(input, r.live === true);
      host.status(t(r.live ? 'editor.autosavedLive' : 'editor.autosaved', { at: new Date(r.savedAt).toLocaleTimeString() }));
      return true;
    } catch (err) {
      if (leaving) return false;
      try {
        return await refused(err, input);
      } catch (e) {
        host.status(t('editor.autosaveFailed', { error: (e as Error).message }));
        return false;
      }
    }
  };
  const timer = new AutosaveTimer(autosave);

  return {
    article: () => article,
    version: () => article?.version ?? null,
    load(a) {
      article = a;
      lastSaved = a ? inputOf(a) : null;
    },
    changed() {
      writeLocal(storage, id(), { input: host.read(), savedAt: Date.now(), baseVersion: article?.version ?? null });
      timer.changed();
    },
    async save() {
      try {
        // A refused autosave holds the queue while its dialog is open: this save joins that dialog.
        if (conflict) return await settle(host.read(), t('editor.conflictPending'));
        return await serial(() => saveNow());
      } catch (err) {
        host.error(err);
        return false;
      }
    },
    leave: () => timer.leave(),
    stop: () => timer.stop(),
  };

  async function saveNow(): Promise<boolean> {
    const input = host.read();
    if (conflict) return settle(input, t('editor.conflictPending'));
    const ok = article ? await put(input, article.version ?? null) : await create(input, false);
    if (!ok && !article) host.error(new Error(t('editor.needTitle')));
    if (ok) timer.saved();
    return ok;
  }
}
