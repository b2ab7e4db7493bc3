/**
 * Issue #15 point 2: the conclusion (src/report/conclusion.ts) is a short paragraph generated from
 * the verdicts and the certainty: outcomes grouped by verdict, the certainty said once, yes/no
 * outcomes with their direction and size, "no MCID set" said as such, one sentence on the target
 * population and one on the sensitivity analyses — English and Danish. The bundled selfBACK
 * results (with the sensitivity analyses) are read from reports/selfback/results.json.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { conclusionParagraphs } from '../../src/report/conclusion.js';
import { formatFixed, formatP, VERDICT_TEXT } from '../../src/report/i18n.js';
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

/** Sentences after the lead (which ends in a colon). */
const sentences = (text: string) => text.split(/(?<=\.) (?=[A-ZÆØÅ])/);

describe.each(['en', 'da'] as const)('the conclusion (%s)', (lang) => {
  const { text, rows, ctx } = conclusion(lang);
  const w = (en: string, da: string) => (lang === 'da' ? da : en);

  it('is 3–5 sentences, the certainty said once', () => {
    const n = sentences(text).length;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(5);
    expect(text.split(w('moderate certainty', 'moderat evidenskvalitet')).length - 1).toBe(1);
    expect(text).toContain(w('App compared with usual care at 3 months and 9 months (moderate certainty of evidence for every outcome):', 'App sammenlignet med vanlig behandling efter 3 måneder og 9 måneder (moderat evidenskvalitet for alle effektmål):'));
  });

  it('groups the outcomes by verdict, each verdict once', () => {
    const snr = VERDICT_TEXT['significant-not-relevant'][lang].toLowerCase();
    const nrd = VERDICT_TEXT['no-relevant-difference'][lang].toLowerCase();
    expect(text).toContain(w(`Disability, quality of life (3 months) and pain self-efficacy: ${snr}`, `Fysisk funktionsniveau, helbredsrelateret livskvalitet (3 måneder) og handlekompetence (mestringstro): ${snr}`));
    expect(text).toContain(w(`average pain, quality of life (9 months), worst pain and work ability: ${nrd}.`, `smerteintensitet (gennemsnitlig), helbredsrelateret livskvalitet (9 måneder), smerteintensitet (værste smerte) og arbejdsevne: ${nrd}.`));
  });

  it('says yes/no outcomes with direction and size, as the summary of findings does, and "no MCID set"', () => {
    const med9 = rows.find((r) => r.outcome === 'med_use' && r.time === '9m')!;
    const size = sofEffectText(med9.row, ctx).split(' (')[0]!;
    expect(size).toMatch(w(/^\d+ fewer per 1,000$/, /^\d+ færre pr\. 1\.000$/));
    expect(text).toContain(w(`pain-medication use (9 months: ${size})`, `forbrug af smertestillende medicin (9 måneder: ${size})`));
    expect(text).toContain(w('significant difference (no MCID set)', 'signifikant forskel (ingen MKRF angivet)'));
    expect(text).not.toMatch(/\((?:no MCID|ingen MKRF)\)/);
  });

  it('says the target population\'s result with its patients, and the sensitivity analyses with the tipping point', () => {
    const t = result.targetPopulation!;
    const n = t.effects.filter((e) => e.outcome === 'rmdq' && e.method === 'ancova').map((e) => e.n.intervention + e.n.control);
    expect(n).toEqual([48, 43]);
    expect(text).toContain(w(`In the target population (general-practice patients aged 15 or older with symptoms for more than 4 weeks; n = 48 at 3 months, 43 at 9 months), disability:`, `I målgruppen (patienter i almen praksis på 15 år eller derover med symptomer i mere end 4 uger; n = 48 efter 3 måneder, 43 efter 9 måneder), fysisk funktionsniveau:`));
    const s = result.sensitivity!;
    const mi = s.rows.find((r) => r.method === 'mi-ancova')!;
    expect(text).toContain(`(p = ${formatP(mi.pValue!, lang)})`);
    expect(text).toContain(`${formatFixed(s.tippingPoint!.tippingDelta!, 2, lang)} ${w('points worse', 'point dårligere')}`);
    expect(sentences(text).at(-1)).toMatch(w(/^Sensitivity analyses of the primary result \(disability, 3 months\): /, /^Følsomhedsanalyser af det primære resultat \(fysisk funktionsniveau, 3 måneder\): /));
  });
});

describe('the conclusion where certainty differs or parts are missing', () => {
  it('names the certainty per group when the outcomes differ', () => {
    const { text } = conclusion('en', result, (rows) => {
      for (const r of rows.filter((x) => x.outcome === 'pseq')) r.certainty = { ...r.certainty, level: 'low' };
    });
    expect(text).toMatch(/^App compared with usual care at 3 months and 9 months: /);
    expect(text).toContain('pain self-efficacy: significant, but not clinically relevant (low certainty)');
    expect(text).toContain('Disability and quality of life (3 months): significant, but not clinically relevant (moderate certainty)');
  });

  it('without a target population or sensitivity analyses: no sentence on them', () => {
    const { text } = conclusion('en', { ...result, targetPopulation: undefined, sensitivity: null } as AnalysisResult);
    expect(text).not.toMatch(/target population|Sensitivity/);
    expect(sentences(text).length).toBe(2);
  });
});
