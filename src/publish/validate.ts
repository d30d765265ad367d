import { InputError } from '../domain/types.ts';

export function requireText(value: unknown, field: string, max = 500): string {
  if (typeof value !== 'string' || value.trim() === '') throw new InputError(`${field} is required`, field);
  if (value.length > max) throw new InputError(`${field} is longer than ${max} characters`, field);
  return value.trim();
}

export function optionalText(value: unknown, field: string, max = 5000): string {
  if (value == null) return '';
  if (typeof value !== 'string') throw new InputError(`${field} must be a string`, field);
  if (value.length > max) throw new InputError(`${field} is longer than ${max} characters`, field);
  return value.trim();
}

export function language(value: unknown, field = 'language'): string {
  if (typeof value !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value))
    throw new InputError(`${field} must be a language tag such as "fr" or "en"`, field);
  return value;
}

export function httpUrl(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InputError(`${field} must be a URL`, field);
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new InputError(`${field} is not a valid URL: ${value}`, field);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InputError(`${field} must be an http(s) URL`, field);
  return u.href;
}

// Stored times are ISO text compared as text (SQL included): only four-digit years keep that order right.
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

export function isoTime(value: unknown, field: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    throw new InputError(`${field} must be a date and time (ISO 8601)`, field);
  const d = new Date(value);
  if (d.getUTCFullYear() < FIRST_YEAR || d.getUTCFullYear() > LAST_YEAR)
    throw new InputError(`${field} must be between ${FIRST_YEAR} and ${LAST_YEAR}`, field);
  return d.toISOString();
}

/** The longest path segment the router serves (Fastify's default maxParamLength). */
export const SLUG_MAX_LENGTH = 100;

export function slugText(value: unknown, field = 'slug'): string {
  if (typeof value !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value))
    throw new InputError(`${field} must be lowercase letters, digits and dashes`, field);
  if (value.length > SLUG_MAX_LENGTH) throw new InputError(`${field} is longer than ${SLUG_MAX_LENGTH} characters`, field);
  return value;
}
