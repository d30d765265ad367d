// Create or edit one person. The photo comes from the media library when its API answers (GET /api/media);
// without it the photo stays as it is. Links are a list of label + address rows.
import type { ImageRef, Link, Person, PersonInput } from '../../../domain/types.ts';
import type { Media } from '../../../domain/media.ts';
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import type { AppState } from '../screens.ts';
import { busy, button, el, field, messageArea } from '../ingest/dom.ts';

async function libraryImages(): Promise<Media[] | null> {
  try {
    const page = await api<{ items: Media[] }>('GET', '/media?page=1');
    return page.items;
  } catch {
    return null;
  }
}

export function personForm(p: Person | null, _app: AppState, saved: (p: Person) => void | Promise<void>, cancel: () => void): HTMLFormElement {
  const msg = messageArea();
  const name = el('input', { type: 'text', name: 'name', required: true, value: p?.name ?? '' });
  const slug = el('input', { type: 'text', name: 'slug', value: p?.slug ?? '', pattern: '[a-z0-9]+(-[a-z0-9]+)*' });
  const bio = el('textarea', { name: 'bio', rows: 4 });
  bio.value = p?.bio ?? '';

  const photo = el('select', { name: 'photo' }, el('option', { value: '' }, t('people.noPhoto')));
  const photoBox = el('div', {});
  let media: Media[] = [];
  if (p?.photo) photo.append(el('option', { value: 'keep', selected: true }, t('people.keepPhoto', { file: p.photo.alt || p.photo.file })));
  void libraryImages().then((items) => {
    if (!items) return photoBox.replaceChildren(el('p', {}, t('people.noLibrary')));
    media = items;
    for (const m of items) photo.append(el('option', { value: m.id }, m.alt || m.originalName || m.file));
  });
  photoBox.append(field(t('people.photo'), photo));

  const links = el('ul', { class: 'links' });
  const linkRow = (l: Link | null) => {
    const label = el('input', { type: 'text', name: 'linkLabel', value: l?.label ?? '' });
    const url = el('input', { type: 'url', name: 'linkUrl', value: l?.url ?? '' });
    const n = links.children.length + 1;
    const li = el('li', {}, field(t('people.linkLabel', { n }), label), field(t('people.linkUrl', { n }), url));
    li.append(button(t('people.removeLink'), () => li.remove(), { 'aria-label': t('people.removeLinkN', { n }) }));
    links.append(li);
    return label;
  };
  for (const l of p?.links ?? []) linkRow(l);

  const photoRef = (): ImageRef | null => {
    if (photo.value === 'keep') return p?.photo ?? null;
    const m = media.find((x) => String(x.id) === photo.value);
    return m ? { file: m.file, alt: m.alt, credit: m.credit || null, width: m.width, height: m.height, mediaId: m.id } : null;
  };

  const submit = el('button', { type: 'submit' }, t(p ? 'people.save' : 'people.create'));
  const form = el('form', { 'aria-labelledby': 'person-form-h' },
    el('h2', { id: 'person-form-h' }, p ? t('people.editHeading', { name: p.name }) : t('people.newHeading')),
    field(t('people.name'), name),
    field(t('people.slug'), slug, t('people.slugHint')),
    field(t('people.bio'), bio),
    photoBox,
    el('fieldset', {}, el('legend', {}, t('people.links')), links, button(t('people.addLink'), () => linkRow(null).focus())),
    el('div', { class: 'actions' }, submit, button(t('people.cancel'), cancel)),
    msg.node,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void busy(submit, async () => {
      const input: PersonInput = {
        name: name.value.trim(),
        bio: bio.value,
        photo: photoRef(),
        links: [...links.children].map((li) => {
          const [label, url] = [...li.querySelectorAll('input')];
          return { label: label.value.trim(), url: url.value.trim() };
        }).filter((l) => l.label || l.url),
      };
      if (slug.value.trim()) input.slug = slug.value.trim();
      try {
        await saved(await api<Person>(p ? 'PUT' : 'POST', p ? `/people/${p.id}` : '/people', input));
      } catch (err) {
        msg.error(err);
      }
    });
  });
  return form;
}
