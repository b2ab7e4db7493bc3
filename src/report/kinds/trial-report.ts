/**
 * The "trial" report: one trial export + plan → analysis, charts (effects forest, trajectories,
 * responders, participant flow), summary of findings, Table 1, effects and sensitivity tables.
 *
 * To add a chart: write `src/report/charts/<name>.ts` exporting a pure `…Spec(result, ctx)`, and
 * add one line to TRIAL_CHARTS below with the section it belongs to.
 */
import { z } from 'zod';
import { analyzeTrial } from '../../analysis/analyze-trial.js';
import type { AnalysisResult } from '../../analysis/results-schema.js';
import { readCsvFile, type CsvTable } from '../../io/read-csv.js';
import { baselineTable, characteristicsFromExport } from '../../trial/baseline-table.js';
import { loadTrial } from '../../trial/load-trial.js';
import { checkTrialContent } from '../../trial/check-content.js';
import type { TrialData } from '../../trial/trial-data.js';
import { effectsForestSpec } from '../charts/effects-forest.js';
import { participantFlowSpec } from '../charts/participant-flow.js';
import { respondersSpec } from '../charts/responders.js';
import { trajectoriesSpec } from '../charts/trajectories.js';
import { type TrialChartContext, trialChartContext } from '../charts/trial-chart-context.js';
import { effectsTable, methodText } from '../effects-table.js';
import { ANALYZE_FOOTNOTE, fillPhrase, type Lang, REPORT_TEXT } from '../i18n.js';
import type { ChartSpec, PageSection, ReportContent } from '../report-page.js';
import { sensitivityTable, tippingSentence } from '../sensitivity-table.js';
import { summaryOfFindingsRows, summaryOfFindingsTable } from '../summary-of-findings.js';
import { tableOne } from '../table-one.js';
import { localizedText } from '../manifest.js';
import { planOf, type ReportKind } from './report-kind.js';


export const trialEntrySchema = z.object({
  data: z.string().describe('Trial export (CSV), relative to the manifest'),
  plan: z.string().describe('Analysis plan (JSON), relative to the manifest'),
  title: localizedText.optional().describe("Page title; defaults to the plan's title"),
  characteristics: z
    .array(z.object({ column: z.string(), label: localizedText.optional() }).strict())
    .default([])
    .describe('Export columns for Table 1 besides the plan covariates (e.g. age, sex), with labels'),
});

type TrialEntry = z.infer<typeof trialEntrySchema>;

interface TrialChart {
  name: string;
  section: string;
  build: (result: AnalysisResult, ctx: TrialChartContext) => ChartSpec['spec'];
  alt: Record<Lang, string>;
}

/** The charts of a trial report, in page order. One line per chart builder. */
export const TRIAL_CHARTS: readonly TrialChart[] = [
  { name: 'effects-forest', section: 'effects', build: effectsForestSpec, alt: { en: 'Forest plot of the effects against the MCID', da: 'Forest plot af effekterne målt mod MCID' } },
  { name: 'trajectories', section: 'trajectories', build: trajectoriesSpec, alt: { en: 'Mean scores per visit and arm', da: 'Gennemsnitlige scorer pr. besøg og gruppe' } },
  { name: 'responders', section: 'responders', build: respondersSpec, alt: { en: 'Share of responders per arm', da: 'Andel respondenter pr. gruppe' } },
  { name: 'participant-flow', section: 'flow', build: participantFlowSpec, alt: { en: 'Participant flow diagram', da: 'Diagram over deltagerflow' } },
];

interface Analysed {
  csv: CsvTable;
  trial: TrialData;
  result: AnalysisResult;
}

export const trialReportKind: ReportKind<typeof trialEntrySchema> = {
  entrySchema: trialEntrySchema,
  async build(entry, env): Promise<ReportContent> {
    const lang = env.lang;
    const t = (k: keyof typeof REPORT_TEXT) => REPORT_TEXT[k][lang];
    const dataPath = env.input(entry.data);
    const planPath = env.input(entry.plan);
    const { csv, trial, result } = env.memo<Analysed>(`trial\u0000${dataPath}\u0000${planPath}`, () => {
      const csvTable = readCsvFile(dataPath);
      const trialData = loadTrial(csvTable, planOf(env, planPath));
      checkTrialContent(csvTable, trialData, 'analysis', planPath);
      const analysed = analyzeTrial(trialData, { version: env.version });
      // Paths as the manifest writes them: the same bytes on every machine and working directory.
      return { csv: csvTable, trial: trialData, result: { ...analysed, input: { ...analysed.input, file: entry.data } } };
    });
    const ctx = trialChartContext(trial, lang);
    const plan = trial.plan;
    const method = methodText(ctx.primaryMethod, lang);

    const charts: ChartSpec[] = TRIAL_CHARTS.map((c) => ({ name: c.name, spec: c.build(result, ctx), alt: c.alt[lang] }));
    const chartFor = (section: string) => TRIAL_CHARTS.find((c) => c.section === section)?.name;

    const labels = new Map(entry.characteristics.filter((c) => c.label).map((c) => [c.column, c.label?.[lang] ?? c.label?.en ?? c.column]));
    const extra = characteristicsFromExport(csv, trial, entry.characteristics.map((c) => c.column));
    const t1 = baselineTable(trial, extra);
    const widths = new Map(trial.sources.map((s) => [s.key, s.instrument.range[1] - s.instrument.range[0]]));
    const sof = summaryOfFindingsRows(result, plan, ctx.primaryMethod, lang);

    const sections: PageSection[] = [
      { id: 'summary-of-findings', title: t('sofTitle'), intro: [fillPhrase(t('sofIntro'), { method })], tables: [{ table: summaryOfFindingsTable(sof, ctx) }] },
      { id: 'effects', title: t('forestTitle'), intro: [fillPhrase(t('forestIntro'), { method })], chart: chartFor('effects') },
      { id: 'trajectories', title: t('trajectoriesTitle'), chart: chartFor('trajectories') },
      { id: 'responders', title: t('respondersTitle'), chart: chartFor('responders') },
      { id: 'flow', title: t('flowTitle'), chart: chartFor('flow') },
      { id: 'baseline', title: t('table1Title'), tables: [{ table: tableOne(t1, ctx, labels) }], notes: [t('table1Note')] },
      {
        id: 'all-effects',
        title: t('effectsTitle'),
        tables: [{ table: effectsTable(result.effects, lang, (k) => widths.get(k), 'short', ctx.outcomeLabel) }],
        notes: ANALYZE_FOOTNOTE[lang].split('\n').join(' ').split(/(?<=\.) (?=[A-Z"])/),
      },
    ];
    const sens = result.sensitivity;
    if (sens) {
      const decimals = ctx.decimalsOf(sens.outcome);
      const sentence = tippingSentence(sens, ctx.unitOf(sens.outcome), decimals, lang);
      sections.push({
        id: 'sensitivity',
        title: `${t('sensitivityTitle')}: ${ctx.outcomeLabel(sens.outcome)}, ${ctx.timeLabel(sens.time)}`,
        tables: [{ table: sensitivityTable(sens, lang, decimals) }],
        ...(sentence ? { notes: [sentence] } : {}),
      });
    }
    if (result.warnings.length) sections.push({ id: 'warnings', title: t('warningsTitle'), notes: result.warnings });

    const title = entry.title?.[lang] ?? entry.title?.en ?? plan.title?.[lang] ?? plan.title?.en ?? t('reportTitle');
    const provenance = fillPhrase(t('provenance'), { version: env.version, data: entry.data, plan: entry.plan });
    return { page: { lang, title, provenance, sections }, charts, results: result };
  },
};

export type { TrialEntry };
