// The page that names the Mastodon server before the reader is sent there: a link elsewhere with any
// ?instance= cannot bounce readers to a host of its choosing through this site. Plain HTML, no script,
// one button (keyboard and screen reader friendly), in the article's language.
import type { Article } from '../domain/types.ts';
import { esc } from './escape.ts';
import { messagesFor } from './messages.ts';
import { followPage } from './page.ts';

export function renderMastodonConfirm(opts: {
  article: Pick<Article, 'id' | 'title' | 'language'>;
  articleUrl: string;
  /** A host name already checked by parseMastodonInstance. */
  instance: string;
}): string {
  const m = messagesFor(opts.article.language);
  const action = esc(`/share/${opts.article.id}/mastodon`);
  const host = esc(opts.instance);
  return followPage({
    lang: m.lang,
    title: m.mastodonConfirmTitle,
    mainHtml: `<p lang="${esc(opts.article.language)}"><cite>${esc(opts.article.title)}</cite></p>
<p>${esc(m.mastodonConfirmIntro)} <strong>${host}</strong></p>
<form method="get" action="${action}">
<input type="hidden" name="instance" value="${host}">
<input type="hidden" name="confirm" value="1">
<p><button type="submit">${esc(m.mastodonContinue(opts.instance))}</button></p>
</form>
<p><a href="${action}">${esc(m.mastodonOtherServer)}</a></p>
<p><a href="${esc(opts.articleUrl)}">${esc(m.backToArticle)}</a></p>`,
  });
}
