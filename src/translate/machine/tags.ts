// Placeholders to the XML tags machine translation APIs keep in place, and back.
import { decodeXML, escapeText } from 'entities';
import { placeholderTokens } from '../placeholders.ts';

export function toTagged(text: string): string {
  let out = '';
  let at = 0;
  for (const t of placeholderTokens(text)) {
    out += escapeText(text.slice(at, t.index));
    out += t.type === 'open' ? `<g id="${t.n}">` : t.type === 'close' ? '</g>' : `<x id="${t.n}"/>`;
    at = t.index + t.length;
  }
  return out + escapeText(text.slice(at));
}

export function fromTagged(tagged: string): string {
  const open: string[] = [];
  return tagged
    .replace(/<g\s+id=["'](\d{1,4})["']\s*>|<\/g\s*>|<x\s+id=["'](\d{1,4})["']\s*\/?>(?:<\/x>)?|<[^>]*>/g, (m, g?: string, x?: string) => {
      if (g) {
        open.push(g);
        return `\u0001${g}\u0002`;
      }
      if (x) return `\u0001${x}/\u0002`;
      if (/^<\/g/.test(m)) return open.length ? `\u0001/${open.pop()}\u0002` : '';
      return ''; // any other tag a provider added
    })
    .split(/(\u0001[^\u0002]*\u0002)/)
    .map((part) => (part.startsWith('\u0001') ? `<${part.slice(1, -1)}>` : decodeXML(part)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
