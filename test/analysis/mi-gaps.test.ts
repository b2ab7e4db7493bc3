/**
 * Multiple imputation of every randomised patient (intention to treat), as R mice by default,
 * against test/reference/mi-gaps.R on test/fixtures/mi-gaps/ (120 randomised; the baseline
 * missing for 6, sex (K/M) for 6, region (3 levels) for 6, age for 8): the baselines imputed by
 * PMM, sex by logistic regression (logreg), region by multinomial regression (polyreg), and the Monte Carlo error of the pooled estimate and its CI limits
 * (White, Royston & Wood 2011) with the advice when it is large.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { trialWarningText } from '../../src/report/failure-reasons.js';
import { imputationNotes } from '../../src/report/kinds/trial-report.js';
import { imputeOutcome, monteCarloWarning } from '../../src/analysis/missing-data-effects.js';
import { imputationWide } from '../../src/trial/outcome-wide.js';

const dir = 'test/fixtures/mi-gaps';
const ref = JSON.parse(readFileSync('test/reference/mi-gaps.json', 'utf8'));
const planJson = JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8'));
const csv = readFileSync(`${dir}/trial.csv`, 'utf8');
const trial = loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(planJson));
const result = analyzeTrial(trial, { version: 'test' });
const miAt = (time: string) => result.effects.find((e) => e.method === 'mi-ancova' && e.time === time)!;

describe('multiple imputation of missing baselines and categorical covariates (= R mice defaults)', () => {
  for (const time of ['3m', '6m', '12m']) {
    it(`at ${time}: every randomised patient, the pooled numbers within MI noise of mice`, () => {
      const mi = miAt(time);
      expect(mi.n).toEqual(ref.patients);
      expect(mi.details!.imputedBaselines).toBe(ref.imputedBaselines);
      expect(mi.details!.imputedCovariates).toEqual([{ name: 'alder', patients: ref.missingAlder }, { name: 'koen', patients: ref.imputedKoen, imputation: 'logreg' }, { name: 'region', patients: ref.imputedRegion, imputation: 'polyreg' }]);
      expect(mi.details!.leftOutMissingCategoricalCovariate).toBeUndefined();
      // One hta run (plan seed 7) against the mean of mice over 30 seeds: a run differs from that
      // mean by about the SD over seeds (its own noise, as large as mice's); 3.5 SDs allow for it
      // (mi-gaps.R).
      const { mean, sdOverSeeds: sd } = ref.byTime[time];
      for (const k of ['estimate', 'se', 'ciLower', 'ciUpper'] as const) {
        const ours = { estimate: mi.difference, se: mi.se, ciLower: mi.ciLower, ciUpper: mi.ciUpper }[k]!;
        expect(Math.abs(ours - mean[k])).toBeLessThan(3.5 * sd[k]);
      }
    });

    it(`at ${time}: the Monte Carlo error of the estimate and the CI limits = mice's, within its spread over seeds`, () => {
      const mc = miAt(time).details!.monteCarloError as Record<string, number>;
      const { mean, sdOverSeeds: sd } = ref.byTime[time];
      expect(Math.abs(mc.estimate! - mean.mcseEstimate)).toBeLessThan(3.5 * sd.mcseEstimate);
      expect(Math.abs(mc.ciLower! - mean.mcseCiLower)).toBeLessThan(3.5 * sd.mcseCiLower);
      expect(Math.abs(mc.ciUpper! - mean.mcseCiUpper)).toBeLessThan(3.5 * sd.mcseCiUpper);
      // What it estimates is how far the pooled estimate moves from seed to seed: mice's mean MCSE
      // against the SD of its estimate over the seeds, both in mi-gaps.json.
    });
  }

  it('imputes each baseline from the observed ones (PMM), sex as 0/1 and region as one level', () => {
    const wide = imputationWide(trial, 'nrs');
    expect(wide.ids.length).toBe(120);
    const run = imputeOutcome(wide, 3, 1);
    const observed = new Set(wide.baseline.filter((b) => b !== null));
    const regionCols = wide.covariates.filter((c) => c.group === 'region');
    expect(regionCols.map((c) => [c.name, c.method])).toEqual([['regionOe', 'polyreg'], ['regionSyd', 'polyreg']]);
    expect(wide.covariates.find((c) => c.name === 'koenM')!.method).toBe('logreg');
    for (const d of run.completed) {
      wide.baseline.forEach((b, i) => (b === null ? expect(observed.has(d.baseline![i]!)).toBe(true) : expect(d.baseline![i]).toBe(b)));
      expect(d.koenM!.every((v) => v === 0 || v === 1)).toBe(true);
      expect(d.regionOe!.every((v, i) => v + d.regionSyd![i]! <= 1)).toBe(true);
    }
  });

  it('refuses a categorical covariate of one observed level plus missing values, as the complete-case ANCOVA does', () => {
    const oneSex = loadTrial(parseCsvText(csv.replace(/,"M",/g, ',"K",'), 'trial.csv'), parsePlan(planJson));
    expect(oneSex.patients.some((p) => p.covariates.koen === null || p.covariates.koen === undefined)).toBe(true);
    const said = "covariate 'koen' has only one level ('K') among the patients analysed; drop it from the model";
    expect(() => imputationWide(oneSex, 'nrs')).toThrow(said);
    const r = analyzeTrial(oneSex, { version: 'test' });
    const at3 = r.effects.filter((e) => e.time === '3m' && (e.method === 'mi-ancova' || e.method === 'ancova'));
    expect(at3.map((e) => e.method).sort()).toEqual(['ancova', 'mi-ancova']);
    for (const e of at3) expect(e.error).toBe(said);
  });

  it('advises more imputations where the Monte Carlo error passes 10% of the SE (12m: FMI ≈ 0.5)', () => {
    const mi = miAt('12m');
    const mc = mi.details!.monteCarloError as { estimate: number; suggestedImputations: number };
    const share = mc.estimate / mi.se!;
    expect(share).toBeGreaterThan(0.1);
    // White et al.: m ≥ 100 × FMI, and enough to bring the MCSE to 10% of the SE.
    expect(mc.suggestedImputations).toBeGreaterThanOrEqual(100 * (mi.details!.fractionMissingInformation as number));
    expect(mc.suggestedImputations).toBeGreaterThanOrEqual(20 * (share / 0.1) ** 2);
    const warning = result.warnings.find((w) => w.startsWith('multiple imputation of nrs at 12m (primary):'));
    expect(warning).toBe(
      `multiple imputation of nrs at 12m (primary): the pooled estimate's Monte Carlo error is ${Math.round(100 * share)}% of its SE (±${Number(mc.estimate.toPrecision(2))} with m = 20 imputations; another seed can move it by about twice that); White et al. (2011) advise at most 10%: set "m": ${mc.suggestedImputations} or more in the plan's "missing"`,
    );
    const labels = { outcome: () => 'Smerte', time: (t: string) => t, method: (m: string) => m, subgroup: (c: string) => c };
    expect(trialWarningText(warning!, 'da', labels)).toMatch(/^Multipel imputation af Smerte, 12m \(primært effektmål\): Monte Carlo-standardfejlen på det samlede estimat er \d+ % af dets standardfejl \(±0,\d+ med m = 20 imputationer; .* angiv "m": \d+ eller mere i planens "missing"$/);
    // An error of at most 10% of the SE (as with the suggested m): no warning.
    const rows = ['3m', '6m', '12m'].map((t) => ({ ...miAt(t), time: t }));
    const within = rows.map((r) => ({ ...r, details: { ...r.details, monteCarloError: { ...(r.details!.monteCarloError as object), estimate: 0.09 * r.se! } } }));
    expect(monteCarloWarning('nrs', within)).toBeNull();
    expect(monteCarloWarning('nrs', rows, '12m')).toBe(warning);
  });

  it('names every visit whose Monte Carlo error passes 10% of the SE, the primary first and marked', () => {
    const rows = ['3m', '6m', '12m'].map((t) => ({ ...miAt(t), time: t }));
    // 3m and 12m over the limit (12m the plan's primary), 6m within; the sensitivity table repeats 12m.
    const share = { '3m': 0.13, '6m': 0.05, '12m': 0.2 } as Record<string, number>;
    const suggested = { '3m': 40, '6m': 10, '12m': 90 } as Record<string, number>;
    const set = rows.map((r) => ({ ...r, details: { ...r.details, monteCarloError: { ...(r.details!.monteCarloError as object), estimate: share[r.time]! * r.se!, suggestedImputations: suggested[r.time]! } } }));
    const pm = (t: string) => `±${Number((share[t]! * miAt(t).se!).toPrecision(2))}`;
    const w = monteCarloWarning('nrs', [...set, set[2]!], '12m');
    expect(w).toBe(`multiple imputation of nrs at 12m (primary) and 3m: the pooled estimate's Monte Carlo error is 20% and 13% of its SE (${pm('12m')} and ${pm('3m')} with m = 20 imputations; another seed can move each by about twice that); White et al. (2011) advise at most 10%: set "m": 90 or more in the plan's "missing"`);
    const labels = { outcome: () => 'Smerte', time: (t: string) => `${t.slice(0, -1)} mdr.`, method: (m: string) => m, subgroup: (c: string) => c };
    expect(trialWarningText(w!, 'da', labels)).toBe(`Multipel imputation af Smerte, 12 mdr. (primært effektmål) og 3 mdr.: Monte Carlo-standardfejlen på det samlede estimat er 20 % og 13 % af dets standardfejl (${pm('12m').replace('.', ',')} og ${pm('3m').replace('.', ',')} med m = 20 imputationer; en ny imputation med andre tilfældige tal kan flytte hvert estimat omtrent det dobbelte); White m.fl. (2011) anbefaler højst 10 %: angiv "m": 90 eller mere i planens "missing"`);
    // The analysis marks the plan's primary visit (12m here, the only one over the limit).
    expect(result.warnings.find((x) => x.startsWith('multiple imputation of nrs at'))).toMatch(/^multiple imputation of nrs at 12m \(primary\): /);
  });

  it('the methods say how many baselines and covariate values were imputed, and how, and the large Monte Carlo error', () => {
    const en = imputationNotes(result, trialChartContext(trial, 'en'), trial);
    expect(en[0]).toBe(`The multiple imputation also imputes missing baseline scores (${ref.imputedBaselines} patients) with the missing follow-ups (chained equations, predictive mean matching), so that every randomised patient is in it (intention to treat).`);
    expect(en[1]).toContain(`(age (years): ${ref.missingAlder} patients; sex: ${ref.imputedKoen} patients, by logistic regression; region: ${ref.imputedRegion} patients, by multinomial logistic regression)`);
    const mc = miAt('12m').details!.monteCarloError as { suggestedImputations: number };
    expect(en[2]).toMatch(new RegExp(`^With 20 imputations the Monte Carlo error of the multiply imputed estimates reaches \\d+% of their standard error \\(±0\\.\\d+\\): .* about ${mc.suggestedImputations} imputations here\\.$`));
    const da = imputationNotes(result, trialChartContext(trial, 'da'), trial);
    expect(da[0]).toContain(`manglende baselinescorer (${ref.imputedBaselines} patienter)`);
    expect(da[1]).toContain(`køn: ${ref.imputedKoen} patienter, ved logistisk regression; region: ${ref.imputedRegion} patienter, ved multinomial logistisk regression`);
    expect(da[2]).toMatch(/^Med 20 imputationer når Monte Carlo-standardfejlen .* \(±0,\d+\): en ny imputation med andre tilfældige tal kan flytte dem omtrent det dobbelte\. White m\.fl\. \(2011\)/);
  });

  it('the methods name the plan\'s imputation method, and claim every randomised patient only when nobody was left out', () => {
    const withDetails = (extra: Record<string, unknown>) => ({ ...result, effects: result.effects.map((e) => (e.method === 'mi-ancova' ? { ...e, details: { ...e.details, ...extra } } : e)) });
    const norm = imputationNotes(withDetails({ imputationMethod: 'norm (chained equations)' }), trialChartContext(trial, 'en'), trial);
    expect(norm[0]).toContain('(chained equations, Bayesian normal regression), so that every randomised patient is in it');
    expect(norm[1]).toContain('(chained equations, Bayesian normal regression)');
    expect(norm.join(' ')).not.toContain('predictive mean matching');
    expect(imputationNotes(withDetails({ imputationMethod: 'norm (chained equations)' }), trialChartContext(trial, 'da'), trial)[0]).toContain('(kædede ligninger, bayesiansk normal regression)');
    // A patient left out for a covariate of many levels, or an outcome not applicable: not "every randomised patient".
    const left = imputationNotes(withDetails({ leftOutMissingCategoricalCovariate: { patients: 3, covariates: ['praksis'] } }), trialChartContext(trial, 'en'), trial);
    expect(left[0]).toBe(`The multiple imputation also imputes missing baseline scores (${ref.imputedBaselines} patients) with the missing follow-ups (chained equations, predictive mean matching), so that patients missing them stay in it.`);
    const naRows = { ...trial.rows, notApplicable: { nrs: Uint8Array.from({ length: trial.rows.length }, (_, i) => (i === 0 ? 1 : 0)) } };
    const na = imputationNotes(result, trialChartContext(trial, 'da'), { rows: naRows });
    expect(na[0]).toContain('så patienter, der mangler dem, stadig indgår i analysen.');
    expect(na[0]).not.toContain('intention-to-treat');
    // Danish names PMM in Danish (English and the abbreviation in brackets) and ITT as the glossary spells it.
    expect(imputationNotes(result, trialChartContext(trial, 'da'), trial)[0]).toContain('(kædede ligninger, prædiktiv middelværdimatchning (predictive mean matching, PMM)), så alle randomiserede patienter indgår i analysen (intention-to-treat).');
    // A patient left out for a missing many-level covariate: the patients lack the value, not the covariate.
    const leftDa = imputationNotes(withDetails({ leftOutMissingCategoricalCovariate: { patients: 3, covariates: ['praksis'] } }), trialChartContext(trial, 'da'), trial);
    expect(leftDa.join(' ')).toContain('fordi de mangler en værdi af en kategorisk kovariat med mere end');
  });

  it('complete-case ANCOVA still leaves out the patients without a baseline', () => {
    const cc = result.effects.find((e) => e.method === 'ancova' && e.time === '3m')!;
    expect(cc.n.intervention + cc.n.control).toBeLessThan(120 - ref.imputedBaselines);
  });
});
