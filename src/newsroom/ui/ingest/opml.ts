// OPML in and out on the feeds screen. The import sends the file as it is (XML, not JSON); the server
// answers one line per outline, shown as a list.
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { busy, el, field } from './dom.ts';

interface OpmlReport {
  added: number;
  existing: number;
  invalid: number;
  warnings: string[];
  lines: Array<{ line: number; url: string; status: string; reason?: string }>;
}

type Messages = { error(err: unknown): void; info(text: string): void };

export function opmlSection(msg: Messages, refresh: () => Promise<void>): HTMLElement {
  const file = el('input', { type: 'file', name: 'opml', accept: '.opml,.xml,text/x-opml,application/xml,text/xml', required: true });
  const send = el('button', { type: 'submit' }, t('opml.import'));
  const report = el('div', { class: 'opml-report' });
  const form = el('form', {}, field(t('opml.file'), file), send);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return msg.error(new Error(t('opml.noFile')));
    void busy(send, async () => {
      try {
        const r = await api<OpmlReport>('POST', '/feeds/opml', await chosen.text(), { contentType: 'text/x-opml' });
        msg.info(t('opml.result', { added: r.added, existing: r.existing, invalid: r.invalid }));
        report.replaceChildren(
          el('ul', {}, ...r.lines.map((l) => el('li', {}, t('opml.line', { line: l.line, url: l.url, status: l.status }), l.reason ? ` — ${l.reason}` : ''))),
          ...r.warnings.map((w) => el('p', { class: 'warning' }, w)),
        );
        await refresh();
      } catch (err) {
        msg.error(err);
      }
    });
  });
  return el('section', { 'aria-labelledby': 'opml-h' },
    el('h2', { id: 'opml-h' }, t('opml.heading')),
    form,
    report,
    el('p', {}, el('a', { href: '/api/feeds.opml', download: 'relais-feeds.opml' }, t('opml.export'))),
  );
}
