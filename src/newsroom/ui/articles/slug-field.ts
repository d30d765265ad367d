// The slug: made from the title by the server (GET /api/slugs, which also says whether it is free) until
// the user edits it by hand; then each edit is checked and a free suggestion offered.
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { button, el, field } from '../ingest/dom.ts';

interface SlugAnswer {
  slug: string;
  available: boolean;
  suggestion: string;
}

export interface SlugField {
  node: HTMLElement;
  input: HTMLInputElement;
  /** The title changed: follow it unless the slug was typed by hand. */
  titleChanged(title: string): void;
  fill(slug: string): void;
}

export function slugField(ctx: { language(): string; articleId(): number | null }): SlugField {
  const input = el('input', { type: 'text', name: 'slug', autocomplete: 'off', pattern: '[a-z0-9]+(-[a-z0-9]+)*', maxlength: 80 });
  const status = el('p', { class: 'slug-status', role: 'status' });
  const node = field(t('editor.slug'), input, t('editor.slugHint'));
  node.append(status);
  let byHand = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;

  const check = async (text: string, adopt: boolean) => {
    if (!text.trim()) return status.replaceChildren();
    const n = ++asked;
    const except = ctx.articleId();
    const qs = `language=${encodeURIComponent(ctx.language() || 'fr')}&slug=${encodeURIComponent(text)}${except ? `&except=${except}` : ''}`;
    let a: SlugAnswer;
    try {
      a = await api<SlugAnswer>('GET', `/slugs?${qs}`);
    } catch (err) {
      return status.replaceChildren(el('span', { class: 'error' }, (err as Error).message));
    }
    if (n !== asked) return;
    // The article was created meanwhile (first autosave): ask again, or it would find its own slug taken.
    if (ctx.articleId() !== except) return check(text, adopt);
    if (adopt) {
      input.value = a.suggestion;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return status.replaceChildren(t('editor.slugFree', { slug: a.suggestion }));
    }
    if (a.available && a.slug === input.value) return status.replaceChildren(t('editor.slugFree', { slug: a.slug }));
    status.replaceChildren(
      el('span', { class: a.available ? '' : 'error' }, a.available ? t('editor.slugWillBe', { slug: a.slug }) : t('editor.slugTaken', { slug: a.slug })),
      ' ',
      button(t('editor.slugUse', { slug: a.suggestion }), () => {
        input.value = a.suggestion;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        void check(a.suggestion, false);
      }),
    );
  };
  const later = (text: string, adopt: boolean) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void check(text, adopt), 400);
  };
  input.addEventListener('input', () => {
    byHand = input.value.trim() !== '';
    later(input.value, false);
  });
  return {
    node,
    input,
    titleChanged: (title) => {
      if (!byHand) later(title, true);
    },
    fill: (slug) => {
      input.value = slug;
      byHand = slug !== '';
      status.replaceChildren();
    },
  };
}
