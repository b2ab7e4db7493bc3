/**
 * A cluster-randomised export analysed as if each patient had been randomised gets intervals too
 * narrow (docs/plan-trial.md#cluster-randomised-trials): a column whose every value lies wholly in
 * one arm (≥ 2 values per arm, ≥ 2 patients per value on average) makes validate and analyze
 * refuse the export until the plan says "clusters" or "notClusters". A site column with both arms
 * at every site, an age that happens to split by arm, and a visit-level value never do.
 */
import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/error-of.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ClusterColumns } from '../../src/trial/cluster-signature.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { clusterExportLines as exportLines } from '../support/cluster-export.js';

const basePlan = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  covariates: ['site', 'alder'],
  outcomes: [{ key: 'nrs', instrument: 'nrs' }],
};
const load = (lines: string[], extra: object = {}) => loadTrial(parseCsvText(lines.join('\n') + '\n', 'trial.csv'), parsePlan({ ...structuredClone(basePlan), ...extra }));

describe('an export of whole practices randomised, and a plan that does not say so', () => {
  it('is refused, naming the column, its counts, why, and the two ways on', () => {
    const err = errorOf(() => load(exportLines()));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('trial.csv looks like a cluster-randomised trial, which the plan does not say; nothing was written');
    expect(err.problems).toHaveLength(1);
    const [p] = err.problems;
    expect(p).toMatchObject({ file: 'trial.csv', line: 1, column: 2, field: 'praksis', kind: 'design.clusters' });
    expect(p!.expected).toContain('its 6 values each lie wholly in one arm (3 in the intervention arm, 3 in control; 4 patients each)');
    expect(p!.expected).toContain('confidence intervals would be too narrow');
    expect(p!.expected).toContain('"clusters": "praksis"');
    expect(p!.expected).toContain('"notClusters": ["praksis"]');
  });

  it('is refused for numbered practices too when the column is named as one (klynge, ydernr) — not for a number column named otherwise', () => {
    const numbered = exportLines((p) => String(p));
    expect(errorOf(() => load(numbered.map((l, i) => (i === 0 ? l.replace('praksis', 'klynge') : l)))).problems[0]!.field).toBe('klynge');
    expect(errorOf(() => load(numbered.map((l, i) => (i === 0 ? l.replace('praksis', 'ydernr') : l)))).problems[0]!.field).toBe('ydernr');
    expect(load(numbered.map((l, i) => (i === 0 ? l.replace('praksis', 'gruppe_x') : l))).patients).toHaveLength(24);
  });

  it('is read when the plan names the column in "clusters" or lists it in "notClusters"', () => {
    expect(load(exportLines(), { clusters: 'praksis' }).patients).toHaveLength(24);
    expect(load(exportLines(), { notClusters: ['praksis'] }).patients).toHaveLength(24);
  });

  it('is read when the practices hold both arms (an individually randomised trial)', () => {
    const lines = exportLines();
    // Patient S1 moves to control: practice P1 then holds both arms.
    const mixed = lines.map((l) => (l.startsWith('S1,') ? l.replace(',app,', ',usual,') : l));
    expect(load(mixed).patients).toHaveLength(24);
  });
});

describe('an individually randomised export with a comment column filled in for a few patients', () => {
  it('is read: 8 comments of 60 patients, two values only in each arm, are no clusters', () => {
    const lines = ['id,arm,time,kommentar,nrs'];
    for (let k = 0; k < 60; k++) {
      const arm = k % 2 === 0 ? 'app' : 'usual';
      const note = k < 8 ? (arm === 'app' ? (k % 4 === 0 ? 'moved' : 'ill') : k % 4 === 1 ? 'lost' : 'busy') : '';
      lines.push(`S${k},${arm},baseline,${note},${k % 9}`, `S${k},${arm},3m,${note},${(k * 7) % 10}`);
    }
    const plan = { arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] };
    expect(loadTrial(parseCsvText(lines.join('\n') + '\n', 'trial.csv'), parsePlan(plan)).patients).toHaveLength(60);
    // The same column filled in for every patient is the signature, and refused.
    const full = lines.map((l, i) => (i === 0 ? l : l.replace(/,(app|usual),(baseline|3m),[a-z]*,/, (_m, a: string, t: string) => `,${a},${t},${a === 'app' ? (Number(l.slice(1, l.indexOf(','))) % 4 === 0 ? 'moved' : 'ill') : (Number(l.slice(1, l.indexOf(','))) % 4 === 1 ? 'lost' : 'busy')},`)));
    expect(errorOf(() => loadTrial(parseCsvText(full.join('\n') + '\n', 'trial.csv'), parsePlan(plan))).problems[0]!.field).toBe('kommentar');
  });
});

describe('ClusterColumns', () => {
  /** `read`: the patients read, those without a value in the column too (default: those in `rows`). */
  const follow = (rows: [number, 'intervention' | 'control', string][], codes = true, read = new Set(rows.map((r) => r[0])).size) => {
    const c = new ClusterColumns(['g'], () => codes);
    for (const [patient, arm, v] of rows) c.see(0, patient, arm, v);
    return c.signatures(read);
  };
  const clustered: [number, 'intervention' | 'control', string][] = [
    [1, 'intervention', 'a'], [2, 'intervention', 'a'], [3, 'intervention', 'b'], [4, 'intervention', 'b'],
    [5, 'control', 'c'], [6, 'control', 'c'], [7, 'control', 'd'], [8, 'control', 'd'],
  ];
  it('finds 2 groups per arm of 2 patients each', () => {
    expect(follow(clustered)).toEqual([{ column: 'g', levels: { intervention: 2, control: 2 }, patients: { min: 2, max: 2 } }]);
  });
  it('passes over one group per arm, one patient per group on average, a value changing within a patient, decimals and dates', () => {
    expect(follow(clustered.map(([p, a]) => [p, a, a]))).toEqual([]);
    expect(follow([...clustered, [9, 'control', 'e'], [10, 'control', 'f'], [11, 'control', 'g'], [12, 'control', 'h'], [13, 'intervention', 'i'], [14, 'intervention', 'j'], [15, 'intervention', 'k'], [16, 'intervention', 'l']])).toEqual([]);
    expect(follow([...clustered, [1, 'intervention', 'b']])).toEqual([]);
    expect(follow(clustered.map(([p, a, v]) => [p, a, v === 'a' ? '1.5' : v]))).toEqual([]);
    expect(follow(clustered.map(([p, a, v]) => [p, a, v === 'a' ? '2024-03-01' : v]))).toEqual([]);
  });
  it('passes over a column filled in for fewer than 90 % of the patients read (a comment, not a unit)', () => {
    expect(follow(clustered, true, 8)).toHaveLength(1);
    expect(follow(clustered, true, 9)).toEqual([]); // 8 of 9: 89 %
  });
  it('reads whole numbers as codes only when told they are', () => {
    const numbered = clustered.map(([p, a, v]): [number, 'intervention' | 'control', string] => [p, a, String(v.charCodeAt(0))]);
    expect(follow(numbered, true)).toHaveLength(1);
    expect(follow(numbered, false)).toEqual([]);
    expect(follow(clustered.map(([p, a, v]) => [p, a, `0${v.charCodeAt(0) - 96}`]), false)).toHaveLength(1);
    // Written as floats (pandas, an integer column with a missing value): still whole numbers.
    const floats = numbered.map(([p, a, v]): [number, 'intervention' | 'control', string] => [p, a, `${v}.0`]);
    expect(follow(floats, false)).toEqual([]);
    expect(follow(floats.map(([p, a, v]) => [p, a, v.replace('.', ',')]), false)).toEqual([]);
    expect(follow(floats, true)).toHaveLength(1);
  });
});

describe('"clusters" in the plan', () => {
  it('is refused as a covariate, as the id, or listed in "notClusters"', () => {
    const fields = (extra: object) => errorOf(() => parsePlan({ ...structuredClone(basePlan), ...extra })).problems.map((p) => p.field);
    expect(fields({ clusters: 'praksis', covariates: ['praksis'] })).toEqual(['covariates']);
    // Spelled otherwise, or read through "columns": the same header column, refused at plan check too.
    expect(fields({ clusters: 'praksis', covariates: ['Praksis'] })).toEqual(['covariates']);
    expect(fields({ clusters: 'praksis', covariates: ['practice'], columns: { covariates: { practice: ' Praksis' } } })).toEqual(['covariates']);
    expect(fields({ clusters: 'id' })).toEqual(['clusters']);
    expect(fields({ clusters: 'praksis', notClusters: ['praksis'] })).toEqual(['notClusters.0']);
  });
});

describe('plan init on the practices export', () => {
  it('drafts "clusters" (not a covariate), says why and what to check, and the plan reads the export', () => {
    const csv = parseCsvText(exportLines().join('\n') + '\n', 'trial.csv');
    const d = draftPlan(csv, 'plan.schema.json');
    expect(d.plan.clusters).toBe('praksis');
    expect(d.plan.covariates).toEqual(['site', 'alder']);
    expect(d.guesses.join('\n')).toContain('clusters: "praksis" — its 6 values each lie wholly in one arm (3 intervention, 3 control)');
    expect(d.checks.join('\n')).toContain('"notClusters": ["praksis"]');
    expect(loadTrial(csv, parsePlan(d.plan)).patients).toHaveLength(24);
  });
  it('drafts none for an individually randomised export', () => {
    const lines = exportLines().map((l) => (l.startsWith('S1,') ? l.replace(',app,', ',usual,') : l));
    expect(draftPlan(parseCsvText(lines.join('\n') + '\n', 'trial.csv'), 'plan.schema.json').plan.clusters).toBeUndefined();
  });
});
