/**
 * A "possibly clinically relevant" verdict whose CI reaches the MCID on the other side: benefit
 * 1.19 (−1.31 to 3.68) against an MCID of 1 was worded "Possibly clinically relevant benefit, not
 * statistically significant", though a harm of 1.31 > MCID is inside the CI. The verdict stays
 * (src/judge/relevance.ts rule 3); every place that words it adds that clinically relevant harm is
 * not ruled out (docs/data-contracts.md#verdicts).
 */
import { describe, expect, it } from 'vitest';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { judgeDifference } from '../../src/judge/judge-effect.js';
import { otherSideNotRuledOut, relevanceOf } from '../../src/judge/relevance.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { effectsTable } from '../../src/report/effects-table.js';
import { sensitivityTable } from '../../src/report/sensitivity-table.js';
import { certaintyOf, summaryOfFindings } from '../../src/report/summary-of-findings.js';
import { verdictPhrase, withSignificance } from '../../src/report/verdict-notes.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { effectsForestSpec } from '../../src/report/charts/effects-forest.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { MIN_PI_TRIALS, metaAnalyze } from '../../src/meta/meta-analyze.js';
import { metaText } from '../../src/meta/meta-table.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { metaConclusion, metaConclusionRows } from '../../src/report/meta-conclusion.js';
import { metaSummaryTable } from '../../src/report/meta-summary-table.js';

/** An NRS row (lower is better, MCID 1): difference = −benefit. */
function nrsRow(benefit: number, lower: number, upper: number, mcid = 1): EffectRow {
  const j = judgeDifference(-benefit, -upper, -lower, mcid, 'lower-is-better');
  return {
    outcome: 'nrs', label: 'Pain', time: '3m', method: 'welch', n: { intervention: 6, control: 6 }, difference: -benefit, se: 1, df: 10,
    ciLower: -upper, ciUpper: -lower, confLevel: 0.95, ciMethod: 't', pValue: 0.3, mcid, direction: 'lower-is-better',
    benefit: j.benefit, benefitCiLower: j.benefitCiLower, benefitCiUpper: j.benefitCiUpper, significant: j.significant, imprecise: j.imprecise, relevance: j.relevance,
  };
}

describe('otherSideNotRuledOut', () => {
  it('a possible benefit whose CI reaches −MCID: harm; one that stops short of it: nothing', () => {
    expect(relevanceOf(1.19, -1.31, 3.68, 1)).toBe('possibly-relevant-benefit');
    expect(otherSideNotRuledOut('possibly-relevant-benefit', -1.31, 3.68, 1)).toBe('harm');
    // L = −m does not rule relevant harm out (rule 9 needs −m < L).
    expect(otherSideNotRuledOut('possibly-relevant-benefit', -1, 3.68, 1)).toBe('harm');
    expect(otherSideNotRuledOut('possibly-relevant-benefit', -0.99, 3.68, 1)).toBeNull();
  });
  it('a possible harm whose CI reaches +MCID: benefit; other verdicts: nothing', () => {
    expect(otherSideNotRuledOut('possibly-relevant-harm', -3.68, 1.31, 1)).toBe('benefit');
    expect(otherSideNotRuledOut('possibly-relevant-harm', -3.68, 0.99, 1)).toBeNull();
    expect(otherSideNotRuledOut('inconclusive', -1.31, 3.68, 1)).toBeNull();
    expect(otherSideNotRuledOut('possibly-relevant-benefit', null, null, null)).toBeNull();
  });
});

describe('the wording of a possible benefit whose CI includes relevant harm', () => {
  const wide = nrsRow(1.19, -1.31, 3.68);
  const narrow = nrsRow(1.19, -0.5, 2.88);

  it('the verdict cell, en and da', () => {
    expect(withSignificance('Possibly clinically relevant benefit', wide, 'en')).toBe('Possibly clinically relevant benefit, not statistically significant; clinically relevant harm is not ruled out');
    expect(withSignificance('Muligvis klinisk relevant gavn', wide, 'da')).toBe('Muligvis klinisk relevant gavn, ikke statistisk signifikant; klinisk relevant skade kan ikke udelukkes');
    expect(withSignificance('Possibly clinically relevant benefit', narrow, 'en')).toBe('Possibly clinically relevant benefit, not statistically significant');
  });

  it('a possible harm whose CI includes relevant benefit', () => {
    const harm = nrsRow(-1.19, -3.68, 1.31);
    expect(harm.relevance).toBe('possibly-relevant-harm');
    expect(withSignificance('Possibly clinically relevant harm', harm, 'en')).toBe('Possibly clinically relevant harm, not statistically significant; clinically relevant benefit is not ruled out');
    expect(verdictPhrase(harm, 'da')).toBe('muligvis klinisk relevant skade (ikke statistisk signifikant; klinisk relevant gavn kan ikke udelukkes)');
  });

  it('the table of all effect estimates and the sensitivity table', () => {
    expect(effectsTable([wide], 'en', () => 10).rows[0]!.at(-1)).toBe('Possibly clinically relevant benefit (estimate beyond the MCID, CI not), not statistically significant; clinically relevant harm is not ruled out');
    expect(effectsTable([wide], 'da', () => 10, 'short').rows[0]!.at(-1)).toBe('Muligvis klinisk relevant gavn, ikke statistisk signifikant; klinisk relevant skade kan ikke udelukkes');
    expect(sensitivityTable({ outcome: 'nrs', time: '3m', rows: [wide], tippingPoint: null, errors: [] }, 'en', 2).rows[0]!.at(-1)).toMatch(/; clinically relevant harm is not ruled out$/);
  });

  it('the conclusion\'s running text', () => {
    expect(verdictPhrase(wide, 'en')).toBe('possibly clinically relevant benefit (not statistically significant; clinically relevant harm is not ruled out)');
    expect(verdictPhrase(narrow, 'en')).toBe('possibly clinically relevant benefit (not statistically significant)');
  });

  // The bundled trial's plan and names, read without analysing it: a disability row with this interval (MCID 1).
  const trial = loadTrial(readCsvFile('data/synthetic/selfback-trial.csv'), loadPlanFile('data/plans/selfback.plan.json'));
  it.each(['en', 'da'] as const)('the summary of findings (%s)', (lang) => {
    const row = { ...nrsRow(1.19, -1.31, 3.68), outcome: 'rmdq' };
    const { table } = summaryOfFindings([{ outcome: 'rmdq', time: '3m', row, importance: 'critical', certainty: certaintyOf(undefined, row, lang), controlMean: null }], trialChartContext(trial, lang));
    const cells = table.rows.map((r) => r.at(-1)!);
    expect(cells.some((c) => c.startsWith(lang === 'en' ? 'Possibly clinically relevant benefit, not statistically significant; clinically relevant harm is not ruled out' : 'Muligvis klinisk relevant gavn, ikke statistisk signifikant; klinisk relevant skade kan ikke udelukkes'))).toBe(true);
  });
});

describe('the effects forest and the meta tables word it too (en + da)', () => {
  const trialForForest = loadTrial(readCsvFile('data/synthetic/selfback-trial.csv'), loadPlanFile('data/plans/selfback.plan.json'));
  it.each([
    ['en', 'Possibly clinically relevant benefit, not statistically significant; clinically relevant harm is not ruled out'],
    ['da', 'Muligvis klinisk relevant gavn, ikke statistisk signifikant; klinisk relevant skade kan ikke udelukkes'],
  ] as const)('(%s) the forest\'s verdict column and its legend', (lang, words) => {
    const ctx = trialChartContext(trialForForest, lang);
    const row = { ...nrsRow(1.19, -1.31, 3.68), outcome: 'pain-avg', method: ctx.primaryMethod } as EffectRow;
    const spec = effectsForestSpec({ effects: [row] }, ctx) as unknown as { data: { values: { verdictText: string; heading: boolean }[] }; hconcat: { layer?: { encoding?: { color?: { scale?: { domain: string[] } } } }[] }[] };
    expect(spec.data.values.filter((d) => !d.heading).map((d) => d.verdictText)).toEqual([words]);
    const domains = spec.hconcat.flatMap((c) => c.layer ?? []).map((l) => l.encoding?.color?.scale?.domain).filter((d) => d !== undefined);
    expect(domains.length).toBeGreaterThan(0);
    for (const d of domains) expect(d).toEqual([words]);
  });

  // RMDQ (lower is better, MCID 5): a difference of −6 (−17 to 5.5) is a benefit of 6 (−5.5 to 17).
  const meta = metaAnalyze(parseStudies(parseCsvText(['study,outcome,time,difference,ci_lower,ci_upper', 'A,rmdq,3m,-6,-17,5.5'].join('\n'), 'studies.csv')), { version: 't' });
  it.each([
    ['en', 'clinically relevant harm is not ruled out', 'possibly clinically relevant benefit (not statistically significant; clinically relevant harm is not ruled out)'],
    ['da', 'klinisk relevant skade kan ikke udelukkes', 'muligvis klinisk relevant gavn (ikke statistisk signifikant; klinisk relevant skade kan ikke udelukkes)'],
  ] as const)('(%s) the meta summary table, the pooled row of the text table and the conclusion', (lang, words, sentence) => {
    expect(meta.pooled[0]!.relevance).toBe('possibly-relevant-benefit');
    const table = metaSummaryTable(meta, lang);
    expect(table.rows[0]!.at(-1)).toMatch(new RegExp(`; ${words}$`));
    expect(metaText(meta, lang)).toContain(words);
    expect(metaConclusion(table, metaConclusionRows(meta, lang), undefined, 'app', MIN_PI_TRIALS, lang)).toContain(sentence);
  });
});
