// The screens before the newsroom opens: first-run setup, sign-in, the second factor, enrolling one when
// the owner requires it, and one-time links. Each is loaded when needed and ends by calling `done` with
// the new session answer, after which the shell decides again where the user goes.
import { t, type UiLang, setLang } from '../i18n.ts';
import { announce, frame, languageSwitch, setTitle } from './chrome.ts';
import { el } from './forms.ts';
import type { SessionAnswer } from './session.ts';

export interface GateContext {
  session: SessionAnswer | null;
  params: Record<string, string>;
  /** A message to show first (e.g. "you are signed out"). */
  message?: string;
  done(s: SessionAnswer): void;
  /** Back to the start (sign-in), e.g. from a used link. */
  restart(): void;
  announce(message: string): void;
}

export type GateRender = (root: HTMLElement, ctx: GateContext) => void | Promise<void>;

export const GATES = {
  setup: { title: 'account.setup.title', load: () => import('../account/setup.ts') },
  signIn: { title: 'account.signIn.title', load: () => import('../account/sign-in.ts') },
  secondFactor: { title: 'account.second.title', load: () => import('../account/second-factor.ts') },
  enrol: { title: 'account.enrol.title', load: () => import('../account/enrol.ts') },
  link: { title: 'account.link.title', load: () => import('../account/link.ts') },
} satisfies Record<string, { title: string; load: () => Promise<{ render: GateRender }> }>;

export type GateName = keyof typeof GATES;

export async function showGate(root: HTMLElement, name: GateName, ctx: Omit<GateContext, 'announce'>, onLanguage?: (l: UiLang) => void): Promise<void> {
  const gate = GATES[name];
  const draw = async (focus: boolean) => {
    const f = frame(root, [languageSwitch((l) => {
      setLang(l);
      onLanguage?.(l);
      void draw(false).then(() => document.getElementById('ui-language')?.focus());
    })]);
    setTitle(f, t(gate.title));
    try {
      const mod = await gate.load();
      const box = el('div', {});
      f.body.replaceChildren(box);
      if (ctx.message) box.append(el('p', { role: 'status', class: 'info' }, ctx.message));
      await mod.render(box, { ...ctx, announce });
    } catch (err) {
      f.body.replaceChildren(el('p', { role: 'alert', class: 'error' }, t('shell.loadFailed', { error: err instanceof Error ? err.message : String(err) })));
    }
    if (focus) f.main.focus();
  };
  await draw(true);
}
