// Help for one segment: memory matches (score and the difference to the current source) and, when the
// server has a provider, a machine suggestion marked "Machine". Choosing one fills the target.
import { api } from '../api.ts';
import { t } from '../i18n.ts';
import { button, el, errorText } from '../shell/forms.ts';
import { diffView, type Change } from './common.ts';

interface Match {
  id: number;
  source: string;
  target: string;
  score: number;
  exact: boolean;
  diff: Change[];
}

export type Use = (text: string, origin: 'memory' | 'machine') => void;

export async function memoryMatches(from: string, to: string, source: string, targetLang: string, dir: string, use: Use): Promise<HTMLElement> {
  const q = new URLSearchParams({ from, to, source, limit: '3' });
  const matches = await api<Match[]>('GET', `/tm/matches?${q}`);
  if (!matches.length) return el('p', { class: 'hint' }, t('tr.noMatches'));
  return el(
    'ul',
    { class: 'tr-matches' },
    ...matches.map((m) => {
      const pct = Math.round(m.score * 100);
      return el(
        'li',
        {},
        el('span', { class: 'tr-score' }, t('tr.matchScore', { pct })),
        m.exact ? null : diffView(m.diff, 'tr-diff tr-match-diff'),
        el('p', { class: 'tr-match-target', lang: targetLang, dir }, m.target),
        button(t('tr.useMatch'), () => use(m.target, 'memory'), { 'aria-label': `${t('tr.useMatch')} (${pct} %)` }),
      );
    }),
  );
}

interface Suggestion {
  suggestion: string;
  provider: string;
  machine: true;
  problem: string | null;
}

export async function machineSuggestion(articleId: number, segmentId: number, targetLang: string, dir: string, use: Use): Promise<HTMLElement> {
  try {
    const s = await api<Suggestion>('POST', `/articles/${articleId}/segments/${segmentId}/machine`);
    return el(
      'div',
      { class: 'tr-machine' },
      el('span', { class: 'tr-machine-tag' }, t('tr.machineTag')),
      ' ',
      t('tr.machineFrom', { provider: s.provider }),
      el('p', { lang: targetLang, dir }, s.suggestion),
      s.problem ? el('p', { class: 'error' }, t('tr.machineProblem', { problem: s.problem })) : null,
      button(t('tr.accept'), () => use(s.suggestion, 'machine')),
    );
  } catch (err) {
    return el('p', { role: 'alert', class: 'error' }, errorText(err));
  }
}
