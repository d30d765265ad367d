import type { AppContext } from '../context.ts';
import { InputError, NotFoundError, type Section, type SectionInput } from '../domain/types.ts';
import { findSectionById, findSectionBySlug, insertSection, updateSection } from '../store/sections.ts';
import { slugify } from './slug.ts';
import { requireText, slugText } from './validate.ts';
import { purgeSite } from '../cdn/article-change.ts';

function validate(input: SectionInput) {
  const name = requireText(input.name, 'name', 100);
  const names: Record<string, string> = {};
  for (const [lang, n] of Object.entries(input.names ?? {})) names[lang] = requireText(n, `names.${lang}`, 100);
  return { name, names, position: Number.isInteger(input.position) ? (input.position as number) : 0 };
}

export async function createSection(ctx: AppContext, input: SectionInput): Promise<Section> {
  const v = validate(input);
  const slug = input.slug ? slugText(input.slug) : slugify(v.name, 40);
  if (await findSectionBySlug(ctx.store.db, slug)) throw new InputError(`section "${slug}" exists`, 'slug', 409);
  const section = await insertSection(ctx.store.db, { slug, ...v });
  purgeSite(ctx);
  return section;
}

export async function editSection(ctx: AppContext, id: number, input: SectionInput): Promise<Section> {
  const existing = await findSectionById(ctx.store.db, id);
  if (!existing) throw new NotFoundError(`no section with id ${id}`);
  const v = validate(input);
  const slug = input.slug ? slugText(input.slug) : existing.slug;
  const other = await findSectionBySlug(ctx.store.db, slug);
  if (other && other.id !== id) throw new InputError(`section "${slug}" exists`, 'slug', 409);
  await updateSection(ctx.store.db, id, { slug, ...v });
  purgeSite(ctx);
  return { id, slug, ...v };
}
