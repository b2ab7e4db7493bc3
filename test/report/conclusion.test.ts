/**
 * Issue #15 point 4: the conclusion (src/report/conclusion.ts) is a short paragraph (60–90 words, a
 * committee reviewer's measure) generated from the verdicts and the certainty: the primary
 * outcome's difference with its CI against the MCID and its verdict, how many of the other
 * critical results agree, the certainty, and the target population in one sentence — English and
 * Danish; the details stay in the summary of findings. The bundled selfBACK results are read from
 * reports/selfback/results.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { conclusionParagraphs } from '../../src/report/conclusion.js';
import { participantFlowSpec } from '../../src/report/charts/participant-flow.js';
import { VERDICT_TEXT } from '../../src/report/i18n.js';
import { sofEffectText, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const trial = loadTrial(readCsvFile('data/synthetic/selfback-trial.csv'), loadPlanFile('data/plans/selfback.plan.json'));
const result = JSON.parse(readFileSync('reports/selfback/results.json', 'utf8')) as AnalysisResult;

function conclusion(lang: 'en' | 'da', r: AnalysisResult = result, edit?: (rows: ReturnType<typeof summaryOfFindingsRows>) => void) {
  const ctx = trialChartContext(trial, lang);
  const rows = summaryOfFindingsRows(r, trial.plan, ctx.primaryMethod, lang);
  edit?.(rows);
  const paragraphs = conclusionParagraphs(rows, ctx, r);
  expect(paragraphs).toHaveLength(1);
  return { text: paragraphs[0]!, rows, ctx };
}

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;

describe.each(['en', 'da'] as const)('the conclusion (%s)', (lang) => {
  const { text, rows, ctx } = conclusion(lang);
  const w = (en: string, da: string) => (lang === 'da' ? da : en);
  const snr = VERDICT_TEXT['significant-not-relevant'][lang].toLowerCase();
  const nrd = VERDICT_TEXT['no-relevant-difference'][lang].toLowerCase();

  it('is 60–105 words in three sentences (every result that differs is named)', () => {
    expect(words(text)).toBeGreaterThanOrEqual(60);
    expect(words(text)).toBeLessThanOrEqual(105);
    expect(text.split(/(?<=\.) (?=[A-ZÆØÅ\d])/)).toHaveLength(3);
  });

  it('opens with the primary outcome: its difference and CI against the MCID, the verdict and the certainty', () => {
    const primary = rows.find((r) => r.outcome === 'rmdq' && r.time === '3m')!;
    const [md, ci] = sofEffectText(primary.row, ctx).split(' (');
    expect(text.startsWith(w(
      `Disability at 3 months (primary outcome), app compared with usual care: ${md} (95% CI ${ci} against an MCID of 5 points – ${snr} (moderate certainty of evidence).`,
      `Fysisk funktionsniveau efter 3 måneder (primært effektmål), app sammenlignet med vanlig behandling: ${md} (95 %-KI ${ci} mod en MKRF på 5 point – ${snr} (moderat evidenskvalitet).`,
    ))).toBe(true);
  });

  it('counts the other critical results that agree, names them, and names every one that differs with its verdict', () => {
    expect(text).toContain(w(
      `2 of the 5 other critical results agree (disability at 9 months and quality of life at 3 months); the other 3: ${nrd} for average pain at 3 and 9 months and quality of life at 9 months.`,
      `To af de fem øvrige resultater for kritiske effektmål har samme vurdering (fysisk funktionsniveau efter 9 måneder og helbredsrelateret livskvalitet efter 3 måneder); de øvrige tre: ${nrd} for smerteintensitet (gennemsnitlig) efter 3 og 9 måneder og helbredsrelateret livskvalitet efter 9 måneder.`,
    ));
  });

  it('says the target population in one sentence, and leaves the details to the tables', () => {
    expect(text).toMatch(w(
      `In the target population (general-practice patients aged 15 or older with symptoms for more than 4 weeks; n = 48): ${nrd}.`,
      `I målgruppen (patienter i almen praksis på 15 år eller derover med symptomer i mere end 4 uger; n = 48): ${nrd}.`,
    ));
    // Important outcomes, yes/no sizes, the sensitivity analyses: in the sections below.
    expect(text).not.toMatch(/pain self-efficacy|handlekompetence|per 1,000|pr\. 1\.000|MMRM|imputation|tipping|vippepunkt/i);
  });
});

describe('the conclusion where certainty or verdicts differ, or parts are missing', () => {
  // Two brackets in a row ("… (not statistically significant) (moderate certainty of evidence)") is not how a committee writes: one bracket.
  const twoBrackets = /\)\s*\(/;
  it.each(['en', 'da'] as const)('(%s) a verdict with its own bracket takes the certainty into it, never "(…) (…)"', (lang) => {
    const { text } = conclusion(lang, result, (rows) => {
      for (const r of rows.filter((x) => x.outcome === 'rmdq' && x.time === '3m')) r.row = { ...r.row, relevance: 'possibly-relevant-benefit', significant: false };
      // The others agree, with another certainty: their sentence's bracket of names takes it too.
      for (const r of rows.filter((x) => x.importance === 'critical' && !(x.outcome === 'rmdq' && x.time === '3m'))) {
        r.row = { ...r.row, relevance: 'possibly-relevant-benefit', significant: false };
        r.certainty = { ...r.certainty, level: 'low' };
      }
    });
    expect(text).not.toMatch(twoBrackets);
    expect(text).toContain(lang === 'en' ? '– possibly clinically relevant benefit (not statistically significant; moderate certainty of evidence).' : '– muligvis klinisk relevant gavn (ikke statistisk signifikant; moderat evidenskvalitet).');
    expect(text).toMatch(lang === 'en' ? /All 5 other critical results agree \([^()]*; low certainty of evidence\)\./ : /Alle fem øvrige resultater for kritiske effektmål har samme vurdering \(.*; lav evidenskvalitet\)\./);
  });

  it('names the other results\' certainty when it is not the primary\'s', () => {
    const { text } = conclusion('en', result, (rows) => {
      for (const r of rows.filter((x) => x.outcome === 'eq5d')) r.certainty = { ...r.certainty, level: 'low' };
    });
    expect(text).toContain('(moderate certainty of evidence).');
    expect(text).toContain('the other 3: no clinically relevant difference for average pain at 3 and 9 months and quality of life at 9 months (moderate to low certainty of evidence).');
  });

  it('names each other result under its verdict when none agrees, harms first', () => {
    const { text } = conclusion('en', result, (rows) => {
      for (const r of rows.filter((x) => x.outcome === 'rmdq' && x.time === '9m')) r.row = { ...r.row, relevance: 'inconclusive' };
      for (const r of rows.filter((x) => x.outcome === 'eq5d')) r.row = { ...r.row, relevance: 'no-relevant-difference' };
      for (const r of rows.filter((x) => x.outcome === 'eq5d' && x.time === '9m')) r.row = { ...r.row, relevance: 'possibly-relevant-harm' };
    });
    expect(text).toContain(
      'None of the 5 other critical results agrees: possibly clinically relevant harm (not statistically significant) for quality of life at 9 months; inconclusive for disability at 9 months; no clinically relevant difference for average pain at 3 and 9 months and quality of life at 3 months.',
    );
  });

  // Keeps the primary (disability at 3 months) and the given other rows.
  const keep = (others: string[]) => (rows: ReturnType<typeof summaryOfFindingsRows>) => {
    const kept = rows.filter((r) => (r.outcome === 'rmdq' && r.time === '3m') || others.includes(`${r.outcome} ${r.time}`) || r.importance !== 'critical');
    rows.splice(0, rows.length, ...kept);
  };

  it.each(['en', 'da'] as const)('one other critical result: in the singular, named (%s)', (lang) => {
    const agrees = conclusion(lang, result, keep(['rmdq 9m'])).text;
    expect(agrees).toContain(lang === 'en' ? 'The other critical result, disability at 9 months, agrees.' : 'Det øvrige resultat for kritiske effektmål, fysisk funktionsniveau efter 9 måneder, har samme vurdering.');
    const differs = conclusion(lang, result, keep(['pain_avg 3m'])).text;
    expect(differs).toContain(
      lang === 'en'
        ? `The other critical result, average pain at 3 months, does not agree: ${VERDICT_TEXT['no-relevant-difference'].en.toLowerCase()}.`
        : `Det øvrige resultat for kritiske effektmål, smerteintensitet (gennemsnitlig) efter 3 måneder, har ikke samme vurdering: ${VERDICT_TEXT['no-relevant-difference'].da.toLowerCase()}.`,
    );
    expect(`${agrees} ${differs}`).not.toMatch(/\b(All|Alle|None of the|Ingen af de) 1\b/);
  });

  it('two other results that both agree: "Both", and one that agrees of several: "1 of the … agrees"', () => {
    expect(conclusion('en', result, keep(['rmdq 9m', 'eq5d 3m'])).text).toContain('Both other critical results agree (disability at 9 months and quality of life at 3 months).');
    expect(conclusion('en', result, keep(['rmdq 9m', 'pain_avg 3m', 'pain_avg 9m'])).text).toContain('1 of the 3 other critical results agrees (disability at 9 months); the other 2: ');
    expect(conclusion('da', result, keep(['rmdq 9m', 'pain_avg 3m'])).text).toContain('Ét af de to øvrige resultater for kritiske effektmål har samme vurdering (fysisk funktionsniveau efter 9 måneder); det resterende: ');
  });


  it.each(['en', 'da'] as const)('without the plan\'s primary: the first critical outcome at the first follow-up the plan lists, even when it lists a later visit first (%s)', (lang) => {
    // Review: a hand-written plan may list the long-term visit first on purpose ("12m" before "3m");
    // the conclusion follows the plan's order, as docs/plan-trial.md "Visit order" and the summary of findings do.
    const noPrimary = { ...trial, plan: { ...trial.plan, primary: undefined } };
    const ctx = trialChartContext(noPrimary, lang);
    const rows = summaryOfFindingsRows(result, noPrimary.plan, ctx.primaryMethod, lang).reverse();
    const first = rows.find((r) => r.importance === 'critical')!;
    expect(first.time).not.toBe('3m');
    const text = conclusionParagraphs(rows, ctx, result)[0]!;
    expect(text).not.toMatch(lang === 'en' ? / at 3 months \(the first critical outcome; / : / efter 3 måneder \(det første kritiske effektmål; /);
    expect(text).toMatch(lang === 'en' ? /\(the first critical outcome; the plan names no primary\), / : /\(det første kritiske effektmål; planen angiver intet primært\), /);
  });

  it.each(['en', 'da'] as const)('without the plan\'s primary: the first critical outcome, never called primary (%s)', (lang) => {
    const noPrimary = { ...trial, plan: { ...trial.plan, primary: undefined } };
    const ctx = trialChartContext(noPrimary, lang);
    const rows = summaryOfFindingsRows(result, noPrimary.plan, ctx.primaryMethod, lang);
    const text = conclusionParagraphs(rows, ctx, result)[0]!;
    expect(text).not.toMatch(/primary outcome|primært effektmål/);
    expect(text).toMatch(lang === 'en' ? /^Disability at 3 months \(the first critical outcome; the plan names no primary\), / : /^Fysisk funktionsniveau efter 3 måneder \(det første kritiske effektmål; planen angiver intet primært\), /);
    const spec = participantFlowSpec(result, ctx) as unknown as { title: { subtitle: string[] } };
    // Wrapped to the diagram's width like the lines under it (the longer sentence ran past it).
    const counts = spec.title.subtitle.join(' ');
    expect(counts).toContain(lang === 'en' ? 'Counts for Disability (RMDQ 0–24); the plan names no primary outcome.' : 'Antal for Fysisk funktionsniveau (RMDQ 0–24); planen angiver intet primært effektmål.');
    expect(spec.title.subtitle[0]).toMatch(/^(Counts for|Antal for) /);
    const withPrimary = participantFlowSpec(result, trialChartContext(trial, lang)) as unknown as { title: { subtitle: string[] } };
    expect(withPrimary.title.subtitle[0]).toMatch(lang === 'en' ? /^Counts for the primary outcome: / : /^Antal for det primære effektmål: /);
  });

  it('a target population too small to analyse: says how many randomised patients meet its criteria, never "0 randomised"', () => {
    const small = { ...result, targetPopulation: { ...result.targetPopulation!, analysed: false, reason: 'too small', effects: [], patients: { intervention: 3, control: 0 } } } as AnalysisResult;
    expect(conclusion('en', small).text).toMatch(/\(general-practice patients aged 15 or older with symptoms for more than 4 weeks\) has too few patients to analyse: 3 of the randomised patients meet its criteria\.$/);
    expect(conclusion('da', small).text).toMatch(/har for få patienter til at blive analyseret: 3 af de randomiserede patienter opfylder dens kriterier\.$/);
    for (const lang of ['en', 'da'] as const) expect(conclusion(lang, small).text).not.toMatch(/\d+ randomi/);
  });

  it('without a target population: two sentences', () => {
    const { text } = conclusion('en', { ...result, targetPopulation: undefined } as AnalysisResult);
    expect(text).not.toMatch(/target population/);
    expect(text.split(/(?<=\.) (?=[A-Z\d])/)).toHaveLength(2);
  });
});
