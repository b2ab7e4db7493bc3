/**
 * The conclusion at the top of the uptake page (docs/plan-uptake.md#report): how many of every
 * 1,000 patients referred activated the app, the range across the regions, and the gross app
 * cost, observed and projected. It is read off the page's own tables (uptake-tables.ts), cell by
 * cell, never off the analysis: a suppressed cell prints the marker, which is no number, so a
 * count the tables hide cannot reach the sentence (docs/disclosure-control.md). The one figure
 * not printed as such is "per 1,000 referred": the table's activation percentage × 10, at the
 * same precision (66.3% → 663).
 */
import { fillPhrase, formatThousands, type Lang } from './i18n.js';
import type { UptakeTables } from './uptake-tables.js';

const TEXT = {
  activation: {
    en: 'Of every 1,000 patients referred, {n} activated the app ({pct}; whole export).',
    da: 'Af hver 1.000 henviste patienter aktiverede {n} appen ({pct}; hele eksporten).',
  },
  range: {
    en: 'Across the {k} regions with published figures: from {low} per 1,000 in {lowRegion} to {high} in {highRegion}.',
    da: 'På tværs af de {k} regioner med offentliggjorte tal: fra {low} pr. 1.000 i {lowRegion} til {high} i {highRegion}.',
  },
  cost: { en: 'Gross app cost (the app\'s price only): {parts}', da: 'Bruttoudgiften til appen (kun appens pris): {parts}' },
  observed: { en: 'observed {list}', da: 'observeret {list}' },
  projected: {
    en: '{base} thousand {cur} projected over {horizon} in the base scenario ({low} low, {high} high)',
    da: '{base} tusind {cur} forventet over {horizon} i basisscenariet ({low} lavt, {high} højt)',
  },
  costIn: { en: '{cost} thousand {cur} in {year}', da: '{cost} tusind {cur} i {year}' },
  and: { en: 'and', da: 'og' },
} as const satisfies Record<string, Record<Lang, string>>;

/** A cell's leading number as printed ("66.3" of "66.3 (65.7 to 67.0)") and its value; null for a marker or dash. */
function leading(cell: string | undefined, lang: Lang): { text: string; value: number } | null {
  const m = /^(\d[\d.,]*)(?=\s|$)/.exec(cell ?? '');
  if (!m) return null;
  const plain = lang === 'da' ? m[1]!.replace(/\./g, '').replace(',', '.') : m[1]!.replace(/,/g, '');
  const value = Number(plain);
  return Number.isFinite(value) ? { text: m[1]!, value } : null;
}

const list = (xs: readonly string[], lang: Lang) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${TEXT.and[lang]} ${xs[xs.length - 1]}`);

export function uptakeConclusion(tables: UptakeTables, currency: string, lang: Lang): string {
  const sentences: string[] = [];
  const per1000 = (pct: { value: number }) => formatThousands(Math.round(pct.value * 10), 0, lang);
  // Activation table: region, referred, activated, activation % (CI), …; the whole country last.
  const rows = tables.activation.table?.rows ?? [];
  const rateOf = (r: string[]) => leading(r[3], lang);
  const national = rows.find((r) => r[0] === tables.nationalLabel);
  const nationalRate = national ? rateOf(national) : null;
  if (nationalRate) {
    sentences.push(fillPhrase(TEXT.activation[lang], { n: per1000(nationalRate), pct: `${nationalRate.text}${lang === 'da' ? ' %' : '%'}` }));
  }
  const regions = rows.filter((r) => r !== national).flatMap((r) => {
    const rate = rateOf(r);
    return rate ? [{ region: r[0]!, rate }] : [];
  });
  if (regions.length >= 2) {
    const sorted = [...regions].sort((a, b) => a.rate.value - b.rate.value);
    const low = sorted[0]!;
    const high = sorted[sorted.length - 1]!;
    sentences.push(fillPhrase(TEXT.range[lang], { k: regions.length, low: per1000(low.rate), lowRegion: low.region, high: per1000(high.rate), highRegion: high.region }));
  }
  // Observed: the whole country's rows (region, year, activated, cost in 1,000, average price).
  const observed = (tables.observed.table?.rows ?? []).filter((r) => r[0] === tables.nationalLabel).flatMap((r) => {
    const cost = leading(r[3], lang);
    return cost ? [fillPhrase(TEXT.costIn[lang], { cost: cost.text, cur: currency, year: r[1]! })] : [];
  });
  // Projected: the total rows (year cell "Total 2026–2028", scenario, …, cost in 1,000).
  const totals = (tables.projection.table?.rows ?? []).filter((r) => r[2] === '' && r[3] === '');
  const scenarioCost = (i: number) => leading(totals[i]?.[5], lang)?.text;
  const parts = observed.length ? [fillPhrase(TEXT.observed[lang], { list: list(observed, lang) })] : [];
  if (totals.length === 3 && scenarioCost(0) && scenarioCost(1) && scenarioCost(2)) {
    const horizon = totals[1]![0]!.replace(/^\D+/, '');
    parts.push(fillPhrase(TEXT.projected[lang], { base: scenarioCost(1)!, cur: currency, horizon, low: scenarioCost(0)!, high: scenarioCost(2)! }));
  }
  if (parts.length) sentences.push(`${fillPhrase(TEXT.cost[lang], { parts: parts.join('; ') })}.`);
  return sentences.join(' ');
}
