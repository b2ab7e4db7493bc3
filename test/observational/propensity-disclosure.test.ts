/**
 * Attacks on the registry outputs through the propensity model and the balance statistics
 * (docs/observational.md, "Small counts", rules 5, 7 and 8). Each attack recovers a count of 1–4
 * from what the analysis computes and must recover nothing from what it publishes (`--json`,
 * results.json: `analyzeObservational`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import type { ObservationalAnalysis, ObservationalResult } from '../../src/observational/observational-results-schema.js';
import { completeRegistryRows, registryCsv, type RegistryRows } from '../support/registry-rows.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const basePlan = {
  design: 'observational',
  observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'referrer', type: 'categorical' }], estimand: 'ATE', baselineAsConfounder: false },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
};

function run(d: RegistryRows, plan: Record<string, unknown>) {
  const trial = loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(plan));
  const published = JSON.parse(JSON.stringify(analyzeObservational(trial, { version: 'test' }))) as ObservationalResult;
  return { published: published.analyses[0]!, computed: computeObservationalAnalyses(trial)[0]! };
}

/**
 * The attacker of the saturated propensity model: with one categorical confounder and no baseline
 * score, exp(intercept) is the first level's users / non-users exactly. A fraction with a
 * non-user count of 1–4 as its denominator is that level's count (20/3: 3 non-users).
 */
function nonUsersFromCoefficients(a: Pick<ObservationalAnalysis, 'propensity'>): number | null {
  const b = a.propensity?.coefficients;
  if (!b) return null;
  const odds = Math.exp(b[0]!);
  for (let q = 1; q < 5; q++) if (Math.abs(odds * q - Math.round(odds * q)) < 1e-6) return q;
  return null;
}

/** 20 users and 3 non-users referred by a chiropractor ("chiro", the first level in sorted order). */
function chiroRegistry(): RegistryRows {
  const d = completeRegistryRows(600);
  const users = d.rows.filter((r) => r.app === 'Ja').slice(0, 20);
  const nonUsers = d.rows.filter((r) => r.app === 'Nej').slice(0, 3);
  for (const r of [...users, ...nonUsers]) r.referrer = 'chiro';
  return d;
}

describe('the propensity model\'s coefficients', () => {
  it('give a level\'s 3 non-users when published; they are not published', () => {
    const { published, computed } = run(chiroRegistry(), basePlan);
    // The balance table hides the referrer (rule 5) …
    expect(published.balance.find((b) => b.term === 'referrer=chiro')?.smdBefore).toBe('suppressed');
    // … but the coefficients as computed give the count: exp(intercept) = 20/3.
    expect(Math.exp(computed.propensity!.coefficients![0]!)).toBeCloseTo(20 / 3, 9);
    expect(nonUsersFromCoefficients(computed)).toBe(3);
    expect(published.propensity).not.toHaveProperty('coefficients');
    expect(nonUsersFromCoefficients(published)).toBeNull();
  });

  it('are not in `hta analyze --json` nor in a report\'s results.json', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), registryCsv(chiroRegistry()));
    writeFileSync(join(dir, 'p.json'), JSON.stringify(basePlan));
    const r = await runCli('analyze', join(dir, 'r.csv'), '--plan', join(dir, 'p.json'), '--json');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as ObservationalResult;
    expect(printed.analyses[0]!.propensity!.terms[0]).toBe('(Intercept)');
    expect(r.stdout).not.toMatch(/coefficients/);
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [{ id: 'rc', kind: 'registry', out: 'rc', lang: 'da', data: 'r.csv', plan: 'p.json' }] }));
    const rep = await runCli('report', '--manifest', join(dir, 'm.json'), '--out', join(dir, 'out'));
    expect(rep.code, rep.stderr).toBe(0);
    const results = readFileSync(join(dir, 'out/rc/results.json'), 'utf8');
    expect(results).toMatch(/"\(Intercept\)"/);
    expect(results).not.toMatch(/coefficients/);
  });
});

/**
 * The attacker of a numeric confounder with values 0, 1, 2 (attack on the SMD and variance ratio
 * before weighting, ATE: pooled SD): every split of each group's size into the three values whose
 * SMD and variance ratio are the published ones to 1e-9. Returns each solution's counts per value.
 */
function threeValueSplits(n1: number, n0: number, smd: number, vr: number): { users: number[]; nonUsers: number[] }[] {
  const out: { users: number[]; nonUsers: number[] }[] = [];
  const near = (v: number) => Math.abs(v - Math.round(v)) < 1e-6;
  for (let a2 = 0; a2 <= n1; a2++) {
    for (let a1 = 0; a1 + a2 <= n1; a1++) {
      const m1 = (a1 + 2 * a2) / n1;
      const v1 = (a1 + 4 * a2 - n1 * m1 * m1) / (n1 - 1);
      if (!(v1 > 0)) continue;
      const v0 = v1 / vr;
      const m0 = m1 - smd * Math.sqrt((v1 + v0) / 2);
      const s0 = m0 * n0;
      const q0 = v0 * (n0 - 1) + n0 * m0 * m0;
      if (!near(s0) || !near(q0)) continue;
      const b2 = (Math.round(q0) - Math.round(s0)) / 2;
      const b1 = Math.round(s0) - 2 * b2;
      if (Number.isInteger(b2) && b1 >= 0 && b2 >= 0 && b1 + b2 <= n0) out.push({ users: [n1 - a1 - a2, a1, a2], nonUsers: [n0 - b1 - b2, b1, b2] });
    }
  }
  return out;
}

/** An `episodes` column: users spread over 0 … k − 1, non-users over 0 … k − 2 but `rare` of them at k − 1. */
function episodesRegistry(k: number, rare: number): RegistryRows {
  const d = completeRegistryRows(600);
  d.names.push('episodes');
  let u = 0;
  let n = 0;
  for (const r of d.rows) r.episodes = String(r.app === 'Ja' ? u++ % k : n++ < rare ? k - 1 : n % (k - 1));
  return d;
}

const planWith = (confounder: Record<string, unknown>) => ({ ...basePlan, observational: { ...basePlan.observational, confounders: [{ name: 'referrer', type: 'categorical' }, confounder] } });

describe('a numeric confounder with few values', () => {
  it('0/1/2 with 1 non-user at 2: SMD and variance ratio at full precision give every count; the published rows are hidden', () => {
    const d = episodesRegistry(3, 1);
    const { published } = run(d, planWith({ name: 'episodes', type: 'numeric' }));
    // The row as it was printed before (every patient is analysed here): SMD and variance ratio to 16 digits.
    const group = (g: string) => d.rows.filter((r) => r.app === g).map((r) => Number(r.episodes));
    const users = group('Ja');
    const nonUsers = group('Nej');
    expect(published.patients).toEqual({ exposed: users.length, unexposed: nonUsers.length });
    const moments = (x: number[]) => {
      const m = x.reduce((s, v) => s + v, 0) / x.length;
      return { m, v: x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1) };
    };
    const [m1, m0] = [moments(users), moments(nonUsers)];
    const found = threeValueSplits(users.length, nonUsers.length, (m1.m - m0.m) / Math.sqrt((m1.v + m0.v) / 2), m1.v / m0.v);
    expect(found.map((s) => s.nonUsers[2])).toEqual([1]);
    const shown = published.balance.find((b) => b.term === 'episodes')!;
    expect(shown).toMatchObject({ smdBefore: 'suppressed', smdAfter: 'suppressed', varianceRatioBefore: 'suppressed', varianceRatioAfter: 'suppressed' });
  });

  it('up to 10 values with a value of 1–4 patients in a group are hidden; 11 values are shown', () => {
    for (const k of [4, 6, 10]) {
      const { published } = run(episodesRegistry(k, 2), planWith({ name: 'episodes', type: 'numeric' }));
      expect(published.balance.find((b) => b.term === 'episodes')!.smdBefore, `${k} values`).toBe('suppressed');
    }
    const { published } = run(episodesRegistry(11, 2), planWith({ name: 'episodes', type: 'numeric' }));
    expect(typeof published.balance.find((b) => b.term === 'episodes')!.smdBefore).toBe('number');
  });

  it('0/1/2 with every count at least 5: shown at the page\'s 3 decimals, which the same search cannot invert', () => {
    const { published, computed } = run(episodesRegistry(3, 0), planWith({ name: 'episodes', type: 'numeric' }));
    const n = computed.patients as { exposed: number; unexposed: number };
    const full = computed.balance.find((b) => b.term === 'episodes')!;
    expect(threeValueSplits(n.exposed, n.unexposed, full.smdBefore as number, full.varianceRatioBefore as number)).toHaveLength(1);
    const shown = published.balance.find((b) => b.term === 'episodes')!;
    for (const v of [shown.smdBefore, shown.smdAfter, shown.varianceRatioBefore, shown.varianceRatioAfter]) {
      expect(typeof v).toBe('number');
      expect(Math.abs((v as number) * 1000 - Math.round((v as number) * 1000))).toBeLessThan(1e-6);
    }
    expect(threeValueSplits(n.exposed, n.unexposed, shown.smdBefore as number, shown.varianceRatioBefore as number)).toEqual([]);
  });
});

/**
 * The saturated model's scores are each level's users / patients, so a score percentile whose
 * window lies inside a level is that fraction exactly, and the effective sample sizes are
 * (Σ patients)² / Σ N²/u (users; N²/(N − u) non-users). The attacker reads fractions off the
 * full-precision percentiles, takes one for each level but one (a level's count is a multiple of
 * its fraction in lowest terms), gives the rest of each group to the level no percentile shows,
 * and keeps the tables whose effective sample sizes match.
 */
function hiddenLevelFromScores(a: ObservationalAnalysis): { users: number; nonUsers: number }[] {
  if (!a.propensity || !a.weights || !a.patients) return [];
  const { exposed, unexposed } = a.propensity.quantiles;
  if (!Array.isArray(exposed) || !Array.isArray(unexposed)) return [];
  const n1 = a.patients.exposed as number;
  const n0 = a.patients.unexposed as number;
  const total = n1 + n0;
  const levels = a.propensity.terms.length; // intercept + one indicator per level but the first
  const fractions: [number, number][] = [];
  for (const q of new Set([...exposed, ...unexposed])) {
    for (let den = 2; den <= total; den++) {
      const num = Math.round(q * den);
      if (Math.abs(q - num / den) < 1e-11) {
        fractions.push([num, den]);
        break;
      }
    }
  }
  const found = new Map<string, { users: number; nonUsers: number }>();
  const pick = (from: number, cells: [number, number][]): void => {
    if (cells.length === levels - 1) {
      const u = n1 - cells.reduce((s, c) => s + c[0], 0);
      const nu = n0 - cells.reduce((s, c) => s + c[1] - c[0], 0);
      if (u <= 0 || nu <= 0) return;
      const all = [...cells, [u, u + nu] as [number, number]];
      const ess1 = total ** 2 / all.reduce((s, [uu, nn]) => s + (nn * nn) / uu, 0);
      const ess0 = total ** 2 / all.reduce((s, [uu, nn]) => s + (nn * nn) / (nn - uu), 0);
      if (Math.abs(ess1 - (a.weights!.effectiveSampleSize.exposed as number)) < 1e-6 && Math.abs(ess0 - (a.weights!.effectiveSampleSize.unexposed as number)) < 1e-6) found.set(`${u}/${nu}`, { users: u, nonUsers: nu });
      return;
    }
    for (let i = from; i < fractions.length; i++) {
      const [num, den] = fractions[i]!;
      for (let k = 1; k * den <= total; k++) pick(i + 1, [...cells, [num * k, den * k]]);
    }
  };
  pick(0, []);
  return [...found.values()];
}

describe('score percentiles and effective sample sizes of a saturated model', () => {
  it('give the 3 non-users at full precision; the published ones do not', () => {
    const { published, computed } = run(chiroRegistry(), basePlan);
    expect(hiddenLevelFromScores(computed)).toEqual([{ users: 20, nonUsers: 3 }]);
    expect(hiddenLevelFromScores(published)).toEqual([]);
  });

  it('are published at the page\'s precision: percentiles 2 decimals, effective sample sizes 1, largest weights 2', () => {
    const { published } = run(episodesRegistry(3, 0), planWith({ name: 'episodes', type: 'numeric' }));
    const decimals = (v: unknown, d: number) => expect(Math.abs((v as number) * 10 ** d - Math.round((v as number) * 10 ** d))).toBeLessThan(1e-6);
    const q = published.propensity!.quantiles;
    for (const v of [...(q.exposed as number[]), ...(q.unexposed as number[])]) decimals(v, 2);
    for (const g of ['exposed', 'unexposed'] as const) {
      decimals(published.weights!.effectiveSampleSize[g], 1);
      decimals(published.weights!.max[g], 2);
    }
  });
});

/**
 * The attacker of the largest weights (rule 9) on the numbers as the page rounds them. In a
 * saturated model a level's n non-users all weigh N/n (ATE), the non-users' mean weight is
 * (n₀ + n₁)/n₀ exactly, and the level with the highest score carries the largest non-user
 * weights; the next level's weight 1/(1 − e) is read off the largest non-user percentile. For
 * each small n the mean of the 5 largest, (N + (5 − n)·w)/5, must match the published ratio to
 * 2 decimals with a whole N: the counts of 1–4 that fit.
 */
function smallCountsFromLargestWeight(n1: number, n0: number, maxRatio: unknown, percentiles: unknown): number[] {
  if (typeof maxRatio !== 'number' || !Array.isArray(percentiles)) return [];
  const meanWeight = (n1 + n0) / n0;
  const top = percentiles[percentiles.length - 1] as number;
  const fits: number[] = [];
  for (let n = 1; n < 5; n++) {
    // The extremes of (N + (5 − n)·w) over the rounding of both published numbers.
    const lo = 5 * (maxRatio - 0.005) * meanWeight - (5 - n) / (1 - (top + 0.005));
    const hi = 5 * (maxRatio + 0.005) * meanWeight - (5 - n) / (1 - (top - 0.005));
    if (Math.ceil(lo) <= Math.floor(hi) && Math.floor(hi) > n) fits.push(n);
  }
  return fits;
}

describe('the largest weights and percentiles with a level of 3 non-users', () => {
  it('give the 3 at the page\'s 2 decimals; with a balance term hidden for a small count they are hidden too', () => {
    const { published, computed } = run(chiroRegistry(), basePlan);
    const n = computed.patients as { exposed: number; unexposed: number };
    const r2 = (v: number) => Math.round(v * 100) / 100;
    const rounded = computed.propensity!.quantiles.unexposed as number[];
    // 1 or 3 (2 and 4 ruled out): a count of 1–4 narrowed to two values.
    expect(smallCountsFromLargestWeight(n.exposed, n.unexposed, r2(computed.weights!.max.unexposed as number), rounded.map(r2))).toEqual([1, 3]);
    // The yes/no facts stay (extreme or not: no count; hidden-overlap-facts.test.ts), the numbers go.
    expect(published.weights).toMatchObject({ effectiveSampleSize: { exposed: 'suppressed', unexposed: 'suppressed' }, max: { exposed: 'suppressed', unexposed: 'suppressed' }, extreme: computed.weights!.extreme });
    expect(published.propensity).toMatchObject({ quantiles: { exposed: 'suppressed', unexposed: 'suppressed' }, outsideShare: 'suppressed' });
    expect(smallCountsFromLargestWeight(n.exposed, n.unexposed, published.weights!.max.unexposed, published.propensity!.quantiles.unexposed)).toEqual([]);
    expect(published.warnings.some((w) => /overlap and weights are not shown/.test(w))).toBe(true);
  });
});
