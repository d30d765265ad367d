// Main-content detection. Three stages over the parsed page:
//   1. prune: drop never-content elements (scripts, form controls, media embeds), hidden elements and
//      boilerplate regions (navigation, share bars, comments, related/recommended, newsletter, ads…)
//      recognised by tag and class/id words, unless they hold the main paragraph cluster or most of
//      the page's paragraph text;
//   2. score: paragraph-like blocks give points (length, commas) to their ancestors; a container's
//      score is damped by its link density and weighted by class/id words; the best container plus
//      those of its siblings that look like article text form the body;
//   3. clean: inside the body, drop blocks that look like furniture (link lists, image galleries
//      without text, short boilerplate lines, headings of removed sections, the title repeated).
import { Element, type Document } from 'domhandler';
import { trimEdges } from './edges.ts';
import { countChars, isElement, removeNode, textOf, type AnyNode, type ChildNode, type ParentNode, type Text } from './dom.ts';

/** Development aid: receives a line per decision (dropped element and why, chosen container). */
let trace: ((msg: string) => void) | null = null;
export function setTrace(fn: ((msg: string) => void) | null): void {
  trace = fn;
}
function describe(el: Element): string {
  const a = el.attribs;
  return `${el.name}${a.id ? '#' + a.id : ''}${a.class ? '.' + a.class.trim().split(/\s+/).join('.') : ''}`;
}

// Elements whose content is never article text.
const DROP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'applet', 'input',
  'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'link', 'meta', 'head', 'title', 'map', 'audio',
  'video', 'source', 'track', 'dialog', 'menu', 'menuitem', 'label', 'fieldset', 'math', 'base', 'frame', 'frameset',
]);
const NEVER_PRUNE_BY_CLASS = new Set(['body', 'html', 'main', 'article', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot',
  'blockquote', 'p']);
// Structural furniture: dropped unless the element holds most of the page's text.
const SOFT_DROP_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'form']);

export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption',
  'hr', 'address', 'header', 'footer', 'aside', 'nav', 'center', 'details', 'summary', 'form', 'fieldset', 'body',
  'html', 'hgroup', 'picture',
]);

// Words in class/id that mark boilerplate regions (matched as whole words after splitting on
// punctuation and camelCase, so "ad" does not match "header" and "comment" does not match "commentary").
// Strong words drop the element unless it holds most of the page's text; weak words (often found on
// wrappers too: "article-header", "modal-enabled", "widget Blog") only drop small elements.
const NEG_WORDS = new Set([
  'comment', 'comments', 'commentlist', 'disqus', 'respond', 'replies', 'share', 'shares', 'sharing', 'sharebar',
  'sharetools', 'social', 'socials', 'related', 'recommended', 'recommendations', 'recirc', 'recirculation',
  'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'promo', 'promos', 'promotion',
  'sponsor', 'sponsored', 'advert', 'advertisement', 'advertising', 'ad', 'ads', 'adsense', 'adslot', 'adunit',
  'dfp', 'banner', 'sidebar', 'breadcrumb', 'breadcrumbs', 'footer', 'masthead', 'nav', 'navbar', 'navigation',
  'menu', 'popup', 'cookie', 'cookies', 'consent', 'gdpr', 'outbrain', 'taboola', 'popular', 'trending',
  'paywall', 'offscreen', 'sronly', 'srtext', 'visuallyhidden', 'affiliate', 'donate', 'onward',
  'authorbio', 'authorprofile', 'authorbox', 'authorinfo', 'aboutauthor', 'abouttheauthor', 'authordescription',
  'authorcard', 'postauthor',
]);
const WEAK_NEG_WORDS = new Set([
  'widget', 'widgets', 'gpt', 'tags', 'tag', 'taglist', 'keywords', 'byline', 'bylines', 'dateline', 'author',
  'authors', 'bio', 'timestamp', 'toolbar', 'tools', 'pagination', 'pager', 'skip', 'jump', 'print', 'login',
  'signin', 'register', 'meter', 'rating', 'poll', 'survey', 'hidden', 'caption', 'credit', 'credits', 'disclaimer',
  'copyright', 'meta', 'header', 'topbar', 'crumbs', 'follow', 'email', 'contact', 'feedback', 'more', 'next',
  'prev', 'previous', 'teaser', 'teasers', 'carousel', 'slider', 'gallery', 'video', 'player', 'playlist',
  'podcast', 'tooltip', 'alert', 'native', 'shopping', 'donation', 'cta', 'trust', 'corrections', 'modal',
  'overlay',
]);
const WEAK_MAX_CHARS = 400;
// Class/id words that weigh a candidate container's score up or down (stage 2).
const SCORE_POS_WORDS = new Set([
  'article', 'articles', 'body', 'content', 'entry', 'hentry', 'main', 'post', 'text', 'blog', 'story',
  'prose', 'richtext', 'paragraph', 'paragraphs', 'copy', 'page',
]);
const SCORE_NEG_WORDS = new Set([
  'comment', 'comments', 'commentlist', 'disqus', 'share', 'sharing', 'social', 'related', 'recommended',
  'newsletter', 'subscribe', 'promo', 'sponsor', 'sponsored', 'ad', 'ads', 'advert', 'advertisement', 'sidebar',
  'widget', 'footer', 'nav', 'navigation', 'menu', 'outbrain', 'taboola', 'popular', 'trending', 'breadcrumb',
  'breadcrumbs', 'byline', 'caption', 'credit', 'tags', 'tag', 'author', 'bio', 'meta', 'masthead', 'hidden',
  'gallery', 'video', 'player', 'teaser', 'carousel', 'cta', 'onward', 'recirc', 'toolbar', 'tools', 'pagination',
]);

const wordCache = new Map<string, string[]>();
function classWords(el: Element): string[] {
  const a = el.attribs;
  const s = (a.class ?? '') + ' ' + (a.id ?? '');
  if (s.length === 1) return EMPTY;
  let w = wordCache.get(s);
  if (w) return w;
  w = s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  // Also the joined forms ("sr-only" -> "sronly", "visually-hidden" -> "visuallyhidden").
  const joined = s.toLowerCase().split(/\s+/).map((x) => x.replace(/[^a-z0-9]/g, '')).filter((x) => x && !w!.includes(x));
  w = w.concat(joined);
  if (wordCache.size > 20000) wordCache.clear();
  wordCache.set(s, w);
  return w;
}
const EMPTY: string[] = [];

/** 2: strong boilerplate word, 1: weak one, 0: none. */
function negLevel(words: string[]): number {
  let lvl = 0;
  for (const w of words) {
    if (NEG_WORDS.has(w)) return 2;
    if (WEAK_NEG_WORDS.has(w)) lvl = 1;
  }
  return lvl;
}

function classWeight(el: Element): number {
  const words = classWords(el);
  if (!words.length) return 0;
  let w = 0;
  let pos = false;
  let neg = false;
  for (const x of words) {
    if (SCORE_POS_WORDS.has(x)) pos = true;
    if (SCORE_NEG_WORDS.has(x)) neg = true;
  }
  if (pos) w += 25;
  if (neg) w -= 25;
  return w;
}

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  if (a['aria-hidden'] === 'true' && el.name !== 'span' && el.name !== 'i') return true;
  const st = a.style;
  if (st && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(st)) return true;
  return false;
}

const COMMENT_WORDS = new Set(['comment', 'comments', 'commentlist', 'disqus', 'respond', 'replies', 'discussion']);
function isCommentish(el: Element): boolean {
  for (const w of classWords(el)) if (COMMENT_WORDS.has(w)) return true;
  return false;
}

function hasDescendant(el: Element, name: string): boolean {
  const ch = el.children;
  for (let i = 0; i < ch.length; i++) {
    const c = ch[i];
    if (c.type === 'tag' && ((c as Element).name === name || hasDescendant(c as Element, name))) return true;
  }
  return false;
}

interface MassState {
  mass: Map<Element, number>;
  chars: Map<Element, number>; // text characters under each element
  leaves: Set<Element>; // paragraph-like blocks that gave mass
  clusters: Array<[Element, number]>; // elements with paragraph text in their direct children
}

/**
 * "Paragraph mass" of every element: characters in paragraph-like blocks of 80+ characters with little
 * link text below it. Boilerplate words on a wrapper ("layout-with-sidebar") must not drop the article.
 */
let massLinks = 0; // second result of paragraphMass (link characters), avoids a tuple per element

function paragraphMass(el: Element, st: MassState): number {
  const mass = st.mass;
  let chars = 0;
  let links = 0;
  let block = false;
  let m = 0;
  let direct = 0;
  let inline = 0; // text directly in this element, outside block children
  let inlineLinks = 0;
  const ch = el.children;
  for (let i = 0; i < ch.length; i++) {
    const n = ch[i];
    if (n.type === 'text') {
      const cc = countChars((n as Text).data);
      chars += cc;
      inline += cc;
    } else if (n.type === 'tag') {
      const c = n as Element;
      if (DROP_TAGS.has(c.name)) continue; // select options, noscript… are not text
      const cc = paragraphMass(c, st);
      const cl = c.name === 'a' ? cc : massLinks;
      chars += cc;
      links += cl;
      const cm = mass.get(c) ?? 0;
      m += cm;
      if (cm && st.leaves.has(c)) direct += cm;
      if (BLOCK_TAGS.has(c.name)) block = true;
      else {
        inline += cc;
        inlineLinks += cl;
      }
    }
  }
  if (m === 0 && chars >= 80 && (PARA_TAGS.has(el.name) || !block) && links < chars * 0.3) {
    m = chars;
    st.leaves.add(el);
  } else if (block && inline >= 80 && inlineLinks < inline * 0.3) {
    // Text written straight into a container between blocks (<br>-separated paragraphs).
    m += inline;
    direct += inline;
  }
  if (m) mass.set(el, m);
  st.chars.set(el, chars);
  if (direct) st.clusters.push([el, direct]);
  massLinks = links;
  return chars;
}

/** Stage 1. Mutates the tree. `lenient` keeps class-word boilerplate (second chance for odd pages). */
function prune(root: Element, lenient: boolean): void {
  const st: MassState = { mass: new Map(), chars: new Map(), leaves: new Set(), clusters: [] };
  paragraphMass(root, st);
  const mass = st.mass;
  const totalMass = mass.get(root) ?? 0;
  // The main paragraph cluster (the largest one not inside navigation, an aside or a footer) and its
  // ancestors are never dropped for their class words.
  st.clusters.sort((a, b) => b[1] - a[1]);
  let best: Element | null = null;
  for (const [el] of st.clusters.slice(0, 5)) {
    let inFurniture = false;
    for (let p: ParentNode | null = el; p && p.type === 'tag'; p = p.parent) {
      if (FURNITURE_TAGS.has((p as Element).name)) inFurniture = true;
    }
    if (!inFurniture) {
      best = el;
      break;
    }
  }
  const protect = new Set<ParentNode>();
  for (let p: ParentNode | null = best; p; p = p.parent) protect.add(p);
  const subtreeChars = (el: Element) => st.chars.get(el) ?? 0;
  const totalChars = subtreeChars(root);
  removeWhere(root, (n) => {
    if (n.type === 'comment' || n.type === 'directive' || n.type === 'cdata' || n.type === 'script' ||
      n.type === 'style') {
      return true;
    }
    if (n.type !== 'tag') return false;
    const el = n as Element;
    const name = el.name;
    // Hidden elements go, except the main text itself (some pages hide it until a script runs).
    if (DROP_TAGS.has(name) || isHidden(el) && !protect.has(el)) {
      if (trace && !DROP_TAGS.has(name)) trace(`hidden ${describe(el)}: ${textOf(el).slice(0, 80)}`);
      return true;
    }
    if (!lenient && !NEVER_PRUNE_BY_CLASS.has(name)) {
      const lvl = SOFT_DROP_TAGS.has(name) || el.attribs.role === 'navigation' || el.attribs.role === 'complementary'
        ? 2 : negLevel(classWords(el));
      // Embedded posts (tweets, Instagram…) are quoted content even inside "social"/"video" wrappers.
      const embed = lvl && !SOFT_DROP_TAGS.has(name) && !isCommentish(el) && hasDescendant(el, 'blockquote');
      const comments = lvl === 2 && isCommentish(el);
      // Navigation, asides and footers are never the article, even when they hold the most prose.
      const shielded = protect.has(el) && !FURNITURE_TAGS.has(name);
      if (lvl && (!shielded || comments) && !embed) {
        const m = mass.get(el) ?? 0;
        const drop = comments || (totalMass > 0
          ? m <= totalMass * 0.5 && (lvl === 2 || m < WEAK_MAX_CHARS && subtreeChars(el) < WEAK_MAX_CHARS * 2)
          : subtreeChars(el) < (lvl === 2 ? totalChars * 0.5 : WEAK_MAX_CHARS));
        if (drop) {
          if (trace) trace(`prune ${describe(el)} level=${lvl} mass=${m}/${totalMass}`);
          return true;
        }
      }
    }
    return false;
  });
}

/**
 * Removes, in document order and depth first, every node `drop` says to remove (without looking inside
 * it); elements that stay are walked into. Mutates.
 */
function removeWhere(root: ParentNode, drop: (n: ChildNode) => boolean): void {
  const walk = (parent: ParentNode) => {
    const keep: ChildNode[] = [];
    let changed = false;
    for (const n of parent.children) {
      if (drop(n)) {
        changed = true;
        continue;
      }
      keep.push(n);
      if (n.type === 'tag') walk(n as Element);
    }
    if (changed) relink(parent, keep);
  };
  walk(root);
}

function relink(parent: ParentNode, kids: ChildNode[]): void {
  for (let i = 0; i < kids.length; i++) {
    kids[i].prev = i > 0 ? kids[i - 1] : null;
    kids[i].next = i + 1 < kids.length ? kids[i + 1] : null;
  }
  parent.children = kids;
}

interface Stats {
  chars: number; // text characters
  linkChars: number; // characters inside <a>
  commas: number;
  p: number; // paragraph-ish descendants
  img: number;
  li: number;
  headings: number;
  blockChild: boolean; // has a block-level child element
  inlineChars: number; // text directly inside, outside block children
  inlineLinkChars: number;
  inlineCommas: number;
  score: number; // content score from paragraphs below
  scored: boolean;
}

const PARA_TAGS = new Set(['p', 'pre', 'blockquote', 'td']);
const FURNITURE_TAGS = new Set(['aside', 'nav', 'footer']);

/** Stage 2 helpers: one post-order pass computing text statistics of every element. */
function computeStats(root: Element, stats: Map<Element, Stats>): Stats {
  const s: Stats = {
    chars: 0, linkChars: 0, commas: 0, p: 0, img: 0, li: 0, headings: 0, blockChild: false, inlineChars: 0,
    inlineLinkChars: 0, inlineCommas: 0, score: 0, scored: false,
  };
  const ch = root.children;
  for (let i = 0; i < ch.length; i++) {
    const n = ch[i];
    if (n.type === 'text') {
      const d = (n as Text).data;
      let chars = 0;
      let commas = 0;
      for (let j = 0; j < d.length; j++) {
        const c = d.charCodeAt(j);
        if (c > 32 && c !== 160) {
          chars++;
          if (c === 44 || c === 0xff0c || c === 0x3001) commas++;
        }
      }
      s.chars += chars;
      s.commas += commas;
      s.inlineChars += chars;
      s.inlineCommas += commas;
    } else if (n.type === 'tag') {
      const el = n as Element;
      const cs = computeStats(el, stats);
      s.chars += cs.chars;
      s.linkChars += el.name === 'a' ? cs.chars : cs.linkChars;
      s.commas += cs.commas;
      s.p += cs.p;
      s.img += cs.img;
      s.li += cs.li;
      s.headings += cs.headings;
      const nm = el.name;
      if (BLOCK_TAGS.has(nm)) s.blockChild = true;
      else {
        s.inlineChars += cs.chars;
        s.inlineLinkChars += nm === 'a' ? cs.chars : cs.linkChars;
        s.inlineCommas += cs.commas;
      }
      if (nm === 'p' || nm === 'pre') s.p++;
      else if (nm === 'img') s.img++;
      else if (nm === 'li') s.li++;
      else if (nm.length === 2 && nm[0] === 'h' && nm[1] >= '1' && nm[1] <= '6') s.headings++;
    }
  }
  stats.set(root, s);
  return s;
}

function tagInitScore(name: string): number {
  switch (name) {
    case 'div': case 'section': return 5;
    case 'article': case 'main': return 8;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

function isParagraphLike(el: Element, s: Stats): boolean {
  if (PARA_TAGS.has(el.name)) return true;
  // A container holding only phrasing content acts as a paragraph.
  return (el.name === 'div' || el.name === 'section' || el.name === 'span' || el.name === 'article') && !s.blockChild &&
    s.chars > 0;
}

function findCandidates(root: Element, stats: Map<Element, Stats>): Element[] {
  const scored: Element[] = [];
  const init = (el: Element) => {
    const s = stats.get(el);
    if (!s) return null;
    if (!s.scored) {
      s.scored = true;
      s.score = tagInitScore(el.name) + classWeight(el);
      scored.push(el);
    }
    return s;
  };
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    const s = stats.get(el);
    if (!s) continue;
    if (isParagraphLike(el, s)) {
      const len = s.chars;
      if (len >= 25) {
        const ld = s.chars ? s.linkChars / s.chars : 0;
        let points = 1 + s.commas + Math.min(Math.floor(len / 100), 3);
        if (ld > 0.5) points *= 1 - ld;
        let anc = el.parent as Element | null;
        let level = 0;
        while (anc && anc.type === 'tag' && level < 5) {
          const as = init(anc);
          if (!as) break;
          as.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
          anc = anc.parent as Element | null;
          level++;
        }
      }
      if (el.name !== 'td' && el.name !== 'blockquote') continue;
    } else if (s.blockChild && s.inlineChars >= 25 && s.inlineLinkChars < s.inlineChars * 0.5) {
      // Text written straight into a container between blocks counts as paragraphs of that container.
      const points = 1 + s.inlineCommas + Math.min(Math.floor(s.inlineChars / 100), 3);
      let anc: Element | null = el;
      let level = 0;
      while (anc && anc.type === 'tag' && level < 5) {
        const as = init(anc);
        if (!as) break;
        as.score += points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
        anc = anc.parent as Element | null;
        level++;
      }
    }
    const ch = el.children;
    for (let i = 0; i < ch.length; i++) {
      const c = ch[i];
      // Prose inside navigation, asides and footers that survived pruning does not elect a container.
      if (c.type === 'tag' && !FURNITURE_TAGS.has((c as Element).name)) stack.push(c as Element);
    }
  }
  for (const el of scored) {
    const s = stats.get(el)!;
    const ld = s.chars ? s.linkChars / s.chars : 0;
    s.score *= 1 - ld;
  }
  scored.sort((a, b) => stats.get(b)!.score - stats.get(a)!.score);
  return scored;
}

function linkDensity(s: Stats): number {
  return s.chars ? s.linkChars / s.chars : 0;
}

/** Stage 2: picks the article container(s). Returns the elements whose content forms the body. */
function selectBody(root: Element, stats: Map<Element, Stats>): Element[] {
  const cands = findCandidates(root, stats);
  if (trace) for (const c of cands.slice(0, 5)) trace(`candidate ${describe(c)} score=${stats.get(c)!.score.toFixed(1)} chars=${stats.get(c)!.chars}`);
  let top = cands[0];
  if (!top) return [root];
  let topScore = stats.get(top)!.score;

  // Prefer a common ancestor when several strong candidates share it (body split in several blocks).
  const alternatives = cands.slice(1, 6).filter((c) => stats.get(c)!.score >= topScore * 0.75 &&
    !contains(c, top) && !contains(top, c));
  if (alternatives.length >= 2) {
    let parent = top.parent as Element | null;
    while (parent && parent.type === 'tag' && parent.name !== 'body') {
      let n = 0;
      for (const alt of alternatives) if (contains(parent, alt)) n++;
      if (n >= 2) {
        top = parent;
        break;
      }
      parent = parent.parent as Element | null;
    }
  }
  // Bodies split into chunks around ads or embeds repeat the same container markup: take them all.
  const cls = top.attribs.class;
  if (cls) {
    const min = Math.max(10, topScore * 0.2);
    const twins = cands.filter((c) => c !== top && c.name === top.name && c.attribs.class === cls &&
      stats.get(c)!.score >= min && !contains(c, top) && !contains(top, c));
    let anc: Element | null = top;
    for (const t of twins) {
      while (anc && !contains(anc, t)) anc = anc.parent as Element | null;
    }
    if (anc && anc !== top && anc.type === 'tag' && anc.name !== 'body' && anc.name !== 'html') {
      if (trace) trace(`chunks ${twins.length + 1} x ${describe(top)} -> ${describe(anc)}`);
      top = anc;
    }
  }
  // Walk up while the parent scores about as well (the text is spread over the parent's children).
  let parent = top.parent as Element | null;
  let lastScore = stats.get(top)!.score;
  while (parent && parent.type === 'tag' && parent.name !== 'body' && parent.name !== 'html') {
    const ps = stats.get(parent);
    if (!ps || !ps.scored) break;
    if (ps.score < topScore / 3) break;
    if (ps.score > lastScore) {
      top = parent;
      break;
    }
    lastScore = ps.score;
    parent = parent.parent as Element | null;
  }
  topScore = stats.get(top)!.score;
  // If the top candidate is the only child, move up to make sibling merging meaningful.
  while (top.parent && top.parent.type === 'tag' && (top.parent as Element).name !== 'body' &&
    (top.parent as Element).children.filter(isElement).length === 1) {
    top = top.parent as Element;
  }

  const out: Element[] = [];
  const par = top.parent as Element | null;
  if (!par || par.type !== 'tag') return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs.class ?? '';
  for (const sib of par.children) {
    if (sib.type !== 'tag') continue;
    const el = sib as Element;
    if (el === top) {
      out.push(el);
      continue;
    }
    const s = stats.get(el);
    if (!s) continue;
    let bonus = 0;
    if (topClass && el.attribs.class === topClass) bonus += topScore * 0.2;
    if (s.scored && s.score + bonus >= threshold) {
      out.push(el);
      continue;
    }
    if (el.name === 'p' || (isParagraphLike(el, s) && el.name !== 'td')) {
      const ld = linkDensity(s);
      const text = s.chars;
      if (text > 80 && ld < 0.25) out.push(el);
      else if (text > 0 && text <= 80 && ld === 0 && /[.!?…”"]\s*$/.test(textOf(el))) out.push(el);
    }
  }
  return out;
}

function contains(anc: Element, el: Element): boolean {
  let p: ParentNode | null = el.parent;
  while (p) {
    if (p === anc) return true;
    p = p.parent;
  }
  return false;
}

const BOILERPLATE_LINE = new RegExp(
  '^(?:advertisement|advertising|advert|anzeige|publicité|publicidad|pubblicità|reklama|sponsored|ad|comments?|\\d+ comments?|story continues below(?: advertisement)?|continue reading(?: below)?|' +
  'read more|read more:.*|related:.*|related stories|related articles|see also:?.*|more:|share(?: this)?(?: article| story)?|' +
  'share on \\w+|follow us.*|sign up.*newsletter.*|subscribe.*|click here.*|image:? .*|photo:? .*|getty images|' +
  'supported by|skip to .*|you may also like|recommended(?: for you)?|most popular|trending now|' +
  'sharing is caring!?|like this (?:story|article)\\?.*|share (?:it|this) with .*)$', 'i');

/** Stage 3: removes furniture inside the chosen body. Mutates. */
function cleanBody(el: Element, stats: Map<Element, Stats>, title: string | null): void {
  const titleKey = title ? normKey(title) : null;
  // Whether body text has been kept yet: a leading <h1> is the headline, a later one a section heading.
  const state = { seenText: false };
  removeWhere(el, (n) => {
    if (n.type !== 'tag') {
      if (n.type === 'text' && !state.seenText && /\S/.test((n as Text).data)) state.seenText = true;
      return false;
    }
    const c = n as Element;
    const why = shouldDrop(c, stats, titleKey, state.seenText);
    if (why) {
      if (trace) trace(`clean ${describe(c)} ${why} chars=${stats.get(c)?.chars}: ${textOf(c).slice(0, 80)}`);
      return true;
    }
    return false;
  });
}

function normKey(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function shouldDrop(el: Element, stats: Map<Element, Stats>, titleKey: string | null, seenText: boolean): string | null {
  const s = stats.get(el);
  if (!s) return null;
  const name = el.name;
  if (name === 'img' || name === 'br' || name === 'hr' || name === 'picture' || name === 'a' || name === 'b' ||
    name === 'strong' || name === 'em' || name === 'i' || name === 'span') {
    return null;
  }
  if (name === 'h1' && (!seenText || titleKey && normKey(textOf(el)) === titleKey)) return 'h1';
  // <figcaption> stays in the HTML (credits matter when republishing); toText leaves it out.
  if (name === 'figcaption') return null;
  if (s.chars > 0 && s.chars <= 250 && isCaption(el)) return 'caption';
  const ld = linkDensity(s);
  const isHeading = name.length === 2 && name[0] === 'h';
  if (isHeading || name === 'p' || name === 'li' || name === 'div' || name === 'span' || name === 'dt' ||
    name === 'dd') {
    if (s.chars > 0 && s.chars < 120) {
      const t = textOf(el);
      if (BOILERPLATE_LINE.test(t.replace(/[\s:|•·»›>-]+$/, ''))) return 'boilerplate-line';
      if (titleKey && isHeading && normKey(t) === titleKey) return 'title-repeat';
    }
  }
  if (name === 'p') {
    // A paragraph that is only a link is a "read more" teaser, unless it shows a URL (a cited source).
    return s.chars > 0 && ld > 0.8 && s.chars < 300 && !/(?:https?:\/\/|www\.)\S/.test(textOf(el)) ? 'link-paragraph' : null;
  }
  if (isHeading) return null;
  if (name === 'table' || name === 'ul' || name === 'ol' || name === 'div' || name === 'section' || name === 'dl' ||
    name === 'figure' || name === 'center' || name === 'article' || name === 'details') {
    const weight = classWeight(el);
    if (weight < 0 && s.chars < 400 && (isCommentish(el) || !hasDescendant(el, 'blockquote'))) return 'negative-class';
    if (s.commas >= 10) return null;
    const isList = name === 'ul' || name === 'ol' || name === 'dl';
    if (s.chars === 0) return s.img === 0 || name !== 'figure' && s.img > 3 ? 'no-text' : null;
    if (name === 'figure') return null;
    if (s.img > 1 && s.p / s.img < 0.5 && s.chars < 200) return 'images';
    if (!isList && s.li > s.p * 2 + 3 && ld > 0.3) return 'link-list';
    if (weight < 25 && ld > 0.33 && s.chars < 1000 && (ld > 0.8 || !hasDescendant(el, 'blockquote'))) return 'link-density';
    if (weight >= 25 && ld > 0.5) return 'link-density-pos';
    if (isList && ld > 0.25 && s.chars < 600) return 'list-links';
  }
  return null;
}

const CAPTION_WORDS = new Set(['caption', 'credit', 'credits', 'wp', 'small', 'gray', 'grey', 'minor', 'photo',
  'image', 'img', 'legend', 'info2', 'source', 'attribution']);
const EMPH = new Set(['em', 'i', 'small', 'cite']);

/** A short block right after an image whose text is all emphasised, or that is marked up as a caption. */
function isCaption(el: Element): boolean {
  let prev = el.prev;
  while (prev && prev.type === 'text' && !/\S/.test((prev as Text).data)) prev = prev.prev;
  const afterImage = prev ? prev.type === 'tag' && isImageOnly(prev as Element) : startsWithImage(el);
  if (!afterImage) return false;
  if (el.name === 'center' || el.name === 'small' || el.attribs.align === 'center') return true;
  for (const w of classWords(el)) if (CAPTION_WORDS.has(w)) return true;
  return allTextEmphasised(el);
}

function isImageOnly(el: Element): boolean {
  if (el.name === 'img' || el.name === 'picture') return true;
  let img = false;
  for (const c of el.children) {
    if (c.type === 'text') {
      if (/\S/.test((c as Text).data)) return false;
    } else if (c.type === 'tag') {
      if (!isImageOnly(c as Element)) return false;
      img = true;
    }
  }
  return img;
}

function startsWithImage(el: Element): boolean {
  for (const c of el.children) {
    if (c.type === 'text' && !/\S/.test((c as Text).data)) continue;
    return c.type === 'tag' && isImageOnly(c as Element);
  }
  return false;
}

function allTextEmphasised(el: Element): boolean {
  let any = false;
  const visit = (n: Element, emph: boolean): boolean => {
    for (const c of n.children) {
      if (c.type === 'text') {
        if (/\S/.test((c as Text).data)) {
          if (!emph) return false;
          any = true;
        }
      } else if (c.type === 'tag') {
        if (!visit(c as Element, emph || EMPH.has((c as Element).name))) return false;
      }
    }
    return true;
  };
  return visit(el, EMPH.has(el.name)) && any;
}

export interface BodyResult {
  root: Element; // synthetic container holding the body
}

/** Runs the three stages and returns a detached container with the body's nodes. */
export function extractBody(doc: Document, title: string | null, lenient = false): Element {
  const html = findFirst(doc, 'html');
  const body = findFirst(doc, 'body') ?? html;
  let root: Element;
  if (body) root = body;
  else {
    // Fragment without <html>/<body>: wrap the document's children.
    root = wrapper(doc.children);
  }
  prune(root, lenient);
  const stats = new Map<Element, Stats>();
  computeStats(root, stats);
  const parts = selectBody(root, stats);
  if (trace) for (const p of parts) trace(`part ${describe(p)} score=${stats.get(p)?.score.toFixed(1)} chars=${stats.get(p)?.chars}`);
  const container = wrapper([]);
  const kids: ChildNode[] = [];
  for (const p of parts) {
    removeNode(p);
    p.parent = container;
    kids.push(p);
  }
  relink(container, kids);
  if (!lenient) {
    cleanBody(container, stats, title);
    trimEdges(container, trace);
  }
  return container;
}

function wrapper(children: ChildNode[]): Element {
  const kids = [...children];
  const el = new Element('div', {}, []);
  for (const k of kids) k.parent = el;
  relink(el, kids);
  return el;
}

function findFirst(root: ParentNode, name: string): Element | null {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.name === name) return el;
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
  }
  return null;
}
