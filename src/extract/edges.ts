// Trims furniture that sits at the start or end of an article body inside the same container as the
// text: datelines and bylines ("Posted: Fri 6:45 PM, Feb 16, 2018"), reading-time notes, and the
// trailing calls to action ("Follow us on…", "Sign up for our newsletter", "Email the author at…",
// disclaimers, copyright lines). Only short blocks near the edges are considered, so article text
// that happens to mention a newsletter in the middle is kept.
import type { Element } from 'domhandler';
import { removeNode, textOf } from './dom.ts';

const LEAF_CANDIDATES = new Set(['p', 'div', 'section', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'span',
  'header', 'footer', 'address', 'time', 'em', 'strong', 'small', 'center', 'figure', 'blockquote', 'ul', 'ol']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl',
  'dt', 'dd', 'blockquote', 'pre', 'table', 'figure', 'header', 'footer', 'address', 'center', 'main', 'aside']);

const PROMO = new RegExp([
  '\\bfollow (?:us|him|her|them|me)\\b', '\\bfollow\\b.*\\b(?:twitter|facebook|instagram|linkedin|youtube)\\b', '\\bsign up\\b',
  '\\bsubscribe\\b', '\\bnewsletters?\\b', '\\bin your inbox\\b', '\\bclick here\\b',
  '\\b(?:can|may) be (?:reached|contacted) at\\b', '\\bemail\\b[^.]*@', '\\bjoin (?:us|our)\\b', '^disclaimer\\b',
  '\\blisten (?:live|back)\\b', '\\btell us what you think\\b',
  '^(?:read|see) (?:more|also)\\b', '^related\\b', '^more (?:from|on)\\b', '\\bdownload (?:the|our) app\\b',
  '\\bhave a (?:news )?tip\\b', '^(?:this|the) (?:article|story) (?:was|has been|is) (?:originally )?(?:published|updated|produced)',
  '^\\(?(?:reporting|writing|editing|additional reporting) by\\b', '\\bcontributed to this (?:report|story|article)\\b',
  '^(?:tags?|tagged(?: with| in)?|topics|filed under|categories|keywords)\\s*[:/|]', '^\\[?(?:button|caption)\\b',
].join('|'), 'i');

const READING_TIME = /^(?:\d+\s*(?:min(?:ute)?s?|mins?)\.?\s*(?:read|de lecture|de leitura|lesezeit)|(?:reading time|temps de lecture|tempo de leitura|tiempo de lectura|lesezeit)\b)/i;

// Words allowed in a dateline besides numbers: month and weekday names (en, fr, de, es, pt, it, nl),
// and the usual labels.
const DATE_WORDS = new Set(`january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec janvier février fevrier mars avril mai juin juillet août aout septembre
octobre novembre décembre decembre januar februar märz maerz juni juli oktober dezember enero febrero marzo abril mayo
junio julio agosto septiembre setiembre octubre noviembre diciembre janeiro fevereiro março maio junho julho setembro
outubro dezembro gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre januari februari maart mei juni
augustus
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun lundi mardi mercredi
jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag lunes martes miércoles jueves
viernes sábado domingo segunda terça quarta quinta sexta feira sábado lunedì martedì mercoledì giovedì venerdì
posted published updated last modified on at am pm a m p gmt utc bst est edt cet cest pst pdt ist et pt ct by le la
de del da do às a um le à h uhr um am publié mis jour publicado actualizado atualizado em aktualisiert veröffentlicht
date time th st nd rd`.split(/\s+/).filter(Boolean));

function isDateLine(t: string): boolean {
  if (t.length > 90) return false;
  if (!/\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/.test(t)) return false;
  const words = t.toLowerCase().match(/\p{L}+/gu) ?? [];
  let unknown = 0;
  for (const w of words) if (!DATE_WORDS.has(w)) unknown++;
  return unknown <= 2;
}

/** Leaf blocks (blocks without block children) in document order. */
function leafBlocks(root: Element, out: Element[]): void {
  for (const c of root.children) {
    if (c.type !== 'tag') continue;
    const el = c as Element;
    if (el.name === 'table' || el.name === 'pre') {
      out.push(el);
      continue;
    }
    let hasBlock = false;
    for (const g of el.children) if (g.type === 'tag' && BLOCKS.has((g as Element).name)) hasBlock = true;
    if (hasBlock) leafBlocks(el, out);
    else if (BLOCKS.has(el.name) || LEAF_CANDIDATES.has(el.name)) out.push(el);
  }
}

const HEAD = 3;
const TAIL = 4;

export function trimEdges(root: Element, trace: ((m: string) => void) | null): void {
  const blocks: Element[] = [];
  leafBlocks(root, blocks);
  const texts = blocks.map((b) => textOf(b));
  const nonEmpty = blocks.map((_, i) => i).filter((i) => texts[i]);
  if (nonEmpty.length < 3) return;
  const remove = new Set<number>();
  for (const i of nonEmpty.slice(0, HEAD)) {
    const t = texts[i];
    const byline = /^by\s+\p{Lu}/u.test(t) && (t.length < 80 || /\b(?:1[89]|20)\d\d\b|\b\d{1,2}:\d\d\b/.test(t));
    if (t.length < 200 && (isDateLine(t) || READING_TIME.test(t) || byline)) remove.add(i);
  }
  for (const i of nonEmpty.slice(-TAIL)) {
    const t = texts[i];
    if (t.length < 350 && (PROMO.test(t) || isDateLine(t))) remove.add(i);
  }
  for (const i of remove) {
    if (trace) trace(`edge ${blocks[i].name}: ${texts[i].slice(0, 80)}`);
    removeNode(blocks[i]);
  }
}
