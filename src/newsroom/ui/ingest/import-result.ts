// The imported draft beside its original: the extracted fields, editable, and the stored original in a
// sandboxed frame (no scripts, no same-origin: the original's markup can neither run nor reach the newsroom).
import type { Article, Outlet, Person } from '../../../domain/types.ts';
import { api, ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, button, el, field, messageArea, textOf, time } from './dom.ts';
import { articleInput, authorIdsFor } from './draft-input.ts';

export interface Imported {
  kind: 'created' | 'updated' | 'exists';
  articleId: number;
  article: Article;
  note?: string;
}

interface Original {
  url: string | null;
  html: string | null;
  text: string | null;
  fetchedAt: string | null;
  title: string | null;
}

/** datetime-local shows UTC here (the label says so): the stored time is UTC too. */
const toLocalInput = (iso: string | null | undefined) => (iso ? iso.slice(0, 16) : '');
const fromLocalInput = (v: string) => (v ? new Date(v + 'Z').toISOString() : null);

export async function showImported(root: HTMLElement, r: Imported, app: AppState): Promise<void> {
  const [people, outlets] = await Promise.all([
    api<{ items: Person[] }>('GET', '/people').then((x) => x.items),
    api<{ items: Outlet[] }>('GET', '/outlets').then((x) => x.items),
  ]);
  let article = r.article;
  const orig = article.provenance.original;
  const byId = new Map(people.map((p) => [p.id, p.name]));
  const names = article.authorIds.map((id) => byId.get(id)).filter(Boolean) as string[];

  const title = el('input', { type: 'text', name: 'title', value: article.title, required: true });
  const authors = el('input', { type: 'text', name: 'authors', value: (names.length ? names : (orig?.authorNames ?? [])).join(', ') });
  const date = el('input', { type: 'datetime-local', name: 'date', value: toLocalInput(orig?.publishedAt) });
  const language = el('input', { type: 'text', name: 'language', value: article.language, required: true, pattern: '[a-z]{2,3}(-[A-Za-z0-9]{2,8})*', size: 6 });
  const outlet = el('select', { name: 'outlet' }, el('option', { value: '' }, t('import.noOutlet')));
  for (const o of outlets) outlet.append(el('option', { value: o.id, selected: o.id === orig?.outletId }, `${o.name} (${o.homeUrl})`));
  const summary = el('textarea', { name: 'summary', rows: 3 });
  summary.value = article.summary;
  const preview = textOf(article.bodyHtml);

  const msg = messageArea();
  const save = el('button', { type: 'submit' }, t('import.save'));
  const form = el('form', { class: 'extracted', 'aria-labelledby': 'extracted-h' },
    el('h2', { id: 'extracted-h' }, t('import.extracted', { id: article.id })),
    r.note ? el('p', { class: 'note' }, r.note) : null,
    field(t('import.title'), title),
    field(t('import.authors'), authors, t('import.authorsHint')),
    field(t('import.date'), date),
    field(t('import.language'), language),
    field(t('import.outlet'), outlet),
    field(t('import.summary'), summary),
    el('h3', {}, t('import.bodyPreview')),
    el('p', { class: 'body-preview' }, preview.length > 1200 ? preview.slice(0, 1200) + '…' : preview || t('import.emptyBody')),
    el('div', { class: 'actions' }, save, button(t('import.openEditor'), () => app.navigate(`/articles/${article.id}`)),
      app.can('article.create') ? button(t('import.translate'), () => app.navigate(`/articles/${article.id}/translate`)) : null),
    msg.node,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(save, async () => {
      try {
        const current = await api<Article>('GET', `/articles/${article.id}`);
        const authorNames = authors.value.split(',').map((s) => s.trim()).filter(Boolean);
        const input = articleInput(current);
        input.title = title.value.trim();
        input.summary = summary.value;
        input.language = language.value.trim();
        input.authorIds = await authorIdsFor(authorNames, people);
        const original = current.provenance.original ?? { url: null, title: null, outletId: null, authorNames: [], language: null, publishedAt: null };
        input.provenance = {
          ...input.provenance,
          original: { ...original, authorNames, publishedAt: fromLocalInput(date.value), outletId: outlet.value ? Number(outlet.value) : null },
        };
        article = await api<Article>('PUT', `/articles/${article.id}`, input);
        msg.info(t('import.saved'));
      } catch (err) {
        msg.error(err);
      }
    });
  });

  root.replaceChildren(el('div', { class: 'side-by-side' }, form, await originalView(article.id)));
}

async function originalView(id: number): Promise<HTMLElement> {
  const box = el('section', { class: 'original', 'aria-labelledby': 'original-h' }, el('h2', { id: 'original-h' }, t('import.original')));
  let o: Original;
  try {
    o = await api<Original>('GET', `/articles/${id}/original`);
  } catch (err) {
    box.append(el('p', {}, err instanceof ApiError && err.status === 404 ? t('import.noOriginal') : String((err as Error).message)));
    return box;
  }
  if (o.url) box.append(el('p', {}, t('import.originalUrl'), ' ', el('a', { href: o.url, rel: 'noopener noreferrer', target: '_blank' }, o.url)));
  if (o.fetchedAt) box.append(el('p', {}, t('import.fetchedAt', { at: time(o.fetchedAt) })));
  if (o.html) {
    // sandbox="" with no allow-* tokens: no scripts, no forms, no popups, a unique origin.
    const frame = el('iframe', { sandbox: '', title: t('import.originalFrame', { title: o.title ?? o.url ?? '' }), class: 'original-frame', referrerpolicy: 'no-referrer' });
    frame.srcdoc = o.html;
    box.append(frame);
  } else box.append(el('pre', { class: 'original-text', tabindex: 0, 'aria-label': t('import.originalText') }, o.text ?? ''));
  return box;
}
