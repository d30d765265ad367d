// Which languages are written right to left: the public pages' <html dir> and the newsroom's fields.
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** "rtl" for a language written right to left (by its primary subtag: "ar-EG" is Arabic), else "ltr". */
export function textDirection(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang.toLowerCase().split('-')[0]) ? 'rtl' : 'ltr';
}
