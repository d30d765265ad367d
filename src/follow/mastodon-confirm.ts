// The page that names the Mastodon server before the reader is sent there: a link elsewhere with any
// ?instance= cannot bounce readers to a host of its choosing through this site. Plain HTML, no script,
// one button (keyboard and screen reader friendly), in the article's language.
import type { Article } from '../domain/types.ts';
import { messagesFor } from './messages.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderMastodonConfirm(opts: {
  article: Pick<Article, 'id' | 'title' | 'language'>;
  articleUrl: string;
  /** A host name already checked by parseMastodonInstance. */
  instance: string;
}): string {
  const m = messagesFor(opts.article.language);
  const action = escapeHtml(`/share/${opts.article.id}/mastodon`);
  const host = escapeHtml(opts.instance);
  return `<!doctype html>
<html lang="${escapeHtml(m.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(m.mastodonConfirmTitle)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(m.mastodonConfirmTitle)}</h1>
<p lang="${escapeHtml(opts.article.language)}"><cite>${escapeHtml(opts.article.title)}</cite></p>
<p>${escapeHtml(m.mastodonConfirmIntro)} <strong>${host}</strong></p>
<form method="get" action="${action}">
<input type="hidden" name="instance" value="${host}">
<input type="hidden" name="confirm" value="1">
<p><button type="submit">${escapeHtml(m.mastodonContinue(opts.instance))}</button></p>
</form>
<p><a href="${action}">${escapeHtml(m.mastodonOtherServer)}</a></p>
<p><a href="${escapeHtml(opts.articleUrl)}">${escapeHtml(m.backToArticle)}</a></p>
</main>
</body>
</html>
`;
}
