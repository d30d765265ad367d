// Someone else saved first (409): show what differs between their version and mine, and let the user keep
// theirs or save theirs over with mine. Mine is never dropped silently: the server keeps it as a
// 'conflict' revision, and the editor keeps it until the user chooses.
import type { Article, ArticleDiff, ArticleInput } from '../../../domain/types.ts';
import { t } from '../i18n.ts';
import { button, el } from '../ingest/dom.ts';
import { openModal } from '../media/dialog.ts';
import { diffView } from './diff-view.ts';
import { changedFields } from './input.ts';

export interface Conflict {
  current: Article;
  yours: ArticleInput;
  diff?: ArticleDiff;
  revisionId?: number | null;
}

export type ConflictChoice = 'mine' | 'theirs' | null;

export function resolveConflict(c: Conflict, message: string): Promise<ConflictChoice> {
  return new Promise((resolve) => {
    let choice: ConflictChoice = null;
    const modal = openModal(t('conflict.title'), () => resolve(choice));
    // The server's diff when it sent one; else the editor's own comparison, field by field.
    const diff: ArticleDiff = c.diff ?? {
      fields: changedFields(c.current, c.yours).map((f) => ({ field: f, before: (c.current as unknown as Record<string, unknown>)[f], after: (c.yours as unknown as Record<string, unknown>)[f] })),
      body: [],
    };
    const pick = (v: ConflictChoice) => () => {
      choice = v;
      modal.close();
    };
    modal.body.append(
      el('p', { role: 'alert' }, message),
      el('p', {}, t('conflict.explain', { version: c.current.version ?? '?' })),
      c.revisionId ? el('p', {}, t('conflict.kept', { rev: c.revisionId })) : '',
      diffView(diff, { before: t('conflict.theirs'), after: t('conflict.mine') }),
      el('div', { class: 'actions' },
        button(t('conflict.keepMine'), pick('mine')),
        button(t('conflict.takeTheirs'), pick('theirs')),
        button(t('conflict.later'), pick(null))),
    );
    (modal.body.querySelector('button') as HTMLButtonElement).focus();
  });
}
