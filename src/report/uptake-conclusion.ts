/**
 * The conclusion at the top of the uptake page (docs/plan-uptake.md#the-report-page): the share of
 * the patients referred who activated the app, as the activation table writes it (%), with the
 * range across the regions; the uptake per 1,000 eligible in the latest full year, the total (the
 * whole country, or the one region or the plan's `totalName`: uptake-scope-words.ts) and the range across the regions (the question the council asks); and the gross app cost,
 * observed and projected, in millions as a committee writes amounts. It is read off the page's
 * own tables (uptake-tables.ts), cell by cell, never off the analysis: a suppressed cell prints
 * the marker, which is no number, so a count the tables hide cannot reach the sentence
 * (docs/disclosure-control.md). The one figure not printed as such is an amount in millions: the
 * table's cost in thousands ÷ 1,000, to one decimal (6,149 → 6.1).
 */
import { countWord } from './count-words.js';
import { currencyName } from './currency-name.js';
import { fillPhrase, formatFixed, type Lang } from './i18n.js';
import type { UptakeTables } from './uptake-tables.js';

const TEXT = {
  activation: {
    en: 'Of the patients referred, {pct} activated the app (whole export).',
    da: 'Af de henviste patienter aktiverede {pct} appen (hele udtrækket).',
  },
  activationRange: {
    en: 'Of the patients referred, {pct} activated the app (whole export); across the {k} {units} whose figures are shown (not suppressed), from {low} in {lowRegion} to {high} in {highRegion}.',
    da: 'Af de henviste patienter aktiverede {pct} appen (hele udtrækket); i de {k} {units}, hvis tal vises (ikke diskretionerede), fra {low} i {lowRegion} til {high} i {highRegion}.',
  },
  // Every region's figure shown: nothing to qualify ("whose figures are shown" read as if some were not).
  activationRangeAll: {
    en: 'Of the patients referred, {pct} activated the app (whole export); across the {k} {units}, from {low} in {lowRegion} to {high} in {highRegion}.',
    da: 'Af de henviste patienter aktiverede {pct} appen (hele udtrækket); i de {k} {units}, fra {low} i {lowRegion} til {high} i {highRegion}.',
  },
  uptake: {
    en: 'Uptake per 1,000 eligible in {year}, the latest full year: {national} in {scope}{range}.',
    da: 'Optag pr. 1.000 patienter i målgruppen i {year}, det seneste hele år: {national} i {scope}{range}.',
  },
  uptakeRegions: {
    en: 'Uptake per 1,000 eligible in {year}, the latest full year, across the {k} {units} whose figures are shown (not suppressed): from {low} in {lowRegion} to {high} in {highRegion}.',
    da: 'Optag pr. 1.000 patienter i målgruppen i {year}, det seneste hele år, i de {k} {units}, hvis tal vises (ikke diskretionerede): fra {low} i {lowRegion} til {high} i {highRegion}.',
  },
  uptakeRange: { en: ', from {low} in {lowRegion} to {high} in {highRegion} across the {k} {units} shown', da: ', fra {low} i {lowRegion} til {high} i {highRegion} i de {k} viste {units}' },
  uptakeRegionsAll: {
    en: 'Uptake per 1,000 eligible in {year}, the latest full year, across the {k} {units}: from {low} in {lowRegion} to {high} in {highRegion}.',
    da: 'Optag pr. 1.000 patienter i målgruppen i {year}, det seneste hele år, i de {k} {units}: fra {low} i {lowRegion} til {high} i {highRegion}.',
  },
  uptakeRangeAll: { en: ', from {low} in {lowRegion} to {high} in {highRegion} across the {k} {units}', da: ', fra {low} i {lowRegion} til {high} i {highRegion} i de {k} {units}' },
  cost: { en: 'Gross app cost (the app\'s price only): {parts}', da: 'Bruttoudgiften til appen (kun appens pris): {parts}' },
  observed: { en: 'observed {list}', da: 'observeret {list}' },
  projected: {
    // The scenarios named as the budget chart's legend and the tables name them (UPTAKE_TEXT.scenarioLow …).
    en: '{base} projected over {horizon} in the base case (low uptake {low}, high uptake {high})',
    da: '{base} forventet over {horizon} i basisscenariet (lavt optag {low}, højt optag {high})',
  },
  costIn: { en: '{cost} in {year}', da: '{cost} i {year}' },
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

/** "6,1 mio. kr." / "DKK 6.1 million" from a table cell in thousands (6,149). */
function millions(thousands: number, currency: string, lang: Lang): string {
  const m = formatFixed(thousands / 1000, 1, lang);
  if (lang === 'da') return `${m} mio. ${currencyName(currency, lang)}`;
  return `${currency} ${m} million`;
}

interface Cell {
  region: string;
  value: { text: string; value: number };
}

/** Lowest and highest of the regions' cells (at least two), by value. */
function extremes(cells: readonly Cell[]): { low: Cell; high: Cell } | null {
  if (cells.length < 2) return null;
  const sorted = [...cells].sort((a, b) => a.value.value - b.value.value);
  return { low: sorted[0]!, high: sorted[sorted.length - 1]! };
}

export function uptakeConclusion(tables: UptakeTables, currency: string, lang: Lang): string {
  const sentences: string[] = [];
  const pct = (v: { text: string }) => `${v.text}${lang === 'da' ? ' %' : '%'}`;
  // Activation table: region, referred, activated, activation % (CI), …; the whole country last.
  const rows = tables.activation.table?.rows ?? [];
  const national = rows.find((r) => r[0] === tables.nationalLabel);
  const nationalRate = national ? leading(national[3], lang) : null;
  const regionRows = rows.filter((r) => r !== national);
  const regionRates = regionRows.flatMap((r) => {
    const v = leading(r[3], lang);
    return v ? [{ region: r[0]!, value: v }] : [];
  });
  const rateRange = extremes(regionRates);
  if (nationalRate) {
    sentences.push(
      rateRange
        ? fillPhrase(TEXT[regionRates.length === regionRows.length ? 'activationRangeAll' : 'activationRange'][lang], { pct: pct(nationalRate), k: countWord(regionRates.length, lang), units: tables.units, low: pct(rateRange.low.value), lowRegion: rateRange.low.region, high: pct(rateRange.high.value), highRegion: rateRange.high.region })
        : fillPhrase(TEXT.activation[lang], { pct: pct(nationalRate) }),
    );
  }
  // Uptake table: region, year, activated, eligible, per 1,000 (CI); a year still running says so
  // in its cell ("2025 (so far)"), so the latest full year is the latest plain year.
  const uptakeRows = tables.uptake.table?.rows ?? [];
  const fullYears = [...new Set(uptakeRows.map((r) => r[1] ?? '').filter((y) => /^\d{4}$/.test(y)))].sort();
  const year = fullYears[fullYears.length - 1];
  if (year) {
    const ofYear = uptakeRows.filter((r) => r[1] === year);
    const nat = ofYear.find((r) => r[0] === tables.nationalLabel);
    const natValue = nat ? leading(nat[4], lang) : null;
    const regionRowsOfYear = ofYear.filter((r) => r !== nat);
    const regions = regionRowsOfYear.flatMap((r) => {
      const v = leading(r[4], lang);
      return v ? [{ region: r[0]!, value: v }] : [];
    });
    const all = regions.length === regionRowsOfYear.length;
    const range = extremes(regions);
    const ends = range ? { k: countWord(regions.length, lang), units: tables.units, low: range.low.value.text, lowRegion: range.low.region, high: range.high.value.text, highRegion: range.high.region } : null;
    if (natValue) sentences.push(fillPhrase(TEXT.uptake[lang], { year, national: natValue.text, scope: tables.nationalObject, range: ends ? fillPhrase(TEXT[all ? 'uptakeRangeAll' : 'uptakeRange'][lang], ends) : '' }));
    else if (ends) sentences.push(fillPhrase(TEXT[all ? 'uptakeRegionsAll' : 'uptakeRegions'][lang], { year, ...ends }));
  }
  // Observed: the whole country's rows (region, year, activated, cost in 1,000, average price).
  const observed = (tables.observed.table?.rows ?? []).filter((r) => r[0] === tables.nationalLabel).flatMap((r) => {
    const cost = leading(r[3], lang);
    return cost ? [fillPhrase(TEXT.costIn[lang], { cost: millions(cost.value, currency, lang), year: r[1]! })] : [];
  });
  // Projected: the total rows (year cell "Total 2026–2028", scenario, …, cost in 1,000).
  const totals = (tables.projection.table?.rows ?? []).filter((r) => r[2] === '' && r[3] === '');
  const scenarioCost = (i: number) => leading(totals[i]?.[5], lang)?.value;
  const parts = observed.length ? [fillPhrase(TEXT.observed[lang], { list: list(observed, lang) })] : [];
  const [low, base, high] = [scenarioCost(0), scenarioCost(1), scenarioCost(2)];
  if (totals.length === 3 && low !== undefined && base !== undefined && high !== undefined) {
    const horizon = totals[1]![0]!.replace(/^\D+/, '');
    parts.push(fillPhrase(TEXT.projected[lang], { base: millions(base, currency, lang), horizon, low: millions(low, currency, lang), high: millions(high, currency, lang) }));
  }
  if (parts.length) sentences.push(`${fillPhrase(TEXT.cost[lang], { parts: parts.join('; ') })}.`);
  return sentences.join(' ');
}
