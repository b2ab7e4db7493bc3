/**
 * An outcome with few values (work status 0/1/2) whose counts per value follow from its published
 * estimates (docs/observational.md, "Small counts", rule 6). Per group, the crude row's SE
 * (HC0: SE² = SS₁/n₁² + SS₀/n₀²) and its E-value (RR = exp(0.91·d/sd), sd² = (SS₁ + SS₀)/(n − 2))
 * give each group's sum of squares, the difference gives m₁ − m₀, and the counts per value are
 * whole numbers: the attacker below enumerates the users' tables and solves the non-users' from
 * them. On the explorer's registry (3 users at 1, 197 at 2; non-users 30/40/50) it recovered the 3
 * from what `hta analyze --json` printed; now the outcome's rows are withheld. What is published
 * carries the page's digits (E-values 2 decimals; difference, SE, CI as the page prints them:
 * published-effect.ts), so the attack reads a number within half a unit of its last digit; the
 * computed rows (16 digits) show what those digits would give.
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

/** Half a unit of `x`'s last printed digit: what a reader knows of a number printed as it is (16 digits: noise). */
function halfOf(x: number): number {
  const digits = (String(x).split('.')[1] ?? '').length;
  return digits >= 15 || /e/.test(String(x)) ? Math.abs(x) * 1e-12 : 0.5 * 10 ** -digits;
}

/** The crude row's numbers the attack reads: as published, or (`full`) with the difference and SE as computed, to 16 digits. */
type CrudeView = { n: { intervention: number; control: number }; difference: number; se: number; riskRatio: number | null };
function crudeOf(a: ObservationalAnalysis, full?: ObservationalAnalysis): CrudeView | null {
  const e = a.effects.find((x) => x.method === 'crude');
  if (!e || !e.eValue || e.se === null || e.difference === null) return null;
  const f = full?.effects.find((x) => x.method === 'crude');
  return { n: e.n, difference: f ? f.difference! : e.difference, se: f ? f.se! : e.se, riskRatio: e.eValue.riskRatio };
}

/**
 * Every pair of tables (users, non-users: patients per value 0 … k − 1) that gives the crude row
 * as the reader has it: its difference and SE within half a unit of their last printed digit
 * (16 digits: exact), its E-value's risk ratio likewise. No rows, no tables.
 */
function attack(a: ObservationalAnalysis, k: number, full?: ObservationalAnalysis): number[][][] {
  const e = crudeOf(a, full);
  if (!e || e.riskRatio === null) return [];
  const { intervention: n1, control: n0 } = e.n;
  const diff = e.difference;
  const hd = halfOf(diff);
  const hs = halfOf(e.se);
  const rr = e.riskRatio;
  const half = halfOf(rr);
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
    // The non-users' sum and sum of squares follow from the difference and the SE (each within its rounding).
    for (let S0 = Math.ceil((s1 / n1 - diff - hd) * n0 - tol); S0 <= (s1 / n1 - diff + hd) * n0 + tol; S0++) {
      const ssLow = ((e.se - hs) ** 2 - ss1 / n1 ** 2) * n0 ** 2;
      const ssHigh = ((e.se + hs) ** 2 - ss1 / n1 ** 2) * n0 ** 2;
      for (let Q0 = Math.max(0, Math.ceil(ssLow + (S0 * S0) / n0 - tol)); Q0 <= ssHigh + (S0 * S0) / n0 + tol; Q0++) {
        const ss0 = Q0 - (S0 * S0) / n0;
        if (ss0 < -tol) continue;
        // Values 0/1/2: b + 2c = S0, b + 4c = Q0; values 0/1: c = S0 = Q0.
        const c0 = (Q0 - S0) / 2;
        const t0 = k === 2 ? (S0 === Q0 ? [n0 - S0, S0] : null) : Number.isInteger(c0) ? [n0 - (S0 - 2 * c0) - c0, S0 - 2 * c0, c0] : null;
        if (!t0 || t0.some((c) => c < 0)) continue;
        const sd = Math.sqrt((ss1 + ss0) / (n1 + n0 - 2));
        const rrOf = Math.exp((0.91 * Math.abs(s1 / n1 - S0 / n0)) / sd);
        if (Math.abs(rrOf - rr) > half + tol) continue;
        found.push([t1, t0]);
      }
    }
  }
  return found;
}

const hasSmall = (tables: number[][][]) => tables.some(([u, n]) => [...u!, ...n!].some((c) => c > 0 && c < 5));
const work = (analyses: ObservationalAnalysis[]) => analyses.find((a) => a.outcome === 'work')!;

describe('an outcome with few values: no count of 1–4 follows from its estimates', () => {
  it("the explorer's registry (users 0/3/197 at 0/1/2): under a threshold of 3 the estimates give the 3 at 16 digits, and a count of 1–4 at the page's; under 5 they are withheld", () => {
    const trial = trialOf([0, 3, 197], [30, 40, 50]);
    // With a threshold of 3 (the least a plan may set) a count of 3 may be shown and the rows
    // are. At 16 digits (as computed) the attack finds one table, the true one; at the page's
    // digits (as published) two, each with 1–4 users at 1 (1 or 3): rounding alone does not
    // protect an outcome with three values (rule 6 does).
    const low = trialOf([0, 3, 197], [30, 40, 50], [0, 2], 3);
    const published = work(analyzeObservational(low, { version: 'test' }).analyses);
    expect(attack(published, 3, work(computeObservationalAnalyses(low)))).toEqual([
      [
        [0, 3, 197],
        [30, 40, 50],
      ],
    ]);
    const rounded = attack(published, 3);
    expect(rounded).toContainEqual([
      [0, 3, 197],
      [30, 40, 50],
    ]);
    expect(rounded.every(([u]) => u![1]! > 0 && u![1]! < 5)).toBe(true);
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

  it('users holding all three values (3 at 0): under a threshold of 3, 2 tables fit at 16 digits (3 or 11 users at 0), more at the page\'s; under 5, none', () => {
    const trial = trialOf([3, 60, 137], [30, 40, 50]);
    const low = trialOf([3, 60, 137], [30, 40, 50], [0, 2], 3);
    const published = work(analyzeObservational(low, { version: 'test' }).analyses);
    const full = attack(published, 3, work(computeObservationalAnalyses(low)));
    expect(full.map(([u]) => u![0]).sort((x, y) => x! - y!)).toEqual([3, 11]);
    // At the page's digits the users at 0 range from 0 to at least 5: not narrowed to a small count.
    const atZero = new Set(attack(published, 3).map(([u]) => u![0]!));
    expect(atZero.has(3) && atZero.has(0) && Math.max(...atZero) >= 5).toBe(true);
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
    // At 16 digits the true table fits and whatever else fits has no count of 1–4 in it; at the
    // page's digits more fit, some with such a count: the reader cannot tell which.
    const truth = [
      [0, 60, 140],
      [30, 40, 50],
    ];
    const tables = attack(a, 3, work(computeObservationalAnalyses(trial)));
    expect(tables).toContainEqual(truth);
    expect(hasSmall(tables)).toBe(false);
    expect(attack(a, 3)).toContainEqual(truth);
    expect(attack(a, 3).length).toBeGreaterThan(tables.length);
  });

  it('a whole-point outcome of 0–24 on which every user but 4 has the same value is withheld, however many values it takes', () => {
    // 196 users at 24, one each at 19, 20, 22 and 23: five values among the users, 25 in all.
    const users = Array<number>(25).fill(0);
    users[19] = users[20] = users[22] = users[23] = 1;
    users[24] = 196;
    const nonUsers = Array<number>(25).fill(6);
    const a = work(analyzeObservational(trialOf(users, nonUsers, [0, 24]), { version: 'test' }).analyses);
    expect(a.effectsSuppressed).toBe(true);
    expect(a.effects).toEqual([]);
    // Two more users off 24 (3 at 23): published.
    users[23] = 3;
    users[24] = 194;
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
      const trial = trialOf(c.users, c.nonUsers, [0, 2], 3);
      const a = work(analyzeObservational(trial, { version: 'test' }).analyses);
      // The difference and SE as computed (published: the page's digits, published-effect.ts).
      const computed = work(computeObservationalAnalyses(trial));
      const crude = { ...a.effects.find((e) => e.method === 'crude')!, ...(({ difference, se }) => ({ difference, se }))(computed.effects.find((e) => e.method === 'crude')!) };
      expect(Math.abs(crude.difference! - c.difference)).toBeLessThan(1e-9);
      expect(Math.abs(crude.se! - c.se)).toBeLessThan(1e-9);
      expect(crude.eValue!.riskRatio).toBe(Math.round(c.riskRatio * 100) / 100);
      expect(crude.eValue!.estimate).toBe(Math.round(c.eValue * 100) / 100);
      const key = (t: number[][]) => JSON.stringify(t);
      expect(attack(a, 3, computed).map(key).sort()).toEqual(c.tablesPublished.map((t) => key([t.users, t.nonUsers])).sort());
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
  it('withholds a group of at most 4 values with a count of 1–4, or one in which all but 1–4 share a value; a count of 0 or at least the threshold is shown', () => {
    expect(smallOutcomeCount(...groups([0, 3, 197], [30, 40, 50]), 5)).toBe(true);
    expect(smallOutcomeCount(...groups([0, 5, 195], [30, 40, 50]), 5)).toBe(false);
    // Yes/no: 4 events among 100 non-users.
    expect(smallOutcomeCount(...groups([50, 50], [96, 4]), 5)).toBe(true);
    // Three values within a group, one held by 3, while the outcome takes 25 overall.
    expect(smallOutcomeCount(...groups([...Array(22).fill(0), 3, 100, 97], Array(25).fill(6)), 5)).toBe(true);
    // Four values in each group with a count of 3: withheld (at 16 digits the crude row left 0 … 4 users at 0) …
    expect(smallOutcomeCount(...groups([3, 5, 10, 182], [20, 30, 40, 30]), 5)).toBe(true);
    // … five values: published (docs/observational.md, rule 6: what is not covered) …
    expect(smallOutcomeCount(...groups([3, 5, 10, 172, 10], [20, 30, 40, 30, 5]), 5)).toBe(false);
    // … unless all but a few of a group share one value: 180 at 3, 20 elsewhere is shown, 196 and 4 are not.
    expect(smallOutcomeCount(...groups([3, 3, 4, 180, 10], [20, 30, 40, 30, 5]), 5)).toBe(false);
    expect(smallOutcomeCount(...groups([1, 1, 1, 196, 1], [20, 30, 40, 30, 5]), 5)).toBe(true);
    // The threshold is the plan's.
    expect(smallOutcomeCount(...groups([0, 5, 195], [30, 40, 50]), 6)).toBe(true);
  });

  it('a small group with no common value is not "all but a few": 6 non-users at 3, 3, 5, 6, 7, 8 of a 0–10 scale are shown; 5 at 8 and 4 elsewhere are not', () => {
    const spread = Array<number>(11).fill(18);
    expect(smallOutcomeCount(...groups(spread, [0, 0, 0, 2, 0, 1, 1, 1, 1]), 5)).toBe(false);
    // A group of exactly 5, five values: shown.
    expect(smallOutcomeCount(...groups(spread, [0, 0, 0, 1, 0, 1, 1, 1, 1]), 5)).toBe(false);
    // 5 share a value (the threshold) and 4 do not, over five values: withheld.
    expect(smallOutcomeCount(...groups(spread, [0, 1, 0, 1, 0, 1, 0, 1, 5]), 5)).toBe(true);
  });

  it('the 6 non-users of a 0–10 scale (3, 3, 5, 6, 7, 8): all three rows are published, no warning of few values', () => {
    const r = analyzeObservational(trialOf(Array<number>(11).fill(18), [0, 0, 0, 2, 0, 1, 1, 1, 1], [0, 10]), { version: 'test' });
    const a = work(r.analyses);
    expect(a.effectsSuppressed).toBeUndefined();
    expect(a.effects.map((e) => e.method)).toEqual(['crude', 'weighted-regression', 'aipw']);
    expect(r.warnings.join(' ')).not.toMatch(/few values/);
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
