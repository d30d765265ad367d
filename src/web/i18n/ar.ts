import { html } from '../html.ts';
import type { Strings } from './types.ts';

// Arabic: the page is right to left (<html dir="rtl">); Arabic punctuation (، ؛ ؟) and «…» quotes;
// names and titles from other scripts are isolated (<bdi>) so their parentheses stay in place;
// numbers are written with the digits Intl gives for "ar" (Western digits in current ICU).
export const ar: Strings = {
  skipToContent: 'انتقل إلى المحتوى',
  mainMenu: 'القائمة الرئيسية',
  jumpTo: 'انتقل إلى…',
  go: 'انتقال',
  home: 'الصفحة الرئيسية',
  rssFeed: 'موجز RSS',
  feedOf: (scope) => `موجز RSS: ${scope}`,
  sections: 'الأقسام',
  languages: 'اللغات',
  latest: 'أحدث المقالات',
  nothingYet: 'لم يُنشر شيء هنا بعد.',
  by: 'بقلم',
  tags: 'الوسوم',
  imageCredit: 'الصورة:',
  shareHeading: () => 'شارك هذا المقال',
  total: (n) => `المجموع: ${n}`,
  shareLabels: {
    facebook: 'فيسبوك',
    x: 'إكس',
    bluesky: 'بلوسكاي',
    mastodon: 'ماستودون',
    linkedin: 'لينكدإن',
    whatsapp: 'واتساب',
    telegram: 'تيليغرام',
    email: 'البريد الإلكتروني',
  },
  provenance: 'المصدر',
  translatedFrom: (outlet, link) => html`مترجم عن <bdi>${outlet}</bdi> (<bdi>${link}</bdi>)`,
  translatedBy: (names, siteName) => html`ترجمة ${names} – <bdi>${siteName}</bdi>`,
  firstPublishedBy: (outlet) => html`نُشر أولًا في <bdi>${outlet}</bdi>`,
  via: (link) => html`عبر <bdi>${link}</bdi>`,
  colon: (label) => `${label}:`,
  chainHeading: 'سلسلة النشر',
  chainKinds: { translation: 'ترجمة', republication: 'إعادة نشر', original: 'الأصل' },
  licence: (value) => html`الترخيص: ${value}`,
  about: (name) => `عن ${name}`,
  alsoIn: 'متوفر أيضًا بـ',
  corrections: 'تصحيحات',
  correction: (date, text) => html`<strong>تصحيح (${date}):</strong> ${text}`,
  previousPage: 'الصفحة السابقة',
  nextPage: 'الصفحة التالية',
  pagination: 'التنقل بين الصفحات',
  pageN: (n) => `الصفحة ${n}`,
  tagTitle: (name) => `الوسم: ${name}`,
  asAuthor: 'المقالات',
  asTranslator: 'الترجمات',
  notFoundTitle: 'الصفحة غير موجودة',
  notFoundText: 'هذه الصفحة غير موجودة، أو لم تُنشر بعد.',
  backHome: 'العودة إلى الصفحة الرئيسية',
  errorTitle: 'خطأ',
  errorText: 'تعذّر على الخادم عرض هذه الصفحة. يُرجى المحاولة مرة أخرى بعد قليل.',
  search: 'بحث',
  searchSite: 'البحث في الموقع',
  searchTitle: 'بحث',
  searchLabel: 'الكلمات المطلوبة',
  searchHint: 'يجب أن تظهر كل الكلمات؛ ضع العبارة بين علامتي تنصيص: "المجلس البلدي". لا أهمية للتشكيل ولا لحالة الأحرف.',
  searchResultsFor: (q) => `بحث: ${q}`,
  searchCount: (n, exact) => {
    const k = n.toLocaleString('ar');
    if (!exact) return `أكثر من ${k} نتيجة`;
    if (n === 0) return 'لا نتائج';
    if (n === 1) return 'نتيجة واحدة';
    if (n === 2) return 'نتيجتان';
    return n % 100 >= 3 && n % 100 <= 10 ? `${k} نتائج` : `${k} نتيجة`;
  },
  searchNone: (q) => `لا يوجد مقال يطابق «${q}».`,
  searchProblems: {
    empty: 'اكتب كلمة أو أكثر للبحث عنها.',
    'too-long': 'هذا البحث طويل جدًا: 200 حرف على الأكثر.',
    'no-words': 'لا يحتوي هذا البحث على كلمات، بل على علامات ترقيم فقط.',
    'too-many-words': 'يحتوي هذا البحث على كلمات كثيرة جدًا: 12 كلمة على الأكثر.',
  },
};
