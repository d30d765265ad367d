// The article's fields around the body: title, summary, slug, language, sections, tags, featured image,
// then credits and provenance. `read` gives the ArticleInput to save; `fill` shows one.
import type { ArticleInput } from '../../../domain/types.ts';
import { lang, t } from '../i18n.ts';
import { el, field, uid } from '../ingest/dom.ts';
import { choices } from './choices.ts';
import { imageField } from './image-field.ts';
import { inputOf } from './input.ts';
import { provenanceFields } from './provenance-fields.ts';
import { sectionName, type Refs } from './refs.ts';
import { slugField } from './slug-field.ts';
import { tagsField } from './tags-field.ts';

export interface ArticleForm {
  /** The fields above the body (title, summary, slug, language). */
  head: HTMLElement;
  /** The fields beside or below the body. */
  side: HTMLElement;
  title: HTMLInputElement;
  read(bodyHtml: string): ArticleInput;
  fill(a: ArticleInput): void;
}

export function articleForm(refs: Refs, articleId: () => number | null): ArticleForm {
  let base: ArticleInput | null = null;
  const title = el('input', { type: 'text', name: 'title', required: true, maxlength: 500, autocomplete: 'off' });
  const summary = el('textarea', { name: 'summary', rows: 3, maxlength: 2000 });
  const languages = el('datalist', { id: uid('langs') }, el('option', { value: 'fr' }, 'français'), el('option', { value: 'en' }, 'English'));
  const language = el('input', { type: 'text', name: 'language', required: true, list: languages.id, pattern: '[a-z]{2,3}', maxlength: 3, autocomplete: 'off' });
  const slug = slugField({ language: () => language.value.trim(), articleId });
  const sections = choices(t('editor.sections'), 'sectionIds', refs.sections.map((s) => ({ id: s.id, label: sectionName(s, lang()) })), t('editor.noSections'));
  const tags = tagsField();
  const image = imageField();
  const prov = provenanceFields(refs);
  title.addEventListener('input', () => slug.titleChanged(title.value));

  const head = el('div', { class: 'article-head' },
    field(t('editor.title'), title), field(t('editor.summary'), summary), slug.node, field(t('editor.language'), language, t('editor.languageHint')), languages);
  const side = el('div', { class: 'article-side' }, sections.node, tags.node, image.node, prov.node);

  return {
    head,
    side,
    title,
    read(bodyHtml) {
      const a: ArticleInput = {
        ...inputOf(base ?? { language: 'fr', title: '', bodyHtml: '' }),
        title: title.value.trim(),
        summary: summary.value.trim(),
        slug: slug.input.value.trim(),
        language: language.value.trim(),
        bodyHtml,
        sectionIds: sections.value(),
        tags: tags.value(),
        image: image.value(),
      };
      prov.read(a);
      return a;
    },
    fill(a) {
      base = inputOf(a);
      title.value = a.title;
      summary.value = a.summary ?? '';
      slug.fill(a.slug ?? '');
      language.value = a.language;
      sections.fill(a.sectionIds ?? []);
      tags.fill(a.tags ?? []);
      image.fill(a.image ?? null);
      prov.fill(a);
    },
  };
}
