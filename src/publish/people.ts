import type { AppContext } from '../context.ts';
import { InputError, NotFoundError, type Person, type PersonInput } from '../domain/types.ts';
import { findPersonById, findPersonBySlug, insertPerson, updatePerson } from '../store/people.ts';
import { slugify, uniqueSlug } from './slug.ts';
import { httpUrl, optionalText, requireText, slugText } from './validate.ts';
import { purgePerson } from '../cdn/article-change.ts';

function validate(input: PersonInput) {
  const name = requireText(input.name, 'name', 200);
  const links = (input.links ?? []).map((l, i) => ({
    label: requireText(l?.label, `links[${i}].label`, 100),
    url: httpUrl(l?.url, `links[${i}].url`),
  }));
  const photo = input.photo
    ? { file: requireText(input.photo.file, 'photo.file'), alt: optionalText(input.photo.alt, 'photo.alt', 500), credit: input.photo.credit ? optionalText(input.photo.credit, 'photo.credit', 500) : null }
    : null;
  return { name, bio: optionalText(input.bio, 'bio', 5000), links, photo };
}

export async function createPerson(ctx: AppContext, input: PersonInput): Promise<Person> {
  const v = validate(input);
  const db = ctx.store.db;
  const slug = input.slug
    ? slugText(input.slug)
    : await uniqueSlug(slugify(v.name), async (s) => (await findPersonBySlug(db, s)) != null);
  if (input.slug && (await findPersonBySlug(db, slug))) throw new InputError(`slug "${slug}" is taken`, 'slug', 409);
  return insertPerson(db, { slug, ...v }, ctx.now().toISOString());
}

export async function editPerson(ctx: AppContext, id: number, input: PersonInput): Promise<Person> {
  const db = ctx.store.db;
  const existing = await findPersonById(db, id);
  if (!existing) throw new NotFoundError(`no person with id ${id}`);
  const v = validate(input);
  const slug = input.slug ? slugText(input.slug) : existing.slug;
  const other = await findPersonBySlug(db, slug);
  if (other && other.id !== id) throw new InputError(`slug "${slug}" is taken`, 'slug', 409);
  await updatePerson(db, id, { slug, ...v });
  purgePerson(ctx, id);
  return { id, slug, ...v };
}
