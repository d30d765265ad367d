// The one HTML page of the newsroom: it names the bundle and says what to do without JavaScript.
import type { UiLanguage } from '../domain/accounts.ts';
import { escapeHtml } from '../web/html.ts';

const WORDS: Record<UiLanguage, { title: string; skip: string; noscript: string; loading: string }> = {
  fr: {
    title: 'Rédaction Relais',
    skip: 'Aller au contenu',
    noscript: 'La rédaction a besoin de JavaScript. Activez-le pour ce site, ou utilisez l’API et la commande relais.',
    loading: 'Chargement de la rédaction…',
  },
  en: {
    title: 'Relais newsroom',
    skip: 'Skip to content',
    noscript: 'The newsroom needs JavaScript. Turn it on for this site, or use the API and the relais command.',
    loading: 'Loading the newsroom…',
  },
};

export function shellHtml(o: { lang: UiLanguage; script: string; style: string }): string {
  const w = WORDS[o.lang];
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(w.title)}</title>
<link rel="stylesheet" href="${escapeHtml(o.style)}">
<script type="module" src="${escapeHtml(o.script)}"></script>
</head>
<body>
<a class="skip-link" href="#main">${escapeHtml(w.skip)}</a>
<div id="app"><main id="main" tabindex="-1"><h1>${escapeHtml(w.title)}</h1><noscript><p>${escapeHtml(w.noscript)}</p></noscript><p class="loading">${escapeHtml(w.loading)}</p></main></div>
</body>
</html>
`;
}
