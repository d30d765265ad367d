// "Translate into…": a site language (not the article's own, not one it is already translated into) →
// POST /api/articles/:id/translations, then the new translation's workspace.
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, onSubmit, selectField } from '../shell/forms.ts';
import { languageName, translateConfig } from './common.ts';

interface ArticleLite {
  id: number;
  title: string;
  language: string;
}

/** `article` fixed (the article's own screen), or a select of recent articles. */
export async function startForm(app: AppState, article: ArticleLite | null, taken: string[] = []): Promise<HTMLFormElement> {
  const cfg = await translateConfig();
  const form = el('form', { class: 'tr-start' });
  const fs = el('fieldset', {}, el('legend', {}, t('tr.startLegend')));
  let choose: HTMLSelectElement | null = null;
  let articles: ArticleLite[] = article ? [article] : [];
  if (!article) {
    const page = await api<{ items: ArticleLite[] }>('GET', '/articles?sort=updated&order=desc&pageSize=100');
    articles = page.items;
    const f = selectField({ label: t('tr.article'), name: 'article', options: articles.map((a) => [String(a.id), `${a.title} (${a.language}, #${a.id})`]) });
    choose = f.input;
    fs.append(f.field);
  }
  const langField = selectField({ label: t('tr.language'), name: 'language', options: [] });
  const fill = () => {
    const a = choose ? articles.find((x) => String(x.id) === choose!.value) : article;
    const langs = cfg.languages.filter((l) => l !== a?.language && !taken.includes(l));
    langField.input.replaceChildren(...langs.map((l) => el('option', { value: l, lang: l }, `${languageName(l)} (${l})`)));
  };
  choose?.addEventListener('change', fill);
  fill();
  fs.append(langField.field);
  // Who translates: the owner picks any active account (the server links it to a person); others take it on themselves.
  let assignee: HTMLSelectElement | null = null;
  if (app.can('users.manage')) {
    const users = (await api<Array<{ id: number; name: string; role: string; status: string }>>('GET', '/users')).filter((u) => u.status === 'active');
    const f = selectField({ label: t('tr.assign'), name: 'translatorUserId', value: String(app.user.id), options: users.map((u) => [String(u.id), `${u.name} (${t('role.' + u.role)})`]) });
    assignee = f.input;
    fs.append(f.field);
  }
  fs.append(el('button', { type: 'submit' }, t('tr.startButton')));
  form.append(fs);
  onSubmit(form, async (v) => {
    const id = choose ? Number(choose.value) : article!.id;
    const created = await api<{ id: number }>('POST', `/articles/${id}/translations`, { language: v.language, ...(assignee ? { translatorUserId: Number(assignee.value) } : {}) });
    app.announce(t('tr.started'));
    app.navigate(`/articles/${created.id}/translate`);
  });
  return form;
}
