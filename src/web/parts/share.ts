// The share bar: one counting link per network (the /share/ endpoint redirects to the network) and the total.
import { SHARE_NETWORKS, type Article, type ShareCounts } from '../../domain/types.ts';
import { html, type Html } from '../html.ts';
import type { Strings } from '../i18n/index.ts';

export function shareBar(article: Pick<Article, 'id' | 'title'>, counts: ShareCounts, s: Strings): Html {
  return html`<section class="share-bar" aria-labelledby="share-heading">
<h2 id="share-heading">${s.shareHeading(article.title)}</h2>
<ul>
${SHARE_NETWORKS.map(
    (n) =>
      html`<li><a class="share share-${n}" href="/share/${article.id}/${n}" rel="nofollow noopener" target="_blank" data-network="${n}">${s.shareLabels[n]} <span class="share-count" data-network="${n}">${counts.byNetwork[n] ?? 0}</span></a></li>\n`,
  )}</ul>
<p class="share-total" data-total="${counts.total}">${s.total(counts.total)}</p>
</section>`;
}
