// The demo's sections, people and outside outlets. Every name and place is invented: Valmoret is a small
// French town on the river Lisse, Brackenford its English twin town on the River Wendle.
import type { SectionInput } from '../../domain/types.ts';
import type { ImportOutlet } from '../../cli/importer.ts';
import type { Theme } from './types.ts';

export const DEMO_SECTIONS: SectionInput[] = [
  { slug: 'vie-locale', name: 'Vie locale', names: { fr: 'Vie locale', en: 'Town life' }, position: 1 },
  { slug: 'culture', name: 'Culture', names: { fr: 'Culture', en: 'Culture' }, position: 2 },
  { slug: 'sciences', name: 'Sciences', names: { fr: 'Sciences', en: 'Science' }, position: 3 },
  { slug: 'environnement', name: 'Environnement', names: { fr: 'Environnement', en: 'Environment' }, position: 4 },
];

export interface DemoPerson {
  key: string;
  slug: string;
  name: string;
  bio: string;
  links: Array<{ label: string; url: string }>;
  photoTheme: Theme;
  /** Language of the bio, for the photo's alt text. */
  lang: 'fr' | 'en';
}

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: 'camille',
    slug: 'camille-roux',
    name: 'Camille Roux',
    bio: 'Journaliste à Valmoret depuis douze ans. Couvre la vie municipale, les transports et tout ce qui se passe au bord de la Lisse.',
    links: [{ label: 'Mastodon', url: 'https://social.valmoret.example/@camille' }],
    photoTheme: 'town',
    lang: 'fr',
  },
  {
    key: 'owen',
    slug: 'owen-pritchard',
    name: 'Owen Pritchard',
    bio: 'Reporter in Brackenford. Writes about schools, the market hall, the towpath and the people who keep the town running.',
    links: [],
    photoTheme: 'river',
    lang: 'en',
  },
  {
    key: 'ines',
    slug: 'ines-delorme',
    name: 'Inès Delorme',
    bio: 'Traductrice de l’anglais vers le français. Traduit pour Relais les nouvelles de Brackenford, la ville jumelle de Valmoret.',
    links: [{ label: 'Site', url: 'https://ines-delorme.example/' }],
    photoTheme: 'culture',
    lang: 'fr',
  },
  {
    key: 'sofia',
    slug: 'sofia-marchetti',
    name: 'Sofia Marchetti',
    bio: 'Journaliste scientifique et traductrice (français, anglais). Écrit sur la nature en ville et traduit les articles des deux rives du jumelage.',
    links: [],
    photoTheme: 'science',
    lang: 'fr',
  },
  {
    key: 'harriet',
    slug: 'harriet-vance',
    name: 'Harriet Vance',
    bio: 'Correspondent of The Brackenford Courier. Her articles appear on Relais in translation, with the Courier’s permission; she has no account here.',
    links: [{ label: 'The Brackenford Courier', url: 'https://courier.brackenford.example/' }],
    photoTheme: 'green',
    lang: 'en',
  },
];

export const DEMO_OUTLETS: ImportOutlet[] = [
  { key: 'courier', name: 'The Brackenford Courier', homeUrl: 'https://courier.brackenford.example/', language: 'en' },
  { key: 'echo', name: 'L’Écho de la Vallée', homeUrl: 'https://echo-vallee.example/', language: 'fr' },
];
