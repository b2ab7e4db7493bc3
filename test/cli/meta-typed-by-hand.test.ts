/**
 * `hta meta` on studies files a systematic reviewer types by hand (a tester's files, rebuilt here;
 * docs/input-studies.md, "What a row must hold, and what is refused"): a risk ratio without its
 * measure, one trial under two names, an estimate off the centre of its interval, a cluster trial's
 * arm summaries, medians, group sizes only, an estimate with its interval in one cell, unread
 * columns, a study without events. Pooled numbers are checked by hand (inverse variance, SE from
 * the interval's width or from the arms), never against hta's own output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MetaResults } from '../../src/meta/meta-results-schema.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { studyReadNotes } from '../../src/meta/study-read-notes.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const PLAN = 'data/plans/selfback.plan.json';
const Z = 1.959964;

function file(name: string, text: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, text);
  return path;
}

async function refused(path: string, ...flags: string[]): Promise<string> {
  const r = await runCli('meta', path, ...flags);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
  return r.stderr;
}

async function pooled(path: string, ...flags: string[]): Promise<{ json: MetaResults; stderr: string }> {
  const r = await runCli('meta', path, '--json', ...flags);
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as MetaResults, stderr: r.stderr };
}

/** Inverse-variance fixed effect by hand. */
function fixedByHand(effects: readonly { yi: number; vi: number }[]): { estimate: number; weights: number[] } {
  const w = effects.map((e) => 1 / e.vi);
  const sum = w.reduce((a, b) => a + b, 0);
  return { estimate: effects.reduce((a, e, i) => a + e.yi * (w[i] as number), 0) / sum, weights: w.map((x) => (100 * x) / sum) };
}

const RATIOS = 'Sandal 2021,med_use,3m,0.74,0.56,0.98\nPark 2022,med_use,3m,0.58,0.31,1.08\nLee 2023,med_use,3m,0.90,0.60,1.35\n';

describe('a risk ratio typed without its measure', () => {
  it('is refused without a plan: lopsided as a mean difference, symmetric on the log scale, naming each row', async () => {
    const err = await refused(file('en12.csv', `study,outcome,time,difference,ci_lower,ci_upper\n${RATIOS}`));
    expect(err).toMatch(/3 × \S*en12\.csv:lines 2–4, column 4 \(difference\)/);
    expect(err).toContain('0.74 [0.56, 0.98]: with none given it is read as a mean difference');
    expect(err).toContain('0.18 below the estimate and 0.24 above');
    expect(err).toContain('symmetric on the log scale');
    expect(err).toContain('add a measure column with RR or OR');
  });

  it('is refused with the plan, whose med_use is yes/no, even when its interval looks symmetric (a risk difference); with measure RR it is pooled as by hand', async () => {
    expect(await refused(file('en12.csv', `study,outcome,time,difference,ci_lower,ci_upper\n${RATIOS}`), '--plan', PLAN)).toContain('add a measure column with RR or OR');
    const rd = file('rd.csv', 'study,outcome,time,difference,ci_lower,ci_upper\nSandal 2021,med_use,3m,-0.08,-0.16,0.00\nPark 2022,med_use,3m,-0.05,-0.15,0.05\n');
    const err = await refused(rd, '--plan', PLAN);
    expect(err).toContain("has 2 problem(s) with the plan's yes/no outcomes");
    expect(err).toMatch(/rd\.csv:lines 2–3 \(measure\): — expected a measure, RR, OR or RD: the plan's outcome "med_use" is yes\/no \(instrument binary\), and a reported result without a measure would be pooled as a mean difference; add a column measure/);
    // Without the plan nothing says the outcome is yes/no: a symmetric interval is a difference.
    expect((await pooled(rd)).json.pooled[0]!.measure).toBe('MD');
    // With a measure column, an empty cell is named at its column; MD on a yes/no outcome is refused.
    const mixed = file('mixed.csv', 'study,outcome,time,measure,difference,ci_lower,ci_upper\nSandal 2021,med_use,3m,,-0.08,-0.16,0.00\nPark 2022,med_use,3m,MD,-0.05,-0.15,0.05\n');
    const e2 = await refused(mixed, '--plan', PLAN);
    expect(e2).toContain('mixed.csv:2:4 (measure): — expected a measure, RR, OR or RD');
    expect(e2).toContain('mixed.csv:3:4 (measure): "MD" — expected RR, OR or RD: the plan\'s outcome "med_use" is yes/no (instrument binary), not a continuous score');
    // As the message says: with measure RR the rows are pooled on the log scale, as by hand.
    const { json } = await pooled(file('rr.csv', `study,outcome,time,measure,difference,ci_lower,ci_upper\n${RATIOS.replace(/,3m,/g, ',3m,RR,')}`), '--plan', PLAN);
    const rows = [[0.74, 0.56, 0.98], [0.58, 0.31, 1.08], [0.9, 0.6, 1.35]] as const;
    const hand = fixedByHand(rows.map(([e, lo, hi]) => ({ yi: Math.log(e), vi: ((Math.log(hi) - Math.log(lo)) / (2 * Z)) ** 2 })));
    const fixed = json.pooled.find((p) => p.model === 'fixed')!;
    expect(fixed.measure).toBe('RR');
    expect(fixed.estimate).toBeCloseTo(hand.estimate, 10);
    expect(Math.exp(fixed.estimate)).toBeLessThan(1); // fewer users of pain medication: a benefit, not harm
    expect(json.studies.map((s) => s.weightFixed)).toEqual(hand.weights.map((w) => expect.closeTo(w, 8)));
  });
});

describe('one trial under two names', () => {
  it('"Sandal 2021" and "Sandal et al. 2021" of one outcome and time are one study: refused as a duplicate', async () => {
    const err = await refused(file('en10.csv', 'study,outcome,time,difference,ci_lower,ci_upper,citation\nSandal 2021,rmdq,3m,-0.79,-1.51,-0.06,"Sandal et al., JAMA Intern Med 2021"\nSandal et al. 2021,rmdq,3m,-0.79,-1.51,-0.06,"Sandal et al., secondary paper 2022"\nPark 2022,rmdq,3m,-1.0,-3.3,1.3,Park\n'));
    expect(err).toContain('en10.csv:3:1 (study): "Sandal et al. 2021" — expected one row per study, outcome, time, measure and subgroup (line 2 has the same ("Sandal 2021": names that differ only in "et al.", punctuation, case or spaces are one study))');
    expect(err).toContain('has 1 problem(s)');
  });

  it('on different outcomes, two spellings of one study are refused; "Ødegård 2024a" and "Ødegård 2024b" stay two', async () => {
    const err = await refused(file('spelt.csv', 'study,outcome,time,difference,ci_lower,ci_upper\nSandal 2021,rmdq,3m,-0.79,-1.51,-0.06\n"Sandal, m.fl. 2021",pseq,3m,2.0,0.5,3.5\nØdegård 2024a,rmdq,3m,-0.4,-1.2,0.4\nØdegård 2024b,rmdq,3m,-1.3,-2.4,-0.2\n'));
    expect(err).toContain('spelt.csv:3:1 (study): "Sandal, m.fl. 2021" — expected the same spelling as "Sandal 2021" on line 2 (they differ only in case, spaces, punctuation or "et al.", and would be read as two)');
    expect(err).toContain('has 1 problem(s)');
  });

  it('the same estimate and interval under two names, to the digits given, is warned about, naming both rows', async () => {
    const { json, stderr } = await pooled(file('twice.csv', 'study,outcome,time,difference,ci_lower,ci_upper\nSandal 2021,rmdq,3m,-0.79,-1.51,-0.06\nSandal 2021a,rmdq,3m,-0.8,-1.5,-0.1\nPark 2022,rmdq,3m,-1.0,-3.3,1.3\nLee 2023,rmdq,3m,-0.8,-1.5,0.0\n'));
    const w = 'rmdq 3m: Sandal 2021a (line 3) and Sandal 2021 (line 2) give the same estimate and 95% CI (to the digits given): if they are one trial, keep one row — pooled as two, it counts twice';
    expect(json.warnings).toContain(w);
    expect(stderr).toContain(`warning: ${w}`);
    // Lee 2023's upper bound (0.0) differs from Sandal's -0.06 at one digit: not the same.
    expect(json.warnings.filter((x) => x.includes('same estimate'))).toHaveLength(1);
  });
});

describe('an estimate off the centre of its interval', () => {
  it('is refused when the estimate is nearly at an end (one side more than 4 times the other, even rounded most favourably), with the asymmetry and the middle expected', async () => {
    const err = await refused(file('en14.csv', 'study,outcome,time,measure,difference,ci_lower,ci_upper\nA 2020,rmdq,3m,MD,-1.9,-2.0,0.2\nB 2021,rmdq,3m,MD,-0.5,-1.5,0.5\n'));
    expect(err).toContain('en14.csv:2:5 (difference): "-1.9" — expected a difference near the middle of its 95% CI (a mean difference\'s interval is symmetric, so about -0.9), but -1.9 [-2.0, 0.2] is 0.1 from the lower bound and 2.1 from the upper (rounding to the digits given explains up to 0.2)');
    expect(err).toContain('has 1 problem(s)');
    // An interval in one cell is checked as well: `2.0, "[0.3, 2.1]"`.
    const one = await refused(file('en3.csv', 'study,outcome,time,difference,95% CI\nJones 2021,pseq,9m,2.0,"[0.3, 2.1]"\nWeiß 2023,pseq,9m,-0.4,−1.2 to 0.3\n'));
    expect(one).toContain('en3.csv:2:4 (difference): "2.0" — expected a difference near the middle of its 95% CI (a mean difference\'s interval is symmetric, so about 1.2)');
  });

  it('a risk ratio is judged on the log scale; rounding and slight asymmetry pass; more is a warning', async () => {
    // log(0.15) − log(0.01) = 2.71 and log(2.74) − log(0.15) = 2.91: symmetric within rounding 0.01 near 0.01.
    const ok = file('ok.csv', 'study,outcome,time,measure,difference,ci_lower,ci_upper\nC 2023,med_use,3m,RR,0.15,0.01,2.74\nA 2019,med_use,3m,RR,0.73,0.54,1.00\nD 2020,rmdq,3m,MD,-0.8,-1.3,-0.2\n');
    expect((await pooled(ok)).json.warnings.filter((w) => w.includes('centre'))).toEqual([]);
    // −1.00 [−2.00, 0.30]: 1.00 below, 1.30 above (13% of the width): checked, not refused.
    const { json } = await pooled(file('warn.csv', 'study,outcome,time,difference,ci_lower,ci_upper\nA 2020,rmdq,3m,-1.00,-2.00,0.30\n'));
    expect(json.warnings).toContain('A 2020 (line 2), rmdq 3m: -1.00 [-2.00, 0.30] is off the centre of its 95% CI: 1 from the lower bound and 1.3 from the upper (rounding to the digits given explains up to 0.02); a mean difference\'s interval is symmetric; check the estimate and the bounds against the paper; if the paper\'s interval is asymmetric by construction (a bootstrap, Newcombe/Wilson or exact interval), name its method in a ci_method column (bootstrap, newcombe, exact, …): the row is then pooled with SE = (upper − lower) / 3.92, as for any interval');
  });

  it('a genuinely asymmetric interval (a Newcombe risk difference, a bootstrap mean difference) is pooled with a warning naming the row, SE from the whole width', async () => {
    // 0.02 [-0.01, 0.09]: 0.03 below, 0.07 above; -1.0 [-3.5, 0.1]: 2.5 below, 1.1 above.
    const { json } = await pooled(file('asym.csv', 'study,outcome,time,difference,ci_lower,ci_upper,measure\nA 2019,resp,3m,0.02,-0.01,0.09,RD\nB 2020,los,3m,-1.0,-3.5,0.1,MD\n'));
    const centre = json.warnings.filter((w) => w.includes('centre'));
    expect(centre).toHaveLength(2);
    expect(centre[0]).toContain("A 2019 (line 2), resp 3m: 0.02 [-0.01, 0.09] is off the centre of its 95% CI: 0.03 from the lower bound and 0.07 from the upper (rounding to the digits given explains up to 0.02); a risk difference's Wald interval is symmetric, a Newcombe or exact one need not be");
    expect(centre[1]).toContain('B 2020 (line 3), los 3m: -1.0 [-3.5, 0.1] is off the centre');
    const se = json.studies.map((s) => s.se);
    expect(se).toEqual([expect.closeTo(0.1 / (2 * Z), 6), expect.closeTo(3.6 / (2 * Z), 6)]);
    expect(json.studies.map((s) => s.yi)).toEqual([0.02, -1.0]);
  });

  it('a risk difference nearly at an end of its interval is warned about as most likely a typo, not refused', async () => {
    const { json } = await pooled(file('rdend.csv', 'study,outcome,time,measure,difference,ci_lower,ci_upper\nA 2019,resp,3m,RD,0.19,0.18,0.40\n'));
    expect(json.warnings.filter((w) => w.includes('nearly at an end'))).toEqual([expect.stringContaining('A 2019 (line 2), resp 3m: 0.19 [0.18, 0.40] is nearly at an end of its 95% CI, most likely a typo')]);
  });

  it('ci_method says the interval is asymmetric on purpose: pooled without a warning, SE = (upper − lower) / 3.92; a misspelt method or one on a row without an interval is refused', async () => {
    const text = 'study,outcome,time,difference,ci_lower,ci_upper,ci_method\nA 2020,los,3m,-1.9,-2.0,0.2,Bootstrap\nB 2021,los,3m,-1.0,-3.5,0.1,bootstrap\nC 2022,los,3m,-0.5,-1.5,0.5,\n';
    const { json, stderr } = await pooled(file('declared.csv', text));
    expect(json.warnings.filter((w) => w.includes('centre') || w.includes('end of'))).toEqual([]);
    expect(stderr).not.toContain('ignored columns');
    const hand = fixedByHand([
      { yi: -1.9, vi: (2.2 / (2 * Z)) ** 2 },
      { yi: -1.0, vi: (3.6 / (2 * Z)) ** 2 },
      { yi: -0.5, vi: (2.0 / (2 * Z)) ** 2 },
    ]);
    expect(json.studies.map((s) => s.weightFixed)).toEqual(hand.weights.map((w) => expect.closeTo(w, 8)));
    const bad = await refused(file('wlad.csv', 'study,outcome,time,difference,ci_lower,ci_upper,ci_method\nA 2020,los,3m,-1.9,-2.0,0.2,wlad\nB 2021,los,3m,-1.0,,,bootstrap\n'));
    expect(bad).toContain('wlad.csv:2:7 (ci_method): "wlad" — expected one of wald, normal, t, bootstrap, newcombe, wilson, score, exact, profile_likelihood, asymmetric');
    expect(bad).toContain('wlad.csv:3:7 (ci_method): "bootstrap" — expected a 95% CI for ci_method to describe');
  });
});

describe('a cluster-randomised trial', () => {
  const header = 'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control,clusters_intervention,clusters_control,icc,design,difference,se,p';
  const smith = 'Smith 2020,rmdq,3m,50,7,4.5,50,9,5.0,,,,individual,,,';
  const park = 'Park 2022,rmdq,3m,40,8,5.5,40,9,5.1,,,,individual,,,';

  it('arm summaries are refused, naming the row and its design effect 1 + (m − 1) × ICC', async () => {
    const err = await refused(file('en6.csv', [header, smith, 'Cluster 2021,rmdq,3m,600,8,5.5,600,9,5.1,20,20,0.05,cluster,,,', park].join('\n')));
    // m = 1200 patients / 40 clusters = 30; 1 + 29 × 0.05 = 2.45.
    expect(err).toContain('en6.csv:3:13 (design): "cluster" — expected a cluster-adjusted result: this is a cluster-randomised trial, and its arm summaries (n, mean, SD per arm) ignore the clustering');
    expect(err).toContain('1 + (m − 1) × ICC = 1 + (30 − 1) × 0.05 = 2.45, with m = 30 patients per cluster');
    expect(err).toContain('§23.1.4');
    // Without design, the cluster columns say so; an unknown design is refused.
    expect(await refused(file('icc.csv', [header, 'Cluster 2021,rmdq,3m,600,8,5.5,600,9,5.1,20,20,0.05,,,,'].join('\n')))).toContain('icc.csv:2:10 (clusters_intervention): "20" — expected a cluster-adjusted result');
    expect(await refused(file('x.csv', [header, smith.replace('individual', 'stepped wedge')].join('\n')))).toContain('x.csv:2:13 (design): "stepped wedge" — expected individual or cluster');
    // A cross-over's arm summaries ignore the pairing (its paired difference is read: docs/input-studies.md, "Cross-over trials").
    expect(await refused(file('xo.csv', [header, smith.replace('individual', 'crossover')].join('\n')))).toContain("xo.csv:2:13 (design): \"crossover\" — expected a cross-over trial's paired difference");
  });

  it('its cluster-adjusted difference with its SE is pooled, as by hand; the unread p column is named in a note', async () => {
    // The Handbook's approximate analysis: SE = √(2.45 × (5.5²/600 + 5.1²/600)).
    const se = Math.sqrt(2.45 * (5.5 ** 2 / 600 + 5.1 ** 2 / 600));
    const path = file('adjusted.csv', [header, smith, `Cluster 2021,rmdq,3m,600,,,600,,,20,20,0.05,cluster,-1,${se.toFixed(4)},0.04`, park].join('\n'));
    const { json, stderr } = await pooled(path);
    const hand = fixedByHand([
      { yi: 7 - 9, vi: 4.5 ** 2 / 50 + 5 ** 2 / 50 },
      { yi: -1, vi: Number(se.toFixed(4)) ** 2 },
      { yi: 8 - 9, vi: 5.5 ** 2 / 40 + 5.1 ** 2 / 40 },
    ]);
    expect(json.pooled.find((p) => p.model === 'fixed')!.estimate).toBeCloseTo(hand.estimate, 10);
    expect(json.studies[1]!.weightFixed).toBeCloseTo(hand.weights[1]!, 8);
    expect(hand.weights[1]).toBeLessThan(75); // not the 85% of the unadjusted arms
    expect(stderr).toContain(`note: ${path}: ignored columns (not read): 16 "p"\n`);
  });
});

describe('rows that hold no result to pool say what they hold', () => {
  it('a median and IQR: named, not pooled as a mean', async () => {
    const err = await refused(file('en4.csv', 'study,outcome,time,n_intervention,median_intervention,iqr_intervention,n_control,median_control,iqr_control\nSmith 2020,rmdq,3m,50,7,4-10,50,9,5-12\n'));
    expect(err).toContain('en4.csv:2:5 (median_intervention): "7" — expected a mean and SD per arm, or a difference with its 95% CI: the row gives a median or IQR (median_intervention, iqr_intervention, median_control, iqr_control), which cannot be pooled as a mean');
    expect(err).toContain('enter the means and SDs per arm if the paper reports them, or the mean difference with its 95% CI');
    expect(err).not.toContain('expected one kind of result');
  });

  it('group sizes only: says what is missing', async () => {
    const err = await refused(file('en13.csv', 'study,outcome,time,n_intervention,n_control,difference,ci_lower,ci_upper\nA 2020,rmdq,3m,50,50,-1,-2,0\nB 2021,rmdq,3m,40,40,,,\n'));
    expect(err).toContain('en13.csv:3:4 (n_intervention): "40" — expected a result beside the group sizes: the row gives only n_intervention and n_control; add the difference with its 95% CI');
  });

  it('an estimate with its interval in one cell: where each part goes, in the difference or the CI column', async () => {
    const inCi = await refused(file('en1.csv', 'study,outcome,time,difference,95% CI,n_intervention,n_control\nSmith et al. 2020,pseq,9m,,1.2 (0.3–2.1),100,100\n'));
    expect(inCi).toContain('en1.csv:2:5 (95% CI): "1.2 (0.3–2.1)" — expected the 95% CI alone; the cell holds an estimate with its interval in one cell: put 1.2 in difference and keep only the interval, (0.3–2.1), in "95% CI"');
    expect(inCi).toContain('has 1 problem(s)'); // not also "one kind of result"
    const inDiff = await refused(file('diff.csv', 'study,outcome,time,difference,ci_lower,ci_upper\nSmith 2020,pseq,9m,1.2 (0.3–2.1),,\n'));
    expect(inDiff).toContain('diff.csv:2:4 (difference): "1.2 (0.3–2.1)" — expected one number (decimal point), the difference; the cell holds an estimate with its interval in one cell: keep 1.2 here and put the interval in ci_lower (0.3) and ci_upper (2.1)');
  });
});

describe('what hta meta says about what it read and pooled', () => {
  it('the report page names the columns not read, in its language', () => {
    const t = parseStudies(parseCsvText('Studie;Effektmål;Tid;Forskel;Nedre;Øvre;p-værdi\nA;rmdq;3m;-1,0;-2,0;0,0;0,04\n', 'studier.csv'));
    expect(studyReadNotes(t.read, 'da')).toContain('Kolonner, der ikke er læst: "p-værdi" (kolonne 7).');
    expect(studyReadNotes(t.read, 'en')).toContain('Columns not read: "p-værdi" (column 7).');
  });

  it('a study without events: the warning and the printed heterogeneity say the same about Q', async () => {
    const path = file('en11.csv', 'study,outcome,time,measure,events_intervention,n_intervention,events_control,n_control\nTrial A 2019,med_use,3m,RR,41,120,55,118\nTrial B 2022,med_use,3m,RR,20,64,29,66\nTrial C 2023,med_use,3m,RR,0,30,3,31\nTrial D 2024,med_use,3m,RR,0,30,0,31\n');
    const r = await runCli('meta', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Heterogeneity: .*Q = \d+\.\d+, df = 3 /m);
    expect(r.stderr).toContain('Trial D 2024 has no events in either arm: it adds nothing to the Mantel–Haenszel estimate and is left out of that model\'s own Q (df = 2, in the JSON\'s fixed-effect row); the random-effects model and the heterogeneity shown (Q, df = 3) include it');
    expect(r.stderr).not.toContain('left out of the heterogeneity test (Q)');
  });

  it('without a plan the heading names the outcome once', async () => {
    const r = await runCli('meta', file('p.csv', 'study,outcome,time,difference,ci_lower,ci_upper\nA,pseq,9m,3.1,0.4,5.8\nB,pseq,9m,1.5,-1.0,4.0\n'));
    expect(r.stdout.split('\n')[0]).toBe('pseq at 9m: mean difference, app − usual care');
    const da = await runCli('meta', file('p.csv', 'study,outcome,time,difference,ci_lower,ci_upper\nA,pseq,9m,3.1,0.4,5.8\nB,pseq,9m,1.5,-1.0,4.0\n'), '--lang', 'da');
    expect(da.stdout.split('\n')[0]).toBe('pseq efter 9 måneder: middelforskel, app − vanlig behandling');
  });
});
