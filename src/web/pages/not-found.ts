import { html, type Html } from '../html.ts';
import { strings } from '../i18n/index.ts';
import { layout, type Chrome } from '../layout.ts';

export function renderNotFound(chrome: Chrome, lang: string, path: string): Html {
  const s = strings(lang);
  const home = chrome.site.languages.includes(lang) && lang !== chrome.site.defaultLanguage ? `/${lang}/` : '/';
  return layout(
    chrome,
    { lang, title: `${s.notFoundTitle} – ${chrome.site.name}`, description: s.notFoundText, canonical: null, noindex: true, path },
    html`<h1>${s.notFoundTitle}</h1>
<p>${s.notFoundText}</p>
<p><a href="${home}">${s.backHome}</a></p>`,
  );
}

export function renderError(chrome: Chrome, lang: string, path: string): Html {
  const s = strings(lang);
  return layout(
    chrome,
    { lang, title: `${s.errorTitle} – ${chrome.site.name}`, description: s.errorText, canonical: null, noindex: true, path },
    html`<h1>${s.errorTitle}</h1>
<p>${s.errorText}</p>
<p><a href="/">${s.backHome}</a></p>`,
  );
}
