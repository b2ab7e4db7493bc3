/**
 * An outcome with few values (work status 0/1/2) whose counts per value follow from its published
 * estimates (docs/observational.md, "Small counts", rule 6). Per group, the crude row's SE
 * (HC0: SE² = SS₁/n₁² + SS₀/n₀²) and its E-value (RR = exp(0.91·d/sd), sd² = (SS₁ + SS₀)/(n − 2))
 * give each group's sum of squares, the difference gives m₁ − m₀, and the counts per value are
 * whole numbers: the attacker below enumerates the users' tables and solves the non-users' from
 * them. On the explorer's registry (3 users at 1, 197 at 2; non-users 30/40/50) it recovered the 3
 * from what `hta analyze --json` printed; now the outcome's rows are withheld. The E-value fields
 * carry the page's 2 decimals.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { tempDir } from '../support/run-cli.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { analyzeObservational, computeObservationalAnalyses, smallOutcomeCount } from '../../src/observational/analyze-observational.js';
import { ciIncludesNull } from '../../src/observational/e-value.js';
import type { ObservationalAnalysis } from '../../src/observational/observational-results-schema.js';

/** The explorer's plan: ATE, no baseline, a 0/1/2 outcome without decimals. */
const planJson = (range: [number, number], suppressionThreshold = 5) => ({
    design: 'observational',
    observational: {
      exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
      confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }],
      estimand: 'ATE',
      baselineAsConfounder: false,
      suppressionThreshold,
    },
    armLabels: { intervention: { en: 'App users', da: 'Brugere' }, control: { en: 'Non-users', da: 'Ikke-brugere' } },
    layout: 'wide',
    timepoints: ['3m'],
    instruments: { work: { label: { en: 'Work status', da: 'Arbejdsstatus' }, range, direction: 'higher-is-better', mcid: 0.3, mcidSource: 'plan assumption', decimals: false } },
    outcomes: [{ key: 'work', instrument: 'work' }],
  });
const plan = (range: [number, number], suppressionThreshold = 5) => parsePlan(planJson(range, suppressionThreshold));

/** `users[v]` users and `nonUsers[v]` non-users with value v; ages and sexes spread alike in both groups. */
function registry(users: number[], nonUsers: number[]): string {
  const lines = ['id,app,age,sex,work_3m'];
  let i = 0;
  for (const [app, counts] of [['Ja', users], ['Nej', nonUsers]] as const)
    counts.forEach((c, v) => {
      for (let k = 0; k < c; k++, i++) lines.push(`P${i},${app},${30 + ((i * 7) % 37)},${i % 2 ? 'K' : 'M'},${v}`);
    });
  return lines.join('\n') + '\n';
}

const trialOf = (users: number[], nonUsers: number[], range: [number, number] = [0, 2], threshold = 5) => loadTrial(parseCsvText(registry(users, nonUsers), 'work.csv'), plan(range, threshold));

/**
 * Every pair of tables (users, non-users: patients per value 0 … k − 1) that gives the crude row
 * as published: its difference and SE as printed (full precision in the JSON), its E-value's risk
 * ratio within half a unit of its last printed digit. No rows, no tables.
 */
function attack(a: ObservationalAnalysis, k: number): number[][][] {
  const e = a.effects.find((x) => x.method === 'crude');
  if (!e || !e.eValue || e.se === null || e.difference === null) return [];
  const { intervention: n1, control: n0 } = e.n;
  const diff = e.difference;
  const se2 = e.se ** 2;
  const rr = e.eValue.riskRatio;
  const digits = (String(rr).split('.')[1] ?? '').length;
  const half = digits >= 15 ? rr * 1e-12 : 0.5 * 10 ** -digits;
  const tol = 1e-6;
  const found: number[][][] = [];
  // The users' tables over 0 … k − 1 (k ≤ 3 here: n1² of them).
  const tables = (n: number): number[][] => {
    if (k === 2) return Array.from({ length: n + 1 }, (_, c) => [n - c, c]);
    const out: number[][] = [];
    for (let b = 0; b <= n; b++) for (let c = 0; b + c <= n; c++) out.push([n - b - c, b, c]);
    return out;
  };
  for (const t1 of tables(n1)) {
    const s1 = t1.reduce((s, c, v) => s + c * v, 0);
    const q1 = t1.reduce((s, c, v) => s + c * v * v, 0);
    const ss1 = q1 - (s1 * s1) / n1;
    // The non-users' sum and sum of squares follow from the difference and the SE.
    const s0 = (s1 / n1 - diff) * n0;
    const ss0 = (se2 - ss1 / n1 ** 2) * n0 ** 2;
    if (Math.abs(s0 - Math.round(s0)) > tol || ss0 < -tol) continue;
    const S0 = Math.round(s0);
    const q0 = ss0 + (S0 * S0) / n0;
    if (Math.abs(q0 - Math.round(q0)) > tol) continue;
    const Q0 = Math.round(q0);
    // Values 0/1/2: b + 2c = S0, b + 4c = Q0; values 0/1: c = S0 = Q0.
    const c0 = (Q0 - S0) / 2;
    const t0 = k === 2 ? (S0 === Q0 ? [n0 - S0, S0] : null) : Number.isInteger(c0) ? [n0 - (S0 - 2 * c0) - c0, S0 - 2 * c0, c0] : null;
    if (!t0 || t0.some((c) => c < 0)) continue;
    const sd = Math.sqrt((ss1 + ss0) / (n1 + n0 - 2));
    const rrOf = Math.exp((0.91 * Math.abs(diff)) / sd);
    if (Math.abs(rrOf - rr) > half) continue;
    found.push([t1, t0]);
  }
  return found;
}

const hasSmall = (tables: number[][][]) => tables.some(([u, n]) => [...u!, ...n!].some((c) => c > 0 && c < 5));
const work = (analyses: ObservationalAnalysis[]) => analyses.find((a) => a.outcome === 'work')!;

describe('an outcome with few values: no count of 1–4 follows from its estimates', () => {
  it("the explorer's registry (users 0/3/197 at 0/1/2): published under a threshold of 3, the estimates give the 3; under 5 they are withheld", () => {
    const trial = trialOf([0, 3, 197], [30, 40, 50]);
    // The attack works on what is published: with a threshold of 3 (the least a plan may set) a
    // count of 3 may be shown, the rows are, and it finds one table, the true one.
    expect(attack(work(analyzeObservational(trialOf([0, 3, 197], [30, 40, 50], [0, 2], 3), { version: 'test' }).analyses), 3)).toEqual([
      [
        [0, 3, 197],
        [30, 40, 50],
      ],
    ]);
    const r = analyzeObservational(trial, { version: 'test' });
    const a = work(r.analyses);
    expect(a.error).toBeUndefined();
    expect(a.effectsSuppressed).toBe(true);
    expect(a.effects).toEqual([]);
    expect(attack(a, 3)).toEqual([]);
    // The counts and the balance stay; the warning says why in words for an outcome with few values.
    expect(a.patients).toEqual({ exposed: 200, unexposed: 120 });
    expect(r.warnings).toContain('work at 3m: no difference is shown (crude, weighted regression or AIPW): the outcome takes few values, and in a group fewer patients than the suppression threshold have one of them (or all but so few share one value); the differences with their SEs and E-values would reveal that number');
  });

  it('the report page (en, da) says why in words for an outcome with few values, and draws no effects chart', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'work.csv'), registry([0, 3, 197], [30, 40, 50]));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(planJson([0, 2])));
    for (const [lang, note] of [
      ['en', 'No difference is shown for Work status, 3 months (every row reads "suppressed"): the outcome takes few values, and in a group fewer than 5 patients had one of them (or all but so few had the same value); the differences, with their SEs and E-values, would reveal that number.'],
      ['da', 'Ingen forskel vises for Arbejdsstatus, 3 måneder (hver række står som "diskretioneret"): effektmålet har få værdier, og i en gruppe havde færre end 5 patienter en af dem (eller alle på nær så få havde samme værdi); forskellene med deres SE og E-værdier ville afsløre det antal.'],
    ] as const) {
      const env = { input: (f: string) => join(dir, f), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
      const content = await registryReportKind.build({ id: 'w', kind: 'registry', out: 'w', lang, data: 'work.csv', plan: 'plan.json' } as never, env as never);
      const effects = content.page.sections.find((s) => s.id === 'effects')!;
      expect(effects.notes).toContain(note);
      // Not the yes/no outcome's words ("had (or did not have) the event").
      expect(effects.notes!.join(' ')).not.toMatch(/event|hændelsen/);
      expect(content.charts.map((c) => c.name)).not.toContain('effects');
    }
  });

  it('users holding all three values (3 at 0): published under a threshold of 3, 2 tables remain (3 or 11 users at 0); under 5, none', () => {
    const trial = trialOf([3, 60, 137], [30, 40, 50]);
    const shown = attack(work(analyzeObservational(trialOf([3, 60, 137], [30, 40, 50], [0, 2], 3), { version: 'test' }).analyses), 3);
    expect(shown.map(([u]) => u![0]).sort((x, y) => x! - y!)).toEqual([3, 11]);
    const a = work(analyzeObservational(trial, { version: 'test' }).analyses);
    expect(a.effectsSuppressed).toBe(true);
    expect(attack(a, 3)).toEqual([]);
  });

  it('every count 0 or at least 5: all three rows are published, with the E-values to 2 decimals, and no table with a count of 1–4 fits them', () => {
    const trial = trialOf([0, 60, 140], [30, 40, 50]);
    const a = work(analyzeObservational(trial, { version: 'test' }).analyses);
    expect(a.effectsSuppressed).toBeUndefined();
    expect(a.effects.map((e) => e.method)).toEqual(['crude', 'weighted-regression', 'aipw']);
    const computed = work(computeObservationalAnalyses(trial));
    for (const [i, e] of a.effects.entries()) {
      const full = computed.effects[i]!.eValue!;
      expect(e.eValue).toEqual({ ...full, riskRatio: Number(full.riskRatio.toFixed(2)), estimate: Number(full.estimate.toFixed(2)), ciLimit: Number(full.ciLimit.toFixed(2)) });
      expect(e.eValue!.estimate.toFixed(2)).toBe(full.estimate.toFixed(2));
    }
    const tables = attack(a, 3);
    // The true table fits; whatever else fits has no count of 1–4 in it.
    expect(tables).toContainEqual([
      [0, 60, 140],
      [30, 40, 50],
    ]);
    expect(hasSmall(tables)).toBe(false);
  });

  it('a whole-point outcome of 0–24 on which every user but 3 has the same value is withheld, however many values it takes', () => {
    // 197 users at 24, one each at 20, 22 and 23: four values among the users, 25 in all.
    const users = Array<number>(25).fill(0);
    users[20] = users[22] = users[23] = 1;
    users[24] = 197;
    const nonUsers = Array<number>(25).fill(6);
    const a = work(analyzeObservational(trialOf(users, nonUsers, [0, 24]), { version: 'test' }).analyses);
    expect(a.effectsSuppressed).toBe(true);
    expect(a.effects).toEqual([]);
    // Two more users off 24 (3 at 23): published.
    users[23] = 3;
    users[24] = 195;
    expect(work(analyzeObservational(trialOf(users, nonUsers, [0, 24]), { version: 'test' }).analyses).effects).toHaveLength(3);
  });
});

/** test/reference/few-valued-outcome.R: R's crude row (lm + sandwich HC0), E-value, and the tables that fit it. */
interface ReferenceCase {
  users: number[];
  nonUsers: number[];
  difference: number;
  se: number;
  seFromSumsOfSquares: number;
  riskRatio: number;
  eValue: number;
  tablesPublished: { users: number[]; nonUsers: number[] }[];
}
const reference = JSON.parse(readFileSync(new URL('../reference/few-valued-outcome.json', import.meta.url), 'utf8')) as { cases: ReferenceCase[] };

describe('the attack and the crude row agree with R (test/reference/few-valued-outcome.R)', () => {
  it('difference and HC0 SE to 1e-9, E-value and risk ratio as R rounds them, and the same tables fit the published row', () => {
    expect(reference.cases).toHaveLength(3);
    for (const c of reference.cases) {
      // The identity the attack rests on, in R: HC0's SE² = SS₁/n₁² + SS₀/n₀².
      expect(c.seFromSumsOfSquares).toBeCloseTo(c.se, 12);
      // A threshold of 3 publishes every case's rows (the least count here is 3).
      const a = work(analyzeObservational(trialOf(c.users, c.nonUsers, [0, 2], 3), { version: 'test' }).analyses);
      const crude = a.effects.find((e) => e.method === 'crude')!;
      expect(Math.abs(crude.difference! - c.difference)).toBeLessThan(1e-9);
      expect(Math.abs(crude.se! - c.se)).toBeLessThan(1e-9);
      expect(crude.eValue!.riskRatio).toBe(Math.round(c.riskRatio * 100) / 100);
      expect(crude.eValue!.estimate).toBe(Math.round(c.eValue * 100) / 100);
      const key = (t: number[][]) => JSON.stringify(t);
      expect(attack(a, 3).map(key).sort()).toEqual(c.tablesPublished.map((t) => key([t.users, t.nonUsers])).sort());
    }
  });
});

describe('smallOutcomeCount', () => {
  const groups = (u: number[], n: number[]) => {
    const y: number[] = [];
    const a: number[] = [];
    for (const [g, counts] of [[1, u], [0, n]] as const) counts.forEach((c, v) => { for (let k = 0; k < c; k++) { y.push(v); a.push(g); } });
    return [y, a] as const;
  };
  it('withholds a group of at most 3 values with a count of 1–4, or one in which all but 1–4 share a value; a count of 0 or at least the threshold is shown', () => {
    expect(smallOutcomeCount(...groups([0, 3, 197], [30, 40, 50]), 5)).toBe(true);
    expect(smallOutcomeCount(...groups([0, 5, 195], [30, 40, 50]), 5)).toBe(false);
    // Yes/no: 4 events among 100 non-users.
    expect(smallOutcomeCount(...groups([50, 50], [96, 4]), 5)).toBe(true);
    // Three values within a group, one held by 3, while the outcome takes 25 overall.
    expect(smallOutcomeCount(...groups([...Array(22).fill(0), 3, 100, 97], Array(25).fill(6)), 5)).toBe(true);
    // Four values in each group with a count of 3: published (docs/observational.md, rule 6: not covered) …
    expect(smallOutcomeCount(...groups([3, 5, 10, 182], [20, 30, 40, 30]), 5)).toBe(false);
    // … unless all but a few of a group share one value: 190 at 3, 10 elsewhere is shown, 196 is not.
    expect(smallOutcomeCount(...groups([3, 3, 4, 190], [20, 30, 40, 30]), 5)).toBe(false);
    expect(smallOutcomeCount(...groups([1, 1, 2, 196], [20, 30, 40, 30]), 5)).toBe(true);
    // The threshold is the plan's.
    expect(smallOutcomeCount(...groups([0, 5, 195], [30, 40, 50]), 6)).toBe(true);
  });
});

describe('ciIncludesNull', () => {
  it('reads the CI, not the E-value rounded to 2 decimals (a limit of 1.004 prints 1.00 yet excludes the null)', () => {
    expect(ciIncludesNull({ ciLower: 0.0001, ciUpper: 0.5 })).toBe(false);
    expect(ciIncludesNull({ ciLower: -0.1, ciUpper: 0.5 })).toBe(true);
    expect(ciIncludesNull({ ciLower: -0.5, ciUpper: -0.0001 })).toBe(false);
    expect(ciIncludesNull({ ciLower: null, ciUpper: null })).toBe(false);
  });
});
