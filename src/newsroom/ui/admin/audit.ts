// The audit log (owner): who did what when, newest first, page by page, filtered by action.
import type { AuditEntry } from '../../../domain/accounts.ts';
import type { Page } from '../../../domain/types.ts';
import { api } from '../api.ts';
import { lang, t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { button, el, onSubmit, showError, table, textField, when } from '../shell/forms.ts';
import './strings.ts';

const PAGE_SIZE = 50;

export async function render(root: HTMLElement, _params: Record<string, string>, app: AppState): Promise<void> {
  let page = 1;
  let action = '';
  const out = el('div', { class: 'table-wrap' });
  const pager = el('nav', { 'aria-label': t('admin.audit.pages'), class: 'pager' });
  const filter = textField({ label: t('admin.audit.filter'), name: 'action', hint: t('admin.audit.filterHint'), attrs: { maxlength: 100 } });
  const form = el('form', { class: 'inline', role: 'search', novalidate: true }, filter.field, el('button', { type: 'submit' }, t('admin.audit.apply')));
  onSubmit(form, async (v) => {
    action = v.action.trim();
    page = 1;
    await load();
  });

  const load = async () => {
    try {
      const q = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
      if (action) q.set('action', action);
      const p = await api<Page<AuditEntry>>('GET', `/audit?${q}`);
      const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
      const rows = p.items.map((e) => [
        el('time', { datetime: e.at }, when(e.at, lang())),
        e.actor,
        e.action,
        e.target ?? '',
        Object.keys(e.detail ?? {}).length ? el('code', {}, JSON.stringify(e.detail)) : '',
      ]);
      out.replaceChildren(p.items.length ? table(t('admin.audit'), [t('admin.audit.when'), t('admin.audit.who'), t('admin.audit.action'), t('admin.audit.target'), t('admin.audit.detail')], rows) : el('p', {}, t('admin.audit.none')));
      const status = t('admin.audit.page', { page: p.page, pages, total: p.total });
      const prev = button(t('admin.audit.prev'), () => ((page -= 1), void load()), { disabled: page <= 1 });
      const next = button(t('admin.audit.next'), () => ((page += 1), void load()), { disabled: page >= pages });
      pager.replaceChildren(prev, el('span', {}, status), next);
      app.announce(status);
    } catch (err) {
      showError(out, err);
    }
  };
  root.append(form, out, pager);
  await load();
}
