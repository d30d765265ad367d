// The "Republish this article" page (/<lang>/<slug>/republish): works without script; the HTML to paste
// sits in read-only text areas. Each opening carries a new placement token, so the page is never cached.
import { esc } from '../escape.ts';
import type { LicenceInfo } from '../licence.ts';
import { followPage } from '../page.ts';
import { kitStrings } from './strings.ts';

export interface KitPage {
  lang: string;
  title: string;
  articleUrl: string;
  licence: LicenceInfo;
  bodyHtml: string;
  headHtml: string;
}

export function renderKitPage(p: KitPage): string {
  const s = kitStrings(p.lang);
  const licence = p.licence.url ? `<a href="${esc(p.licence.url)}" rel="license">${esc(p.licence.name)}</a>` : esc(p.licence.name);
  return followPage({
    lang: p.lang,
    title: s.pageTitle(p.title),
    mainHtml: `<p>${s.intro(licence)}</p>
${p.licence.noDerivatives ? `<p>${esc(s.noDerivatives)}</p>` : ''}
${p.licence.nonCommercial ? `<p>${esc(s.nonCommercial)}</p>` : ''}
<p>${esc(s.imagesNote)}</p>
<p><label for="kit-body">${esc(s.bodyLabel)}</label><br>
<textarea id="kit-body" readonly rows="16" cols="80">${esc(p.bodyHtml)}</textarea></p>
<p><label for="kit-head">${esc(s.headLabel)}</label><br>
<textarea id="kit-head" readonly rows="2" cols="80">${esc(p.headHtml)}</textarea></p>
<p>${esc(s.canonicalAdvice)}</p>
<p><a href="${esc(p.articleUrl)}">${esc(s.back)}</a></p>`,
  });
}
