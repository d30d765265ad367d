// Language tags of the workspace: a pair is stored as "en>fr"; tags are checked before they reach a query.
import { InputError } from '../domain/types.ts';

const TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export function languageTag(raw: unknown, field: string): string {
  const v = typeof raw === 'string' ? raw.trim() : '';
  if (!TAG.test(v)) throw new InputError(`${field} must be a language tag such as "en" or "fr"${v ? `, not ${JSON.stringify(v.slice(0, 40))}` : ''}`, field);
  return v;
}

export function languagePair(from: string, to: string): string {
  const a = languageTag(from, 'from');
  const b = languageTag(to, 'to');
  if (a === b) throw new InputError(`from and to are the same language (${a})`, 'to');
  return `${a}>${b}`;
}

/** The primary tag, lower case ("en-GB" → "en"): how TMX languages meet the site's. */
export const primary = (tag: string) => tag.split(/[-_]/)[0].toLowerCase();
