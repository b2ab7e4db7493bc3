/**
 * Synthetic registry export for `hta uptake` (the format of docs/input-registry.md): one row per referral,
 * deterministic per seed, generated row by row so 1,000,000 rows stream in constant memory.
 *
 * What it mimics:
 *  - the five Danish regions in proportion to their inhabitants (Hovedstaden ≈ 1.86M,
 *    Midtjylland ≈ 1.35M, Syddanmark ≈ 1.23M, Sjælland ≈ 0.84M, Nordjylland ≈ 0.59M);
 *  - clinics (codes only: H001…, M001…, S001…, Z001… for Sjælland, N001…) of log-normally varied
 *    size, with a small random clinic effect on activation and three outlying clinics
 *    (two with very low, one with very high activation);
 *  - referral volume that grows over the period (roll-out), winter peak and a July dip;
 *  - referrers gp 58%, physio 27%, chiro 12%, other 3%; women 56%; ages 18–95 around 50;
 *  - activation ≈ 65% overall, lower after physio/chiro referral and at 75+; delay to activation
 *    log-normal with median ≈ 4 days; referrals whose activation would fall after the export
 *    date stay unactivated;
 *  - drop-off: a quarter stop within two weeks, the rest use the app for an exponential time
 *    with mean 110 days; `last_active` is capped at the export date.
 */
import { createRandom, type Random } from '../stats/random.js';
import { REFERRERS, REGIONS, dayToIso, isoToDay, type DanishRegion } from '../uptake/referral.js';
import { expit } from './item-response.js';

/** Inhabitants (millions), the weights of the regions. */
export const REGION_POPULATION: Readonly<Record<DanishRegion, number>> = {
  Hovedstaden: 1.86, Midtjylland: 1.35, Syddanmark: 1.23, Sjælland: 0.84, Nordjylland: 0.59,
};
const REGION_PREFIX: Readonly<Record<DanishRegion, string>> = { Hovedstaden: 'H', Midtjylland: 'M', Syddanmark: 'S', Sjælland: 'Z', Nordjylland: 'N' };
const CLINICS_PER_REGION: Readonly<Record<DanishRegion, number>> = { Hovedstaden: 18, Midtjylland: 13, Syddanmark: 12, Sjælland: 9, Nordjylland: 6 };

export const REGISTRY_HEADER = 'id,region,clinic,referred,activated,last_active,age,sex,referrer';

export interface RegistrySimulationOptions {
  rows: number;
  seed: number;
  /** First possible referral date (ISO); default 2024-01-01. */
  startDate?: string;
  /** Length of the export period in years (365 days each); default 2. The export date is its last day. */
  years?: number;
}

interface SimClinic {
  code: string;
  region: DanishRegion;
  weight: number;
  /** Shift on the logit of activation. */
  effect: number;
}

const logit = (p: number) => Math.log(p / (1 - p));

function buildClinics(rng: Random): SimClinic[] {
  const clinics: SimClinic[] = [];
  for (const region of REGIONS) {
    const n = CLINICS_PER_REGION[region];
    const sizes = Array.from({ length: n }, () => Math.exp(0.8 * rng.normal()));
    const total = sizes.reduce((s, v) => s + v, 0);
    sizes.forEach((size, i) => {
      clinics.push({
        code: `${REGION_PREFIX[region]}${String(i + 1).padStart(3, '0')}`,
        region,
        weight: (REGION_POPULATION[region] * size) / total,
        effect: 0.08 * rng.normal(),
      });
    });
  }
  // Three outliers among the mid-sized clinics, so they are visible on a funnel plot.
  const bySize = [...clinics].sort((a, b) => b.weight - a.weight);
  const mid = bySize.slice(Math.floor(bySize.length / 4), Math.floor((3 * bySize.length) / 4));
  const pick = () => mid.splice(rng.int(mid.length), 1)[0]!;
  pick().effect = logit(0.3) - logit(0.65);
  pick().effect = logit(0.42) - logit(0.65);
  pick().effect = logit(0.9) - logit(0.65);
  return clinics;
}

function pickWeighted<T>(rng: Random, items: readonly T[], cumulative: readonly number[]): T {
  const u = rng.uniform() * (cumulative[cumulative.length - 1] as number);
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return items[lo] as T;
}

const cumsum = (w: readonly number[]) => w.reduce<number[]>((acc, v) => (acc.push((acc[acc.length - 1] ?? 0) + v), acc), []);

const REFERRER_CUM = cumsum([0.58, 0.27, 0.12, 0.03]);
const REFERRER_EFFECT: Record<(typeof REFERRERS)[number], number> = { gp: 0.12, physio: -0.18, chiro: -0.35, other: -0.3 };

function ageEffect(age: number): number {
  if (age >= 75) return -0.7;
  if (age >= 60) return -0.2;
  if (age < 30) return 0.15;
  return 0;
}

/** Referral-day intensity: roll-out growth × winter peak × July dip (max ≤ 1.6 · 1.25). */
function intensity(day: number, start: number, span: number): number {
  const t = (day - start) / span;
  const date = new Date(day * 86_400_000);
  const doy = (day - Date.UTC(date.getUTCFullYear(), 0, 1) / 86_400_000) / 365.25;
  const season = 1 + 0.25 * Math.cos(2 * Math.PI * (doy - 30 / 365.25));
  const july = date.getUTCMonth() === 6 ? 0.65 : 1;
  return (0.6 + t) * season * july;
}

/** Rows of the registry CSV, header first, without line endings. */
export function* simulateRegistryLines(options: RegistrySimulationOptions): Generator<string> {
  const { rows, seed } = options;
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a whole number ≥ 0, got ${rows}`);
  const start = isoToDay(options.startDate ?? '2024-01-01');
  if (start === undefined) throw new RangeError(`startDate must be YYYY-MM-DD, got ${options.startDate}`);
  const span = Math.round(365 * (options.years ?? 2));
  const exportDay = start + span - 1;
  const rng = createRandom(seed);
  const clinics = buildClinics(rng);
  const clinicCum = cumsum(clinics.map((c) => c.weight));
  const maxIntensity = 1.6 * 1.25;
  const base = logit(0.65) + 0.2;
  const width = String(rows).length;
  // The intensity of each day of the period, computed once (10M rows draw ~2 days each).
  const dayIntensity = Float64Array.from({ length: span }, (_, k) => intensity(start + k, start, span));

  yield REGISTRY_HEADER;
  for (let i = 1; i <= rows; i++) {
    const clinic = pickWeighted(rng, clinics, clinicCum);
    let referred: number;
    do referred = start + rng.int(span);
    while (rng.uniform() * maxIntensity > (dayIntensity[referred - start] as number));
    const referrer = pickWeighted(rng, REFERRERS, REFERRER_CUM);
    const age = Math.max(18, Math.min(95, Math.round(50 + 15 * rng.normal())));
    const sex = rng.uniform() < 0.56 ? 'f' : 'm';
    const p = expit(base + clinic.effect + REFERRER_EFFECT[referrer] + ageEffect(age));
    let activated = '', lastActive = '';
    if (rng.uniform() < p) {
      const delay = Math.min(120, Math.floor(Math.exp(Math.log(4) + 0.9 * rng.normal())));
      const a = referred + delay;
      if (a <= exportDay) {
        const quick = rng.uniform() < 0.25;
        const used = quick ? rng.int(14) : Math.floor(-110 * Math.log(1 - rng.uniform()));
        activated = dayToIso(a);
        lastActive = dayToIso(Math.min(exportDay, a + used));
      }
    }
    yield `R${String(i).padStart(width, '0')},${clinic.region},${clinic.code},${dayToIso(referred)},${activated},${lastActive},${age},${sex},${referrer}`;
  }
}

/** The whole registry CSV as text (LF line endings, final newline). For small `rows`. */
export function simulateRegistry(options: RegistrySimulationOptions): string {
  let out = '';
  for (const line of simulateRegistryLines(options)) out += line + '\n';
  return out;
}

export interface EligibleSimulationOptions {
  seed: number;
  /** First year; default 2024. */
  startYear?: number;
  /** Number of years; default 5 (the scenario horizon). */
  years?: number;
  /** Eligible share of inhabitants; default 0.02. */
  prevalence?: number;
}

/**
 * Denominator file `region,year,eligible`: inhabitants × prevalence, growing 1% a year with
 * ±2% noise. Deterministic per seed.
 */
export function simulateEligible(options: EligibleSimulationOptions): string {
  const rng = createRandom(options.seed);
  const startYear = options.startYear ?? 2024;
  const years = options.years ?? 5;
  const prevalence = options.prevalence ?? 0.02;
  const lines = ['region,year,eligible'];
  for (const region of REGIONS) {
    for (let k = 0; k < years; k++) {
      const eligible = Math.round(REGION_POPULATION[region] * 1e6 * prevalence * 1.01 ** k * (1 + 0.02 * (2 * rng.uniform() - 1)));
      lines.push(`${region},${startYear + k},${eligible}`);
    }
  }
  return lines.join('\n') + '\n';
}
