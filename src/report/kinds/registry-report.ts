/**
 * The "registry" report (docs/observational.md): a registry outcome export analysed with an
 * observational plan → the crude and adjusted effects against the MCID (chart and table), the
 * E-values in words, the covariate balance (love plot and table), the overlap of the propensity
 * scores, the weights, the warnings and the methods in words. No patient id and no individual
 * propensity score is shown.
 */
import { sofEffectText } from '../summary-of-findings.js';
import type { EffectRow } from '../../analysis/results-schema.js';
import { eValueCi, NO_E_VALUE_CELL, NO_E_VALUE_TEXT } from '../../observational/e-value.js';
import { z } from 'zod';
import { manifestPath } from '../manifest-path.js';
import { HtaError } from '../../errors.js';
import { readCsvFile } from '../../io/read-csv.js';
import { analyzeObservational } from '../../observational/analyze-observational.js';
import type { ObservationalAnalysis, ObservationalEffect, ObservationalResult } from '../../observational/observational-results-schema.js';
import { REGISTRY_TEXT as T } from '../../observational/registry-report-text.js';
import { loadTrial } from '../../trial/load-trial.js';
import { everyRowExcludedError, mostRowsExcludedNote } from '../../trial/most-rows-excluded.js';
import { registryExcludedSection } from '../registry-excluded.js';
import { exclusionCounts } from '../../observational/published-input.js';
import { countText, decimalsOf, maskedFixed, withheldMethods } from '../../observational/observational-text.js';
import { SUPPRESSED } from '../../suppressed-marker.js';
import { groupZeroBaselineNote } from '../zero-baseline-note.js';
import { diagnosticFindings, findingGroups, findingText } from '../../observational/diagnostic-findings.js';
import { armNames } from '../arm-names.js';
import { balanceTermLabel } from '../balance-term-label.js';
import { registryEffectsSpec, registryLovePlotSpec, registryOverlapSpec } from '../charts/registry-charts.js';
import { fillPhrase, formatFixed, formatMcid, formatSetting, formatThousands, type Lang, lowerFirst, NO_MCID_VERDICT_TEXT, RELEVANCE_TEXT, REPORT_TEXT, timeLabel, withUnit } from '../i18n.js';
import { localizedText } from '../localized-text.js';
import { outcomeLabel } from '../../plan/outcome-label.js';
import { withConfidenceLevels } from '../confidence-label.js';
import type { ChartSpec, PageSection, ReportContent } from '../report-page.js';
import type { Table } from '../text-table.js';
import { planOf, type ReportKind } from './report-kind.js';
import { numberCaptions } from '../number-captions.js';
import { differenceDecisions, formatBound } from '../interval-bound.js';
import { shownSuppressedCounts } from '../registry-tally.js';
import { registryFlowCaption, registryFlowTable, registryFlowTitle } from '../registry-flow.js';
import { notAnalysedText } from '../failure-reasons.js';
import { outcomeDataFindings, outcomeDataText } from '../../observational/outcome-data-warnings.js';
import { registryConclusion } from '../registry-conclusion.js';
import { instrumentForOutcome } from '../../plan/outcome-instrument.js';
import { publishedName } from '../published-name.js';
import { registryRelativeSentence, registryRelativeTable } from '../sof-registry-rows.js';

export const registryEntrySchema = z.object({
  data: manifestPath('Registry outcome export (CSV), relative to the manifest'),
  plan: manifestPath('Analysis plan with "design": "observational" (JSON), relative to the manifest'),
  title: localizedText.optional(),
});

const METHOD = {
  crude: { en: 'crude', da: 'ujusteret' },
  'weighted-regression': { en: 'weighted regression (doubly robust)', da: 'vægtet regression (dobbelt robust)' },
  aipw: { en: 'AIPW (doubly robust)', da: 'AIPW (dobbelt robust)' },
} as const;
/** The E-value section's sentence by which CI the E-value's limit reads (e-value.ts, eValueCi). */
const EVALUE_SENTENCE = { excludes: T.evalueSentence, includes: T.evalueSentenceNull, 'rr-includes': T.evalueSentenceRrNull, 'rr-excludes': T.evalueSentenceRrOnly } as const;
const CERTAINTY = { high: { en: 'High', da: 'Høj' }, moderate: { en: 'Moderate', da: 'Moderat' }, low: { en: 'Low', da: 'Lav' }, 'very-low': { en: 'Very low', da: 'Meget lav' } } as const;

/**
 * A risk difference in percentage points, one decimal, as the trial report prints it
 * ("22.2 pp (16.5 to 28.0)"); results.json keeps the proportion. Scores in their own units.
 */
export function registryInterval(e: Pick<ObservationalEffect, 'kind' | 'mcid' | 'difference' | 'ciLower' | 'ciUpper'>, lang: Lang, unit = ''): string {
  const pp = e.kind === 'risk-difference';
  const d = pp ? 1 : decimalsOf(e);
  const f = (v: number | null) => (v === null ? '–' : formatFixed(pp ? 100 * v : v, d, lang));
  // A limit is never rounded onto 0 or ±MCID (interval-bound.ts): the verdict beside it reads its side.
  const decisions = differenceDecisions(e.mcid, pp ? 100 : 1);
  const b = (v: number | null) => (v === null ? '–' : formatBound(pp ? 100 * v : v, d, lang, decisions, pp ? 100 : 1));
  // `unit`: the plan instrument's (`"unit": { "en": "DDD" }`), as the trial page's charts write it (withUnit): "−0.90 DDD (…)".
  const est = pp ? `${f(e.difference)}${ppUnit(lang)}` : e.difference === null ? f(null) : withUnit(f(e.difference), Math.abs(Number(e.difference.toFixed(d))), unit, lang);
  return `${est} (${b(e.ciLower)} ${lang === 'da' ? 'til' : 'to'} ${b(e.ciUpper)})`;
}

const ppUnit = (lang: Lang) => (lang === 'da' ? ' %-point' : ' pp');

/** The MCID as the trial report writes it: "5", not "5.0"; a proportion's in percentage points. */
function mcidText(e: Pick<ObservationalEffect, 'kind' | 'mcid'>, lang: Lang, unit = ''): string {
  if (e.mcid === null) return '–';
  return e.kind === 'risk-difference' ? `${formatMcid(100 * e.mcid, lang)}${ppUnit(lang)}` : withUnit(formatMcid(e.mcid, lang), e.mcid, unit, lang);
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The outcome as Table 1 names it: a score with its direction ("Disability (RMDQ 0–24) (lower
 * is better)"), as the trial's summary of findings does, since the difference is printed as
 * computed (−2.07) while the chart plots the benefit (+2.07). A yes/no or responder row needs
 * none: its name says which way is good ("improved ≥ 30%").
 */
export function registryOutcomeCell(label: string, e: Pick<ObservationalEffect, 'kind' | 'direction'> | undefined, lang: Lang): string {
  if (!e || e.kind === 'risk-difference') return label;
  return `${label} (${REPORT_TEXT[e.direction === 'lower-is-better' ? 'lowerIsBetter' : 'higherIsBetter'][lang]})`;
}

/** The certainty cell: a downgrade says its reason, as the trial's summary of findings does; the note under the table words it (imprecisionNotes). */
export function registryCertaintyCell(e: Pick<ObservationalEffect, 'certainty'>, lang: Lang): string {
  const level = CERTAINTY[e.certainty.level][lang];
  return e.certainty.downgradedForImprecision ? `${level} (${T.imprecisionCell[lang]})` : level;
}

/** Why rows read "Very low (imprecision)": the outcomes and follow-ups downgraded, once under the effects table. */
export function imprecisionNotes(result: Pick<ObservationalResult, 'analyses'>, lang: Lang): string[] {
  const where = result.analyses.filter((a) => a.effects.some((e) => e.certainty.downgradedForImprecision)).map((a) => `${a.label}, ${timeLabel(a.time, lang)}`);
  return where.length ? [fillPhrase(T.imprecisionNote[lang], { list: [...new Set(where)].join('; ') })] : [];
}

/** "n {group}", the group's label mid-sentence in lower case (an abbreviation as it is). */
const nOf = (group: string) => {
  const g = /^.[A-ZÆØÅ]/.test(group) ? group : group.charAt(0).toLowerCase() + group.slice(1);
  return { en: `n ${g}`, da: `n ${g}` };
};

/** `unitOf`: an outcome's unit in the page's language from the plan's instruments ("DDD", "points"; '' for none). */
function effectsTable(result: ObservationalResult, lang: Lang, groups: { exposed: string; unexposed: string }, unitOf: (outcome: string) => string = () => ''): Table {
  const c = T.col;
  // A withheld outcome keeps its rows, each reading "suppressed"; the note below the table says why.
  const withheld = (a: ObservationalAnalysis) =>
    a.effectsSuppressed && a.patients
      ? withheldMethods(result.plan.estimand).map((m) => [a.label, timeLabel(a.time, lang), capitalised(METHOD[m][lang]), countText(a.patients!.exposed, lang), countText(a.patients!.unexposed, lang), countText(SUPPRESSED, lang), '–', '–', '–', '–'])
      : [];
  const rows = result.analyses.flatMap((a) => [
    ...withheld(a),
    ...a.effects.map((e) => [
      registryOutcomeCell(a.label, e, lang),
      timeLabel(a.time, lang),
      // A table cell starts with a capital, as the verdict and certainty cells beside it.
      capitalised(METHOD[e.method][lang]),
      countText(e.n.intervention, lang),
      countText(e.n.control, lang),
      // Scores in their own units, said (a committee reader could not tell DDD from points); a proportion in pp.
      registryInterval(e, lang, unitOf(a.outcome)),
      mcidText(e, lang, unitOf(a.outcome)),
      e.relevance ? RELEVANCE_TEXT[e.relevance][lang] : NO_MCID_VERDICT_TEXT[e.significant ? 'significant' : 'notSignificant'][lang],
      registryCertaintyCell(e, lang),
      e.eValue ? `${formatFixed(e.eValue.estimate, 2, lang)} (${formatFixed(e.eValue.ciLimit, 2, lang)})` : e.eValueMissing ? NO_E_VALUE_CELL[e.eValueMissing.reason][lang] : '–',
    ]),
  ]);
  return {
    // The unit in the header when a row is a proportion: its difference is in percentage points.
    // The groups' counts headed by the plan's group labels ("n app users"), not "users" whatever the exposure.
    header: [c.outcome, c.time, c.method, nOf(groups.exposed), nOf(groups.unexposed), rows.length && result.analyses.some((a) => a.effectsSuppressed || a.effects.some((e) => e.kind === 'risk-difference')) ? c.differencePp : c.difference, c.mcid, c.verdict, c.certainty, c.evalue].map((x) => x[lang]),
    rows,
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'left', 'left', 'right'],
    // Room for the outcome; "3 months" on one line (docs/report-trial.md#print); the difference and
    // the E-value with their intervals under them on a screen too, as in print: on one line they
    // pushed the table to a 1,000 px window's edge (html-page.ts "stack").
    fit: ['label', 'nowrap', undefined, undefined, undefined, 'stack', undefined, undefined, undefined, 'stack'],
  };
}

function balanceTable(a: ObservationalAnalysis, lang: Lang, termLabel: (term: string) => string): Table {
  const c = T.col;
  const f = (v: number | 'suppressed' | null) => (v === null ? '–' : v === 'suppressed' ? countText(v, lang) : formatFixed(v, 3, lang));
  return {
    header: [c.term, c.smdBefore, c.smdAfter, c.vrBefore, c.vrAfter].map((x) => x[lang]),
    rows: a.balance.map((b) => [termLabel(b.term), f(b.smdBefore), f(b.smdAfter), f(b.varianceRatioBefore), f(b.varianceRatioAfter)]),
    align: ['left', 'right', 'right', 'right', 'right'],
  };
}

function weightsTable(a: ObservationalAnalysis, groups: { exposed: string; unexposed: string }, lang: Lang): Table {
  const c = T.col;
  return {
    header: [c.group, c.analysed, c.ess, c.maxWeight, c.ps].map((x) => x[lang].replace('{k}', String(a.weights?.maxOf ?? ''))),
    rows: (['exposed', 'unexposed'] as const).map((g) => [
      groups[g],
      a.patients ? countText(a.patients[g], lang) : '–',
      a.weights ? maskedFixed(a.weights.effectiveSampleSize[g], 1, lang) : '–',
      a.weights ? maskedFixed(a.weights.max[g], 2, lang) : '–',
      a.propensity ? ((q) => (q === SUPPRESSED ? countText(q, lang) : q.map((v) => formatFixed(v, 2, lang)).join(' / ')))(a.propensity.quantiles[g]) : '–',
    ]),
    align: ['left', 'right', 'right', 'right', 'left'],
  };
}

/**
 * An analysis that gave no estimate: an error row (its sample never formed, or a fit failed). One
 * whose estimates are withheld for small counts was analysed: its rows read "suppressed".
 */
const notAnalysed = (a: ObservationalAnalysis): boolean => a.error !== undefined || (a.effects.length === 0 && !a.effectsSuppressed);

/** Why no registry page is written: each reason once, with the analyses it stopped. */
function noAnalysisMessage(id: string, failed: readonly ObservationalAnalysis[]): string {
  const byReason = new Map<string, string[]>();
  for (const a of failed) {
    const reason = a.error ?? 'no estimate';
    byReason.set(reason, [...(byReason.get(reason) ?? []), `${a.outcome} at ${a.time}`]);
  }
  const reasons = [...byReason].map(([reason, where]) => `${where.join(', ')}: ${reason}`);
  return `report "${id}": no analysis could be done, so no page is written (a page of empty sections would look like a result)\n  ${reasons.join('\n  ')}`;
}

export const registryReportKind: ReportKind<typeof registryEntrySchema> = {
  entrySchema: registryEntrySchema,
  inputKinds: { plan: 'trial-plan' },
  async build(entry, env): Promise<ReportContent> {
    const lang = env.lang;
    const dataPath = env.input(entry.data);
    const planPath = env.input(entry.plan);
    const plan = planOf(env, planPath);
    if (plan.design !== 'observational') {
      throw new HtaError('plan.invalid', `${entry.plan}: a registry report needs a plan with "design": "observational" (docs/observational.md)`);
    }
    const { result, exclusion, layout, mostExcluded } = env.memo(`registry\u0000${dataPath}\u0000${planPath}`, () => {
      const trial = loadTrial(readCsvFile(dataPath, { duplicateNames: 'keep' }), plan, { lang: env.runLang ?? 'en' });
      // How the export was read (its encoding, header spellings, CPR-shaped ids…), as `hta analyze` says it: each note once per run.
      for (const note of trial.readNotes ?? []) env.note?.(note);
      // Every row left out by the plan's "invalidRows": "exclude": said so, as `hta analyze` and the
      // trial page say it, before the analyses blame "too few patients" (most-rows-excluded.ts).
      const noneKept = everyRowExcludedError(trial, env.runLang ?? 'en');
      if (noneKept) throw noneKept;
      const r = analyzeObservational(trial, { version: env.version });
      // Paths as the manifest writes them, so results.json is the same on every machine.
      return {
        result: { ...r, input: { ...r.input, file: publishedName(entry.data) } } as ObservationalResult,
        // The rows left out, and of whom (published-input.ts): the page's counts of them, masked as --json's.
        exclusion: exclusionCounts(trial),
        layout: trial.layout,
        // More rows left out than kept: the plan, not the rows, is likely wrong — the warning `hta analyze` prints.
        mostExcluded: mostRowsExcludedNote(trial, env.runLang ?? 'en'),
      };
    });
    if (mostExcluded) env.warn?.(mostExcluded);
    // A page of empty sections (a figure caption without a chart, an empty table, methods for a
    // fit that never ran) would be published with exit 0: when nothing could be analysed the
    // report fails as `hta analyze` does (exit 1, nothing written), saying why
    // (docs/observational.md "When an analysis cannot be done").
    const failed = result.analyses.filter(notAnalysed);
    if (failed.length === result.analyses.length) throw new HtaError('analysis.failed', noAnalysisMessage(entry.id, failed));
    // The page shows the plan's labels in the page's language; results.json keeps the analysis as computed.
    const shown = { ...result, analyses: result.analyses.map((a) => ({ ...a, label: outcomeLabel(plan, a.outcome, lang) })) };
    const arms = armNames(plan.armLabels, lang, plan.arms);
    const groups = { exposed: arms.Intervention, unexposed: arms.Control };
    // Mid-sentence the groups as running text writes them: a lower-case label ("brugere af appen")
    // stays lower case, as on the trial page (arm-names.ts; docs/plan-trial.md "Arm names").
    const inText = { exposed: arms.intervention, unexposed: arms.control };
    const spec = plan.observational!;
    // Balance terms in words ("Sex: female"), not codes ("sex=K").
    const termLabel = (term: string) => balanceTermLabel(term, spec.confounders, lang);
    const primary =
      shown.analyses.find((a) => !a.error && plan.primary && a.outcome === plan.primary.outcome && a.time === plan.primary.time) ?? shown.analyses.find((a) => !a.error);
    const charts: ChartSpec[] = [];
    const sections: PageSection[] = [];
    // The conclusion first, as on the trial page: the committee reads it before the tables.
    const conclusion = primary
      ? registryConclusion({
          analyses: shown.analyses,
          primary,
          planned: plan.primary !== undefined && primary.outcome === plan.primary.outcome && primary.time === plan.primary.time,
          groups,
          methodText: (m) => METHOD[m][lang],
          // A mean difference in the trial page's words, with its direction ("MD 2,07 point lavere"):
          // "−2,07" stood beside a figure that prints the gain, "2,07" (docs/observational.md#the-conclusion-in-the-report).
          interval: (e) => {
            // A yes/no estimate with its RR and absolute effect per 1,000, as the page's second effects table gives them (sof-registry-rows.ts).
            if (e.kind === 'risk-difference') return [registryInterval(e, lang), registryRelativeSentence(e, inText, spec.estimand, lang)].filter(Boolean).join('; ');
            if (e.difference === null || e.ciLower === null || e.ciUpper === null) return registryInterval(e, lang);
            const o = plan.outcomes.find((x) => x.key === primary.outcome);
            const unit = o ? instrumentForOutcome(o, plan).unit[lang] : '';
            const row = { method: 'ancova', outcome: primary.outcome, difference: e.difference, ciLower: e.ciLower, ciUpper: e.ciUpper, mcid: e.mcid, error: null } as unknown as EffectRow;
            return sofEffectText(row, { lang, unitOf: () => unit, decimalsOf: () => decimalsOf(e) });
          },
          unitOf: (key) => {
            const o = plan.outcomes.find((x) => x.key === key);
            return o ? instrumentForOutcome(o, plan).unit[lang] : '';
          },
          lang,
        })
      : '';
    if (conclusion) sections.push({ id: 'conclusion', title: REPORT_TEXT.conclusionTitle[lang], intro: [conclusion] });
    // Analyses that could not be done are named here, not left out silently (their reasons: Warnings).
    const notDone = shown.analyses.filter(notAnalysed).map((a) => `${a.label}, ${timeLabel(a.time, lang)}`);
    // Yes/no outcomes and responders (events) are said apart from outcomes with few values.
    const withheldOf = (event: boolean) => shown.analyses.filter((a) => !a.error && a.effectsSuppressed && (a.kind !== 'continuous') === event).map((a) => `${a.label}, ${timeLabel(a.time, lang)}`);
    const withheld = withheldOf(true);
    const withheldFew = withheldOf(false);
    // Responder analyses under a percent rule: the analysed patients at a baseline of 0, per group (zero-baseline-note.ts).
    const zeroNotes = shown.analyses.flatMap((a) => (a.atZeroBaseline && !a.error ? [groupZeroBaselineNote(a.label, a.time, { exposed: countText(a.atZeroBaseline.exposed, lang), unexposed: countText(a.atZeroBaseline.unexposed, lang) }, inText, lang)] : []));
    const effectNotes = [
      ...(withheld.length > 0 ? [fillPhrase(T.effectsWithheld[lang], { list: withheld.join('; '), threshold: spec.suppressionThreshold })] : []),
      ...(withheldFew.length > 0 ? [fillPhrase(T.effectsWithheldFewValues[lang], { list: withheldFew.join('; '), threshold: spec.suppressionThreshold })] : []),
      ...(notDone.length > 0 ? [fillPhrase(T.noAnalysisFor[lang], { list: notDone.join('; ') })] : []),
      ...zeroNotes,
      ...imprecisionNotes(shown, lang),
    ];
    // No estimate at all (every analysis withheld or failed): no chart, rather than an empty one.
    const anyEffect = shown.analyses.some((a) => a.effects.length > 0);
    // Yes/no outcomes as a summary of findings reads them: RR, adjusted risk without the exposure, per 1,000 (sof-registry-rows.ts).
    const relative = registryRelativeTable(shown.analyses, (m) => capitalised(METHOD[m][lang]), groups, inText, spec.estimand, lang);
    if (relative) effectNotes.push(relative.note);
    sections.push({
      id: 'effects',
      title: T.effectsTitle[lang],
      // The second paragraph reads the chart (its dashed lines): without one it would describe nothing.
      intro: [fillPhrase(T.notRandomised[lang], { exposed: lowerFirst(inText.exposed), unexposed: lowerFirst(inText.unexposed), estimand: T.estimand[spec.estimand][lang] }), ...(anyEffect ? [fillPhrase(T.effectsIntro[lang], { ...inText, theIntervention: arms.theIntervention })] : [])],
      ...(anyEffect ? { chart: 'effects' } : {}),
      tables: [{ caption: T.effectsTableCaption[lang], table: effectsTable(shown, lang, groups, (key) => {
        const o = plan.outcomes.find((x) => x.key === key);
        return o ? instrumentForOutcome(o, plan).unit[lang] : '';
      }) }, ...(relative ? [{ caption: relative.caption, table: relative.table }] : [])],
      ...(effectNotes.length > 0 ? { notes: effectNotes } : {}),
    });
    if (anyEffect) charts.push({ name: 'effects', spec: registryEffectsSpec(shown.analyses, lang, arms), alt: T.effectsTitle[lang] });
    // From the patients read to those analysed, per group (registry-flow.ts): who is not in the estimates, and why.
    const flow = registryFlowTable(result, shown.analyses, groups, spec.trim !== undefined, spec.baselineAsConfounder, lang, (exclusion?.rows ?? 0) > 0);
    if (flow) sections.push({ id: 'flow', title: registryFlowTitle(lang), tables: [{ caption: registryFlowCaption(lang), table: flow }] });
    // Rows the plan's "invalidRows": "exclude" left out: their count, masked as rule 13 masks it (registry-excluded.ts).
    const excluded = registryExcludedSection(exclusion, layout, result, lang);
    if (excluded) sections.push(excluded.section);
    // No E-value for a yes/no outcome no non-user has (e-value.ts): the section says why, for every
    // row lacking one for the weighted regression's reason — so the Warnings leave that out (below).
    const saidNoEValue = new Map<ObservationalAnalysis, string>();
    const evalueNotes = shown.analyses.flatMap((a) => {
      const e = a.effects.find((x) => x.method === 'weighted-regression');
      if (e?.eValueMissing) {
        const reason = e.eValueMissing.reason;
        saidNoEValue.set(a, reason);
        const methods = a.effects.filter((x) => x.eValueMissing?.reason === reason).map((x) => METHOD[x.method][lang]).join(', ');
        return [fillPhrase(T.evalueMissing[lang], { outcome: a.label, time: timeLabel(a.time, lang), methods, why: NO_E_VALUE_TEXT[reason][lang] })];
      }
      if (!e?.eValue) return [];
      return [fillPhrase(EVALUE_SENTENCE[eValueCi(e)][lang], { outcome: a.label, time: timeLabel(a.time, lang), method: METHOD[e.method][lang], e: formatFixed(e.eValue.estimate, 2, lang), ci: formatFixed(e.eValue.ciLimit, 2, lang) })];
    });
    // No E-value (no analysis with a weighted regression): no section, rather than an empty one.
    if (evalueNotes.length > 0) sections.push({ id: 'e-values', title: T.evalueTitle[lang], intro: evalueNotes });
    if (primary) {
      const hiddenBalance = primary.balance.filter((b) => b.smdBefore === 'suppressed').length;
      const where = { outcome: primary.label, time: timeLabel(primary.time, lang) };
      sections.push({
        id: 'balance',
        title: T.balanceTitle[lang],
        intro: [fillPhrase(T.balanceIntro[lang], { outcome: primary.label, time: timeLabel(primary.time, lang), threshold: formatSetting(spec.balanceThreshold, lang) })],
        chart: 'love-plot',
        tables: [{ caption: fillPhrase(T.balanceTableCaption[lang], where), table: balanceTable(primary, lang, termLabel) }],
        ...(hiddenBalance > 0 ? { notes: [hiddenBalance === 1 ? T.balanceHiddenOne[lang] : fillPhrase(T.balanceHidden[lang], { n: hiddenBalance })] } : {}),
      });
      charts.push({ name: 'love-plot', spec: registryLovePlotSpec(primary, spec.balanceThreshold, lang, termLabel), alt: T.balanceTitle[lang] });
      // Hidden with a balance term hidden for a small count (docs/observational.md, "Small counts", rule 9): no chart of markers.
      const scoresHidden = primary.propensity?.quantiles.exposed === SUPPRESSED;
      const notes = [
        ...(scoresHidden ? [T.overlapHidden[lang]] : []),
        // The primary analysis was done, so its sample was formed and counted.
        ...(primary.excluded ? [fillPhrase(T.excluded[lang], { missing: countText(primary.excluded.missingConfounders, lang), trimmed: countText(primary.excluded.trimmed, lang) })] : []),
      ];
      sections.push({
        id: 'overlap',
        title: T.overlapTitle[lang],
        intro: [T.overlapIntro[lang]],
        ...(scoresHidden ? {} : { chart: 'overlap' }),
        tables: [{ caption: fillPhrase(T.weightsTableCaption[lang], where), table: weightsTable(primary, groups, lang) }],
        ...(notes.length > 0 ? { notes } : {}),
      });
      if (!scoresHidden) charts.push({ name: 'overlap', spec: registryOverlapSpec(primary, groups, lang), alt: T.overlapTitle[lang] });
    }
    // Mid-sentence in lower case ("age (years), sex"), an abbreviation ("BMI") as it is.
    const inSentence = (label: string) => (/^.[A-ZÆØÅ]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));
    const groupWords = { exposed: inSentence(groups.exposed), unexposed: inSentence(groups.unexposed) };
    const trim = (spec.trim !== undefined ? fillPhrase(T.trimmed[lang], { t: formatSetting(spec.trim, lang), u: formatSetting(1 - spec.trim, lang) }) : '') + (spec.truncate !== undefined ? fillPhrase(T[spec.estimand === 'ATO' ? 'truncatedNoAipw' : spec.estimand === 'ATT' ? 'truncatedAtt' : 'truncated'][lang], { q: formatSetting(spec.truncate, lang), ...groupWords }) : '');
    const confounders = [...spec.confounders.map((c) => inSentence(termLabel(c.name))), ...(spec.baselineAsConfounder ? [lang === 'da' ? 'baselinescoren' : 'the baseline score'] : [])].join(', ');
    // The tally agrees with the page: balance rows that read "suppressed" are counted too (they are values, not counts).
    const hiddenRows = primary ? primary.balance.filter((b) => b.smdBefore === 'suppressed').length : 0;
    // What this page shows (registry-tally.ts); results.json's tally, of every analysis's cells, named when it differs.
    const inTables = shownSuppressedCounts(sections, countText(SUPPRESSED, lang));
    // The rows left out, when hidden, are a count on this page too; results.json does not carry them, so it is compared without.
    const n = inTables + (excluded?.hidden ?? 0);
    const inJson = result.plan.suppression.suppressedCounts;
    const withheldEstimates = shown.analyses.filter((a) => !a.error && a.effectsSuppressed && a.patients).length * withheldMethods(spec.estimand).length;
    const tally = (hiddenRows > 0 ? fillPhrase(T.suppressedTallyBalance[lang], { n, k: hiddenRows }) : fillPhrase(T.suppressedTally[lang], { n }))
      + (withheldEstimates > 0 ? fillPhrase(T.withheldTally[lang], { w: withheldEstimates }) : '')
      + (inJson !== inTables ? fillPhrase(T.suppressedTallyJson[lang], { m: inJson }) : '');
    const smallCounts = fillPhrase(T.smallCounts[lang], { below: spec.suppressionThreshold - 1, threshold: spec.suppressionThreshold, tally });
    sections.push({ id: 'methods', title: T.methodsTitle[lang], intro: [...T.methods[lang].map((p) => fillPhrase(p, { confounders, outcomeTerms: T.outcomeTerms[spec.baselineAsConfounder ? 'withBaseline' : 'withoutBaseline'][lang], weights: fillPhrase(T.weights[spec.estimand][lang], groupWords), trim })), smallCounts] });
    // The warnings in the page's language, from the same rules as the CLI's (diagnostic-findings.ts);
    // in Danish the groups by the plan's labels, as the rest of the page names them.
    const danishGroups = findingGroups(plan.armLabels, plan.arms);
    const warnings = shown.analyses.flatMap((a) => {
      const where = `${a.label}, ${timeLabel(a.time, lang)}`;
      // The reason in the page's language (results.json keeps the analysis's English).
      // What the export's values of the outcome say (all "yes", missing for most), failed or not (outcome-data-warnings.ts).
      const data = outcomeDataFindings(a, result.input.patients, spec.baselineAsConfounder).map((f) => `${where}: ${outcomeDataText(f, lang)}`);
      if (a.error || !a.excluded) return [`${where}: ${notAnalysedText(a.error ?? '', lang, T.notAnalysed)}`, ...data];
      // A missing E-value the E-value section explains is not said twice.
      const found = diagnosticFindings(a, spec.balanceThreshold, spec.trim ?? null).filter((f) => !(f.kind === 'no-e-value' && saidNoEValue.get(a) === f.reason));
      if (a.excluded.missingConfounders) found.push({ kind: 'missing', n: a.excluded.missingConfounders });
      return [...data, ...found.map((f) => `${where}: ${findingText(f, lang, termLabel, danishGroups)}`)];
    });
    if (warnings.length) sections.push({ id: 'warnings', title: T.warningsTitle[lang], notes: warnings });
    const title = entry.title?.[lang] ?? entry.title?.en ?? plan.title?.[lang] ?? plan.title?.en ?? T.title[lang];
    const provenance = fillPhrase(T.provenance[lang], { version: env.version, data: publishedName(entry.data), plan: publishedName(entry.plan) });
    // Every interval is at the plan's level (1 − alpha), and so is every label that names it (confidence-label.ts).
    const labelled = withConfidenceLevels({ page: { lang, title, provenance, sections: numberCaptions(sections, lang) }, charts }, 1 - plan.alpha);
    return { ...labelled, results: result };
  },
};
