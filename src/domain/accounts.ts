// Accounts of the newsroom: who signs in, with which role, and who an action is done by.
export const ROLES = ['owner', 'editor', 'translator', 'author'] as const;
export type Role = (typeof ROLES)[number];

export const TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const UI_LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'disabled';
  uiLanguage: UiLanguage;
  /** The person in the credits this account is (null: not credited yet). */
  personId: number | null;
  hasPassword: boolean;
  totpEnabled: boolean;
  passkeys: number;
  createdAt: string;
}

/**
 * Who is acting. `user` acts with their role; a token acts with its owner's role capped by its scope
 * (a token without owner, made by `relais token create`, acts as an owner capped by its scope);
 * `system` is the CLI and background jobs run by whoever runs the machine.
 */
export type Actor =
  | { kind: 'user'; user: User }
  | { kind: 'token'; name: string; scope: TokenScope; user: User | null }
  | { kind: 'system'; name: string };

export function actorLabel(a: Actor): string {
  if (a.kind === 'user') return `user:${a.user.id}`;
  if (a.kind === 'token') return `token:${a.name}`;
  return `system:${a.name}`;
}

export function actorUserId(a: Actor): number | null {
  return a.kind === 'system' ? null : (a.user?.id ?? null);
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface SessionInfo {
  id: string; // a public handle (prefix of the stored hash), never the cookie value
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export interface ApiTokenInfo {
  id: number;
  name: string;
  scope: TokenScope;
  userId: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
