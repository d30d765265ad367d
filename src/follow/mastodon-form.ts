// The page that asks a reader for their Mastodon server: plain HTML, no script, usable with a keyboard
// and a screen reader, in the article's language.
import type { Article } from '../domain/types.ts';
import { messagesFor } from './messages.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderMastodonForm(opts: {
  article: Pick<Article, 'id' | 'title' | 'language'>;
  articleUrl: string;
  /** The rejected input, when the reader sent one. */
  invalid: string | null;
}): string {
  const m = messagesFor(opts.article.language);
  const action = `/share/${opts.article.id}/mastodon`;
  const bad = opts.invalid !== null;
  const describedBy = bad ? 'instance-error instance-hint' : 'instance-hint';
  return `<!doctype html>
<html lang="${escapeHtml(m.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(m.mastodonPageTitle)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(m.mastodonPageTitle)}</h1>
<p lang="${escapeHtml(opts.article.language)}"><cite>${escapeHtml(opts.article.title)}</cite></p>
<p>${escapeHtml(m.mastodonIntro)}</p>
<form method="get" action="${escapeHtml(action)}">
${bad ? `<p id="instance-error" role="alert"><strong>${escapeHtml(m.mastodonInvalid)}</strong></p>\n` : ''}<p>
<label for="instance">${escapeHtml(m.mastodonLabel)}</label><br>
<input id="instance" name="instance" type="text" inputmode="url" autocomplete="on" autocapitalize="none" spellcheck="false" required maxlength="253" aria-describedby="${describedBy}"${bad ? ` aria-invalid="true" value="${escapeHtml(opts.invalid!.slice(0, 253))}"` : ''}><br>
<small id="instance-hint">${escapeHtml(m.mastodonHint)}</small>
</p>
<p><button type="submit">${escapeHtml(m.mastodonSubmit)}</button></p>
</form>
<p><a href="${escapeHtml(opts.articleUrl)}">${escapeHtml(m.backToArticle)}</a></p>
</main>
</body>
</html>
`;
}
