/**
 * The "trial" report: one trial export + plan → analysis, charts (effects forest, trajectories,
 * responders, participant flow), summary of findings, Table 1, effects and sensitivity tables.
 *
 * To add a chart: write `src/report/charts/<name>.ts` exporting a pure `…Spec(result, ctx)`, and
 * add one line to TRIAL_CHARTS below with the section it belongs to and when it has nothing to
 * show. A chart with nothing to show is left out; its section says why (page and README.md).
 */
import { otherArmName } from '../../trial/other-arms.js';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { manifestPath } from '../manifest-path.js';
import { analyzeTrial } from '../../analysis/analyze-trial.js';
import type { AnalysisResult } from '../../analysis/results-schema.js';
import type { Plan } from '../../plan/plan-schema.js';
import { tableWithDeclaredMark } from '../../io/declared-mark.js';
import { postLoadReportNotes } from '../../trial/post-load-notes.js';
import { itemBlockPageNotes } from '../../trial/line-item-block.js';
import { readCsvFile, type CsvTable } from '../../io/read-csv.js';
import { withoutConsentWithdrawn } from '../../trial/consent-withdrawn.js';
import { type BaselineTable, baselineTable, characteristicsFromExport, covariateOfColumn } from '../../trial/baseline-table.js';
import { foldColumnName } from '../../trial/column-resolver.js';
import { loadTrial } from '../../trial/load-trial.js';
import { planNotes } from '../../plan/load-plan.js';
import { checkTrialContent } from '../../trial/check-content.js';
import { everyRowExcludedError } from '../../trial/most-rows-excluded.js';
import { type TrialData, withObservedPatients } from '../../trial/trial-data.js';
import { assertFiniteChart, chartDataIsEmpty } from '../chart-data.js';
import { effectsForestNumbers, effectsForestSpec, forestRows } from '../charts/effects-forest.js';
import { participantFlowSpec } from '../charts/participant-flow.js';
import { flowBoxes, flowList, targetBranch } from '../charts/flow-boxes.js';
import { populationPhrase } from '../sections/subgroup-phrases.js';
import { responderRows, respondersNumbers, respondersSpec } from '../charts/responders.js';
import { YES_NO_CAPTION, yesNoTable } from '../yes-no-table.js';
import { zeroBaselineNotes } from '../zero-baseline-note.js';
import { trajectoriesNumbers, trajectoriesSpec, trajectoryOutcomes } from '../charts/trajectories.js';
import type { Table } from '../text-table.js';
import { type TrialChartContext, trialChartContext } from '../charts/trial-chart-context.js';
import { effectsTable, isEffectMethod, methodText } from '../effects-table.js';
import { fillArms } from '../arm-names.js';
import type { Relevance } from '../../judge/relevance.js';
import { significanceNotes, verdictNotes } from '../verdict-notes.js';
import { clusterNotes } from '../cluster-notes.js';
import { EFFECTS_NOTE, fillPhrase, formatP, formatThousands, type Lang, lowerFirst, REPORT_TEXT } from '../i18n.js';
import { largestMonteCarloError } from '../../stats/missing/mi-monte-carlo.js';
import { MAX_IMPUTED_LEVELS } from '../../trial/outcome-wide.js';
import { numberCaptions } from '../number-captions.js';
import { withConfidenceLevels } from '../confidence-label.js';
import { mcidSourcesNote, mcidSourceTag } from '../mcid-sources.js';
export { numberCaptions } from '../number-captions.js';
import type { ChartSpec, PageSection, ReportContent } from '../report-page.js';
import { sensitivityTable, tippingSentence } from '../sensitivity-table.js';
import { ADVERSE_EVENTS_TITLE, adverseEventsByClassCaption, adverseEventsByClassTable, adverseEventsNotes, adverseEventsTable } from '../adverse-events-table.js';
import { type SofRow, summaryOfFindings, summaryOfFindingsRows } from '../summary-of-findings.js';
import { harmSofRows } from '../sof-harm-rows.js';
import { conclusionParagraphs } from '../conclusion.js';
import { bareCodesNote, characteristicLabel, hasCommonLabel, tableOne, type LevelLabels } from '../table-one.js';
import { localizedText } from '../localized-text.js';
import { planOf, type ReportKind } from './report-kind.js';
import { summarizeExclusion } from '../../trial/exclusion-summary.js';
import { formatLineRanges } from '../../problem-groups.js';
import { subgroupReport } from '../sections/subgroups.js';
import { readTargetSample, targetSampleFile } from '../../trial/target-sample.js';
import { attachEventListing, eventListingPath } from '../../trial/adverse-events.js';
import { problemText } from '../problem-text.js';
import { trialWarningText } from '../failure-reasons.js';
import { covariateGapNote } from '../covariate-gap-note.js';
import { planValueCodes } from '../../trial/value-codes.js';
import { publishedName } from '../published-name.js';


export const trialEntrySchema = z.object({
  data: manifestPath('Trial export (CSV), relative to the manifest'),
  plan: manifestPath('Analysis plan (JSON), relative to the manifest'),
  title: localizedText.optional().describe("Page title; defaults to the plan's title"),
  characteristics: z
    .array(
      z
        .object({
          column: z.string(),
          label: localizedText.optional(),
          levelLabels: z
            .record(z.string(), localizedText)
            .optional()
            .describe('What Table 1 calls each level of the column, by its code or value, e.g. {"1": {"en": "Male", "da": "Mand"}, "2": {"en": "Female", "da": "Kvinde"}}; default: the usual words for the usual codes (F/M, K/M, DK), else the value as it is in the export'),
        })
        .strict(),
    )
    .default([])
    .describe('Export columns for Table 1 besides the plan covariates (e.g. age, sex), with labels'),
});

type TrialEntry = z.infer<typeof trialEntrySchema>;

interface TrialChart {
  name: string;
  section: string;
  build: (result: AnalysisResult, ctx: TrialChartContext) => ChartSpec['spec'];
  alt: Record<Lang, string>;
  /** The figure's numbers as a table, from the chart's own rows, when no table of the page holds them. */
  numbers?: (result: AnalysisResult, ctx: TrialChartContext) => Table;
  /** True when the analysis gives the chart nothing to show; `emptyText` then says why. */
  isEmpty?: (result: AnalysisResult, ctx: TrialChartContext) => boolean;
  emptyText?: 'forestEmpty' | 'trajectoriesEmpty' | 'respondersEmpty';
}

/** The charts of a trial report, in page order. One line per chart builder. */
export const TRIAL_CHARTS: readonly TrialChart[] = [
  {
    name: 'effects-forest', section: 'effects', build: effectsForestSpec, numbers: effectsForestNumbers, alt: { en: 'Forest plot of the effects against the MCID', da: 'Forest plot af effekterne målt mod MKRF' },
    isEmpty: (r, ctx) => forestRows(r.effects, ctx.primaryMethod).length === 0, emptyText: 'forestEmpty',
  },
  {
    name: 'trajectories', section: 'trajectories', build: trajectoriesSpec, numbers: trajectoriesNumbers, alt: { en: 'Mean scores per visit and arm', da: 'Gennemsnitlige scorer pr. besøg og gruppe' },
    isEmpty: (r, ctx) => trajectoryOutcomes(r, ctx).length === 0, emptyText: 'trajectoriesEmpty',
  },
  {
    name: 'responders', section: 'responders', build: respondersSpec, numbers: respondersNumbers, alt: { en: 'Share of responders per arm', da: 'Andel patienter med klinisk relevant forbedring pr. gruppe' },
    isEmpty: (r) => responderRows(r.effects).length === 0, emptyText: 'respondersEmpty',
  },
  { name: 'participant-flow', section: 'flow', build: participantFlowSpec, alt: { en: 'Participant flow diagram', da: 'Diagram over patientflow' } },
];

interface Analysed {
  csv: CsvTable;
  trial: TrialData;
  result: AnalysisResult;
}

export const trialReportKind: ReportKind<typeof trialEntrySchema> = {
  entrySchema: trialEntrySchema,
  inputKinds: { plan: 'trial-plan' },
  async build(entry, env): Promise<ReportContent> {
    const lang = env.lang;
    const dataPath = env.input(entry.data);
    const planPath = env.input(entry.plan);
    const { csv, trial, result } = env.memo<Analysed>(`trial\u0000${dataPath}\u0000${planPath}`, () => {
      const plan = planOf(env, planPath);
      // What loading the plan changed (margin shares rescaled to 1: plan/margin-shares.ts).
      for (const note of planNotes(plan)) env.note?.(note);
      // The plan's codes are values, not labels, when the file's start is judged (io/header-line.ts).
      // Read with the plan's "decimalMark" when it declares one: Table 1 and the costs read the same numbers (io/declared-mark.ts).
      // Without the rows of patients who withdrew consent: Table 1's characteristics read this table too (consent-withdrawn.ts).
      const csvTable = withoutConsentWithdrawn(tableWithDeclaredMark(readCsvFile(dataPath, { knownValues: planValueCodes(plan), duplicateNames: 'keep' }), plan.decimalMark), plan).table;
      // The reader's notes and refusals in the run's language (as `hta analyze --lang`), not the page's:
      // the memo serves the run's en and da pages alike (`note` prints in the run's language too).
      const trialData = loadTrial(csvTable, plan, { lang: env.runLang ?? 'en' });
      // A listing of adverse events is named relative to the plan, and read under the manifest's rules (docs/plan-trial.md#adverse-events).
      // An absolute path is refused as `hta analyze` refuses it (eventListingPath), not joined to the plan's folder.
      const listing = eventListingPath(planPath, plan) === undefined ? undefined : plan.adverseEvents?.file;
      attachEventListing(trialData, listing && env.input(join(dirname(entry.plan), listing), { file: planPath, field: 'adverseEvents.file', value: listing }));
      // How the export was read, as `hta analyze` says it (special missing values, header spellings,
      // CPR-shaped ids, free-text reasons…): each note once per run however many reports read the input.
      for (const note of trialData.readNotes ?? []) env.note?.(note);
      // Every row left out by the plan's "invalidRows": "exclude": said so, before the plan is blamed, in the run's language as the reader's notes (most-rows-excluded.ts).
      const noneKept = everyRowExcludedError(trialData, env.runLang ?? 'en');
      if (noneKept) throw noneKept;
      checkTrialContent(csvTable, trialData, 'analysis', planPath);
      // The checks `hta analyze` says after loading (scale codes, follow-up-only patients …), once per input, in the run's language (post-load-notes.ts).
      for (const note of postLoadReportNotes(trialData)) env.note?.(note);
      // The target sample is named relative to the plan, and read under the manifest's rules.
      const sampleFile = targetSampleFile(planPath, trialData.plan);
      const targetSample = readTargetSample(sampleFile && env.input(join(dirname(entry.plan), sampleFile), { file: planPath, field: 'population.targetSample.file', value: sampleFile }), trialData.plan, trialData);
      // The export by its last name in the results and their warnings, as the manifest writes it:
      // the same bytes on every machine and working directory (docs/manifest.md).
      const analysed = analyzeTrial(trialData, { version: env.version, inputName: publishedName(entry.data), ...(targetSample ? { targetSample } : {}) });
      // The report's tables and notes read the patients analysed; the flow and the adverse events come from the result (analyze-trial.ts).
      return { csv: csvTable, trial: withObservedPatients(trialData), result: analysed };
    });
    // The analysis warnings on stderr too, as `hta analyze` prints them (docs/manifest.md).
    for (const w of result.warnings) env.warn?.(w);
    const ctx = trialChartContext(trial, lang);
    const t = ctx.text;
    const plan = trial.plan;
    const method = methodText(ctx.primaryMethod, lang);

    // A chart with nothing to show is not drawn; its section says why instead.
    const charts: ChartSpec[] = [];
    const omitted = new Map<string, string>();
    for (const c of TRIAL_CHARTS) {
      if (c.isEmpty?.(result, ctx)) {
        omitted.set(c.section, t(c.emptyText ?? 'chartEmpty'));
        continue;
      }
      const chart: ChartSpec = { name: c.name, spec: c.build(result, ctx), alt: c.alt[lang], ...(c.numbers ? { numbers: c.numbers(result, ctx) } : {}) };
      if (chartDataIsEmpty(chart.spec)) {
        omitted.set(c.section, t('chartEmpty'));
        continue;
      }
      assertFiniteChart(chart);
      charts.push(chart);
    }
    const chartFor = (section: string) => charts.find((c) => c.name === TRIAL_CHARTS.find((x) => x.section === section)?.name)?.name;
    const chartOrWhy = (section: string): Pick<PageSection, 'chart' | 'intro'> => {
      const why = omitted.get(section);
      return why ? { intro: [why] } : { chart: chartFor(section) };
    };

    // A characteristic naming a covariate's column is that covariate's row (baselineTable): its label goes there.
    const labels = new Map(entry.characteristics.filter((c) => c.label).map((c) => [covariateOfColumn(plan, c.column) ?? c.column, c.label?.[lang] ?? c.label?.en ?? c.column]));
    // A covariate with neither label is named by its export column ("Højde"), not its plan key
    // ("hoejde", Danish letters spelled out by plan init).
    for (const c of plan.covariates) {
      const column = plan.columns.covariates[c];
      if (column !== undefined && !labels.has(c) && !hasCommonLabel(c) && foldColumnName(column) !== foldColumnName(c)) labels.set(c, column.trim());
    }
    // A covariate with no label at all is named by its key on the Danish page too ("Strata_rmdq"):
    // said once, with what to write (docs/manifest.md, "characteristics").
    const unlabelled = plan.covariates.filter((c) => !labels.has(c) && !hasCommonLabel(c));
    if (lang === 'da' && unlabelled.length) env.note?.(`${entry.plan}: ${unlabelled.length > 1 ? 'the covariates' : 'the covariate'} ${unlabelled.map((c) => JSON.stringify(c)).join(', ')} ${unlabelled.length > 1 ? 'have' : 'has'} no label: the Danish page names ${unlabelled.length > 1 ? 'them' : 'it'} by ${unlabelled.length > 1 ? 'their keys' : 'its key'} in Table 1 and the methods — add to the manifest entry "characteristics": [${unlabelled.map((c) => `{ "column": ${JSON.stringify(plan.columns.covariates[c] ?? c)}, "label": { "en": "…", "da": "…" } }`).join(', ')}]`);
    // The English and Danish reports of one export read the same columns: read them once.
    const columns = entry.characteristics.map((c) => c.column);
    const extra = env.memo(`characteristics\u0000${dataPath}\u0000${planPath}\u0000${columns.join('\u0000')}`, () => characteristicsFromExport(csv, trial, columns, env.note));
    const widths = new Map(trial.sources.map((s) => [s.key, s.instrument.range[1] - s.instrument.range[0]]));
    const sofRows = summaryOfFindingsRows(result, plan, ctx.primaryMethod, lang);
    // Level names by the row's key, as its label (a covariate's column names the covariate's row).
    const levelLabels = new Map(entry.characteristics.filter((c) => c.levelLabels).map((c) => [covariateOfColumn(plan, c.column) ?? c.column, c.levelLabels!]));
    const t1 = baselineTable(trial, extra);
    const codesNote = bareCodesNote(t1, levelLabels, entry.data, (key) => plan.columns.covariates[key] ?? key);
    if (codesNote) env.note?.(codesNote);
    const input: TrialSectionInput = { trial, result, ctx, method, sofRows, chartOrWhy, omitted, t1, t1Labels: labels, t1LevelLabels: levelLabels, widths };
    const built = TRIAL_SECTIONS.flatMap((build) => build(input));
    // Target population and subgroups: their own module (docs/subgroups.md#report), after the effects forest.
    const sub = subgroupReport(result, plan, ctx, (k) => widths.get(k), labels);
    charts.push(...sub.charts);
    built.splice(built.findIndex((s) => s.id === 'effects') + 1, 0, ...sub.sections);
    const sections = numberCaptions(built, lang);

    const title = entry.title?.[lang] ?? entry.title?.en ?? plan.title?.[lang] ?? plan.title?.en ?? t('reportTitle');
    const provenance = fillPhrase(t('provenance'), { version: env.version, data: publishedName(entry.data), plan: publishedName(entry.plan) });
    // Every interval is at the plan's level (1 − alpha), and so is every label that names it.
    const labelled = withConfidenceLevels({ page: { lang, title, provenance, sections }, charts }, 1 - plan.alpha);
    return { ...labelled, results: result };
  },
};

export type { TrialEntry };

/** What every section builder may use: the analysis, the labels, and the drawn charts. */
export interface TrialSectionInput {
  trial: TrialData;
  result: AnalysisResult;
  ctx: TrialChartContext;
  /** The primary method as readers know it ("ANCOVA"). */
  method: string;
  sofRows: SofRow[];
  /** The section's chart, or why it was left out. */
  chartOrWhy: (section: string) => Pick<PageSection, 'chart' | 'intro'>;
  omitted: ReadonlyMap<string, string>;
  t1: BaselineTable;
  t1Labels: ReadonlyMap<string, string>;
  /** The manifest's `levelLabels` of Table 1's rows, by row key. */
  t1LevelLabels: LevelLabels;
  widths: ReadonlyMap<string, number>;
}

export type TrialSectionBuilder = (input: TrialSectionInput) => PageSection[];

const conclusionSection: TrialSectionBuilder = ({ ctx, sofRows, result }) => {
  const paragraphs = conclusionParagraphs(sofRows, ctx, result);
  return paragraphs.length ? [{ id: 'conclusion', title: ctx.text('conclusionTitle'), intro: paragraphs }] : [];
};

/** The outcomes whose rows judge against an MCID: their MCID's source goes under the table (mcid-sources.ts). */
function withMcid(rows: readonly { outcome: string; mcid: number | null }[]): Set<string> {
  return new Set(rows.filter((r) => r.mcid !== null).map((r) => r.outcome));
}

const sofSection: TrialSectionBuilder = ({ ctx, sofRows, method, result, trial }) => {
  // Each MCID's source beside it in the outcome's heading row: page 1 has no room for a note.
  const outcomes = new Map(trial.plan.outcomes.map((o) => [o.key, o]));
  const sourceOf = (key: string) => ((o) => (o ? mcidSourceTag(o, trial.plan, ctx.lang) : undefined))(outcomes.get(key));
  // The plan's adverse events close the table (sof-harm-rows.ts); the conclusion reads the outcomes only.
  const sof = summaryOfFindings([...sofRows, ...harmSofRows(result.adverseEvents, ctx.lang, trial.plan.adverseEvents?.certainty)], ctx, result.targetPopulation, sourceOf);
  // Which analysis the rows give goes in the table's caption, not a paragraph of its own: page 1
  // holds the conclusion and the whole table with its footnotes (docs/report-trial.md#print).
  const caption = `${ctx.text('sofTitle')}: ${lowerFirst(fillPhrase(ctx.text(yesNoOnly(trial) ? (trial.plan.clusters !== undefined ? 'sofIntroBinaryClustered' : 'sofIntroBinary') : 'sofIntroShort'), { method })).replace(/\.$/, '')}`;
  return [{ id: 'summary-of-findings', title: ctx.text('sofTitle'), tables: [{ caption, table: sof.table }], notes: [ctx.text(certaintyNoteKey(sofRows)), ...sof.notes] }];
};

/**
 * How the certainty column was rated: "GRADE as set in the analysis plan" only when the plan
 * rates some row; a plan that rates none (plan init's draft) is said so, in the summary's first
 * footnote and in the methods alike, never as if it had given one (docs/report-trial.md).
 */
function certaintyNoteKey(sofRows: readonly SofRow[]): 'sofCertaintyNote' | 'sofCertaintyNoneNote' {
  return sofRows.some((r) => r.certainty.level) ? 'sofCertaintyNote' : 'sofCertaintyNoneNote';
}

// The diagram and, under it, the same boxes in words (flow-boxes.ts), so README.md carries them
// too: a list, one item per part, collapsed on screen and left out of print (html-page.ts).
const flowSection: TrialSectionBuilder = ({ ctx, chartOrWhy, result }) => {
  const items = flowList(flowBoxes(result, ctx), targetBranch(result, ctx), populationPhrase('flowTargetPanel', ctx.lang, result.targetPopulation?.purpose));
  return [{ id: 'flow', title: ctx.text('flowTitle'), ...chartOrWhy('flow'), textVersion: { summary: ctx.text('flowTextIntro'), items } }];
};

const excludedSection: TrialSectionBuilder = ({ trial, ctx }) => excludedRowsSection(trial, ctx.text, ctx.lang);

const baselineSection: TrialSectionBuilder = ({ ctx, t1, t1Labels, t1LevelLabels }) => [
  { id: 'baseline', title: ctx.text('table1Title'), tables: [{ table: tableOne(t1, ctx, t1Labels, t1LevelLabels) }], notes: [ctx.text('table1Note')] },
];

const forestSection: TrialSectionBuilder = ({ ctx, chartOrWhy, omitted, method }) => [
  omitted.has('effects')
    ? { id: 'effects', title: ctx.text('forestTitle'), ...chartOrWhy('effects') }
    : { id: 'effects', title: ctx.text('forestTitle'), intro: [fillPhrase(ctx.text('forestIntro'), { method })], ...chartOrWhy('effects') },
];

const trajectoriesSection: TrialSectionBuilder = ({ ctx, chartOrWhy }) => [{ id: 'trajectories', title: ctx.text('trajectoriesTitle'), ...chartOrWhy('trajectories') }];

const respondersSection: TrialSectionBuilder = ({ ctx, chartOrWhy, result }) => {
  // Baseline-0 patients a percent rule counts as non-responders (zero-baseline-note.ts).
  const notes = zeroBaselineNotes(result.effects, ctx.lang, ctx.arms, ctx.outcomeLabel);
  // The shares per arm with the risk and odds ratios, as a table the README shows too (yes-no-table.ts).
  const yesNo = yesNoTable(result.effects, ctx.lang, ctx.outcomeLabel, ctx.arms);
  // A plan with no responder definitions and no yes/no outcomes has nothing for this section: it
  // is left out, not shown as a heading over "No chart: the plan has no …" (docs/report-trial.md).
  if (responderRows(result.effects).length === 0 && !yesNo && !notes.length) return [];
  return [{ id: 'responders', title: ctx.text('respondersTitle'), ...chartOrWhy('responders'), ...(yesNo ? { tables: [{ caption: YES_NO_CAPTION[ctx.lang], table: yesNo }] } : {}), ...(notes.length ? { notes } : {}) }];
};

/** The verdicts the page shows: every row's, the target population's and the subgroups' included. */
function relevancesIn(result: object): Relevance[] {
  return [...JSON.stringify(result).matchAll(/"relevance":"([a-z-]+)"/g)].map((m) => m[1] as Relevance);
}

/**
 * The Danish table of all effect estimates writes its times "3 mdr." (docs/glossary-da.md, as the
 * axes): its eight columns on A4 left "3 måneder" and the verdicts no room ("3 / måneder" on every
 * row, "Signifikant, / men ikke / klinisk relevant"). `times`: each row's follow-up, in order.
 */
function shortTimes(table: Table, times: readonly string[], ctx: TrialChartContext): Table {
  if (ctx.lang !== 'da') return table;
  return { ...table, rows: table.rows.map((r, i) => r.map((c, j) => (j === 1 && times[i] !== undefined ? ctx.shortTimeLabel(times[i]) : c))) };
}

const allEffectsSection: TrialSectionBuilder = ({ ctx, result, widths, trial }) => [{
  id: 'all-effects',
  title: ctx.text('effectsTitle'),
  tables: [{ table: shortTimes(effectsTable(result.effects, ctx.lang, (k) => widths.get(k), 'short', ctx.outcomeLabel, ctx.arms), result.effects.map((e) => e.time), ctx) }],
  // Every verdict that appears anywhere on the page defined, not only the common three (verdict-notes.ts).
  // Significance follows the CI: said where a yes/no row's p is from another test (verdict-notes.ts).
  notes: [fillArms(EFFECTS_NOTE.head[ctx.lang], ctx.arms), ...verdictNotes(relevancesIn(result), ctx.lang), ...(result.effects.some((e) => e.method === 'risk-difference') ? [EFFECTS_NOTE.pp[ctx.lang]] : []), ...significanceNotes(result.effects, ctx.lang, (p) => formatP(p, ctx.lang)), ...mcidSourcesNote(trial.plan, withMcid(result.effects), ctx.outcomeLabel, ctx.lang)],
}];

const sensitivitySection: TrialSectionBuilder = ({ ctx, result, trial }) => {
  const sens = result.sensitivity;
  if (!sens) return [];
  const decimals = ctx.decimalsOf(sens.outcome);
  const sentence = tippingSentence(sens, ctx.unitOf(sens.outcome), decimals, ctx.lang, ctx.arms);
  const own = trial.plan.outcomes.find((o) => o.key === sens.outcome)?.timepoints !== undefined;
  const leftOut = sens.mmrmLeftOut ? fillPhrase(ctx.text(own ? 'sensitivityMmrmLeftOutOutcome' : 'sensitivityMmrmLeftOut'), { visit: sens.mmrmLeftOut.followUpVisits.map(ctx.timeLabel).join(', '), outcome: ctx.outcomeLabel(sens.outcome) }) : '';
  const notes = [leftOut, sentence].filter((n) => n !== '');
  return [{
    id: 'sensitivity',
    title: `${ctx.text('sensitivityTitle')}: ${ctx.outcomeLabel(sens.outcome)}, ${ctx.timeLabel(sens.time)}`,
    tables: [{ table: sensitivityTable(sens, ctx.lang, decimals, ctx.arms) }],
    ...(notes.length ? { notes } : {}),
  }];
};

/** The plan's "adverseEvents": patients with an event per arm and the events by class and term (docs/report-trial.md#adverse-events). */
const adverseEventsSection: TrialSectionBuilder = ({ ctx, result }) => {
  const ae = result.adverseEvents;
  if (!ae) return [];
  const byClass = adverseEventsByClassTable(ae, ctx.lang, ctx.arms);
  return [{
    id: 'adverse-events',
    title: ADVERSE_EVENTS_TITLE[ctx.lang],
    tables: [{ table: adverseEventsTable(ae, ctx.lang, ctx.arms) }, ...(byClass ? [{ caption: adverseEventsByClassCaption(ae, ctx.lang), table: byClass }] : [])],
    notes: adverseEventsNotes(ae, ctx.lang, ctx.arms),
  }];
};

const methodsSection: TrialSectionBuilder = ({ ctx, method, trial, result, t1Labels, sofRows }) => [
  { id: 'methods', title: ctx.text('methodsTitle'), intro: [fillPhrase(ctx.text(yesNoOnly(trial) ? (trial.plan.clusters !== undefined ? 'methodsTextBinaryClustered' : 'methodsTextBinary') : trial.plan.clusters !== undefined ? 'methodsTextClustered' : 'methodsText'), { method: methodsPhrase(ctx, method, trial.plan, t1Labels), missing: missingFollowUpText(trial, result, ctx, method) }), ...(hasYesNo(trial) && !yesNoOnly(trial) ? [ctx.text('methodsBinaryDenominator')] : []), `${fillPhrase(ctx.text(yesNoOnly(trial) ? (trial.plan.clusters !== undefined ? 'sofIntroBinaryClustered' : 'sofIntroBinary') : 'sofIntroShort'), { method })} ${ctx.text(certaintyNoteKey(sofRows))}`, ...(result.effects.some((e) => e.riskRatio === null && e.ratiosNotEstimable) ? [ctx.text('ratiosNotEstimableNote')] : []), ...modelNotes(result, ctx, trial, t1Labels), ...imputationNotes(result, ctx, trial, t1Labels), ...verdictEdgeNotes(result, ctx), ...covariateGapNote(result, trial, ctx.lang), ...clusterNotes(result, ctx), ...otherArmsNotes(trial, ctx.text, ctx.lang), ...notApplicableNotes(trial, ctx), ...passedOverNotes(trial, ctx.text, ctx.lang), ...ignoredVisitsNotes(trial, ctx.text, ctx.lang), ...derivedRowsNotes(trial, ctx.text, ctx.lang), ...encodingNotes(trial, ctx.text, ctx.lang), ...specialMissingNotes(trial, ctx.text, ctx.lang), ...itemBlockPageNotes(trial.unreadItemBlocks, ctx.lang, ctx.outcomeLabel), ...roundedScientificNotes(trial, ctx.text, ctx.lang)] },
];

/**
 * What the multiple imputation did with missing baselines and covariates (docs/plan-trial.md#multiple-imputation):
 * the baselines and the numeric and categorical covariates imputed, with how many
 * patients; patients missing a categorical one of more levels left out; a Monte Carlo error above
 * 10% of the SE, with White et al.'s advice. Read from the MI rows' details (the largest count over
 * outcomes); nothing when nothing was missing and the Monte Carlo error is small. The method is the
 * plan's (details.imputationMethod); "every randomised patient" only when none was left out — for
 * a covariate of many levels, or an outcome not applicable (`trial.rows.notApplicable`). Covariates
 * by their Table 1 labels (`labels`), as the rest of the methods name them.
 */
export function imputationNotes(result: AnalysisResult, ctx: Pick<TrialChartContext, 'text' | 'lang'>, trial: Pick<TrialData, 'rows'>, labels: ReadonlyMap<string, string> = new Map()): string[] {
  const imputed = new Map<string, { patients: number; method?: string }>();
  const leftOut = { patients: 0, covariates: new Set<string>() };
  let baselines = 0;
  // The plan's one imputation method ("pmm" or "norm"), as the rows' details say it.
  let norm = false;
  // An outcome "not applicable" somewhere leaves those patients out of its imputation (applicableAt; the page says so in notApplicableNotes).
  let notApplicable = false;
  // The exact count, as the warnings, Table 1 and the flow: the trial report has no small-count suppression (docs/plan-trial.md).
  const patientsWord = (k: number) => `${formatThousands(k, 0, ctx.lang)} ${k === 1 ? 'patient' : ctx.lang === 'da' ? 'patienter' : 'patients'}`;
  for (const e of [...result.effects, ...(result.sensitivity?.rows ?? [])]) {
    if (e.method !== 'mi-ancova' || !e.details) continue;
    if (String(e.details.imputationMethod).startsWith('norm')) norm = true;
    if (trial.rows.notApplicable?.[e.outcome]?.includes(1)) notApplicable = true;
    for (const c of (e.details.imputedCovariates ?? []) as { name: string; patients: number; imputation?: string }[]) {
      imputed.set(c.name, { patients: Math.max(imputed.get(c.name)?.patients ?? 0, c.patients), ...(c.imputation ? { method: c.imputation } : {}) });
    }
    baselines = Math.max(baselines, (e.details.imputedBaselines as number | undefined) ?? 0);
    const l = e.details.leftOutMissingCategoricalCovariate as { patients: number; covariates: string[] } | undefined;
    if (l) {
      leftOut.patients = Math.max(leftOut.patients, l.patients);
      for (const c of l.covariates) leftOut.covariates.add(c);
    }
  }
  const mc = largestMonteCarloError([...result.effects, ...(result.sensitivity?.rows ?? [])].filter((e) => e.method === 'mi-ancova'));
  const notes: string[] = [];
  const imputation = ctx.text(norm ? 'methodsImputationNorm' : 'methodsImputationPmm');
  // "Every randomised patient is in it" only when the page says nobody was left out.
  const everyone = !leftOut.patients && !notApplicable;
  if (baselines) notes.push(fillPhrase(ctx.text(everyone ? 'methodsImputedBaselines' : 'methodsImputedBaselinesSome'), { patients: patientsWord(baselines), imputation }));
  if (imputed.size) notes.push(fillPhrase(ctx.text('methodsImputedCovariates'), { imputation, covariates: [...imputed].map(([c, k]) => `${lowerFirst(characteristicLabel(c, ctx.lang, labels))}: ${patientsWord(k.patients)}${k.method ? `, ${ctx.text(k.method === 'logreg' ? 'methodsImputedCategorical' : 'methodsImputedPolytomous')}` : ''}`).join('; ') }));
  if (leftOut.patients) notes.push(fillPhrase(ctx.text('methodsLeftOutCategorical'), { patients: patientsWord(leftOut.patients), covariates: [...leftOut.covariates].map((c) => lowerFirst(characteristicLabel(c, ctx.lang, labels))).join(', '), max: MAX_IMPUTED_LEVELS }));
  if (mc) notes.push(fillPhrase(ctx.text('methodsMonteCarloLarge'), { m: mc.m, share: Math.round(100 * mc.share), mcse: formatSignificant(mc.mcse, ctx.lang), suggested: mc.suggested }));
  return notes;
}

/**
 * When another imputation seed may flip an MI row's verdict (its `verdictAtEdge`), one note per
 * outcome and visit: the quantity nearest its cut-off (p first) with its Monte Carlo error, what
 * another seed may give, and the imputations that would settle it
 * (docs/plan-trial.md#verdict-at-its-edge). Nothing when every verdict is far from its edge.
 */
export function verdictEdgeNotes(result: AnalysisResult, ctx: Pick<TrialChartContext, 'text' | 'lang' | 'outcomeLabel' | 'timeLabel' | 'decimalsOf'>): string[] {
  const seen = new Set<string>();
  const notes: string[] = [];
  for (const e of [...result.effects, ...(result.sensitivity?.rows ?? [])]) {
    const edge = e.method === 'mi-ancova' ? e.verdictAtEdge?.[0] : undefined;
    const key = `${e.outcome}\u0000${e.time}`;
    if (!edge || seen.has(key)) continue;
    seen.add(key);
    const value = (x: number) => formatThousands(x, ctx.decimalsOf(e.outcome), ctx.lang);
    const plain = (x: number) => (ctx.lang === 'da' ? String(x).replace('.', ',') : String(x));
    // p's error to p's 3 decimals, as the warning ("0.048 ± 0.004"); a limit's to 2 significant digits.
    const mcse = edge.quantity === 'pValue' && edge.mcse >= 0.001 ? formatThousands(edge.mcse, 3, ctx.lang) : formatSignificant(edge.mcse, ctx.lang);
    const [what, other] =
      edge.quantity === 'pValue'
        ? [`p = ${formatThousands(edge.value, 3, ctx.lang)} ± ${mcse}`, `p ${edge.value < edge.cutoff ? '>' : '<'} ${plain(edge.cutoff)}`]
        : [
            `${ctx.text(edge.quantity === 'ciLower' ? 'methodsEdgeCiLower' : edge.quantity === 'ciUpper' ? 'methodsEdgeCiUpper' : 'methodsEdgeEstimate')} ${value(edge.value)} ± ${mcse}`,
            fillPhrase(ctx.text(edge.value >= edge.cutoff ? 'methodsEdgeBelow' : 'methodsEdgeAbove'), { cutoff: value(edge.cutoff), mcid: ctx.text(edge.cutoff > 0 ? 'methodsEdgeMcid' : 'methodsEdgeMinusMcid') }),
          ];
    notes.push(fillPhrase(ctx.text('methodsVerdictAtEdge'), { outcome: ctx.outcomeLabel(e.outcome), time: ctx.timeLabel(e.time), what, other, m: formatThousands(Number(e.details?.imputations), 0, ctx.lang), settling: formatThousands(edge.settlingImputations, 0, ctx.lang) }));
  }
  return notes;
}

/** Two significant digits in the page's language (a Monte Carlo error: its size, not its digits). */
function formatSignificant(x: number, lang: Lang): string {
  const digits = Math.max(0, 1 - Math.floor(Math.log10(Math.abs(x) || 1)));
  return formatThousands(x, digits, lang);
}

/** The export's arms the plan does not compare, named with their patients (docs/plan-trial.md#other-arms); none without them. */
export function otherArmsNotes(trial: Pick<TrialData, 'otherArms'>, t: (key: 'otherArmsNote') => string, lang: Lang): string[] {
  const others = (trial.otherArms ?? []).filter((a) => a.patients > 0);
  if (!others.length) return [];
  const and = lang === 'da' ? ' og ' : ' and ';
  const named = others.map((a) => `${otherArmName(a, lang)} (n = ${formatThousands(a.patients, 0, lang)})`);
  const arms = named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')}${and}${named[named.length - 1]}`;
  return [fillPhrase(t('otherArmsNote'), { arms })];
}

/**
 * What the report does about missing follow-ups: the sensitivity section when there is one
 * (a continuous primary outcome, docs/plan-trial.md), else the plan's own handling and why there
 * is no sensitivity analysis — never a section the page does not have.
 */
/** How the methods name the primary method: with what it adjusts for, or that it does not. */
function methodsPhrase(ctx: TrialChartContext, method: string, plan: Plan, labels: ReadonlyMap<string, string>): string {
  const m = ctx.primaryMethod;
  if (m === 'cluster-difference') return ctx.text('methodsClusterDifference');
  if (m === 'welch' || m === 'pooled-t') return fillPhrase(ctx.text('methodsUnadjusted'), { method });
  // The change score subtracts the baseline rather than adjusting for it: named as it is.
  if (m === 'change') return method;
  return fillPhrase(ctx.text('methodsAdjusted'), { method, list: adjustedForList(ctx, plan, labels) });
}

/**
 * How the MMRM and the multiple imputation were done, when the page has their rows: the visits
 * the MMRM models (those of the plan; "ignoreTimepoints" leaves others out), its covariance,
 * estimation and df; the imputation's method, m and pooling (docs/report-trial.md).
 */
export function modelNotes(result: AnalysisResult, ctx: Pick<TrialChartContext, 'text' | 'lang' | 'timeLabel'>, trial: Pick<TrialData, 'times' | 'plan'>, labels: ReadonlyMap<string, string>): string[] {
  const rows = [...result.effects, ...(result.sensitivity?.rows ?? [])].filter((e) => !e.error && e.details);
  const notes: string[] = [];
  const and = ` ${ctx.text('and')} `;
  const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`);
  const modelled = new Set(rows.filter((e) => e.method === 'mmrm').flatMap((e) => (e.details!.visitsInModel ?? []) as string[]));
  if (modelled.size) {
    const visits = trial.times.filter((t) => modelled.has(t)).map((t) => ctx.timeLabel(t));
    notes.push(fillPhrase(ctx.text('methodsMmrm'), { visits: list(visits), list: adjustedForList(ctx, trial.plan, labels) }));
  }
  const mi = rows.find((e) => e.method === 'mi-ancova');
  if (mi) {
    const norm = String(mi.details!.imputationMethod).startsWith('norm');
    const imputation = ctx.text(norm ? 'methodsImputationNorm' : 'methodsImputationPmm');
    const auxiliary = trial.plan.missing.auxiliary ?? [];
    const byArm = trial.plan.missing.byArm === true;
    if (!auxiliary.length && !byArm) notes.push(fillPhrase(ctx.text('methodsMi'), { m: String(mi.details!.imputations), imputation, list: adjustedForList(ctx, trial.plan, labels) }));
    else {
      // The imputation model as the plan sets it (docs/plan-trial.md#multiple-imputation): each auxiliary variable by its Table 1 label, else its column.
      const names = list(auxiliary.map((c) => (labels.has(c) ? lowerFirst(labels.get(c)!) : c)));
      const aux = auxiliary.length ? [fillPhrase(ctx.text(auxiliary.length > 1 ? 'methodsMiAuxiliaryMany' : 'methodsMiAuxiliaryOne'), { names })] : [];
      const predictors = [...(byArm ? [] : [ctx.text('methodsMiArm')]), adjustedForList(ctx, trial.plan, labels), ...aux].join(', ');
      notes.push(fillPhrase(ctx.text('methodsMiModel'), { m: String(mi.details!.imputations), imputation, predictors, model: ctx.text(byArm ? 'methodsMiByArm' : 'methodsMiOneModel') }));
    }
  }
  return notes;
}

/**
 * What an adjusted analysis adjusts for, as the methods say it: the baseline score, the plan's
 * stratification factors named as such, then its other covariates, each by its Table 1 label
 * (docs/plan-trial.md#stratification-factors).
 */
export function adjustedForList(ctx: Pick<TrialChartContext, 'text' | 'lang'>, plan: Pick<Plan, 'covariates' | 'stratificationFactors'>, labels: ReadonlyMap<string, string>): string {
  const and = ` ${ctx.text('and')} `;
  const list = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`);
  const name = (c: string) => lowerFirst(characteristicLabel(c, ctx.lang, labels));
  const factors = plan.covariates.filter((c) => plan.stratificationFactors?.includes(c));
  const rest = plan.covariates.filter((c) => !factors.includes(c)).map(name);
  const stratified = factors.length ? [fillPhrase(ctx.text(factors.length > 1 ? 'methodsStratificationFactors' : 'methodsStratificationFactor'), { names: list(factors.map(name)) })] : [];
  return list([ctx.text('methodsBaselineScore'), ...stratified, ...rest]);
}

function missingFollowUpText(trial: TrialData, result: AnalysisResult, ctx: TrialChartContext, method: string): string {
  const plan = trial.plan;
  if (result.sensitivity) return ctx.text(result.sensitivity.mmrmLeftOut ? 'methodsMissingSensitivityMi' : 'methodsMissingSensitivity');
  const reason = ctx.text(!plan.primary ? 'methodsNoPrimary' : !plan.missing.sensitivity ? 'methodsSensitivityOff' : plan.clusters !== undefined ? 'methodsClustered' : 'methodsPrimaryBinary');
  // Yes/no outcomes only: no ANCOVA was run, and each share's denominator is said instead.
  if (yesNoOnly(trial)) return fillPhrase(ctx.text('methodsMissingBinary'), { reason });
  return fillPhrase(ctx.text(plan.missing.method === 'mi' ? 'methodsMissingImputed' : 'methodsMissingCompleteCase'), { method, reason });
}

/** Whether the trial has yes/no outcomes, and whether they are all it has (then no ANCOVA is run: the page says what is). */
function hasYesNo(trial: Pick<TrialData, 'sources'>): boolean {
  return trial.sources.some((s) => s.instrument.kind === 'binary');
}
function yesNoOnly(trial: Pick<TrialData, 'sources'>): boolean {
  return trial.sources.length > 0 && trial.sources.every((s) => s.instrument.kind === 'binary');
}

/**
 * The outcomes some patients' cells said do not apply to them ("notApplicableCodes"): their
 * estimand is among the patients to whom they apply, said in the methods (docs/plan-trial.md#not-applicable).
 */
export function notApplicableNotes(trial: TrialData, ctx: Pick<TrialChartContext, 'text' | 'lang' | 'outcomeLabel'>): string[] {
  const na = trial.rows.notApplicable ?? {};
  const outcomes = trial.plan.outcomes.filter((o) => na[o.key]?.includes(1));
  if (!outcomes.length) return [];
  const and = ctx.lang === 'da' ? ' og ' : ' and ';
  const names = outcomes.map((o) => ctx.outcomeLabel(o.key));
  const codes = [...new Set(outcomes.flatMap((o) => (o.notApplicableCodes ?? []).map((c) => `"${c}"`)))];
  const list = (xs: string[]) => (xs.length === 1 ? xs[0]! : `${xs.slice(0, -1).join(', ')}${and}${xs[xs.length - 1]}`);
  return [fillPhrase(ctx.text('notApplicableNote'), { outcomes: list(names), codes: list(codes) })];
}

/**
 * The REDCap repeating-instrument rows the loader passed over (load-trial.ts), said on the page as
 * on stderr: how many rows and of how many patients, exactly, as every other count of the trial
 * page (docs/report-trial.md).
 */
export function passedOverNotes(trial: TrialData, t: (key: 'passedOverNote') => string, lang: Lang): string[] {
  const p = trial.passedOver;
  if (!p) return [];
  return [fillPhrase(t('passedOverNote'), { ...rowsOfPatients(p, lang), instruments: p.instruments.map((i) => `"${i}"`).join(', ') })];
}

/** "3 rows" and "2 patients" (Danish "3 rækker", "2 patienter"): the counts of rows a note says were read past. */
function rowsOfPatients(p: { rows: number; patients: number }, lang: Lang): { rows: string; patients: string } {
  const count = (k: number, one: string, many: string) => `${formatThousands(k, 0, lang)} ${k === 1 ? one : many}`;
  return {
    rows: lang === 'da' ? count(p.rows, 'række', 'rækker') : count(p.rows, 'row', 'rows'),
    patients: lang === 'da' ? count(p.patients, 'patient', 'patienter') : count(p.patients, 'patient', 'patients'),
  };
}

/** The rows of visits the plan's "ignoreTimepoints" leaves out (load-trial.ts), said on the page as on stderr, counted exactly. */
export function ignoredVisitsNotes(trial: TrialData, t: (key: 'ignoredVisitsNote') => string, lang: Lang): string[] {
  const p = trial.ignoredVisits;
  if (!p) return [];
  return [fillPhrase(t('ignoredVisitsNote'), { ...rowsOfPatients(p, lang), visits: p.visits.map((v) => `"${v}"`).join(', ') })];
}

/** The ADaM derived rows the plan reads past ("derivedRows": "leave-out"; trial/adam-derived-rows.ts), said on the page as on stderr. */
export function derivedRowsNotes(trial: Pick<TrialData, 'derivedRows'>, t: (key: 'derivedRowsNote') => string, lang: Lang): string[] {
  const d = trial.derivedRows;
  if (!d) return [];
  const values = d.values.map(([v, n]) => `"${v}" ${formatThousands(n, 0, lang)}`).join(', ');
  return [fillPhrase(t('derivedRowsNote'), { rows: rowsOfPatients({ rows: d.rows, patients: 0 }, lang).rows, values, column: d.column })];
}

/** Columns whose cells Excel's "Scientific" format rounded (trial/scientific-cells.ts), said on the page as on stderr. */
export function roundedScientificNotes(trial: Pick<TrialData, 'roundedScientific'>, t: (key: 'roundedScientificNote') => string, lang: Lang): string[] {
  return (trial.roundedScientific ?? []).map((c) => {
    const cells = `${formatThousands(c.cells, 0, lang)} ${lang === 'da' ? (c.cells === 1 ? 'celle' : 'celler') : c.cells === 1 ? 'cell' : 'cells'}`;
    // The cell as the export writes it; a Danish page shows its mark as the export has it, too.
    return fillPhrase(t('roundedScientificNote'), { column: c.column, cells, were: c.cells === 1 ? 'was' : 'were', example: c.example.text, line: String(c.example.line) });
  });
}

/**
 * The cells written as SAS/Stata special missing values or Castor EDC user-missing codes, read as
 * missing (trial/special-missing.ts), said on the page as on stderr: Stata's `.a` may stand for
 * "refused" and `.b` for "not applicable", and a reader of the page should know they were analysed
 * as any other missing value (docs/input-trial-export.md#special-missing).
 */
export function specialMissingNotes(trial: Pick<TrialData, 'specialMissing'>, t: (key: 'specialMissingNote') => string, lang: Lang): string[] {
  return (trial.specialMissing ?? []).map((s) => {
    const cells = `${formatThousands(s.cells, 0, lang)} ${lang === 'da' ? (s.cells === 1 ? 'celle' : 'celler') : s.cells === 1 ? 'cell' : 'cells'}`;
    const what =
      s.kind === 'sas-stata'
        ? lang === 'da' ? 'særlige manglende værdier fra SAS/Stata' : 'SAS/Stata special missing values'
        : lang === 'da' ? 'brugerdefinerede manglende værdier fra Castor EDC' : 'Castor EDC user-missing codes';
    return fillPhrase(t('specialMissingNote'), { cells, were: s.cells === 1 ? 'was' : 'were', what, codes: s.codes.join(', ') });
  });
}

/** How the export was decoded when it is not UTF-8 (io/read-csv.ts), said on the page for whoever reruns it. */
export function encodingNotes(trial: Pick<TrialData, 'encoding'>, t: (key: 'encodingNote') => string, lang: Lang): string[] {
  if (!trial.encoding) return [];
  const [encoding, program] =
    trial.encoding === 'windows-1252'
      ? ['Windows-1252', lang === 'da' ? 'Excels almindelige "CSV (semikolonsepareret)"' : 'Excel\'s plain "CSV"']
      : [trial.encoding.toUpperCase(), lang === 'da' ? 'Excels "Unicode-tekst"' : 'Excel\'s "Unicode text"'];
  return [fillPhrase(t('encodingNote'), { encoding, program })];
}

/** The analysis warnings in the page's language, with its labels (results.json keeps analyze-trial.ts's English). */
export function warningNotes(result: AnalysisResult, ctx: TrialChartContext): string[] {
  const labels = {
    outcome: ctx.outcomeLabel,
    time: ctx.timeLabel,
    // A bracketed word the warning patterns capture that is no method stays as written.
    method: (m: string) => (isEffectMethod(m) ? methodText(m, ctx.lang) : m),
    subgroup: (column: string) => result.subgroups?.find((g) => g.subgroup === column)?.label[ctx.lang] ?? column,
  };
  return result.warnings.map((w) => trialWarningText(w, ctx.lang, labels));
}

const warningsSection: TrialSectionBuilder = ({ ctx, result }) => (result.warnings.length ? [{ id: 'warnings', title: ctx.text('warningsTitle'), notes: warningNotes(result, ctx) }] : []);

/**
 * The sections of a trial report in committee order (docs/report-trial.md#order): conclusion,
 * summary of findings, participant flow, Table 1, then the detailed results, sensitivity and
 * methods. To add a section, write a builder and put it in its place here.
 */
export const TRIAL_SECTIONS: readonly TrialSectionBuilder[] = [
  conclusionSection,
  sofSection,
  flowSection,
  excludedSection,
  baselineSection,
  forestSection,
  trajectoriesSection,
  respondersSection,
  allEffectsSection,
  sensitivitySection,
  adverseEventsSection,
  methodsSection,
  warningsSection,
];

/**
 * Under `"invalidRows": "exclude"`, the page says how many rows were left out and why: one row per
 * kind of problem with its column, count and line ranges — never a cell value or a patient id
 * (docs/input-trial-export.md).
 */
function excludedRowsSection(trial: TrialData, t: (key: 'excludedTitle' | 'excludedIntro' | 'excludedStillRandomised' | 'excludedColumn' | 'excludedProblem' | 'excludedCount' | 'excludedLines') => string, lang: Lang): PageSection[] {
  if (!trial.excluded) return [];
  const s = summarizeExclusion(trial.excluded, trial.plan.columns.id);
  return [{
    id: 'excluded-rows',
    title: t('excludedTitle'),
    intro: [fillPhrase(t('excludedIntro'), {
      // Counts in words, singular or plural ("1 row", "3 rækker"), never "row(s)".
      rows: `${formatThousands(s.rows, 0, lang)} ${lang === 'da' ? (s.rows === 1 ? 'række' : 'rækker') : s.rows === 1 ? 'row' : 'rows'}`,
      problems: `${formatThousands(s.problems, 0, lang)} ${lang === 'da' ? 'fejl' : s.problems === 1 ? 'problem' : 'problems'}`,
      are: s.rows === 1 ? 'is' : 'are',
    }), ...(s.randomisedWithoutRows ? [fillPhrase(t('excludedStillRandomised'), {
      patients: `${formatThousands(s.randomisedWithoutRows, 0, lang)} ${lang === 'da' ? (s.randomisedWithoutRows === 1 ? 'patient' : 'patienter') : s.randomisedWithoutRows === 1 ? 'patient' : 'patients'}`,
      stay: s.randomisedWithoutRows === 1 ? 'stays' : 'stay',
    })] : [])],
    tables: s.groups.length
      ? [{ table: {
          header: [t('excludedColumn'), t('excludedProblem'), t('excludedCount'), t('excludedLines')],
          rows: s.groups.map((g) => [g.field ?? '', problemText(g.expected, lang), String(g.count), formatLineRanges(g.lines)]),
          align: ['left', 'left', 'right', 'left'],
        } }]
      : [],
  }];
}
