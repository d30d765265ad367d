// "Translate into…" from a feed candidate: one request imports it as a draft original and starts its
// translation (POST /api/candidates/:id/translations), then the translation's workspace opens.
import type { ImportCandidate } from '../../../ingest/subscriptions/index.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { el, onSubmit, selectField } from '../shell/forms.ts';
import { languageName, translateConfig } from '../translate/common.ts';

export async function candidateTranslateForm(c: ImportCandidate, title: string, app: AppState): Promise<HTMLFormElement> {
  const cfg = await translateConfig();
  const lang = selectField({
    label: t('inbox.translateInto', { title }),
    name: 'language',
    options: cfg.languages.map((l) => [l, `${languageName(l)} (${l})`]),
  });
  const form = el('form', { class: 'candidate-translate' }, lang.field, el('button', { type: 'submit' }, t('inbox.translateStart')));
  onSubmit(form, async (v) => {
    const created = await api<{ id: number }>('POST', `/candidates/${c.id}/translations`, { language: v.language });
    app.announce(t('inbox.translationStarted'));
    app.navigate(`/articles/${created.id}/translate`);
  });
  return form;
}
