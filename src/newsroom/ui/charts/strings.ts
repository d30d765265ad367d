// The charts' own words, French and English (the app's strings table is not needed to draw a chart).
export type ChartLang = 'fr' | 'en';

export interface ChartStrings {
  day: string;
  total: string;
  showTable: string;
  showChart: string;
  csv: string;
  csvLabel: (title: string) => string;
  chartLabel: (title: string, series: string, from: string, to: string) => string;
  noData: string;
}

export const CHART_STRINGS: Record<ChartLang, ChartStrings> = {
  fr: {
    day: 'jour',
    total: 'Total',
    showTable: 'Tableau',
    showChart: 'Graphique',
    csv: 'CSV',
    csvLabel: (title) => `Télécharger « ${title} » en CSV`,
    chartLabel: (title, series, from, to) => `${title} : ${series}, du ${from} au ${to}`,
    noData: 'Aucune donnée sur cette période.',
  },
  en: {
    day: 'day',
    total: 'Total',
    showTable: 'Table',
    showChart: 'Chart',
    csv: 'CSV',
    csvLabel: (title) => `Download “${title}” as CSV`,
    chartLabel: (title, series, from, to) => `${title}: ${series}, ${from} to ${to}`,
    noData: 'No data for this period.',
  },
};
