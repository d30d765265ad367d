// Matches a newsroom path ("/articles/12/stats") against the screens' patterns ("/articles/:id/stats").
import type { Screen } from '../screens.ts';

export const BASE = '/newsroom';

/** The path under /newsroom ("/" for the home screen). */
export function innerPath(pathname: string): string {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const p = rest.replace(/\/+$/, '');
  return p === '' ? '/' : p;
}

export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) {
      try {
        params[a[i].slice(1)] = decodeURIComponent(b[i]);
      } catch {
        return null;
      }
    } else if (a[i] !== b[i]) return null;
  }
  return params;
}

/** The first screen whose pattern matches (static patterns are tried before those with params). */
export function findScreen(screens: readonly Screen[], path: string): { screen: Screen; params: Record<string, string> } | null {
  const ordered = [...screens].sort((x, y) => Number(x.path.includes(':')) - Number(y.path.includes(':')));
  for (const screen of ordered) {
    const params = matchPath(screen.path, path);
    if (params) return { screen, params };
  }
  return null;
}
