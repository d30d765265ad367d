// A segment's source as text: numbered placeholders shown as tokens (<1>…</1> stays readable and
// copyable), glossary terms as <mark> described by their rendering.
import { t } from '../i18n.ts';
import { el, uid } from '../shell/forms.ts';
import type { PlaceholderInfo, TermMark } from '../../../domain/translation.ts';

export type Term = TermMark;
export type Placeholder = PlaceholderInfo;

const TOKEN = /<\/?\d+\/?>/g;

/** Text with each placeholder as a token span (aria-hidden=false: screen readers read "<1>"). */
function withTokens(text: string): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index! > at) out.push(document.createTextNode(text.slice(at, m.index)));
    out.push(el('span', { class: 'tr-token' }, m[0]));
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}

/** The source paragraph and, for each term, the id of the note describing it (one per term, in order). */
export function sourceView(text: string, terms: Term[]): { node: HTMLElement; termIds: string[] } {
  const node = el('p', { class: 'tr-source-text' });
  const termIds = terms.map(() => uid('term'));
  const ordered = terms.map((term, i) => ({ term, id: termIds[i] })).sort((a, b) => a.term.start - b.term.start);
  let at = 0;
  for (const { term, id } of ordered) {
    if (term.start < at) continue; // overlapping marks: the first wins
    node.append(...withTokens(text.slice(at, term.start)));
    node.append(el('mark', { class: 'tr-term', title: t('tr.termIs', { term: term.term, rendering: term.rendering }), 'aria-describedby': id }, ...withTokens(text.slice(term.start, term.end))));
    at = term.end;
  }
  node.append(...withTokens(text.slice(at)));
  return { node, termIds };
}

/** "Keep the numbered tags: <1>…</1> link to https://…, <2/> line break". */
export function placeholderLegend(list: Placeholder[]): string | null {
  if (!list.length) return null;
  const items = list.map((p) =>
    p.kind === 'void' ? t('tr.ph.void', { n: p.n, tag: p.tag }) : p.href ? t('tr.ph.link', { n: p.n, href: p.href }) : t('tr.ph.pair', { n: p.n, tag: p.tag }),
  );
  return t('tr.placeholders', { list: items.join('; ') });
}
