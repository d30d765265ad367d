// The checks of one republishing page against the article: credits present, link back, canonical as
// advised, text unchanged. Pure: the fetch happens in check-job.ts.
import type { Credits } from '../../provenance/credits.ts';
import { creditNames } from './kit.ts';
import { pageFacts, samePage } from './page-facts.ts';
import { containment } from './similarity.ts';

/** At or above this share of the article's shingles, the text counts as unchanged. */
export const UNCHANGED_AT = 0.9;

export interface RepublicationChecks {
  title: string | null;
  creditsPresent: boolean;
  missingCredits: string[];
  linkBack: boolean;
  canonicalAsAdvised: boolean;
  canonicalFound: string | null;
  similarity: number;
  textUnchanged: boolean;
  /** The copy index's similarity for this article (src/copies), when it found the page a copy; set by check-job.ts. */
  copyIndexSimilarity?: number | null;
}

export function checkRepublication(html: string, pageUrl: string, a: { articleUrl: string; text: string; credits: Credits }): RepublicationChecks {
  const facts = pageFacts(html, pageUrl);
  const hay = facts.text.toLowerCase();
  const cn = creditNames(a.credits);
  const expected = [...cn.writers, ...cn.translators, ...(cn.original?.name ? [cn.original.name] : [])];
  const missingCredits = expected.filter((n) => !hay.includes(n.toLowerCase()));
  const similarity = Math.round(containment(a.text, facts.text) * 1000) / 1000;
  return {
    title: facts.title,
    creditsPresent: missingCredits.length === 0,
    missingCredits,
    linkBack: facts.links.some((l) => samePage(l, a.articleUrl)),
    canonicalAsAdvised: facts.canonical !== null && samePage(facts.canonical, a.credits.canonicalUrl),
    canonicalFound: facts.canonical,
    similarity,
    textUnchanged: similarity >= UNCHANGED_AT,
  };
}
