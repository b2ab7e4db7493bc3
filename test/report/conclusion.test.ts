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

  it('is 60–90 words in three sentences', () => {
    expect(words(text)).toBeGreaterThanOrEqual(60);
    expect(words(text)).toBeLessThanOrEqual(90);
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

  it('counts the other critical results that agree, and names them', () => {
    expect(text).toContain(w(
      `2 of the 5 other critical results agree (disability at 9 months and quality of life at 3 months); the other 3: ${nrd}.`,
      `2 af de 5 øvrige kritiske resultater har samme vurdering (fysisk funktionsniveau efter 9 måneder og helbredsrelateret livskvalitet efter 3 måneder); de andre 3: ${nrd}.`,
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
  it('names the other results\' certainty when it is not the primary\'s', () => {
    const { text } = conclusion('en', result, (rows) => {
      for (const r of rows.filter((x) => x.outcome === 'eq5d')) r.certainty = { ...r.certainty, level: 'low' };
    });
    expect(text).toContain('(moderate certainty of evidence).');
    expect(text).toContain('the other 3: no clinically relevant difference (moderate to low certainty of evidence).');
  });

  it('counts each other verdict when none agrees', () => {
    const { text } = conclusion('en', result, (rows) => {
      for (const r of rows.filter((x) => x.outcome === 'rmdq' && x.time === '9m')) r.row = { ...r.row, relevance: 'inconclusive' };
      for (const r of rows.filter((x) => x.outcome === 'eq5d')) r.row = { ...r.row, relevance: 'no-relevant-difference' };
    });
    expect(text).toContain(`None of the 5 other critical results agrees: ${VERDICT_TEXT.inconclusive.en.toLowerCase()} (1), no clinically relevant difference (4).`);
  });

  it('without a target population: two sentences', () => {
    const { text } = conclusion('en', { ...result, targetPopulation: undefined } as AnalysisResult);
    expect(text).not.toMatch(/target population/);
    expect(text.split(/(?<=\.) (?=[A-Z\d])/)).toHaveLength(2);
  });
});
