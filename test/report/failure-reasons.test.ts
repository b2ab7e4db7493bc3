/**
 * A Danish page words every "not analysed" reason in Danish (src/report/failure-reasons.ts):
 * (a) each observational failure kind, triggered through the real analysis functions on tiny
 * synthetic inputs, and shown on a real Danish registry page, has a Danish wording with no English
 * left in it; (b) every `analysis.failed` message written in the sources of the observational
 * analyses, of the transported effects and of the trial's effect rows (ANCOVA, t tests, risk
 * difference, MMRM, multiple imputation, subgroups and their tests for interaction) has a Danish wording, so a new English message fails
 * here instead of slipping onto a Danish page; an unknown one is marked as English, never dropped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import { aipw } from '../../src/observational/aipw.js';
import { computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { propensityScores } from '../../src/observational/propensity-score.js';
import { weightedRegression } from '../../src/observational/weighted-regression.js';
import { loadPlanFile, parsePlan } from '../../src/plan/load-plan.js';
import { danishNumber, danishReason, failureReasonText, notAnalysedText } from '../../src/report/failure-reasons.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { logisticRegression } from '../../src/stats/logistic-regression.js';
import { rake } from '../../src/stats/raking.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { errorOf } from '../support/error-of.js';
import { tempDir } from '../support/run-cli.js';
import { ENGLISH_WORDS as ENGLISH } from '../support/english-words.js';


/** The message of the `analysis.failed` error `f` throws. */
function failure(f: () => unknown): string {
  const err = errorOf(f);
  expect(err.code).toBe('analysis.failed');
  return err.message;
}

function expectDanish(message: string): string {
  const da = danishReason(message);
  expect(da, message).toBeDefined();
  expect(da, message).not.toMatch(ENGLISH);
  return da as string;
}

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown> & { observational: Record<string, unknown> };
const rows = () => completeRegistryRows(120);
const csvOf = registryCsv;
const errorsOf = (csv: string, plan: Record<string, unknown> = basePlan) => computeObservationalAnalyses(loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan(plan))).map((a) => a.error);

describe('observational failures in Danish', () => {
  it('the design and sample checks of analyzeObservational', () => {
    const few = rows();
    const users = new Set(few.rows.filter((r) => r.app === 'Ja').slice(0, 4));
    few.rows = few.rows.filter((r) => r.app === 'Nej' || users.has(r));
    const fewMsg = errorsOf(csvOf(few))[0]!;
    expect(fewMsg).toMatch(/^too few patients: fewer than 5/);
    expect(expectDanish(fewMsg)).toBe('for få patienter: færre end 5 eksponerede eller ikke-eksponerede med komplette data (grænsen for offentliggørelse)');

    const trimMsg = errorsOf(csvOf(rows()), { ...basePlan, observational: { ...basePlan.observational, trim: 0.49 } })[0]!;
    expect(trimMsg).toMatch(/^too few patients left after trimming at 0.49/);
    expect(expectDanish(trimMsg)).toMatch(/^for få patienter tilbage efter trimning ved 0,49: /);

    const lone = rows();
    // Pain at 3 months is missing for them, so the pain analysis is done: a report whose analyses
    // all fail writes no page (registry-report-failed.test.ts).
    for (const r of lone.rows.filter((x) => x.app === 'Ja').slice(0, 6)) Object.assign(r, { referrer: 'Z', pain_3m: '' });
    const overlapMsg = errorsOf(csvOf(lone))[0]!;
    expect(overlapMsg).toMatch(/^no overlap: confounder "referrer" has level "Z" only among the exposed/);
    expect(expectDanish(overlapMsg)).toMatch(/^intet overlap: den forstyrrende faktor "referrer" har niveauet "Z" kun blandt de eksponerede, så /);

    const flat = rows();
    // Every follow-up value 0: the fits are exact zeros, so the SE is 0 (a constant non-zero value leaves rounding noise).
    for (const r of flat.rows) r.rmdq_3m = '0';
    const seMsg = errorsOf(csvOf(flat)).find((e) => e !== undefined)!;
    expect(seMsg).toMatch(/estimate has no standard error/);
    expectDanish(seMsg);
  });

  it('the propensity, outcome and AIPW models', () => {
    const messages = [
      failure(() => propensityScores([[1, 0], [1, 1]], [0, 1], ['(Intercept)', 'x'])),
      failure(() => propensityScores([1, 2, 3, 4, 5, 6].map((x) => [1, x % 2, x % 2]), [0, 1, 0, 1, 1, 0], ['(Intercept)', 'a', 'b'])),
      failure(() => propensityScores([1, 2, 3, 4, 5, 6].map((x) => [1, x]), [0, 0, 0, 1, 1, 1], ['(Intercept)', 'x'])),
      failure(() => weightedRegression([[1, 0], [1, 1]], [1, 2], [1, 1], ['(Intercept)', 'x'])),
      failure(() => weightedRegression([1, 2, 3, 4].map((x) => [1, x, 2 * x]), [1, 3, 2, 4], [1, 1, 1, 1], ['(Intercept)', 'a', 'b'])),
      failure(() => aipw([1, 2, 3, 4].map((x) => [1, x]), [1, 2, 3, 4], [1, 1, 1, 0], [0.5, 0.5, 0.5, 0.5], ['(Intercept)', 'x'], 'ATE')),
      failure(() => aipw([1, 2, 3, 4].map((x) => [1, x]), [1, 2, 3, 4], [0, 0, 0, 1], [0.5, 0.5, 0.5, 0.5], ['(Intercept)', 'x'], 'ATE')),
    ];
    expect(messages.map((m) => m.split(/[:(]/)[0])).toEqual([
      '2 patients are too few for a propensity model with 2 coefficients',
      'the propensity model is singular',
      'the propensity model cannot be fitted',
      '2 patients are too few for an outcome model with 2 coefficients',
      'the outcome model is singular',
      'AIPW needs more unexposed patients ',
      'AIPW needs more exposed patients ',
    ]);
    for (const m of messages) expectDanish(m);
  });

  it('the transported effects: raking and the trial-membership model', () => {
    expectDanish(failure(() => rake(2, [{ name: 'sex', levels: ['K', 'M'], shares: [0.5, 0.5], group: [0, 0] }])));
    expectDanish(failure(() => rake(2, [{ name: 'sex', levels: ['K', 'M'], shares: [0.25, 0.5], group: [0, 1] }])));
    expectDanish(failure(() => logisticRegression([1, 2, 3, 4, 5, 6].map((x) => [1, x]), [0, 0, 0, 1, 1, 1], ['(Intercept)', 'x'])));
    // Joined inverse-odds problems, each with its own "; ", behind the "target sample: " of every row.
    const joined = "target sample: the target sample has region = 'Nord' (3 rows) but no trial patient has it, so the trial cannot be weighted to it; 1586 trial patients have region = 'Syd', which no target patient has (their weight would be 0); leave region out of the model or restrict the trial";
    expect(expectDanish(joined)).toBe("stikprøven fra målgruppen: stikprøven fra målgruppen har region = 'Nord' (3 rækker), men ingen forsøgspatient har det, så forsøget kan ikke vægtes til den; 1.586 forsøgspatienter har region = 'Syd', som ingen patient i målgruppen har (deres vægt ville være 0); udelad region af modellen, eller afgræns forsøget");
  });

  it('a Danish registry page shows the reason in Danish, the English page as the analysis worded it', async () => {
    const lone = rows();
    // Pain at 3 months is missing for them, so the pain analysis is done: a report whose analyses
    // all fail writes no page (registry-report-failed.test.ts).
    for (const r of lone.rows.filter((x) => x.app === 'Ja').slice(0, 6)) Object.assign(r, { referrer: 'Z', pain_3m: '' });
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), csvOf(lone));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(basePlan));
    const notes: Record<string, string[]> = {};
    for (const lang of ['en', 'da'] as const) {
      const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
      const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
      notes[lang] = content.page.sections.find((s) => s.id === 'warnings')?.notes ?? [];
    }
    expect(notes.en![0]).toMatch(/: not analysed: no overlap: confounder "referrer" has level "Z" only among the exposed/);
    expect(notes.da!.length).toBe(notes.en!.length);
    // The other notes are the analysed ones' warnings (here: overlap and weights not shown, rule 9
    // of docs/observational.md "Small counts": 120 patients leave a pain baseline value with few).
    const failures = notes.da!.filter((n) => n.includes(': ikke analyseret'));
    expect(failures.length).toBe(notes.en!.filter((n) => n.includes(': not analysed')).length);
    expect(failures.length).toBeGreaterThan(0);
    for (const n of failures) {
      expect(n).toMatch(/: ikke analyseret: intet overlap: den forstyrrende faktor "referrer"/);
      expect(n.slice(n.indexOf(': ikke analyseret'))).not.toMatch(ENGLISH);
    }
  });
});

describe('transported-effect failures on a trial page', () => {
  it('the target-population notes: Danish on the Danish page, an unknown reason marked as English, English as the analysis worded it', () => {
    const trial = loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), loadPlanFile('test/fixtures/subgroups/plan.json'));
    const result = analyzeTrial(trial, { version: 'test', targetSample: readTargetSample('test/fixtures/subgroups/target-sample.csv', trial.plan)! });
    const rows = result.targetPopulation!.transported!;
    expect(rows.length).toBeGreaterThan(1);
    const known = "target sample: 12 trial patients have region = 'Syd', which no target patient has (their weight would be 0); leave region out of the model or restrict the trial";
    const unknown = 'a reason nobody translated';
    // The bundled fixture transports every row; two rows are made to fail as a bad input would.
    const failed = { ...result, targetPopulation: { ...result.targetPopulation!, transported: rows.map((r, i) => (i < 2 ? { ...r, weights: null, effect: { ...r.effect, error: i === 0 ? known : unknown } } : r)) } };
    const notes = (lang: 'en' | 'da') => subgroupReport(failed, trial.plan, trialChartContext(trial, lang), () => 10).sections.find((s) => s.id === 'target-population')!.notes ?? [];
    const en = notes('en');
    expect(en.some((n) => n.endsWith(`: ${known}`))).toBe(true);
    expect(en.some((n) => n.endsWith(`: ${unknown}`))).toBe(true);
    const da = notes('da');
    expect(da.some((n) => n.endsWith(": stikprøven fra målgruppen: 12 forsøgspatienter har region = 'Syd', som ingen patient i målgruppen har (deres vægt ville være 0); udelad region af modellen, eller afgræns forsøget"))).toBe(true);
    expect(da.some((n) => n.endsWith(`: ikke analyseret (på engelsk: ${unknown})`))).toBe(true);
    expect(da.join('\n')).not.toContain(known);
  });
});

/**
 * The messages (template text, each `${…}` as "X") passed to analysisFailed(…) / HtaError('analysis.failed', …) in a source file;
 * the code may start on the next line, and literals joined by `+` are one message.
 */
function thrownMessages(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  const out: string[] = [];
  const opener = /(?:analysisFailed\(|new HtaError\(\s*'analysis\.failed',)\s*/g;
  for (let m = opener.exec(src); m; m = opener.exec(src)) {
    let i = opener.lastIndex;
    let text = '';
    for (;;) {
      const quote = src[i];
      if (quote !== '`' && quote !== "'" && quote !== '"') break; // a variable (e.g. problems.join): its parts are thrown elsewhere
      for (i++; src[i] !== quote; i++) {
        if (src[i] === '\\') text += src[++i];
        else if (quote === '`' && src.startsWith('${', i)) {
          let depth = 1;
          for (i += 2; depth > 0; i++) depth += src[i] === '{' ? 1 : src[i] === '}' ? -1 : 0;
          i--;
          text += 'X';
        } else text += src[i];
      }
      const joined = /^\s*\+\s*/.exec(src.slice(i + 1));
      if (!joined) break;
      i += 1 + joined[0].length;
    }
    if (text) out.push(text);
  }
  return out;
}

describe('every analysis.failed message has a Danish wording', () => {
  // The sources whose messages reach a page as an observational or transported row's `error`.
  const files = [
    'src/observational/analyze-observational.ts',
    'src/observational/aipw.ts',
    'src/observational/propensity-score.ts',
    'src/observational/weighted-regression.ts',
    'src/observational/observational-design.ts',
    'src/analysis/transported-effect.ts',
    'src/analysis/inverse-odds-transport.ts',
    'src/stats/raking.ts',
    'src/stats/logistic-regression.ts',
    'src/stats/raked-ancova.ts',
    'src/stats/design-based-wls.ts',
    'src/stats/ols.ts',
    // The trial's effect rows (src/analysis/judged-row.ts): main, sensitivity and subgroup rows.
    'src/analysis/continuous-effect.ts',
    'src/analysis/analyze-trial.ts',
    'src/analysis/subgroup-effects.ts',
    'src/stats/ancova.ts',
    'src/analysis/cluster-effects.ts',
    'src/stats/cluster-robust.ts',
    'src/stats/arm-size.ts',
    'src/stats/welch-difference.ts',
    'src/stats/pooled-t-difference.ts',
    'src/stats/change-difference.ts',
    'src/stats/bootstrap.ts',
    'src/stats/bootstrap-intervals.ts',
    'src/stats/proportion-difference.ts',
    'src/stats/wilson-interval.ts',
    'src/stats/missing/chained-equations.ts',
    'src/stats/missing/mi-ancova.ts',
    'src/stats/missing/rubin-rules.ts',
    'src/stats/missing/mmrm.ts',
    'src/stats/missing/tipping-point.ts',
    // Multiple imputation's auxiliary variables and imputation by arm.
    'src/trial/outcome-wide.ts',
    'src/analysis/missing-data-effects.ts',
    // The tests for interaction, whose reason the Danish credibility statement of a subgroup carries.
    'src/stats/ancova-interaction.ts',
    'src/stats/nested-f-test.ts',
    'src/stats/risk-difference-heterogeneity.ts',
  ];
  /** Each placeholder as a number (patterns take any text where a name stands), the ternaries' and variables' words as they come. */
  const sample = (t: string) =>
    t
      .replace(/\bX\b/g, '3')
      .replace(/the 3 estimate/, 'the aipw estimate')
      .replace(/the 3 arm/, 'the control arm')
      .replace(/^multiple imputation by arm: 3 has 3 observed 3 in/, "multiple imputation by arm: auxiliary variable 'z' has 1 observed value in")
      .replace(/more 3 patients/, 'more exposed patients')
      .replace(/level 3, so/, 'level "Z" only among the exposed, and "W" only among the unexposed, so')
      .replace(/^target sample: 3$/, 'target sample: the membership model did not converge in 100 iterations (the trial and the target sample may be separated by the model columns)')
      .replace(/^fewer than 3 3 in/, 'fewer than 3 patients in')
      .replace(/^3 value of patient/, 'follow-up value of patient')
      .replace(/^3 has the same value/, 'the baseline score has the same value')
      .replace(/^3 arm: 3$/, 'intervention arm: the number of patients must be a whole number of at least 1, got 0')
      .replace(/^3 must be a whole number between/, 'the number of patients with the event must be a whole number between')
      .replace(/iterations: 3\. /, 'iterations: the iteration limit (200) was reached. ')
      .replace(/^3 3 3 patients in one arm only/, "levels 'a' (intervention 3, control 0) and 'b' (intervention 0, control 2) have patients in one arm only");
  for (const file of files) {
    it(file, () => {
      const messages = thrownMessages(file);
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) {
        const s = sample(m);
        expect(danishReason(s), `no Danish wording for: ${s}`).toBeDefined();
        expect(danishReason(s), s).not.toMatch(ENGLISH);
      }
    });
  }

  it('an unknown reason: a Danish lead and the English marked as English; English pages unchanged', () => {
    const msg = 'a brand-new reason nobody translated';
    expect(danishReason(msg)).toBeUndefined();
    expect(notAnalysedText(msg, 'da', { en: 'not analysed', da: 'ikke analyseret' })).toBe('ikke analyseret (på engelsk: a brand-new reason nobody translated)');
    expect(failureReasonText(msg, 'da')).toBe('ikke analyseret (på engelsk: a brand-new reason nobody translated)');
    expect(notAnalysedText(msg, 'en', { en: 'not analysed', da: 'ikke analyseret' })).toBe('not analysed: a brand-new reason nobody translated');
    expect(failureReasonText(msg, 'en')).toBe(msg);
    // A known reason joined with an unknown one is not half translated.
    expect(danishReason(`the design matrix rows differ in length; ${msg}`)).toBeUndefined();
  });

  it('multiple imputation\'s auxiliary variables and imputation by arm, in Danish', () => {
    expect(danishReason(`auxiliary variable 'time' has only one level among the patients imputed; drop it from "missing": { "auxiliary" }`)).toBe(
      `hjælpevariablen 'time' har kun ét niveau blandt de imputerede patienter; fjern den fra "missing": { "auxiliary" }`,
    );
    expect(danishReason("auxiliary variable 'id' has 200 levels; a categorical auxiliary variable may have at most 10 (it is imputed by multinomial regression when missing)")).toBe(
      "hjælpevariablen 'id' har 200 niveauer; højst 10 er tilladt for en kategorisk hjælpevariabel (manglende værdier imputeres ved multinomial regression)",
    );
    expect(danishReason("multiple imputation by arm: auxiliary variable 'zaux' has 1 observed value in the control arm; at least 2 are needed")).toBe(
      "multipel imputation pr. gruppe: hjælpevariablen 'zaux' har 1 observeret værdi i kontrolgruppen; der kræves mindst 2",
    );
    expect(danishReason("multiple imputation by arm: column 'y_12m' has 0 observed values in the intervention arm; at least 2 are needed")).toBe(
      "multipel imputation pr. gruppe: kolonnen 'y_12m' har 0 observerede værdier i interventionsgruppen; der kræves mindst 2",
    );
    expect(danishReason("multiple imputation by arm: covariate 'sex' has 1 observed value in the control arm; at least 2 are needed")).toBe(
      "multipel imputation pr. gruppe: kovariaten 'sex' har 1 observeret værdi i kontrolgruppen; der kræves mindst 2",
    );
    const unfit = 'the logistic imputation model could not be fitted: it is singular even with a ridge (look for extreme values among the other columns of the imputation model)';
    const unfitDa = 'den logistiske imputationsmodel kunne ikke estimeres: den er singulær, også med en ridge (se efter ekstreme værdier i imputationsmodellens øvrige kolonner)';
    expect(danishReason(`multiple imputation by arm: covariate 'sex' could not be imputed in the control arm: ${unfit}`)).toBe(
      `multipel imputation pr. gruppe: kovariaten 'sex' kunne ikke imputeres i kontrolgruppen: ${unfitDa}`,
    );
    expect(danishReason(`multiple imputation: auxiliary variable 'arbejde' could not be imputed: ${unfit}`)).toBe(`multipel imputation: hjælpevariablen 'arbejde' kunne ikke imputeres: ${unfitDa}`);
    expect(danishReason(`Column sexM could not be imputed: ${unfit}.`)).toBe(`Kolonnen sexM kunne ikke imputeres: ${unfitDa}.`);
  });

  it('numbers in Danish format', () => {
    expect(['0.05', '1586', '-2', '12', '1234567.5', 'NaN'].map(danishNumber)).toEqual(['0,05', '1.586', '−2', '12', '1.234.567,5', 'NaN']);
  });
});

describe('visit keys in Danish reasons', () => {
  // "3m" reads as three metres on a Danish page: the reasons name the visit as the tables do.
  it('names the plan visit in words, and leaves a key it does not know as written', () => {
    expect(danishReason('no patient was observed at 3m')).toBe('ingen patient blev observeret ved 3 måneder');
    expect(danishReason("no patient in level 'GP' has the values this analysis needs at 6w")).toBe("ingen patient på niveauet 'GP' har de værdier, analysen kræver ved 6 uger");
    expect(danishReason('MMRM needs at least 2 follow-up visits; the plan has 1 (9m), so this row is skipped')).toBe('MMRM kræver mindst 2 opfølgningstidspunkter; planen har 1 (9 måneder), så denne række udelades');
    expect(danishReason('MMRM needs at least 2 follow-up visits; outcome odi is measured at 1 (6m), so this row is skipped')).toBe('MMRM kræver mindst 2 opfølgningstidspunkter; effektmålet odi måles ved 1 (6 måneder), så denne række udelades');
    expect(danishReason('no patient was observed at T2')).toBe('ingen patient blev observeret ved T2');
  });
});
