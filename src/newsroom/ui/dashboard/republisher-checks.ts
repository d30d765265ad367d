// The checks of one republishing page as a short list: each check named with "yes" or "no" in words (not
// colour alone), missing credits by name, the text's similarity, and when the page was checked.
import type { RepublisherRow } from '../../../follow/republish/dashboard.ts';
import { lang, t } from '../i18n.ts';
import { el, when } from '../shell/forms.ts';
import './follow-strings.ts';

function item(label: string, ok: boolean): HTMLLIElement {
  return el('li', { class: ok ? 'check-ok' : 'check-failed' }, t('rep.check', { label }), el('strong', {}, t(ok ? 'rep.yes' : 'rep.no')));
}

export function checksCell(r: RepublisherRow): Node {
  if (r.checkError) return el('span', { class: 'check-failed' }, t('rep.checkFailed', { error: r.checkError }));
  const c = r.checks;
  if (!c) return document.createTextNode(t('rep.notChecked'));
  const pct = new Intl.NumberFormat(lang(), { style: 'percent', maximumFractionDigits: 0 }).format(c.similarity);
  return el(
    'div',
    {},
    el(
      'ul',
      { class: 'checks' },
      item(t('rep.credits'), c.creditsPresent),
      c.missingCredits.length ? el('li', {}, t('rep.missing', { names: c.missingCredits.join(', ') })) : null,
      item(t('rep.linkBack'), c.linkBack),
      item(t('rep.canonical'), c.canonicalAsAdvised),
      item(t('rep.unchanged', { pct }), c.textUnchanged),
    ),
    r.checkedAt ? el('small', {}, t('rep.checkedAt', { when: when(r.checkedAt, lang()) })) : null,
  );
}
