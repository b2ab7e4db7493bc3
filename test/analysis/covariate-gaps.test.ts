/**
 * Three analyses that disagreed with R on test/fixtures/covariate-gaps/ (120 randomised, `alder`
 * missing for 8, a region level of 1–4 patients), against test/reference/covariate-gaps.R:
 *  - multiple imputation keeps every randomised patient, the missing ages imputed with the
 *    follow-ups (it left the 8 out: 112 patients, −0.99 at 12m, "significant", where mice on all
 *    120 gives −0.78, p 0.11), and the tipping point counts the 21 imputed app-arm values;
 *  - a subgroup cut of a covariate keeps that covariate in its models;
 *  - the responder Q test follows metafor's zero-cell correction (one patient made it "significant").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { trialWarningText } from '../../src/report/failure-reasons.js';
import { imputationNotes, trialReportKind } from '../../src/report/kinds/trial-report.js';
import { reportEnv } from '../support/report-env.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { covariateGapNote } from '../../src/report/covariate-gap-note.js';
import { outcomeWide } from '../../src/trial/outcome-wide.js';

const dir = 'test/fixtures/covariate-gaps';
const ref = JSON.parse(readFileSync('test/reference/covariate-gaps.json', 'utf8'));
const planJson = JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8'));
// The region level Oe has 1–4 patients: the test below is of metafor's zero-cell correction on
// such a level, so the subgroup takes it in ("minPerArm": 1; the default 5 would leave it out).
for (const g of planJson.subgroups) g.minPerArm = 1;
const csv = readFileSync(`${dir}/trial.csv`, 'utf8');
const result = analyzeTrial(loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(planJson)), { version: 'test' });

describe('multiple imputation with a missing numeric covariate', () => {
  for (const time of ['3m', '6m', '12m']) {
    it(`at ${time}: every randomised patient, within MI noise of R mice`, () => {
      const mi = result.effects.find((e) => e.method === 'mi-ancova' && e.time === time)!;
      expect(mi.n).toEqual(ref.mi.patients);
      expect(mi.details!.imputedCovariates).toEqual([{ name: 'alder', patients: ref.mi.missingAlder }]);
      // MI noise: one run (plan seed 7) against the mean of mice over 30 seeds. A run differs from
      // that mean by about the SD over seeds (its own noise, as large as mice's): 3.5 SDs allow for
      // it. The estimate without the 8 patients (−0.987 at 12m) lay 3.6 SDs away.
      const { mean, sdOverSeeds: sd } = ref.mi.byTime[time];
      expect(Math.abs(mi.difference! - mean.estimate)).toBeLessThan(3.5 * sd.estimate);
      expect(Math.abs(mi.se! - mean.se)).toBeLessThan(3.5 * sd.se);
    });
  }

  it('the tipping point shifts every imputed app-arm value at 12m', () => {
    expect(result.sensitivity!.tippingPoint!.nImputedIntervention).toBe(ref.mi.imputedIntervention12m);
    const mi = result.sensitivity!.rows.find((r) => r.method === 'mi-ancova')!;
    expect(mi.n).toEqual(ref.mi.patients);
  });

  it('MMRM still uses the patients with every covariate (its model has no imputation)', () => {
    const mm = result.effects.find((e) => e.method === 'mmrm' && e.time === '12m')!;
    expect(mm.details!.patientsInModel).toBeLessThanOrEqual(120 - ref.mi.missingAlder);
  });

  it('a missing categorical covariate is imputed (logreg, polyreg); one of more than 10 levels still leaves the patient out, and says so', () => {
    // One run, 5 imputations, no subgroups or responders (only the MI rows are read): region (Nord/Syd/Oe) emptied
    // for patients 1 and 2, imputed by multinomial regression (mice's polyreg); praksis (12
    // practices) added as a covariate and emptied for patients 3 and 4: more than 10 levels, not
    // imputed, left out. (Sex, two levels, by logreg: test/analysis/mi-gaps.test.ts.)
    const lines = csv.split('\n');
    const text = lines.map((l, i) => (i === 1 || i === 2 ? l.replace(/,"(Nord|Syd|Oe)",/, ',,') : i === 3 || i === 4 ? l.replace(/,"praksis\d+",/, ',,') : l)).join('\n');
    const withSite = { ...planJson, subgroups: [], responders: [], methods: ['ancova'], missing: { ...planJson.missing, m: 5 }, columns: { ...planJson.columns, covariates: { ...planJson.columns.covariates, praksis: 'praksis' } }, covariates: [...planJson.covariates, 'praksis'] };
    const r = analyzeTrial(loadTrial(parseCsvText(text, 'trial.csv'), parsePlan(withSite)), { version: 'test' });
    const mi = r.effects.find((e) => e.method === 'mi-ancova' && e.time === '12m')!;
    expect(mi.n.intervention + mi.n.control).toBe(118);
    expect(mi.details!.imputedCovariates).toContainEqual({ name: 'region', patients: 2, imputation: 'polyreg' });
    expect(mi.details!.leftOutMissingCategoricalCovariate).toEqual({ patients: 2, covariates: ['praksis'] });
    expect(r.warnings).toContain('multiple imputation of nrs: 2 patients left out for a missing categorical covariate of more than 10 levels (praksis), which is not imputed');
  });
});

describe('a patient whose only (wide) row --exclude-invalid leaves out', () => {
  it('stays randomised and is in no analysis: MI, MMRM, ANCOVA, Table 1 and missingness as without the patient\'s line', () => {
    // P002 (App): a 3-month NRS of 99 leaves out the patient's one line. Multiple imputation
    // imputed them from nothing (65 → 66 app patients, −0.84 → −0.88 at 12m).
    const lines = csv.split('\n');
    const at = lines.findIndex((l) => l.startsWith('"P002",'));
    const bad = lines.map((l, i) => (i === at ? l.replace(/^("P002","App",52,"M","Syd","praksis7",0,)0,/, '$199,') : l));
    expect(bad[at]).not.toBe(lines[at]);
    const plan = parsePlan({ ...planJson, subgroups: [], responders: [], methods: ['ancova', 'mmrm'], missing: { ...planJson.missing, m: 5 } });
    const kept = analyzeTrial(loadTrial(parseCsvText(bad.join('\n'), 'trial.csv'), plan, { excludeInvalid: true }), { version: 'test' });
    const without = analyzeTrial(loadTrial(parseCsvText(lines.filter((_, i) => i !== at).join('\n'), 'trial.csv'), plan), { version: 'test' });
    expect(kept.input.patients).toEqual({ intervention: without.input.patients.intervention + 1, control: without.input.patients.control });
    expect(kept.effects).toEqual(without.effects);
    expect(kept.sensitivity).toEqual(without.sensitivity);
    expect(kept.descriptives).toEqual(without.descriptives);
    expect(kept.missingness).toEqual(without.missingness);
    expect(kept.effects.some((e) => e.method === 'mi-ancova')).toBe(true);
  });
});

describe('a subgroup cut of a covariate', () => {
  for (const time of ['3m', '6m', '12m']) {
    it(`keeps the covariate in the models at ${time} (= R anova with alder)`, () => {
      const g = result.subgroups!.find((s) => s.subgroup === 'alder' && s.outcome === 'nrs' && s.time === time)!;
      const r = ref.subgroupAlderCuts[time];
      expect(g.interaction.statistic).toBeCloseTo(r.statistic, 9);
      expect(g.interaction.df2).toBe(r.df2);
      expect(g.interaction.pValue).toBeCloseTo(r.pValue, 9);
      for (const l of g.levels) {
        expect(l.effect.difference).toBeCloseTo(r.levels[l.level].difference, 9);
        expect(l.effect.se).toBeCloseTo(r.levels[l.level].se, 9);
      }
    });
  }
});

describe('a subgroup on a covariate with missing values', () => {
  // From the export itself: patients with a baseline and a follow-up score and no age.
  const rows = csv.trim().split('\n').slice(1).map((l) => l.split(','));
  const noAge = (time: string) => {
    const col = { '3m': 7, '6m': 8, '12m': 9 }[time] as number;
    return rows.filter((r) => r[2] === '' && r[6] !== '' && r[col] !== '').length;
  };
  for (const time of ['3m', '6m', '12m']) {
    it(`counts its patients with no age as missing at ${time}, though the models leave them out first`, () => {
      const g = result.subgroups!.find((s) => s.subgroup === 'alder' && s.outcome === 'nrs' && s.time === time)!;
      expect(noAge(time)).toBeGreaterThan(0);
      expect(g.excluded).toEqual({ missing: noAge(time), otherValue: 0 });
    });
  }
});

describe("the responders' test of equal risk differences", () => {
  it("= metafor's rma(measure = \"RD\", method = \"FE\") with its default zero-cell correction", () => {
    for (const q of ref.responderQByRegion) {
      const g = result.subgroups!.find((s) => s.subgroup === 'region' && s.outcome === q.outcome && s.time === q.time)!;
      expect(g.interaction.error).toBeUndefined();
      expect(g.interaction.statistic).toBeCloseTo(q.statistic, 9);
      expect(g.interaction.df1).toBe(q.df);
      expect(g.interaction.pValue).toBeCloseTo(q.pValue, 9);
    }
    // The case that was "significant" on one patient in level Oe: Q 6.10 uncorrected.
    const six = result.subgroups!.find((s) => s.subgroup === 'region' && s.outcome === 'nrs30' && s.time === '6m')!;
    expect(six.interaction.pValue).toBeGreaterThan(0.5);
  });
});

describe('on the page', () => {
  const trial = loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(planJson));

  it('the methods say which covariates the imputation imputed, for how many patients', () => {
    expect(imputationNotes(result, trialChartContext(trial, 'en'), trial)[0]).toBe(
      'The multiple imputation also imputes missing covariate values (age (years): 8 patients) with the missing follow-ups (chained equations, predictive mean matching), so that patients missing them stay in it.',
    );
    expect(imputationNotes(result, trialChartContext(trial, 'da'), trial)[0]).toContain('(alder (år): 8 patienter)');
  });

  it('the methods say that ANCOVA and MMRM leave out the patients missing a covariate, with their count', () => {
    const note = (r: typeof result, lang: 'en' | 'da', t = trial) => covariateGapNote(r, t, lang);
    expect(note(result, 'en')).toEqual([
      `ANCOVA and MMRM leave out the patients with a baseline score who miss a covariate value (${ref.mi.missingAlder} patients), as their models impute nothing, whereas the multiple imputation imputes a missing covariate value.`,
    ]);
    expect(note(result, 'da')).toEqual([
      `ANCOVA og MMRM udelader patienter med baselinescore, der mangler en kovariatværdi (${ref.mi.missingAlder} patienter), da deres modeller ikke imputerer, mens multipel imputation imputerer en manglende kovariatværdi.`,
    ]);
    // Without MI rows: no word of imputation; with ANCOVA alone, its own verb.
    const ancovaOnly = { ...result, effects: result.effects.filter((e) => e.method === 'ancova'), sensitivity: undefined };
    expect(note(ancovaOnly, 'en')[0]).toMatch(/^ANCOVA leaves out .*\(8 patients\), as its model imputes nothing\.$/);
    // Every age present: nothing said.
    const full = loadTrial(parseCsvText(csv.replace(/^("P\d+","[^"]+"),,/gm, '$1,50,'), 'trial.csv'), parsePlan(planJson));
    expect(note(result, 'en', full)).toEqual([]);
    // Three patients missing: the exact count, as every count of a trial report (no "some patients").
    let filled = 0;
    const few = loadTrial(parseCsvText(csv.replace(/^("P\d+","[^"]+"),,/gm, (m, head: string) => (++filled <= ref.mi.missingAlder - 3 ? `${head},50,` : m)), 'trial.csv'), parsePlan(planJson));
    expect(note(result, 'en', few)[0]).toContain('(3 patients)');
  });

  it("the sentence counts from the analysis's own wide tables: one per trial and outcome, not built again per page language", () => {
    // covariateGapNote asks for each outcome's wide table, which the analysis built already; two
    // pages (en, da) built it twice more (docs/architecture.md#the-cost-of-a-cold-regeneration).
    const own = loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(planJson));
    const analysed = analyzeTrial(own, { version: 'test' });
    const key = analysed.effects.find((e) => e.method === 'mmrm')!.outcome;
    const built = outcomeWide(own, key);
    expect(covariateGapNote(analysed, own, 'en')).toEqual(covariateGapNote(result, trial, 'en'));
    expect(covariateGapNote(analysed, own, 'da')).toHaveLength(1);
    expect(outcomeWide(own, key)).toBe(built);
    // Another trial (the same file loaded again) has its own table, with the same content.
    const again = loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(planJson));
    expect(outcomeWide(again, key)).not.toBe(built);
    expect(outcomeWide(again, key)).toEqual(built);
    expect(built.ids.length).toBe(120 - ref.mi.missingAlder);
  });

  it('the sentence stands in the methods of the trial page', async () => {
    const page = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang: 'en', data: 'trial.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, 'en'));
    const methods = page.page.sections.find((s) => s.id === 'methods')!.intro!.join('\n');
    expect(methods).toContain(`ANCOVA and MMRM leave out the patients with a baseline score who miss a covariate value (${ref.mi.missingAlder} patients)`);
  });

  it('a patient left out for a missing categorical covariate of more than 10 levels is said in the methods and the warnings, in Danish too', () => {
    const left = { ...result, effects: result.effects.map((e) => (e.method === 'mi-ancova' ? { ...e, details: { ...e.details, leftOutMissingCategoricalCovariate: { patients: 1, covariates: ['praksis'] } } } : e)) };
    expect(imputationNotes(left, trialChartContext(trial, 'en'), trial)[1]).toBe('Left out of the multiple imputation for a missing categorical covariate of more than 10 levels (praksis): 1 patient; such covariates are not imputed.');
    // The exact count under the publication threshold too, as the warnings: the trial report has no small-count suppression.
    const three = { ...left, effects: left.effects.map((e) => (e.method === 'mi-ancova' ? { ...e, details: { ...e.details, leftOutMissingCategoricalCovariate: { patients: 3, covariates: ['praksis'] } } } : e)) };
    expect(imputationNotes(three, trialChartContext(trial, 'da'), trial)[1]).toContain('fordi de mangler en værdi af en kategorisk kovariat med mere end 10 niveauer (praksis): 3 patienter');
    const labels = { outcome: () => 'Smerte', time: (t: string) => t, method: (m: string) => m, subgroup: (c: string) => c };
    expect(trialWarningText('multiple imputation of nrs: 2 patients left out for a missing categorical covariate of more than 10 levels (praksis), which is not imputed', 'da', labels)).toBe(
      'Multipel imputation af Smerte: 2 patienter udeladt, fordi de mangler en værdi af en kategorisk kovariat med mere end 10 niveauer (praksis), som ikke imputeres',
    );
  });

  it("the subgroup's credibility note counts the patients left out, not levels", () => {
    // 8 patients with no region (here every patient has one: the count as a result with gaps carries it).
    const gaps = { ...result, subgroups: result.subgroups!.map((g) => ({ ...g, excluded: { missing: 8, otherValue: 0 } })) };
    const { sections } = subgroupReport(gaps, trial.plan, trialChartContext(trial, 'en'), () => 10);
    const notes = sections.flatMap((s) => s.notes ?? []).filter((n) => n.startsWith('Credibility')).join('\n');
    // Each count says what it is; a count of 0 is not said.
    expect(notes).toContain('Left out of this subgroup analysis, for the primary outcome: 8 patients with no value in the column.');
    const other = { ...result, subgroups: result.subgroups!.map((g) => ({ ...g, excluded: { missing: 0, otherValue: 4 } })) };
    const both = { ...result, subgroups: result.subgroups!.map((g) => ({ ...g, excluded: { missing: 1, otherValue: 4 } })) };
    const noteOf = (r: typeof result, lang: 'en' | 'da') => subgroupReport(r, trial.plan, trialChartContext(trial, lang), () => 10).sections.flatMap((s) => s.notes ?? []).filter((n) => /^(Credibility|Troværdighed)/.test(n))[0];
    expect(noteOf(other, 'en')).toMatch(/ Left out of this subgroup analysis, for the primary outcome: 4 patients whose value is none of the plan's levels\.$/);
    expect(noteOf(both, 'en')).toMatch(/: 1 patient with no value in the column and 4 patients whose value is none of the plan's levels\.$/);
    expect(noteOf(both, 'da')).toMatch(/ Udeladt af denne subgruppeanalyse, for det primære effektmål: 1 patient uden værdi i kolonnen og 4 patienter, hvis værdi ikke er et af planens niveauer\.$/);
    expect(notes).not.toContain('Levels with no value');
  });

  it('says nothing of patients left out when none was', () => {
    const none = { ...result, subgroups: result.subgroups!.map((g) => ({ ...g, excluded: { missing: 0, otherValue: 0 } })) };
    for (const lang of ['en', 'da'] as const) {
      const { sections } = subgroupReport(none, trial.plan, trialChartContext(trial, lang), () => 10);
      const notes = sections.flatMap((s) => s.notes ?? []).filter((n) => /^(Credibility|Troværdighed)/.test(n));
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) expect(n).not.toMatch(/left out|udeladt|\(missing\)|\(manglende\)/);
      for (const n of notes) expect(n).toMatch(/\.$/);
    }
  });
});
