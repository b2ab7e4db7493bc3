/**
 * The review's attack on a 0–3 outcome (docs/observational.md, "Small counts", rules 6 and 8):
 * with coprime group sizes (199 users, 121 non-users) the crude row at 16 digits gives each
 * group's sum S and sum of squares Q by integrality — S₁·n₀ − S₀·n₁ = difference·n₁n₀ and
 * n₀²Q₁ + n₁²Q₀ = SE²·n₁²n₀² + n₀²S₁²/n₁ + n₁²S₀²/n₀ are whole numbers — and with four values
 * a group's n, S and Q leave its counts one direction, (1, −3, 3, −1): the 3 users at 0 were
 * narrowed to 0 … 4. Now such an outcome is withheld (four values, one held by 3), and what is
 * published carries the page's digits, which no longer pin S and Q.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import type { ObservationalAnalysis } from '../../src/observational/observational-results-schema.js';

const plan = (threshold: number) =>
  parsePlan({
    design: 'observational',
    observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }], estimand: 'ATE', baselineAsConfounder: false, suppressionThreshold: threshold },
    armLabels: { intervention: { en: 'App users' }, control: { en: 'Non-users' } },
    layout: 'wide',
    timepoints: ['3m'],
    instruments: { work: { label: { en: 'Work status' }, range: [0, 3], direction: 'higher-is-better', mcid: 0.3, mcidSource: 'plan assumption', decimals: false } },
    outcomes: [{ key: 'work', instrument: 'work' }],
  });

function trialOf(users: number[], nonUsers: number[], threshold: number) {
  const lines = ['id,app,age,sex,work_3m'];
  let i = 0;
  for (const [app, counts] of [['Ja', users], ['Nej', nonUsers]] as const)
    counts.forEach((c, v) => {
      for (let k = 0; k < c; k++, i++) lines.push(`P${i},${app},${30 + ((i * 7) % 37)},${i % 2 ? 'K' : 'M'},${v}`);
    });
  return loadTrial(parseCsvText(lines.join('\n') + '\n', 'work.csv'), plan(threshold));
}

const USERS = [3, 5, 10, 181];
const NON_USERS = [20, 30, 40, 31];
const K = 3; // values 0 … 3

/** Half a unit of the last printed digit (16 digits: noise only). */
const halfOf = (x: number) => {
  const digits = (String(x).split('.')[1] ?? '').length;
  return digits >= 15 ? Math.abs(x) * 1e-12 : 0.5 * 10 ** -digits;
};

/**
 * The review's attacker (as /tmp's attack4.py, in TypeScript): every (S₁, S₀, Q₁, Q₀) of whole
 * numbers that gives the crude row's difference and HC0 SE within their printed digits, and for
 * each the users' counts at 0 its tables allow: with c₃ = t the users' table is
 * (n − 1.5S + 0.5Q − t, 2S − Q + 3t, (Q − S − 6t)/2, t), so c₀ ranges over an interval.
 * Returns, per fitting (S₁, Q₁) of the users, the users' counts at 0 its tables allow.
 */
function usersAtZero(e: { n: { intervention: number; control: number }; difference: number; se: number }): Map<string, Set<number>> {
  const { intervention: n1, control: n0 } = e.n;
  const hd = halfOf(e.difference);
  const hs = halfOf(e.se);
  const tol = 1e-6;
  const out = new Map<string, Set<number>>();
  const tableExists = (n: number, S: number, Q: number) => (Q - S) % 2 === 0 && Q >= S && Math.max(0, Math.ceil((Q - 2 * S) / 3)) <= Math.min((Q - S) / 6, n - 1.5 * S + 0.5 * Q, n);
  for (let S1 = 0; S1 <= K * n1; S1++) {
    for (let S0 = Math.max(0, Math.ceil((S1 / n1 - e.difference - hd) * n0 - tol)); S0 <= Math.min(K * n0, (S1 / n1 - e.difference + hd) * n0 + tol); S0++) {
      // n0²Q1 + n1²Q0 = M, M within the SE's rounding.
      const m = (se: number) => se * se * n1 * n1 * n0 * n0 + (n0 * n0 * S1 * S1) / n1 + (n1 * n1 * S0 * S0) / n0;
      const mLow = m(Math.max(0, e.se - hs)) - tol;
      const mHigh = m(e.se + hs) + tol;
      for (let Q1 = S1; Q1 <= K * K * n1; Q1++) {
        if (!tableExists(n1, S1, Q1)) continue;
        for (let Q0 = Math.max(S0, Math.ceil((mLow - n0 * n0 * Q1) / (n1 * n1))); Q0 <= (mHigh - n0 * n0 * Q1) / (n1 * n1); Q0++) {
          if (!tableExists(n0, S0, Q0)) continue;
          const tLow = Math.max(0, Math.ceil((Q1 - 2 * S1) / 3));
          const tHigh = Math.min(Math.floor((Q1 - S1) / 6), Math.floor(n1 - 1.5 * S1 + 0.5 * Q1));
          const key = `${S1},${Q1}`;
          const set = out.get(key) ?? new Set<number>();
          for (let t = tLow; t <= tHigh; t++) set.add(n1 - 1.5 * S1 + 0.5 * Q1 - t);
          out.set(key, set);
        }
      }
    }
  }
  return out;
}

const crude = (a: ObservationalAnalysis) => a.effects.find((e) => e.method === 'crude')!;
const work = (as: ObservationalAnalysis[]) => as.find((a) => a.outcome === 'work')!;

describe('a 0–3 outcome with coprime group sizes (199 and 121): the review\'s attack', () => {
  it('at 16 digits the crude row leaves 2 (S, Q) pairs of the users, the true one allowing only 0 … 4 users at 0; under the threshold of 5 the rows are withheld', () => {
    // As computed, before publishing (a threshold of 3 computes the rows; 5 does not).
    const computed = crude(work(computeObservationalAnalyses(trialOf(USERS, NON_USERS, 3))));
    expect(computed.n).toEqual({ intervention: 199, control: 121 });
    const pairs = usersAtZero({ n: computed.n, difference: computed.difference!, se: computed.se! });
    // The users' true sum 0·3 + 1·5 + 2·10 + 3·181 = 568 and sum of squares 5 + 40 + 1629 = 1674.
    expect([...pairs.keys()].sort()).toEqual(['369,737', '568,1674']);
    expect([...pairs.get('568,1674')!].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4]);
    const a = work(analyzeObservational(trialOf(USERS, NON_USERS, 5), { version: 'test' }).analyses);
    expect(a.effectsSuppressed).toBe(true);
    expect(a.effects).toEqual([]);
  });

  it('published (a threshold of 3 lets the rows out), the page\'s digits leave the users at 0 anywhere from 0 to far beyond 5', () => {
    const trial = trialOf(USERS, NON_USERS, 3);
    const e = crude(work(analyzeObservational(trial, { version: 'test' }).analyses));
    // The row as the page prints it (mcid 0.3: 3 decimals).
    expect(String(e.difference).split('.')[1]!.length).toBeLessThanOrEqual(3);
    const pairs = usersAtZero({ n: e.n, difference: e.difference!, se: e.se! });
    expect(pairs.size).toBeGreaterThan(100);
    const atZero = new Set([...pairs.values()].flatMap((s) => [...s]));
    expect(atZero.has(3)).toBe(true);
    expect(atZero.has(0)).toBe(true);
    expect(Math.max(...atZero)).toBeGreaterThan(50);
  });
});
