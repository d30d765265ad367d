// The page that asks a reader for their Mastodon server: plain HTML, no script, usable with a keyboard
// and a screen reader, in the article's language.
import type { Article } from '../domain/types.ts';
import { esc } from './escape.ts';
import { messagesFor } from './messages.ts';
import { followPage } from './page.ts';

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
  return followPage({
    lang: m.lang,
    title: m.mastodonPageTitle,
    mainHtml: `<p lang="${esc(opts.article.language)}"><cite>${esc(opts.article.title)}</cite></p>
<p>${esc(m.mastodonIntro)}</p>
<form method="get" action="${esc(action)}">
${bad ? `<p id="instance-error" role="alert"><strong>${esc(m.mastodonInvalid)}</strong></p>\n` : ''}<p>
<label for="instance">${esc(m.mastodonLabel)}</label><br>
<input id="instance" name="instance" type="text" inputmode="url" autocomplete="on" autocapitalize="none" spellcheck="false" required maxlength="253" aria-describedby="${describedBy}"${bad ? ` aria-invalid="true" value="${esc(opts.invalid!.slice(0, 253))}"` : ''}><br>
<small id="instance-hint">${esc(m.mastodonHint)}</small>
</p>
<p><button type="submit">${esc(m.mastodonSubmit)}</button></p>
</form>
<p><a href="${esc(opts.articleUrl)}">${esc(m.backToArticle)}</a></p>`,
  });
}
