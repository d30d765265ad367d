// The glossary of a language pair (names, institutions, agreed renderings), and where its terms occur in
// a source segment (normalised word sequences, so case and accents do not matter).
import type { AppContext } from '../context.ts';
import type { Actor } from '../domain/accounts.ts';
import { actorUserId } from '../domain/accounts.ts';
import { InputError, NotFoundError } from '../domain/types.ts';
import { wordSpans, tokens } from '../text/normalize.ts';
import { deleteGlossaryEntry, glossaryOf, upsertGlossaryEntry, type GlossaryRow } from '../store/glossary.ts';
import { languagePair } from './languages.ts';
import type { TermMark } from '../domain/translation.ts';

export interface GlossaryEntry {
  id: number;
  from: string;
  to: string;
  term: string;
  rendering: string;
  note: string;
  createdAt: string;
}


const toEntry = (r: GlossaryRow): GlossaryEntry => {
  const [from, to] = r.pair.split('>');
  return { id: r.id, from, to, term: r.term, rendering: r.rendering, note: r.note, createdAt: r.created_at };
};

export async function listGlossary(ctx: AppContext, from: string, to: string): Promise<GlossaryEntry[]> {
  return (await glossaryOf(ctx.store.db, languagePair(from, to))).map(toEntry);
}

function text(raw: unknown, field: string, max: number, required = true): string {
  const v = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
  if (required && !v) throw new InputError(`${field} is required`, field);
  if (v.length > max) throw new InputError(`${field} is longer than ${max} characters`, field);
  return v;
}

export async function addGlossaryEntry(ctx: AppContext, input: { from: string; to: string; term: string; rendering: string; note?: string }, actor: Actor): Promise<GlossaryEntry> {
  const pair = languagePair(input.from, input.to);
  const term = text(input.term, 'term', 200);
  const key = tokens(term).join(' ');
  if (!key) throw new InputError('term must contain a word', 'term');
  const row = await upsertGlossaryEntry(ctx.store.db, {
    pair, term, term_key: key, rendering: text(input.rendering, 'rendering', 200), note: text(input.note ?? '', 'note', 1000, false),
    created_by: actorUserId(actor), created_at: ctx.now().toISOString(),
  });
  return toEntry(row);
}

export async function removeGlossaryEntry(ctx: AppContext, id: number): Promise<void> {
  if (!(await deleteGlossaryEntry(ctx.store.db, id))) throw new NotFoundError(`no glossary entry with id ${id}`);
}

/** Every occurrence of the glossary's terms in `source` (longest term first where two overlap). */
export function markTerms(source: string, entries: Pick<GlossaryEntry, 'term' | 'rendering' | 'note'>[]): TermMark[] {
  const blanked = source.replace(/<\/?\d{1,4}\/?>/g, (m) => ' '.repeat(m.length));
  const words: { token: string; start: number; end: number }[] = [];
  for (const s of wordSpans(blanked)) for (const p of s.parts) words.push({ token: p, start: s.start, end: s.end });
  const terms = entries.map((e) => ({ e, toks: tokens(e.term) })).filter((t) => t.toks.length).sort((a, b) => b.toks.length - a.toks.length);
  const taken = new Array<boolean>(words.length).fill(false);
  const marks: TermMark[] = [];
  for (const { e, toks } of terms) {
    for (let i = 0; i + toks.length <= words.length; i++) {
      let ok = true;
      for (let j = 0; j < toks.length && ok; j++) ok = !taken[i + j] && words[i + j].token === toks[j];
      if (!ok) continue;
      for (let j = 0; j < toks.length; j++) taken[i + j] = true;
      marks.push({ term: e.term, rendering: e.rendering, note: e.note, start: words[i].start, end: words[i + toks.length - 1].end });
    }
  }
  return marks.sort((a, b) => a.start - b.start);
}
