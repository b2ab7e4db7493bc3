/**
 * The meta page says what was done to each set of rows and never more (docs/input-studies.md):
 * the bundled page said "pooled with a random-effects model, REML" though no row was; counted three
 * results of one subgroup as "the other 4 results agree"; wrote "None (< 3 trials)" on four rows
 * and "—" on the fifth, all on one trial; and "from 1 trial (461)".
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { MIN_PI_TRIALS, metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies, readStudiesFile } from '../../src/meta/read-studies.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import type { Lang } from '../../src/report/i18n.js';
import { metaConclusion, metaConclusionRows } from '../../src/report/meta-conclusion.js';
import { metaMethodsText } from '../../src/report/meta-method-words.js';
import { metaRowBasis, metaSettings, metaSummaryTable } from '../../src/report/meta-summary-table.js';

const bundled = metaAnalyze(readStudiesFile('data/published/selfback-studies.csv'), { preset: 'metafor', plan: loadPlanFile('data/plans/selfback.plan.json'), version: 'test' });
const basesOf = (r: typeof bundled) => metaSettings(r).map((x) => metaRowBasis(x.overall));
const conclusionOf = (r: typeof bundled, lang: Lang, primary?: { outcome: string; time: string }) =>
  metaConclusion(metaSummaryTable(r, lang), metaConclusionRows(r, lang), primary, 'app', MIN_PI_TRIALS, lang);

describe('the meta page says what was done per row', () => {
  it.each([
    ['en', "4 rows are each one trial's published estimate, not pooled; 1 row combines the subgroups of one trial (fixed-effect model); no row rests on 2 trials or more, so none is pooled with a random-effects model, REML, normal-based 95% CI (as metafor's default)"],
    ['da', 'fire rækker er hver ét forsøgs publicerede estimat, ikke poolet; én række kombinerer subgrupperne af ét forsøg med en model med faste effekter; ingen række bygger på to forsøg eller flere, så ingen er poolet med tilfældige effekter, REML, normalfordelt 95 %-KI (som standard i metafor)'],
  ] as const)('(%s) the bundled rows: no random-effects pooling is claimed', (lang, text) => {
    expect(metaMethodsText(basesOf(bundled), 'metafor', lang)).toBe(text);
  });

  it('rows from several trials are said to be pooled with the random-effects model', () => {
    const csv = ['study,outcome,time,difference,ci_lower,ci_upper', 'A,rmdq,3m,-0.79,-1.51,-0.06', 'B,rmdq,3m,-2.1,-3.0,-1.2', 'C,pain,3m,-0.8,-1.3,-0.2'].join('\n');
    const r = metaAnalyze(parseStudies(parseCsvText(csv, 'studies.csv')), { version: 't' });
    expect(metaMethodsText(basesOf(r), 'metafor', 'en')).toBe("1 row is pooled with a random-effects model, REML, normal-based 95% CI (as metafor's default); 1 row is one trial's published estimate, not pooled");
  });

  it('every row on one trial: one wording in the prediction-interval column', () => {
    const cells = metaSummaryTable(bundled, 'en').rows.map((r) => r[5]);
    expect(new Set(cells)).toEqual(new Set(['None (< 3 trials)']));
    expect(new Set(metaSummaryTable(bundled, 'da').rows.map((r) => r[5]))).toEqual(new Set(['Intet (< 3 forsøg)']));
  });

  it.each([
    ['en', 'from 1 trial (461 participants): Sandal 2021', 'The other result, pain self-efficacy at 9 months, agrees. In one subgroup only (high physical demands), not all patients: significant, but not clinically relevant for average pain at 3 months, disability at 9 months and average pain at 9 months.'],
    ['da', 'fra ét forsøg (461 deltagere): Sandal 2021', 'Det øvrige resultat, pain self-efficacy efter 9 måneder, har samme vurdering. Kun i én subgruppe (high physical demands), ikke hos alle patienter: signifikant, men ikke klinisk relevant for average pain efter 3 måneder'],
  ] as const)('(%s) the conclusion counts participants in words and says which results are one subgroup\'s', (lang, count, others) => {
    const text = conclusionOf(bundled, lang, { outcome: 'rmdq', time: '3m' });
    expect(text).toContain(count);
    expect(text).toContain(others);
    expect(text).not.toMatch(/other 4 results|øvrige (?:4|fire) resultater/);
  });
});
