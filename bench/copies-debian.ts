// The English and French editions of the Debian Reference (Debian packages debian-reference-en/-fr),
// cut into sections and aligned by the section ids both editions share: real human translations.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToText } from '../src/text/html-text.ts';

export const DEBIAN_REFERENCE = '/usr/share/debian-reference';
const HEADING = /<h([2-4]) class="title"[^>]*>\s*<a id="([^"]+)"/g;

function sections(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const marks = [...html.matchAll(HEADING)].map((m) => ({ id: m[2], at: m.index }));
  marks.forEach((m, i) => {
    const text = htmlToText(html.slice(m.at, marks[i + 1]?.at ?? html.length).replace(/^<h[2-4][^>]*>/, '<h3>'));
    out.set(m.id, text.replace(/\n{2,}/g, '\n'));
  });
  return out;
}

export interface AlignedSection {
  id: string;
  en: string;
  fr: string;
}

/** Sections present in both editions with at least `minWords` English words. */
export function alignedSections(minWords = 80): AlignedSection[] {
  if (!existsSync(DEBIAN_REFERENCE)) return [];
  const out: AlignedSection[] = [];
  for (const f of readdirSync(DEBIAN_REFERENCE).filter((n) => /^(ch\d+|apa|pr01)\.en\.html$/.test(n)).sort()) {
    const frFile = join(DEBIAN_REFERENCE, f.replace('.en.', '.fr.'));
    if (!existsSync(frFile)) continue;
    const en = sections(readFileSync(join(DEBIAN_REFERENCE, f), 'utf8'));
    const fr = sections(readFileSync(frFile, 'utf8'));
    for (const [id, text] of en) {
      const t = fr.get(id);
      if (t && text.split(/\s+/).length >= minWords) out.push({ id: `${f.split('.')[0]}#${id}`, en: text, fr: t });
    }
  }
  return out;
}
