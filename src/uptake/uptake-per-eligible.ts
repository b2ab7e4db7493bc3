/**
 * Uptake per 1,000 eligible per year: activations whose ACTIVATION date falls in the year,
 * against that year's eligible population from the denominator file:
 *
 *   per1000 = 1000 · x / E, 95% CI = 1000 · Wilson(x, E)
 *   (= R `prop.test(x, E, correct = FALSE)$conf.int * 1000`).
 *
 * Wilson on activations/eligible, not the exact Poisson (Garwood) interval: each eligible person
 * is taken up at most once, so x/E is a proportion; and @stdlib's chi-square upper quantile
 * (behind `chisqQuantile`) is off by ~1e-4 relative for df ≳ 2000 (qchisq(0.975, 2470): stdlib
 * 2609.9695 vs R 2609.6407), i.e. for national yearly counts. For x ≪ E the two agree closely.
 * If activations exceed the eligible count (a wrong denominator) the rate is reported with no CI.
 *
 * National = sum over regions; a national denominator exists only when every region has one.
 * Regions are those of the denominator file, in its order (regions.ts); `completeDenominators`
 * has already refused (or, with carry-forward, filled) any region × year the file lacks.
 */
import { wilsonInterval } from '../stats/wilson-interval.js';
import type { Region } from './referral.js';
import type { ActivationYearCount, Scope } from './aggregate.js';

/** One row of the denominator file (or a cell filled by `completeDenominators`). */
export interface EligibleRow {
  region: Region;
  year: number;
  eligible: number;
  /** Set on a cell the file lacks, filled from this year of the same region (carry-forward). */
  filledFrom?: number;
}

export interface UptakeRateRow {
  region: Scope;
  year: number;
  activations: number;
  eligible: number | null;
  per1000: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  method: 'wilson';
}

/** The regions of the analysis: those of the denominator rows, in first-appearance order. */
export function regionsOfEligible(eligible: readonly EligibleRow[]): Region[] {
  return [...new Set(eligible.map((e) => e.region))];
}

export function uptakePerEligible(activations: readonly ActivationYearCount[], eligible: readonly EligibleRow[]): UptakeRateRow[] {
  const REGIONS = regionsOfEligible(eligible);
  const denom = new Map<string, number>();
  for (const e of eligible) denom.set(`${e.region}|${e.year}`, (denom.get(`${e.region}|${e.year}`) ?? 0) + e.eligible);
  const years = new Set<number>([...activations.map((a) => a.year), ...eligible.map((e) => e.year)]);
  for (const y of years) {
    const parts = REGIONS.map((r) => denom.get(`${r}|${y}`));
    if (parts.every((p) => p !== undefined)) denom.set(`national|${y}`, parts.reduce((s, p) => s + (p ?? 0), 0));
  }
  const count = new Map(activations.map((a) => [`${a.region}|${a.year}`, a.activations]));
  const rows: UptakeRateRow[] = [];
  for (const region of [...REGIONS, 'national'] as Scope[]) {
    for (const year of [...years].sort((a, b) => a - b)) {
      const x = count.get(`${region}|${year}`) ?? 0;
      const e = denom.get(`${region}|${year}`) ?? null;
      if (e === null && x === 0) continue;
      const ci = e !== null && e > 0 && x <= e ? wilsonInterval(x, e, 0.95) : null;
      const per1000 = e !== null && e > 0 ? (1000 * x) / e : null;
      rows.push({ region, year, activations: x, eligible: e, per1000, ciLower: ci ? 1000 * ci.lower : null, ciUpper: ci ? 1000 * ci.upper : null, method: 'wilson' });
    }
  }
  return rows;
}

export type EligibleFill = 'none' | 'carry-forward';

/** A region × year the denominator file lacks, and what filled it. */
export interface FilledCell {
  region: Region;
  year: number;
  /** The year whose count was used (nearest earlier, else nearest later). */
  fromYear: number;
  eligible: number;
}

export type DenominatorCompletion =
  | { ok: true; rows: EligibleRow[]; filled: FilledCell[] }
  | { ok: false; missing: { region: Region; years: number[] }[] };

/**
 * Every region × year in `years` must have a denominator (docs/plan-uptake.md "eligibleFill"):
 * a missing cell silently shrinks the national total (the budget moves by the region's share).
 * With 'none' the missing cells are returned for the caller to refuse; with 'carry-forward'
 * each is filled from the region's nearest earlier year, else its nearest later year, and listed.
 * Rows keep the file's order; filled cells follow their region's rows.
 */
export function completeDenominators(eligible: readonly EligibleRow[], years: readonly number[], fill: EligibleFill): DenominatorCompletion {
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  const have = new Map<string, EligibleRow>(eligible.map((e) => [`${e.region}\u0000${e.year}`, e]));
  const missing: { region: Region; years: number[] }[] = [];
  const filled: FilledCell[] = [];
  const rows: EligibleRow[] = [];
  for (const region of regionsOfEligible(eligible)) {
    const own = eligible.filter((e) => e.region === region);
    rows.push(...own);
    const absent = wanted.filter((y) => !have.has(`${region}\u0000${y}`));
    if (absent.length === 0) continue;
    if (fill === 'none') {
      missing.push({ region, years: absent });
      continue;
    }
    const byYear = [...own].sort((a, b) => a.year - b.year);
    for (const year of absent) {
      const src = byYear.filter((e) => e.year < year).pop() ?? byYear.find((e) => e.year > year)!;
      filled.push({ region, year, fromYear: src.year, eligible: src.eligible });
      rows.push({ region, year, eligible: src.eligible, filledFrom: src.year });
    }
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, rows, filled };
}
