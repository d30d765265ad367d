// What the editor and the list offer to choose from: sections, people (authors, translators) and outlets.
import type { Outlet, Person, Section } from '../../../domain/types.ts';
import { api } from '../api.ts';

export interface Refs {
  sections: Section[];
  people: Person[];
  outlets: Outlet[];
}

const items = async <T>(path: string): Promise<T[]> => {
  const r = await api<T[] | { items: T[] }>('GET', path);
  return Array.isArray(r) ? r : r.items;
};

export async function loadRefs(): Promise<Refs> {
  const [sections, people, outlets] = await Promise.all([items<Section>('/sections'), items<Person>('/people'), items<Outlet>('/outlets')]);
  return { sections, people, outlets };
}

export function sectionName(s: Section, lang: string): string {
  return s.names?.[lang] || s.name;
}
