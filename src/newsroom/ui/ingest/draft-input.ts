// What a PUT of an imported draft sends: the article as stored (PUT replaces every field) with the
// version it was read at, so a save over someone else's newer edit is refused instead of lost.
import type { Article, ArticleInput, Person } from '../../../domain/types.ts';
import { snapshotOf } from '../../../domain/article-snapshot.ts';
import { api } from '../api.ts';

export function articleInput(a: Article): ArticleInput & { version?: number } {
  return { ...snapshotOf(a), version: a.version };
}

/** People for the names typed: an existing person of that name, else a new one. */
export async function authorIdsFor(names: string[], people: Person[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const found = people.find((p) => p.name.toLowerCase() === name.toLowerCase());
    const person = found ?? (await api<Person>('POST', '/people', { name }));
    if (!found) people.push(person);
    ids.push(person.id);
  }
  return ids;
}
