// The summary of findings' heading row of a yes/no outcome says which direction is better, as a
// score's does, in the words of its rows ("210 fewer per 1,000"): "yes" may be the good answer
// (back at work) or the bad one (docs/report-trial.md "Summary of findings").
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { loadTrial } from '../../src/trial/load-trial.js';

/** 20 patients per arm: a pain score and "back at work" (1 = yes) at baseline and 3 months. */
function exportText(): string {
  const lines = ['id,arm,time,pain,work'];
  for (let p = 1; p <= 40; p++) {
    const arm = p % 2 ? 'app' : 'usual';
    lines.push(`P${p},${arm},baseline,${4 + (p % 5)},0`);
    lines.push(`P${p},${arm},3m,${(p * 3) % 9},${(arm === 'app' ? p % 3 !== 0 : p % 3 === 0) ? 1 : 0}`);
  }
  return lines.join('\n') + '\n';
}

function headings(direction: 'higher-is-better' | 'lower-is-better', lang: 'en' | 'da'): string[] {
  const plan = parsePlan({
    arms: { intervention: 'app', control: 'usual' },
    timepoints: ['3m'],
    primary: { outcome: 'pain', time: '3m' },
    outcomes: [
      { key: 'pain', instrument: 'nrs', mcid: 2, label: { en: 'Pain', da: 'Smerte' } },
      { key: 'work', instrument: 'binary', direction, mcid: 0.1, label: { en: 'Back at work', da: 'I arbejde' } },
    ],
  });
  const trial = loadTrial(parseCsvText(exportText(), 'trial.csv'), plan);
  const quick = { ...trial, plan: { ...trial.plan, missing: { ...trial.plan.missing, sensitivity: false } } };
  const result = analyzeTrial(quick, { version: 'test' });
  const { table } = summaryOfFindings(summaryOfFindingsRows(result, trial.plan, 'ancova', lang), trialChartContext(trial, lang));
  return table.rows.filter((c) => c.slice(1).every((x) => x === '')).map((c) => c[0]!);
}

describe('the summary of findings heading of a yes/no outcome', () => {
  it('says "more is better" when "yes" is good and "fewer is better" when it is bad, beside the score\'s "lower is better"', () => {
    const good = headings('higher-is-better', 'en');
    expect(good.find((h) => h.startsWith('Pain'))).toMatch(/^Pain \(critical; lower is better; /);
    expect(good.find((h) => h.startsWith('Back at work'))).toMatch(/^Back at work \([a-z]+; more is better; MCID /);
    expect(headings('lower-is-better', 'en').find((h) => h.startsWith('Back at work'))).toMatch(/^Back at work \([a-z]+; fewer is better; MCID /);
  });
  it('in Danish: "flere er bedre", "færre er bedre"', () => {
    expect(headings('higher-is-better', 'da').find((h) => h.startsWith('I arbejde'))).toMatch(/^I arbejde \([a-z]+; flere er bedre; MKRF /);
    expect(headings('lower-is-better', 'da').find((h) => h.startsWith('I arbejde'))).toMatch(/^I arbejde \([a-z]+; færre er bedre; MKRF /);
  });

  it('a responder definition\'s heading says "more is better" (more responders is always better), en and da', () => {
    const responderHeading = (lang: 'en' | 'da') => {
      const plan = parsePlan({
        arms: { intervention: 'app', control: 'usual' },
        timepoints: ['3m'],
        primary: { outcome: 'pain', time: '3m' },
        outcomes: [{ key: 'pain', instrument: 'nrs', mcid: 2, label: { en: 'Pain', da: 'Smerte' } }],
        responders: [{ key: 'pain30', outcome: 'pain', percent: 30 }],
      });
      const trial = loadTrial(parseCsvText(exportText(), 'trial.csv'), plan);
      const quick = { ...trial, plan: { ...trial.plan, missing: { ...trial.plan.missing, sensitivity: false } } };
      const { table } = summaryOfFindings(summaryOfFindingsRows(analyzeTrial(quick, { version: 'test' }), trial.plan, 'ancova', lang), trialChartContext(trial, lang));
      return table.rows.filter((c) => c.slice(1).every((x) => x === '')).map((c) => c[0]!).find((h) => h.includes('30'))!;
    };
    expect(responderHeading('en')).toMatch(/\([a-z]+; more is better; /);
    expect(responderHeading('da')).toMatch(/\([a-zæøå]+; flere er bedre; /);
  });
});

