// Credits and provenance: authors and translators (people), the original (address, title, outlet, authors,
// language, date), "via", the licence and the canonical policy. These drive the credits on the page.
import { CANONICAL_POLICIES, type ArticleInput, type CanonicalPolicy, type OriginalRef } from '../../../domain/types.ts';
import { t } from '../i18n.ts';
import { el, field } from '../ingest/dom.ts';
import { choices } from './choices.ts';
import { splitList } from './input.ts';
import type { Refs } from './refs.ts';

export interface ProvenanceFields {
  node: HTMLElement;
  read(into: ArticleInput): void;
  fill(a: ArticleInput): void;
}

const text = (name: string, type = 'text') => el('input', { type, name, autocomplete: 'off' });
const orNull = (s: string) => s.trim() || null;

/** datetime-local shows local time; the API speaks UTC ISO strings. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(v: string): string | null {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function provenanceFields(refs: Refs): ProvenanceFields {
  const people = refs.people.map((p) => ({ id: p.id, label: p.name }));
  const authors = choices(t('editor.authors'), 'authorIds', people, t('editor.noPeople'));
  const translators = choices(t('editor.translators'), 'translatorIds', people, t('editor.noPeople'));
  const url = text('originalUrl', 'url');
  const title = text('originalTitle');
  const outlet = el('select', { name: 'originalOutlet' }, el('option', { value: '' }, t('editor.noOutlet')), ...refs.outlets.map((o) => el('option', { value: o.id }, o.name)));
  const origAuthors = text('originalAuthors');
  const origLang = text('originalLanguage');
  const origDate = text('originalDate', 'datetime-local');
  const viaUrl = text('viaUrl', 'url');
  const viaName = text('viaName');
  const licence = text('licence');
  const policy = el('select', { name: 'canonicalPolicy' }, ...CANONICAL_POLICIES.map((p) => el('option', { value: p }, t(`editor.canonical.${p}`))));
  const canonicalUrl = text('canonicalUrl', 'url');
  // datetime-local has minutes only: an untouched date keeps the stored value to the second.
  let loadedDate: string | null = null;
  const dateOf = () => (loadedDate && origDate.value === toLocalInput(loadedDate) ? loadedDate : fromLocalInput(origDate.value));

  const node = el('section', { class: 'provenance', 'aria-labelledby': 'prov-h' },
    el('h2', { id: 'prov-h' }, t('editor.credits')),
    authors.node, translators.node,
    el('fieldset', {}, el('legend', {}, t('editor.original')),
      field(t('editor.originalUrl'), url), field(t('editor.originalTitle'), title), field(t('editor.originalOutlet'), outlet),
      field(t('editor.originalAuthors'), origAuthors, t('editor.commaHint')), field(t('editor.originalLanguage'), origLang),
      field(t('editor.originalDate'), origDate)),
    el('fieldset', {}, el('legend', {}, t('editor.via')), field(t('editor.viaUrl'), viaUrl), field(t('editor.viaName'), viaName)),
    field(t('editor.licence'), licence, t('editor.licenceHint')),
    field(t('editor.canonicalPolicy'), policy),
    field(t('editor.canonicalUrl'), canonicalUrl, t('editor.canonicalUrlHint')),
  );

  return {
    node,
    read(into) {
      into.authorIds = authors.value();
      into.translatorIds = translators.value();
      const original: OriginalRef = {
        url: orNull(url.value), title: orNull(title.value), outletId: outlet.value ? Number(outlet.value) : null,
        authorNames: splitList(origAuthors.value), language: orNull(origLang.value), publishedAt: dateOf(),
      };
      const hasOriginal = Object.values(original).some((v) => (Array.isArray(v) ? v.length : v != null));
      into.provenance = {
        ...into.provenance,
        original: hasOriginal ? original : null,
        via: viaUrl.value.trim() ? { url: viaUrl.value.trim(), name: orNull(viaName.value) } : null,
        licence: orNull(licence.value),
      };
      into.canonicalPolicy = policy.value as CanonicalPolicy;
      into.canonicalUrl = orNull(canonicalUrl.value);
    },
    fill(a) {
      authors.fill(a.authorIds ?? []);
      translators.fill(a.translatorIds ?? []);
      const o = a.provenance?.original;
      url.value = o?.url ?? '';
      title.value = o?.title ?? '';
      outlet.value = o?.outletId ? String(o.outletId) : '';
      origAuthors.value = (o?.authorNames ?? []).join(', ');
      origLang.value = o?.language ?? '';
      loadedDate = o?.publishedAt ?? null;
      origDate.value = toLocalInput(loadedDate);
      viaUrl.value = a.provenance?.via?.url ?? '';
      viaName.value = a.provenance?.via?.name ?? '';
      licence.value = a.provenance?.licence ?? '';
      policy.value = a.canonicalPolicy ?? 'self';
      canonicalUrl.value = a.canonicalUrl ?? '';
    },
  };
}
