// /newsroom/import: paste a URL, a page's HTML or text; POST /api/imports; the extracted draft beside the
// stored original (a sandboxed frame), fields to correct, save as draft or open in the editor.
import { api, ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, button, el, field, messageArea } from './dom.ts';
import { showImported, type Imported } from './import-result.ts';
import './strings.ts';

type Source = 'url' | 'html' | 'text';

export function render(root: HTMLElement, _params: Record<string, string>, app: AppState): void {
  const msg = messageArea();
  const result = el('div', { class: 'import-result' });

  const url = el('input', { type: 'url', name: 'url', autocomplete: 'off', placeholder: 'https://' });
  const html = el('textarea', { name: 'html', rows: 8 });
  const htmlUrl = el('input', { type: 'url', name: 'htmlUrl', autocomplete: 'off' });
  const text = el('textarea', { name: 'text', rows: 8 });
  const parts: Record<Source, HTMLElement> = {
    url: el('div', {}, field(t('import.url'), url)),
    html: el('div', {}, field(t('import.html'), html), field(t('import.htmlUrl'), htmlUrl, t('import.htmlUrlHint'))),
    text: el('div', {}, field(t('import.text'), text, t('import.textHint'))),
  };
  const choice = el('fieldset', {}, el('legend', {}, t('import.source')));
  for (const s of ['url', 'html', 'text'] as Source[]) {
    const radio = el('input', { type: 'radio', name: 'source', value: s, checked: s === 'url' });
    radio.id = `import-source-${s}`;
    radio.addEventListener('change', () => pick(s));
    choice.append(el('div', { class: 'choice' }, radio, el('label', { for: radio.id }, t(`import.source.${s}`))));
  }
  const pick = (s: Source) => {
    for (const [k, node] of Object.entries(parts)) node.hidden = k !== s;
  };
  pick('url');

  const submit = el('button', { type: 'submit' }, t('import.submit'));
  const form = el('form', { class: 'import-form', 'aria-label': t('import.formLabel') }, choice, parts.url, parts.html, parts.text, submit);

  const bodyFor = (): Record<string, string> => {
    const s = (form.querySelector('input[name=source]:checked') as HTMLInputElement).value as Source;
    if (s === 'url') return { url: url.value.trim() };
    if (s === 'html') return htmlUrl.value.trim() ? { html: html.value, url: htmlUrl.value.trim() } : { html: html.value };
    return { text: text.value };
  };

  const run = async (body: Record<string, unknown>) => {
    msg.clear();
    result.replaceChildren();
    try {
      const r = await api<Imported>('POST', '/imports', body);
      msg.info(t(r.kind === 'updated' ? 'import.updated' : 'import.created', { id: r.articleId }));
      await showImported(result, r, app);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.body?.articleId) return duplicate(err, body);
      msg.error(err);
    }
  };

  const duplicate = (err: ApiError, body: Record<string, unknown>) => {
    const id = err.body.articleId as number;
    const update = button(t('import.update'), () => void busy(update, () => run({ ...body, update: true })));
    result.replaceChildren(
      el('section', { class: 'duplicate', 'aria-labelledby': 'dup-h' },
        el('h2', { id: 'dup-h' }, t('import.duplicate')),
        el('p', { role: 'alert' }, err.message),
        el('div', { class: 'actions' },
          button(t('import.openExisting'), () => app.navigate(`/articles/${id}`)),
          update,
          button(t('import.showExisting'), () => void showExisting(id)),
        ),
      ),
    );
  };

  const showExisting = async (id: number) => {
    try {
      const article = await api('GET', `/articles/${id}`);
      await showImported(result, { kind: 'exists', articleId: id, article }, app);
    } catch (err) {
      msg.error(err);
    }
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(submit, () => run(bodyFor()));
  });
  root.replaceChildren(form, msg.node, result);
}
