// The settings screen's "Reviewers per language pair" section (owner): who reviews which pair besides the
// editors; name an account for a pair, remove one. The server checks everything again.
import type { User } from '../../../domain/accounts.ts';
import type { Reviewer } from '../../../domain/translation.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { button, el, onSubmit, section, selectField, showError, table, textField, uid } from '../shell/forms.ts';
import { languageName, translateConfig } from '../translate/common.ts';
import './strings.ts';

const pairText = (r: { from: string; to: string }) => t('admin.reviewers.pair', { from: languageName(r.from), to: languageName(r.to) });

function list(reviewers: Reviewer[], app: AppState, reload: () => Promise<void>): HTMLElement {
  if (!reviewers.length) return el('p', {}, t('admin.reviewers.none'));
  const out = el('div', {});
  const rows = reviewers.map((r) => [
    pairText(r),
    r.name,
    r.email,
    t('role.' + r.role),
    // Short on screen, whole for assistive technology (the name starts with the visible text).
    button(t('admin.reviewers.removeShort'), async () => {
      try {
        await api('DELETE', `/reviewers/${r.id}`);
        app.announce(t('admin.reviewers.removed', { name: r.name, pair: pairText(r) }));
        await reload();
      } catch (err) {
        showError(out, err);
      }
    }, { 'aria-label': t('admin.reviewers.remove', { name: r.name, pair: pairText(r) }) }),
  ]);
  const headings = [t('admin.reviewers.colPair'), t('admin.reviewers.colName'), t('account.email'), t('admin.role'), t('admin.actions')];
  out.append(table(t('admin.reviewers.caption', { n: reviewers.length }), headings, rows));
  return out;
}

function addForm(users: User[], languages: string[], app: AppState, reload: () => Promise<void>): HTMLFormElement {
  // Editors and owners review every pair already: the accounts worth naming are translators and authors.
  const active = users.filter((u) => u.status === 'active' && (u.role === 'translator' || u.role === 'author'));
  const account = selectField({ label: t('admin.reviewers.account'), name: 'userId', required: true, options: active.map((u): [string, string] => [String(u.id), `${u.name} (${t('role.' + u.role)})`]) });
  const datalist = el('datalist', { id: uid('langs') }, ...languages.map((l) => el('option', { value: l }, languageName(l))));
  const langField = (name: string, label: string, value: string) =>
    textField({ label, name, value, required: true, autocomplete: 'off', hint: t('admin.reviewers.langHint'), attrs: { list: datalist.id, size: 8, spellcheck: 'false' } });
  const from = langField('from', t('admin.reviewers.from'), languages[0] ?? '');
  const to = langField('to', t('admin.reviewers.to'), languages[1] ?? '');
  const form = el('form', { class: 'stack', novalidate: true, 'aria-label': t('admin.reviewers.add') }, account.field, from.field, to.field, datalist, el('button', { type: 'submit' }, t('admin.reviewers.add')));
  onSubmit(form, async (v) => {
    const r = await api<Reviewer>('POST', '/reviewers', { userId: Number(v.userId), from: v.from.trim(), to: v.to.trim() });
    app.announce(t('admin.reviewers.added', { name: r.name, pair: pairText(r) }));
    await reload();
  });
  return form;
}

export async function reviewersSection(app: AppState): Promise<HTMLElement> {
  const body = el('div', { class: 'stack' });
  const box = section(t('admin.reviewers.title'), el('p', {}, t('admin.reviewers.intro')), body);
  const reload = async () => {
    try {
      const [reviewers, users, cfg] = await Promise.all([api<Reviewer[]>('GET', '/reviewers'), api<User[]>('GET', '/users'), translateConfig()]);
      body.replaceChildren(list(reviewers, app, reload), addForm(users, cfg.languages, app, reload));
    } catch (err) {
      showError(body, err);
    }
  };
  await reload();
  return box;
}
