// The credit line that discloses machine assistance in a translation, in the page's language
// (kept here rather than in the i18n tables, which other work is changing: fr, en, es, de, ar).
const LINES: Record<string, (provider: string) => string> = {
  fr: (p) => `Traduction assistée par machine (${p})`,
  en: (p) => `Machine-assisted translation (${p})`,
  es: (p) => `Traducción asistida por máquina (${p})`,
  de: (p) => `Maschinell unterstützte Übersetzung (${p})`,
  ar: (p) => `ترجمة بمساعدة الآلة (${p})`,
};

export function machineAssisted(lang: string, provider: string): string {
  return (LINES[lang.split('-')[0]] ?? LINES.en)(provider);
}
