// The dated correction notes under an article's body, oldest first.
import type { Correction } from '../../domain/types.ts';
import { html, type Html } from '../html.ts';
import { timeTag } from '../i18n/index.ts';
import type { Strings } from '../i18n/types.ts';

export function correctionsBlock(list: Correction[] | undefined, lang: string, s: Strings, timeZone?: string): Html | '' {
  if (!list?.length) return '';
  return html`<aside class="corrections" aria-label="${s.corrections}">
${list.map((c) => html`<p class="correction" id="correction-${c.id}">${s.correction(timeTag(c.at, lang, timeZone), c.text)}</p>\n`)}</aside>`;
}
