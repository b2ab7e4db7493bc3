/**
 * A cluster-randomised trial analysed with the plan's "clusters" (docs/plan-trial.md#cluster-randomised-trials):
 * the ANCOVA and the unadjusted difference get cluster-robust SEs on the patients' practices
 * (the statistics are checked against R in test/stats/cluster-robust.test.ts; here, that the
 * analysis passes each patient's own practice), the responders' risk difference too, and MMRM,
 * MI, the sensitivity and subgroup analyses are not run, each saying why.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { ancova } from '../../src/stats/ancova.js';
import { clusterDifference } from '../../src/stats/cluster-robust.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';
import { clusterExportLines } from '../support/cluster-export.js';
import { danishReason } from '../../src/report/failure-reasons.js';
import { effectsTable } from '../../src/report/effects-table.js';

const plan = parsePlan({
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  covariates: ['alder'],
  clusters: 'praksis',
  primary: { outcome: 'nrs', time: '3m' },
  outcomes: [{ key: 'nrs', instrument: 'nrs' }],
  responders: [{ key: 'better', outcome: 'nrs', points: 2 }],
  methods: ['ancova', 'welch'],
  missing: { method: 'mi', m: 2 },
  subgroups: [{ column: 'site', label: { en: 'site' }, prespecified: true }],
});
const lines = clusterExportLines();
const result = analyzeTrial(loadTrial(parseCsvText(lines.join('\n') + '\n', 'trial.csv'), plan), { version: 'test' });
// "mmrm" in "methods" needs 2 follow-up visits (a plan error otherwise): the export with a 6-month row per patient.
const twoVisitLines = [...lines, ...lines.filter((l) => l.includes(',3m,')).map((l) => l.replace(',3m,', ',6m,').replace(/,(\d+)$/, (_, v: string) => `,${(Number(v) + 3) % 11}`))];
const twoVisitResult = analyzeTrial(loadTrial(parseCsvText(twoVisitLines.join('\n') + '\n', 'trial.csv'), parsePlan({ ...plan, timepoints: ['3m', '6m'], methods: ['ancova', 'welch', 'mmrm'] })), { version: 'test' });

/** The export's columns by hand: one entry per patient (baseline row, then its 3m row). */
const rows = lines.slice(1).map((l) => l.split(','));
const patients = rows.filter((r) => r[6] === 'baseline').map((b) => {
  const f = rows.find((r) => r[0] === b[0] && r[6] === '3m')!;
  return { practice: b[1]!, age: Number(b[3]), treated: (b[5] === 'app' ? 1 : 0) as 0 | 1, baseline: Number(b[7]), followUp: Number(f[7]) };
});

describe('a cluster-randomised trial with "clusters"', () => {
  it('gives the ANCOVA with cluster-robust SEs on the practices, 5 df', () => {
    const want = ancova({ outcome: patients.map((p) => p.followUp), baseline: patients.map((p) => p.baseline), treated: patients.map((p) => p.treated), covariates: [{ name: 'alder', values: patients.map((p) => p.age) }], clusters: patients.map((p) => p.practice) }, { confLevel: 0.95 });
    const got = result.effects.find((e) => e.method === 'ancova')!;
    expect(got).toMatchObject({ difference: want.difference, se: want.se, df: 5, ciLower: want.ciLower, ciUpper: want.ciUpper, clusters: 6, ciMethod: 't (cluster-robust CR1 SE, clusters − 1 df)' });
    const plain = ancova({ outcome: patients.map((p) => p.followUp), baseline: patients.map((p) => p.baseline), treated: patients.map((p) => p.treated), covariates: [{ name: 'alder', values: patients.map((p) => p.age) }] }, { confLevel: 0.95 });
    expect(got.se).not.toBe(plain.se);
  });
  it('gives one unadjusted cluster-robust difference for Welch, and the responders\' risk difference likewise', () => {
    const diff = clusterDifference(patients.map((p) => p.followUp), patients.map((p) => p.treated), patients.map((p) => p.practice), 0.95);
    expect(result.effects.filter((e) => e.method === 'welch')).toEqual([]);
    expect(result.effects.find((e) => e.method === 'cluster-difference')).toMatchObject({ difference: diff.difference, se: diff.se, df: 5, clusters: 6 });
    const better = patients.map((p) => (p.baseline - p.followUp >= 2 ? 1 : 0));
    const rd = clusterDifference(better, patients.map((p) => p.treated), patients.map((p) => p.practice), 0.95);
    expect(result.effects.find((e) => e.outcome === 'better')).toMatchObject({ method: 'risk-difference', difference: rd.difference, se: rd.se, df: 5 });
  });
  it('names the ANCOVA and the risk difference cluster-robust in the effects table (en, da)', () => {
    const methods = (lang: 'en' | 'da') => effectsTable(result.effects.filter((e) => !e.error), lang, () => 10).rows.map((r) => r[2]);
    expect(methods('en')).toEqual(expect.arrayContaining(['ANCOVA, cluster-robust', 'unadjusted, cluster-robust']));
    expect(methods('da').some((m) => m!.endsWith(', klyngerobust') && m!.startsWith('ANCOVA'))).toBe(true);
    expect(methods('en').every((m) => m!.includes('cluster-robust'))).toBe(true);
  });
  it('does not run MMRM, MI, the sensitivity or the subgroup analyses, and says why', () => {
    for (const time of ['3m', '6m']) expect(twoVisitResult.effects.find((e) => e.method === 'mmrm' && e.time === time)!.error).toBe('MMRM is not run in a cluster-randomised trial: it cannot account for the clusters ("clusters" in the plan), so its interval would be too narrow');
    expect(result.effects.find((e) => e.method === 'mi-ancova')!.error).toMatch(/^Multiple imputation is not run in a cluster-randomised trial/);
    expect(result.sensitivity).toBeNull();
    expect(result.subgroups).toBeUndefined();
    expect(result.warnings.join('\n')).toContain('the sensitivity analysis (MMRM and multiple imputation beside the complete-case ANCOVA): not run in a cluster-randomised trial');
    expect(result.warnings.join('\n')).toContain('the subgroup analyses: not run in a cluster-randomised trial');
  });
  it('refuses a patient without a practice, naming the line', () => {
    const blank = lines.map((l) => (l.startsWith('S5,') ? l.replace(',P2,', ',,') : l));
    const err = errorOf(() => loadTrial(parseCsvText(blank.join('\n') + '\n', 'trial.csv'), plan));
    expect(err.exitCode).toBe(2);
    expect(err.problems).toMatchObject([{ line: 10, field: 'praksis', kind: 'clusters.missing' }]);
  });
});

describe('a practice column listed in "notClusters" and adjusted for as a covariate', () => {
  it('leaves the ANCOVA row not computed, saying each practice is in one arm (not the collinear indicators)', () => {
    const p = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], covariates: ['praksis'], notClusters: ['praksis'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] });
    const r = analyzeTrial(loadTrial(parseCsvText(lines.join('\n') + '\n', 'trial.csv'), p), { version: 'test' });
    expect(r.effects.find((e) => e.method === 'ancova')!.error).toBe('covariate \'praksis\' is nested in the arm: each of its 6 levels is in one arm only, so it repeats the arm and the arm effect cannot be estimated; drop it from the covariates (if it is the unit randomised, name it in the plan\'s "clusters")');
  });
});

describe('a yes/no outcome answered alike within each arm of a cluster-randomised trial', () => {
  const medPlan = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], clusters: 'praksis', outcomes: [{ key: 'nrs', instrument: 'nrs' }, { key: 'med', instrument: 'binary', answers: { No: 0, Yes: 1 } }] });
  const medRow = (answer: (arm: string) => string) => {
    const withMed = lines.map((l, i) => `${l},${i === 0 ? 'med' : answer(l.split(',')[5]!)}`);
    return analyzeTrial(loadTrial(parseCsvText(withMed.join('\n') + '\n', 'trial.csv'), medPlan), { version: 'test' }).effects.find((e) => e.outcome === 'med')!;
  };
  it('no one answered yes: the risk difference 0 said, its interval not estimable, and the shares kept', () => {
    const r = medRow(() => 'No');
    expect(r.difference).toBeNull();
    expect(r.error).toBe('yes in 0 of 12 patients in the intervention arm and 0 of 12 in control, so within each arm every patient answered alike: the risk difference is 0 percentage points, but its cluster-robust interval cannot be estimated');
    expect(r.shares).toEqual({ intervention: 0, control: 0, eventsIntervention: 0, eventsControl: 0 });
    expect(r.n).toEqual({ intervention: 12, control: 12 });
    expect(danishReason(r.error!)).toBe('ja hos 0 af 12 patienter i interventionsgruppen og 0 af 12 i kontrolgruppen, så inden for hver gruppe svarede alle patienter ens: risikodifferencen er 0 procentpoint, men dens klyngerobuste konfidensinterval kan ikke estimeres');
  });
  it('all yes in one arm and none in the other: the risk difference of 100 points said, not a covariate to check', () => {
    expect(medRow((arm) => (arm === 'app' ? 'Yes' : 'No')).error).toMatch(/^yes in 12 of 12 patients in the intervention arm and 0 of 12 in control, .*: the risk difference is 100 percentage points, but its cluster-robust interval cannot be estimated$/);
    expect(medRow((arm) => (arm === 'app' ? 'No' : 'Yes')).error).toContain('the risk difference is -100 percentage points');
  });
  it('answers that vary within an arm are estimated as before', () => {
    let k = 0;
    const r = medRow(() => (k++ % 3 === 0 ? 'Yes' : 'No'));
    expect(r.error).toBeUndefined();
    expect(r.ciLower).not.toBeNull();
  });
});

describe('a percent responder rule in a cluster-randomised trial', () => {
  it('says how many patients had a baseline of 0 (non-responders by the rule), as the ordinary path does', () => {
    const p = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], clusters: 'praksis', outcomes: [{ key: 'nrs', instrument: 'nrs' }], responders: [{ key: 'third', outcome: 'nrs', percent: 30 }] });
    const r = analyzeTrial(loadTrial(parseCsvText(lines.join('\n') + '\n', 'trial.csv'), p), { version: 'test' });
    const zero = { intervention: patients.filter((q) => q.treated === 1 && q.baseline === 0).length, control: patients.filter((q) => q.treated === 0 && q.baseline === 0).length };
    expect(zero.intervention + zero.control).toBeGreaterThan(0);
    expect(r.effects.find((e) => e.outcome === 'third')!.atZeroBaseline).toEqual(zero);
  });
});
