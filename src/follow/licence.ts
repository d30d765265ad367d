// The licences an article may carry, and which of them let others republish it through the kit.
// An article's own licence (articles.licence) wins; else the site's default: the `licence.default`
// setting, else RELAIS_LICENCE, else all rights reserved.
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import { InputError } from '../domain/types.ts';
import type { Database } from '../store/schema.ts';
import { readSetting, writeSetting } from '../store/settings.ts';

export const LICENCES = ['CC-BY-4.0', 'CC-BY-ND-4.0', 'CC-BY-NC-ND-4.0', 'all-rights-reserved'] as const;
export type Licence = (typeof LICENCES)[number];

export interface LicenceInfo {
  id: Licence;
  name: string;
  url: string | null;
  /** Others may republish it (through the kit). */
  republishable: boolean;
  /** Republishers must not change the text. */
  noDerivatives: boolean;
  nonCommercial: boolean;
}

const INFO: Record<Licence, LicenceInfo> = {
  'CC-BY-4.0': { id: 'CC-BY-4.0', name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', republishable: true, noDerivatives: false, nonCommercial: false },
  'CC-BY-ND-4.0': { id: 'CC-BY-ND-4.0', name: 'CC BY-ND 4.0', url: 'https://creativecommons.org/licenses/by-nd/4.0/', republishable: true, noDerivatives: true, nonCommercial: false },
  'CC-BY-NC-ND-4.0': { id: 'CC-BY-NC-ND-4.0', name: 'CC BY-NC-ND 4.0', url: 'https://creativecommons.org/licenses/by-nc-nd/4.0/', republishable: true, noDerivatives: true, nonCommercial: true },
  'all-rights-reserved': { id: 'all-rights-reserved', name: 'All rights reserved', url: null, republishable: false, noDerivatives: true, nonCommercial: true },
};

export const DEFAULT_LICENCE_SETTING = 'licence.default';

export function isLicence(v: unknown): v is Licence {
  return typeof v === 'string' && (LICENCES as readonly string[]).includes(v);
}

export function licenceInfo(id: Licence): LicenceInfo {
  return INFO[id];
}

/** A licence from user input, or an InputError naming the accepted values. */
export function parseLicence(v: unknown, field = 'licence'): Licence {
  if (!isLicence(v)) throw new InputError(`${field} must be one of ${LICENCES.join(', ')}`, field);
  return v;
}

export async function siteDefaultLicence(db: Kysely<Database>, env: NodeJS.ProcessEnv = process.env): Promise<Licence> {
  const fromEnv = isLicence(env.RELAIS_LICENCE) ? env.RELAIS_LICENCE : 'all-rights-reserved';
  const stored = await readSetting<unknown>(db, DEFAULT_LICENCE_SETTING, null);
  return isLicence(stored) ? stored : fromEnv;
}

export async function setSiteDefaultLicence(ctx: Pick<AppContext, 'store'>, value: unknown): Promise<Licence> {
  const licence = parseLicence(value);
  await writeSetting(ctx.store.db, DEFAULT_LICENCE_SETTING, licence);
  return licence;
}

/** The licence an article is published under: its own, else the site's default. */
export async function articleLicence(db: Kysely<Database>, articleId: number): Promise<{ licence: Licence; own: Licence | null } | null> {
  const row = await db.selectFrom('articles').select('licence').where('id', '=', articleId).executeTakeFirst();
  if (!row) return null;
  const own = isLicence(row.licence) ? row.licence : null;
  return { licence: own ?? (await siteDefaultLicence(db)), own };
}

/** Sets (or, with null, clears back to the default) an article's licence; bumps its version so pages are rebuilt. */
export async function setArticleLicence(db: Kysely<Database>, articleId: number, value: unknown): Promise<boolean> {
  const licence = value === null ? null : parseLicence(value);
  const r = await db
    .updateTable('articles')
    .set((eb) => ({ licence, version: eb('version', '+', 1) }))
    .where('id', '=', articleId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
