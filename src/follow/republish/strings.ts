// The republication kit's words, in French and English (other languages fall back to English).
export interface KitStrings {
  by: string;
  translatedBy: string;
  originallyIn: string;
  firstPublished: (siteLink: string, licence: string) => string;
  pageTitle: (title: string) => string;
  intro: (licence: string) => string;
  noDerivatives: string;
  nonCommercial: string;
  bodyLabel: string;
  headLabel: string;
  canonicalAdvice: string;
  imagesNote: string;
  back: string;
  republishLink: string;
}

const en: KitStrings = {
  by: 'By',
  translatedBy: 'Translated by',
  originallyIn: 'Originally published by',
  firstPublished: (site, licence) => `This article was first published by ${site} under the licence ${licence}.`,
  pageTitle: (t) => `Republish “${t}”`,
  intro: (l) => `You may republish this article under the licence ${l}: keep the credits, the link back and the pixel below.`,
  noDerivatives: 'Do not change the text: this licence allows no modified versions.',
  nonCommercial: 'Not for commercial use.',
  bodyLabel: 'HTML to paste into your page',
  headLabel: 'Put this in your page’s <head> (canonical advice)',
  canonicalAdvice: 'The canonical link tells search engines where the article was first published.',
  imagesNote: 'Only pictures whose own licence allows reuse are included.',
  back: 'Back to the article',
  republishLink: 'Republish this article',
};

const fr: KitStrings = {
  by: 'Par',
  translatedBy: 'Traduit par',
  originallyIn: 'Publié d’abord par',
  firstPublished: (site, licence) => `Cet article a d’abord été publié par ${site} sous la licence ${licence}.`,
  pageTitle: (t) => `Republier « ${t} »`,
  intro: (l) => `Vous pouvez republier cet article sous la licence ${l} : gardez les crédits, le lien vers l’original et le pixel ci-dessous.`,
  noDerivatives: 'Ne modifiez pas le texte : cette licence n’autorise pas de version modifiée.',
  nonCommercial: 'Pas d’usage commercial.',
  bodyLabel: 'HTML à coller dans votre page',
  headLabel: 'À mettre dans le <head> de votre page (conseil canonique)',
  canonicalAdvice: 'Le lien canonique indique aux moteurs de recherche où l’article a d’abord été publié.',
  imagesNote: 'Seules les images dont la licence permet la réutilisation sont incluses.',
  back: 'Retour à l’article',
  republishLink: 'Republier cet article',
};

export function kitStrings(lang: string): KitStrings {
  return lang.split('-')[0] === 'fr' ? fr : en;
}
