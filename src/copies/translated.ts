// With a machine-translation provider configured (RELAIS_MT, src/translate/machine/), a suspect in another
// language is translated into each of the site's languages and matched again on shingles.
import type { Fetcher } from '../ingest/fetch/index.ts';
import type { MachineProvider } from '../translate/machine/provider.ts';
import { suspectFromText, type Suspect } from './suspect.ts';

const esc = (s: string) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** Paragraphs sent per request, and at most this many of the suspect's first paragraphs. */
const BATCH = 50;
const MAX_PARAGRAPHS = 200;

export async function translateSuspect(provider: MachineProvider, fetcher: Fetcher, s: Suspect, to: string): Promise<Suspect | null> {
  if (!s.language || s.language === to) return null;
  const paragraphs = s.main.text.paragraphs.slice(0, MAX_PARAGRAPHS);
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i += BATCH) out.push(...(await provider.translate(fetcher, paragraphs.slice(i, i + BATCH).map(esc), s.language, to)).map(unesc));
  const t = suspectFromText(out.join('\n'));
  return { ...t, language: to, raw: s.raw, title: s.title };
}
