// The link and embed dialogs: a small form with an address field instead of window.prompt.
import { t } from '../i18n.ts';
import { button, el, field, messageArea } from '../ingest/dom.ts';
import { openModal } from '../media/dialog.ts';
import { EMBED_HOSTS } from '../../../domain/embeds.ts';
import { embedSrc } from './embed-hosts.ts';

const LINK = /^(https?:\/\/|mailto:)\S+$/i;

/** Resolves with the address, '' to remove the link, or null when cancelled. */
export function askLink(current: string): Promise<string | null> {
  return new Promise((resolve) => {
    let answer: string | null = null;
    const modal = openModal(t('editor.link.title'), () => resolve(answer));
    const msg = messageArea();
    const url = el('input', { type: 'text', name: 'href', value: current, inputmode: 'url', autocomplete: 'off', placeholder: 'https://' });
    const form = el('form', {}, field(t('editor.link.url'), url, t('editor.link.hint')), msg.node,
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, t('editor.link.apply')),
        current ? button(t('editor.link.remove'), () => ((answer = ''), modal.close())) : '',
        button(t('editor.cancel'), () => modal.close())));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const v = url.value.trim();
      if (!v) return void ((answer = ''), modal.close());
      if (!LINK.test(v)) return msg.error(new Error(t('editor.link.invalid')));
      answer = v;
      modal.close();
    });
    modal.body.append(form);
    url.focus();
  });
}

/** Resolves with an allowed embed's address and title, or null when cancelled. */
export function askEmbed(): Promise<{ src: string; title: string } | null> {
  return new Promise((resolve) => {
    let answer: { src: string; title: string } | null = null;
    const modal = openModal(t('editor.embed.title'), () => resolve(answer));
    const msg = messageArea();
    const url = el('input', { type: 'url', name: 'src', autocomplete: 'off', required: true });
    const title = el('input', { type: 'text', name: 'title', required: true });
    const form = el('form', {},
      field(t('editor.embed.url'), url, t('editor.embed.hint', { hosts: EMBED_HOSTS.join(', ') })),
      field(t('editor.embed.name'), title), msg.node,
      el('div', { class: 'actions' }, el('button', { type: 'submit' }, t('editor.embed.insert')), button(t('editor.cancel'), () => modal.close())));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const src = embedSrc(url.value);
      if (!src) return msg.error(new Error(t('editor.embed.refused', { hosts: EMBED_HOSTS.join(', ') })));
      answer = { src, title: title.value.trim() };
      modal.close();
    });
    modal.body.append(form);
    url.focus();
  });
}
