// TMX 1.4b writing: one <tu> per memory unit, placeholders as <bpt>/<ept>/<ph> with the placeholder's
// number in i/x and its text as the native code, so Relais (and OmegaT) read them back as they were.
import { escapeAttribute, escapeText } from 'entities';
import { placeholderTokens } from './placeholders.ts';

export function segXml(text: string): string {
  let out = '';
  let at = 0;
  for (const t of placeholderTokens(text)) {
    out += escapeText(text.slice(at, t.index));
    const code = escapeText(text.slice(t.index, t.index + t.length));
    out += t.type === 'open' ? `<bpt i="${t.n}" x="${t.n}">${code}</bpt>` : t.type === 'close' ? `<ept i="${t.n}">${code}</ept>` : `<ph x="${t.n}">${code}</ph>`;
    at = t.index + t.length;
  }
  return out + escapeText(text.slice(at));
}

const tmxDate = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');

export function tmxHeader(from: string, now: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
<header creationtool="Relais" creationtoolversion="0.1" segtype="paragraph" o-tmf="Relais" adminlang="en" srclang="${escapeAttribute(from)}" datatype="plaintext" creationdate="${tmxDate(now)}"/>
<body>
`;
}

export function tmxUnit(u: { from: string; to: string; source: string; target: string; createdAt: string }): string {
  return `<tu creationdate="${tmxDate(u.createdAt)}"><tuv xml:lang="${escapeAttribute(u.from)}"><seg>${segXml(u.source)}</seg></tuv><tuv xml:lang="${escapeAttribute(u.to)}"><seg>${segXml(u.target)}</seg></tuv></tu>\n`;
}

export const TMX_FOOTER = '</body>\n</tmx>\n';
