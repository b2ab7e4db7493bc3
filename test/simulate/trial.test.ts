import { describe, expect, it } from 'vitest';
import { indexFromLevels, loadValueSet } from '../../src/instruments/valueset.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { binaryItemScale, ratingScaleItems } from '../../src/simulate/item-response.js';
import { permutedBlockAllocation } from '../../src/simulate/permuted-blocks.js';
import { simulateTrial, trialToCsv, TRIAL_DEFAULT_SEED, TRIAL_HEADER, type SimulatedTrial } from '../../src/simulate/trial.js';
import { createRandom } from '../../src/stats/random.js';

const EXPECTED_HEADER = [
  'id', 'arm', 'time', 'country', 'age', 'sex',
  ...Array.from({ length: 24 }, (_, i) => `rmdq_${i + 1}`),
  ...Array.from({ length: 10 }, (_, i) => `pseq_${i + 1}`),
  'eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad',
  'pain_avg', 'pain_worst', 'was', 'med_use',
  'recruited_by', 'symptom_weeks',
  'ru_gp', 'ru_physio', 'ru_chiro', 'ru_specialist', 'ru_imaging', 'ru_medication', 'ru_hospital', 'sick_days',
];
const TIMES = ['baseline', '6w', '3m', '6m', '9m'];

interface ScoredRow {
  id: string;
  arm: string;
  time: string;
  /** undefined when the row is present but every outcome cell is empty. */
  rmdq?: number;
  pseq?: number;
  painAvg?: number;
  eq5d?: number[];
  setting: string;
  country: string;
}

function scoreRows(sim: SimulatedTrial): ScoredRow[] {
  const col = (name: string) => sim.header.indexOf(name);
  const rmdqCols = sim.header.flatMap((h, i) => (h.startsWith('rmdq_') ? [i] : []));
  const pseqCols = sim.header.flatMap((h, i) => (h.startsWith('pseq_') ? [i] : []));
  const eqCols = ['eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad'].map(col);
  return sim.rows.map((r) => {
    const base = { id: r[0]!, arm: r[1]!, time: r[2]!, setting: r[col('recruited_by')]!, country: r[col('country')]! };
    if (r[rmdqCols[0]!] === '') return base;
    const sum = (cols: number[]) => cols.reduce((s, i) => s + Number(r[i]), 0);
    return { ...base, rmdq: sum(rmdqCols), pseq: sum(pseqCols), painAvg: Number(r[col('pain_avg')]), eq5d: eqCols.map((i) => Number(r[i])) };
  });
}

const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, v) => s + (v - m) ** 2, 0) / (xs.length - 1));
};

/** Observed values of one outcome at one time, per arm. */
function byArm(rows: ScoredRow[], time: string, pick: (r: ScoredRow) => number | undefined): { app: number[]; usual: number[] } {
  const out = { app: [] as number[], usual: [] as number[] };
  for (const r of rows) {
    const v = pick(r);
    if (r.time === time && v !== undefined) out[r.arm as 'app' | 'usual'].push(v);
  }
  return out;
}

const sim = simulateTrial({});
const rows = scoreRows(sim);

describe('simulateTrial: shape of the export', () => {
  it('is deterministic per seed: same seed → identical CSV bytes, another seed → different', () => {
    const csv = trialToCsv(sim);
    expect(trialToCsv(simulateTrial({ seed: TRIAL_DEFAULT_SEED }))).toBe(csv);
    expect(trialToCsv(simulateTrial({ seed: 20210407 }))).not.toBe(csv);
    expect(csv.startsWith(EXPECTED_HEADER.join(',') + '\n')).toBe(true);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toMatch(/\r|"|\.\d|e[+-]/); // no CRLF, quoting, decimals or exponents
    expect(csv.trimEnd().split('\n')).toHaveLength(sim.rows.length + 1);
  });

  it('has the header exactly as specified', () => {
    expect(sim.header).toEqual(EXPECTED_HEADER);
    expect([...TRIAL_HEADER]).toEqual(EXPECTED_HEADER);
    // One assertion over every row (an expect per row costs more than the check itself).
    expect(sim.rows.flatMap((r, k) => (r.length === EXPECTED_HEADER.length ? [] : [`row ${k + 1}: ${r.length} cells`]))).toEqual([]);
  });

  it('randomises 461 patients, 232 to the app and 229 to usual care, each in one arm only', () => {
    const armOf = new Map<string, Set<string>>();
    for (const r of sim.rows) armOf.set(r[0]!, (armOf.get(r[0]!) ?? new Set()).add(r[1]!));
    expect(armOf.size).toBe(461);
    for (const arms of armOf.values()) expect(arms.size).toBe(1);
    const arms = [...armOf.values()].map((s) => [...s][0]);
    expect(arms.filter((a) => a === 'app')).toHaveLength(232);
    expect(arms.filter((a) => a === 'usual')).toHaveLength(229);
    expect([...armOf.keys()][0]).toBe('SB0001');
    expect([...armOf.keys()].every((id) => /^SB\d{4}$/.test(id))).toBe(true);
  });

  it('has no duplicate (id, time), every patient at baseline, visits in order', () => {
    const keys = sim.rows.map((r) => `${r[0]}|${r[2]}`);
    expect(new Set(keys).size).toBe(keys.length);
    const visits = new Map<string, string[]>();
    for (const r of sim.rows) visits.set(r[0]!, [...(visits.get(r[0]!) ?? []), r[2]!]);
    const outOfOrder = [...visits].filter(([, v]) => {
      const order = v.map((t) => TIMES.indexOf(t));
      return v[0] !== 'baseline' || !order.every((o, i) => o >= 0 && (i === 0 || o > order[i - 1]!));
    });
    expect(outOfOrder).toEqual([]);
  });

  it('keeps country, age and sex constant within a patient and plausible overall', () => {
    const seen = new Map<string, string>();
    const changed: string[] = [];
    for (const r of sim.rows) {
      const cov = `${r[3]}|${r[4]}|${r[5]}`;
      if ((seen.get(r[0]!) ?? cov) !== cov) changed.push(`${r[0]} ${r[2]}: ${cov} after ${seen.get(r[0]!)}`);
      seen.set(r[0]!, cov);
    }
    expect(changed).toEqual([]);
    const people = [...seen.values()].map((s) => s.split('|'));
    const ages = people.map((p) => Number(p[1]));
    expect(ages.every((a) => Number.isInteger(a) && a >= 18)).toBe(true);
    expect(mean(ages)).toBeGreaterThan(44);
    expect(mean(ages)).toBeLessThan(50);
    expect(sd(ages)).toBeGreaterThan(12);
    expect(sd(ages)).toBeLessThan(17);
    const share = (i: number, v: string) => people.filter((p) => p[i] === v).length / people.length;
    expect(share(0, 'DK') + share(0, 'NO')).toBe(1);
    expect(share(0, 'DK')).toBeGreaterThan(0.53);
    expect(share(0, 'DK')).toBeLessThan(0.67);
    expect(share(2, 'F') + share(2, 'M')).toBe(1);
    expect(share(2, 'F')).toBeGreaterThan(0.48);
    expect(share(2, 'F')).toBeLessThan(0.62);
  });

  it('adds the recruitment setting and symptom duration, constant within a patient, with few GP patients', () => {
    const iSetting = sim.header.indexOf('recruited_by');
    const iWeeks = sim.header.indexOf('symptom_weeks');
    const seen = new Map<string, string[]>();
    const changed: string[] = [];
    for (const r of sim.rows) {
      const cells = [r[3]!, r[iSetting]!, r[iWeeks]!];
      if ((seen.get(r[0]!) ?? cells).join('|') !== cells.join('|')) changed.push(`${r[0]} ${r[2]}: ${cells.join('|')} after ${seen.get(r[0]!)!.join('|')}`);
      seen.set(r[0]!, cells);
    }
    expect(changed).toEqual([]);
    const people = [...seen.values()];
    const share = (v: string) => people.filter((p) => p[1] === v).length / people.length;
    expect(share('physio') + share('chiro') + share('spine_clinic') + share('gp')).toBe(1);
    expect(share('gp')).toBeGreaterThan(0.07);
    expect(share('gp')).toBeLessThan(0.2);
    // The spine clinic is Norwegian.
    expect(people.filter((p) => p[1] === 'spine_clinic').every((p) => p[0] === 'NO')).toBe(true);
    const weeks = people.map((p) => Number(p[2]));
    expect(weeks.every((w) => Number.isInteger(w) && w >= 1 && w <= 260)).toBe(true);
    const short = weeks.filter((w) => w <= 4).length / weeks.length;
    expect(short).toBeGreaterThan(0.1);
    expect(short).toBeLessThan(0.3);
  });

  it('keeps every value inside its range; an empty row has every outcome empty', () => {
    const ranges = new Map<string, [number, number]>();
    for (const h of EXPECTED_HEADER) {
      if (h.startsWith('rmdq_') || h === 'med_use') ranges.set(h, [0, 1]);
      else if (h.startsWith('pseq_')) ranges.set(h, [0, 6]);
      else if (h.startsWith('eq5d_')) ranges.set(h, [1, 5]);
      else if (h === 'pain_avg' || h === 'pain_worst' || h === 'was') ranges.set(h, [0, 10]);
    }
    const outcomeCols = EXPECTED_HEADER.flatMap((h, i) => (ranges.has(h) ? [i] : []));
    const violations: string[] = [];
    let empty = 0;
    for (const r of sim.rows) {
      const cells = outcomeCols.map((i) => r[i]!);
      if (cells.every((c) => c === '')) {
        empty++;
        if (r[2] === 'baseline') violations.push(`${r[0]}: empty baseline row`);
        continue;
      }
      for (const i of outcomeCols) {
        const [lo, hi] = ranges.get(EXPECTED_HEADER[i]!)!;
        const v = Number(r[i]);
        if (!/^\d+$/.test(r[i]!) || v < lo || v > hi) violations.push(`${r[0]} ${r[2]} ${EXPECTED_HEADER[i]} = "${r[i]}", expected ${lo}–${hi}`);
      }
    }
    expect(violations.slice(0, 5)).toEqual([]);
    // Mostly absent rows after dropout, a few present-but-empty ones.
    expect(empty).toBeGreaterThan(5);
    const missingVisits = 461 * TIMES.length - sim.rows.length + empty;
    expect(empty / missingVisits).toBeLessThan(0.3);
  });
});

describe('simulateTrial: clinical targets (default seed)', () => {
  it('includes only patients with baseline RMDQ ≥ 6; baseline RMDQ ≈ 11 (SD ≈ 4.5)', () => {
    const base = rows.filter((r) => r.time === 'baseline');
    expect(base).toHaveLength(461);
    expect(base.every((r) => r.rmdq !== undefined && r.rmdq >= 6)).toBe(true);
    const rmdq = base.map((r) => r.rmdq!);
    expect(mean(rmdq)).toBeGreaterThan(10);
    expect(mean(rmdq)).toBeLessThan(12);
    expect(sd(rmdq)).toBeGreaterThan(3.8);
    expect(sd(rmdq)).toBeLessThan(5.2);
  });

  it('has baseline pain ≈ 4.5 (SD ≈ 2) and PSEQ ≈ 43 (SD ≈ 11)', () => {
    const base = rows.filter((r) => r.time === 'baseline');
    const pain = base.map((r) => r.painAvg!);
    expect(mean(pain)).toBeGreaterThan(4);
    expect(mean(pain)).toBeLessThan(5);
    expect(sd(pain)).toBeGreaterThan(1.6);
    expect(sd(pain)).toBeLessThan(2.5);
    const pseq = base.map((r) => r.pseq!);
    expect(mean(pseq)).toBeGreaterThan(40);
    expect(mean(pseq)).toBeLessThan(46);
    expect(sd(pseq)).toBeGreaterThan(8.5);
    expect(sd(pseq)).toBeLessThan(13);
  });

  it('improves in both arms; usual-care RMDQ ≈ 8.5 at 3 months', () => {
    for (const arm of ['app', 'usual'] as const) {
      const at = (t: string) => mean(byArm(rows, t, (r) => r.rmdq)[arm]);
      expect(at('3m')).toBeLessThan(at('baseline') - 1.5);
      expect(at('9m')).toBeLessThan(at('baseline') - 1.5);
    }
    const usual3m = mean(byArm(rows, '3m', (r) => r.rmdq).usual);
    expect(usual3m).toBeGreaterThan(7.5);
    expect(usual3m).toBeLessThan(9.5);
  });

  it('gives an RMDQ difference (app − usual) at 3 months between −1.6 and 0', () => {
    const { app, usual } = byArm(rows, '3m', (r) => r.rmdq);
    const diff = mean(app) - mean(usual);
    expect(diff).toBeGreaterThan(-1.6);
    expect(diff).toBeLessThan(0);
  });

  it('has monotone dropout: ≈ 10% at 3 months, 15–25% at 9 months, likelier at higher baseline RMDQ', () => {
    const observed = (t: string) => rows.filter((r) => r.time === t && r.rmdq !== undefined).length;
    const dropout = TIMES.map((t) => 1 - observed(t) / 461);
    expect(dropout[0]).toBe(0);
    for (let v = 1; v < TIMES.length; v++) expect(dropout[v]!).toBeGreaterThanOrEqual(dropout[v - 1]!);
    expect(dropout[2]!).toBeGreaterThan(0.05);
    expect(dropout[2]!).toBeLessThan(0.15);
    expect(dropout[4]!).toBeGreaterThan(0.15);
    expect(dropout[4]!).toBeLessThan(0.25);
    // Monotone per patient: once a visit is missing, no later visit has data.
    const seenMissing = new Set<string>();
    const observedAt = new Set(rows.filter((r) => r.rmdq !== undefined).map((r) => `${r.id}|${r.time}`));
    const backAfterMissing: string[] = [];
    for (const id of new Set(rows.map((r) => r.id))) {
      for (const t of TIMES) {
        if (!observedAt.has(`${id}|${t}`)) seenMissing.add(id);
        else if (seenMissing.has(id)) backAfterMissing.push(`${id} ${t}`);
      }
    }
    expect(backAfterMissing).toEqual([]);
  });
});

describe('simulateTrial: the true effects, averaged over 30 seeds', () => {
  // Averaging removes most sampling noise (SE of the mean RMDQ difference ≈ 0.1), so this checks
  // the data-generating model rather than one draw.
  it('RMDQ ≈ −0.8, pain ≈ −0.3 to −0.5, PSEQ ≈ +2 to +3, EQ-5D index ≈ 0 in Norway and ≈ +0.04 in Denmark, dropout ≈ 20%', () => {
    const seeds = Array.from({ length: 30 }, (_, i) => 1 + i);
    const diffs = { rmdq: [] as number[], pain: [] as number[], pseq: [] as number[], eq5d: [] as number[], eq5dDk: [] as number[], dropout9m: [] as number[], gpMinusOther: [] as number[] };
    const valueSet = loadValueSet('dk-5l-2021');
    for (const seed of seeds) {
      const r = scoreRows(simulateTrial({ seed }));
      const d = (pick: (x: ScoredRow) => number | undefined) => {
        const { app, usual } = byArm(r, '3m', pick);
        return mean(app) - mean(usual);
      };
      diffs.rmdq.push(d((x) => x.rmdq));
      diffs.pain.push(d((x) => x.painAvg));
      diffs.pseq.push(d((x) => x.pseq));
      // The Danish app patients' EQ-5D gain (quality-of-life.ts): Norway has none.
      diffs.eq5d.push(d((x) => (x.eq5d && x.country === 'NO' ? indexFromLevels(x.eq5d, valueSet) : undefined)));
      diffs.eq5dDk.push(d((x) => (x.eq5d && x.country === 'DK' ? indexFromLevels(x.eq5d, valueSet) : undefined)));
      diffs.dropout9m.push(1 - r.filter((x) => x.time === '9m' && x.rmdq !== undefined).length / 461);
      // App − usual in RMDQ change to 3 months, in GP patients minus in the others.
      const baseline = new Map(r.filter((x) => x.time === 'baseline').map((x) => [x.id, x.rmdq]));
      const change = (gp: boolean) => d((x) => (x.rmdq !== undefined && (x.setting === 'gp') === gp ? x.rmdq - (baseline.get(x.id) as number) : undefined));
      diffs.gpMinusOther.push(change(true) - change(false));
    }
    expect(mean(diffs.rmdq)).toBeGreaterThan(-1.1);
    expect(mean(diffs.rmdq)).toBeLessThan(-0.5);
    expect(mean(diffs.pain)).toBeGreaterThan(-0.6);
    expect(mean(diffs.pain)).toBeLessThan(-0.2);
    expect(mean(diffs.pseq)).toBeGreaterThan(1.5);
    expect(mean(diffs.pseq)).toBeLessThan(3.2);
    expect(Math.abs(mean(diffs.eq5d))).toBeLessThan(0.015);
    expect(mean(diffs.eq5dDk)).toBeGreaterThan(0.03);
    expect(mean(diffs.eq5dDk)).toBeLessThan(0.07);
    expect(mean(diffs.dropout9m)).toBeGreaterThan(0.17);
    expect(mean(diffs.dropout9m)).toBeLessThan(0.23);
    // A modest difference of effect by setting: less benefit in general practice (recruitment.ts).
    expect(mean(diffs.gpMinusOther)).toBeGreaterThan(0.4);
    expect(mean(diffs.gpMinusOther)).toBeLessThan(2);
  });
});

describe('simulateTrial: read back by hta itself', () => {
  it('passes the trial loader with the bundled selfBACK plan, every outcome scored', () => {
    const plan = loadPlanFile(new URL('../../data/plans/selfback.plan.json', import.meta.url).pathname);
    const trial = loadTrial(parseCsvText(trialToCsv(sim), 'selfback-trial.csv'), plan); // throws on any problem
    expect(trial.patients).toHaveLength(461);
    expect(trial.layout).toBe('long');
    const baseline = trial.observations.filter((o) => o.time === 'baseline');
    expect(baseline).toHaveLength(461);
    for (const key of plan.outcomes.map((o) => o.key)) {
      expect(baseline.every((o) => typeof o.scores[key] === 'number')).toBe(true);
    }
  });
});

describe('simulateTrial: options', () => {
  it('scales to other sample sizes with the same 232:229 allocation ratio', () => {
    const small = simulateTrial({ seed: 3, patients: 20 });
    const ids = new Map(small.rows.map((r) => [r[0]!, r[1]!]));
    expect(ids.size).toBe(20);
    expect([...ids.values()].filter((a) => a === 'app')).toHaveLength(10);
  });

  it('rejects bad options, naming the value', () => {
    expect(() => simulateTrial({ seed: 1.5 })).toThrow(/seed.*1\.5/);
    expect(() => simulateTrial({ patients: 1 })).toThrow(/patients.*1/);
  });
});

describe('permutedBlockAllocation', () => {
  it('gives the exact totals, balanced within every full block of the stream', () => {
    const list = permutedBlockAllocation(createRandom(9), 232, 229);
    expect(list).toHaveLength(461);
    expect(list.filter(Boolean)).toHaveLength(232);
    // Running imbalance never exceeds half the largest block plus the final residual imbalance.
    let running = 0, worst = 0;
    for (const x of list) worst = Math.max(worst, Math.abs((running += x ? 1 : -1)));
    expect(worst).toBeLessThanOrEqual(3 + 3);
  });
});

describe('item-response scales', () => {
  it('inverts the test characteristic curve: expectedSum(thetaForSum(T)) = T', () => {
    const rmdq = binaryItemScale(Array.from({ length: 24 }, (_, k) => -2 + k / 6), 1.7);
    const pseq = ratingScaleItems([-0.3, 0, 0.3], [-1, 0, 1]);
    for (const t of [0.5, 6, 11.3, 23.5]) expect(rmdq.expectedSum(rmdq.thetaForSum(t))).toBeCloseTo(t, 3);
    for (const t of [0.5, 4.5, 8.9]) expect(pseq.expectedSum(pseq.thetaForSum(t))).toBeCloseTo(t, 3);
  });

  it('draws answers whose mean sum matches the target', () => {
    const scale = ratingScaleItems([-0.2, 0, 0.2, 0.4], [-1, -0.3, 0.3, 1]);
    const rng = createRandom(11);
    const out = new Array<number>(4);
    const theta = scale.thetaForSum(10);
    let total = 0;
    const n = 4000;
    const outside: number[] = [];
    for (let i = 0; i < n; i++) {
      scale.sample(theta, rng, out);
      for (const x of out) {
        if (!(x >= 0 && x <= 4 && Number.isInteger(x))) outside.push(x);
        total += x;
      }
    }
    expect(outside).toEqual([]);
    expect(total / n).toBeGreaterThan(9.8);
    expect(total / n).toBeLessThan(10.2);
  });
});

describe('simulateTrial: resource use for the cost-effectiveness analysis', () => {
  const RESOURCE = ['ru_gp', 'ru_physio', 'ru_chiro', 'ru_specialist', 'ru_imaging', 'ru_medication', 'ru_hospital', 'sick_days'];
  it('comes from its own stream: another resource seed changes only the resource columns', () => {
    const other = simulateTrial({ resourceSeed: 99 });
    const first = sim.header.indexOf('ru_gp');
    expect(first).toBe(sim.header.length - RESOURCE.length);
    expect(other.rows.map((r) => r.slice(0, first))).toEqual(sim.rows.map((r) => r.slice(0, first)));
    expect(other.rows.map((r) => r.slice(first))).not.toEqual(sim.rows.map((r) => r.slice(first)));
  });

  it('is filled for Danish patients at 3, 6 and 9 months when outcomes were recorded, and empty otherwise', () => {
    const col = (n: string) => sim.header.indexOf(n);
    const wrong: string[] = [];
    for (const r of sim.rows) {
      const filled = r[col('country')] === 'DK' && ['3m', '6m', '9m'].includes(r[col('time')]!) && r[col('rmdq_1')] !== '';
      for (const c of RESOURCE) if ((r[col(c)] === '') === filled) wrong.push(`${r[0]} ${r[col('time')]} ${c}: "${r[col(c)]}", expected ${filled ? 'filled' : 'empty'}`);
      if (filled) for (const c of RESOURCE) if (!/^\d+$/.test(r[col(c)]!)) wrong.push(`${r[0]} ${r[col('time')]} ${c}: "${r[col(c)]}", expected a whole number`);
    }
    expect(wrong).toEqual([]);
  });
});
