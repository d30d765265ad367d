// What a single line of a pasted page can be. Each rule is a pattern of page chrome or of a credit,
// in French and English, as they appear on republishing sites.
import { parseDateLine } from './dates.ts';

const URL_RE = String.raw`(https?:\/\/[^\s<>"]+)`;
const DASH = String.raw`\s+[–—-]\s+`;

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'chrome'; why: string }
  | { kind: 'share-heading' }
  | { kind: 'share-counts'; total: number | null }
  | { kind: 'image'; url: string }
  | { kind: 'date'; iso: string }
  | { kind: 'byline'; names: string[] }
  | { kind: 'original-url'; url: string }
  | { kind: 'translator'; names: string[]; site: string | null }
  | { kind: 'attribution'; url: string; token: string | null }
  | { kind: 'via'; url: string | null; name: string | null }
  | { kind: 'about'; name: string }
  | { kind: 'text'; text: string };

const CHROME = [
  /^(aller [àa]|go to|jump to|skip to( main)? content|aller au contenu|passer au contenu)\s*(…|\.\.\.)?$/i,
  /^(rss( feed)?|flux rss|s'abonner|subscribe|newsletter|menu|rechercher|search|accueil|home|imprimer|print|commentaires?|comments?|leave a (comment|reply)|laisser un commentaire)\s*:?$/i,
  /^(tags?|étiquettes?|mots[- ]cl[ée]s|catégories?|categories|filed under|classé dans)\s*:/i,
  /^(articles? (similaires|liés)|related( posts| articles)?|à lire aussi|lire aussi|you may also like|read next)\s*:?$/i,
  /^(facebook|twitter|x|google\+|linkedin|pinterest|whatsapp|telegram|email|e-mail|reddit|bluesky|mastodon)$/i,
];

const NETWORKS = /(facebook|twitter|google\+|linkedin|pinterest|whatsapp|telegram|e-?mail|reddit|bluesky|mastodon|partages?|shares?|total\s*:?)/gi;

function splitNames(s: string): string[] {
  return s
    .split(/\s*(?:,|&|\bet\b|\band\b)\s*/i)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** A person's name: a few words, each starting with a capital (particles allowed). */
function looksLikeNames(s: string): boolean {
  const words = s.replace(/[,&]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  if (/[.!?:;]$/.test(s)) return false;
  return words.every((w) => /^[\p{Lu}]/u.test(w) || /^(de|du|des|la|le|van|von|der|den|da|di|et|and|bin|ibn|al|el)$/i.test(w));
}

function splitToken(raw: string): { url: string; token: string | null } {
  const i = raw.indexOf('#');
  if (i < 0) return { url: raw, token: null };
  return { url: raw.slice(0, i), token: raw.slice(i + 1) || null };
}

export function classifyLine(raw: string): LineKind {
  const line = raw.replace(/\u00a0/g, ' ').trim();
  if (line === '') return { kind: 'blank' };
  let m: RegExpExecArray | null;

  if ((m = new RegExp(`^image\\s*:\\s*${URL_RE}$`, 'i').exec(line))) return { kind: 'image', url: m[1] };
  if ((m = new RegExp(`^(?:en savoir plus sur|lire (?:la suite|plus) sur|read more at|read more on|read more:|continue reading at)\\s*:?\\s*${URL_RE}$`, 'i').exec(line))) {
    const { url, token } = splitToken(m[1]);
    return { kind: 'attribution', url, token };
  }
  if ((m = new RegExp(`^(?:traduction|traduit de|translated from|translation of|source(?: originale)?|original(?: article)?|article original|lien original|version originale)\\s*:?\\s*${URL_RE}$`, 'i').exec(line)))
    return { kind: 'original-url', url: m[1] };
  if ((m = new RegExp(`^via\\s*:?\\s*${URL_RE}$`, 'i').exec(line))) return { kind: 'via', url: m[1], name: null };
  if ((m = /^via\s*:?\s*(.{2,80})$/i.exec(line)) && looksLikeNames(m[1])) return { kind: 'via', url: null, name: m[1] };
  if ((m = new RegExp(`^(?:traduction|traduit(?: de l['’][a-z]+)? par|translated(?: from [a-z]+)? by|translation(?: by)?)\\s*:?\\s*(.+?)(?:${DASH}(.+))?$`, 'iu').exec(line))) {
    const names = splitNames(m[1]);
    if (names.length && names.every(looksLikeNames)) return { kind: 'translator', names, site: m[2]?.trim() ?? null };
  }
  if ((m = /^(?:par|by|de|auteur\s*:|author\s*:|written by|écrit par)\s+(.{2,120})$/iu.exec(line)) && looksLikeNames(m[1]))
    return { kind: 'byline', names: splitNames(m[1]) };
  if ((m = /^(?:about|à propos de|a propos de|about the author:?|l['’]auteur\s*:?)\s+(.{2,80})$/iu.exec(line)) && looksLikeNames(m[1]))
    return { kind: 'about', name: m[1].trim() };
  if (/^(partager|partagez|share)(\s+(la publication|cet article|this( article| post| story)?|on))?\b/i.test(line) && line.length < 300)
    return { kind: 'share-heading' };
  const stripped = line.replace(NETWORKS, '').replace(/[\d\s:.,+|]/g, '');
  if (stripped === '' && /\d/.test(line) && NETWORKS.test(line)) {
    NETWORKS.lastIndex = 0;
    const t = /total\s*:?\s*(\d+)/i.exec(line);
    return { kind: 'share-counts', total: t ? Number(t[1]) : null };
  }
  NETWORKS.lastIndex = 0;
  for (const re of CHROME) if (re.test(line)) return { kind: 'chrome', why: 'navigation or widget' };
  const iso = parseDateLine(line);
  if (iso) return { kind: 'date', iso };
  return { kind: 'text', text: line };
}
