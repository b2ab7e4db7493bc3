import { DEFAULT_PUBLICATION_THRESHOLD, SUPPRESSED, type Masked } from '../suppressed-marker.js';
import { measuredAt } from '../plan/outcome-timepoints.js';
import type { Command } from 'commander';
import { HtaError, StreamOntoInputError } from '../errors.js';
import { emptyOutcomeNotes } from '../trial/empty-outcomes.js';
import { groupProblems } from '../problem-groups.js';
import { formatExclusion, REGISTRY_EXCLUSION_MEANING, summarizeExclusion, trialExclusionLines } from '../trial/exclusion-summary.js';
import { maskedRows, publishedRecodes, validatedExclusion } from '../observational/published-input.js';
import { validatedCounts } from '../observational/validated-counts.js';
import { packageVersion } from './version.js';
import { mostRowsExcludedNote } from '../trial/most-rows-excluded.js';
import { missingFollowUp } from '../trial/follow-up.js';
import { summarizeTrial } from '../trial/summarize-trial.js';
import { otherArmJson } from '../trial/other-arms.js';
import type { ValidationResult } from '../trial/validation-schema.js';
import { formatRecodes } from '../trial/value-codes.js';
import { groupWording, type GroupWording } from '../observational/group-wording.js';
import { needsBaselineVisit } from '../observational/observational-plan.js';
import { confounderLevelLines, confounderLevels, lookalikeNotes, printedLevelCounts } from '../observational/confounder-levels.js';
import { inputFiles } from '../io/input-files.js';
import { guardPaths } from './guard-output.js';
import { checkLang, FORCE_OPTION } from './options.js';
import type { Lang } from '../report/i18n.js';
import type { ProblemWords } from '../problem-groups.js';
import { type CliIo, printData } from './io.js';
import { armCountsText, formatThousands as count } from '../report/i18n.js';
import { maskCpr } from '../io/cpr-number.js';
import { publishedName } from '../report/published-name.js';
import { publishedJson } from './json-names.js';
import { visibleName } from '../io/visible-text.js';
import { padColumns, textWidth } from '../report/text-width.js';
import { type ExclusionOptions, ignoredVisitsNote, loadTrialInputs, passedOverNote, writeExcludedOut } from './load-inputs.js';
import { shownIgnoredVisits } from '../trial/ignored-visits.js';
import { readTargetSample, type TargetSample, targetSamplePath } from '../trial/target-sample.js';

/** What validate read of the plan's target sample: its patients and the rows left out. */
function sampleNote(s: TargetSample | undefined): string | undefined {
  if (!s) return undefined;
  const left = s.excludedMissing ? `; ${s.excludedMissing} row(s) left out for a missing model value` : '';
  return `target sample ${s.file}: ${s.rows.length} target patients with every model value (${s.model.join(', ')})${left}`;
}

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a trial export against the plan; list every problem with file:line:column')
    .argument('<csv>', 'trial export (long or wide CSV)')
    .option('--plan <file>', 'analysis plan (JSON); defaults: the column names of docs/input-trial-export.md')
    .option('--json', 'print the summary (or, for an invalid file, the grouped problems) as JSON (schema: `hta plan schema --validation`)')
    .option('--exclude-invalid', 'leave rows with problems out and report them (line ranges, never ids) instead of stopping')
    .option('--excluded-out <file>', 'with --exclude-invalid: write line, column, field and problem of every excluded row as CSV')
    .option('--lang <lang>', 'language of the summary and of what is printed on stderr: en or da (--json keeps its English keys)', 'en')
    .option(...FORCE_OPTION)
    .action(async (file: string, opts: { plan?: string; json?: boolean; force?: boolean; lang: string } & ExclusionOptions) => {
      // As analyze says it (docs/cli.md "Danish output"): the summary, the rows left out, the notes on how the export was read.
      const lang = checkLang(opts.lang) ?? 'en';
      guardPaths({
        // The files the plan names (its target sample) are inputs too (docs/output-safety.md).
        inputs: inputFiles([{ option: '<csv>', path: file, kind: 'file' }, opts.plan !== undefined ? { option: '--plan', path: opts.plan, kind: 'trial-plan' } : undefined]),
        outputs: [opts.excludedOut !== undefined ? { option: '--excluded-out', path: opts.excludedOut } : undefined],
        force: opts.force === true,
      });
      // Every string of --json (the error, notes, an excluded row's file) by the inputs' published names (json-names.ts).
      const jsonInputs = [{ path: file }, { path: opts.plan, kind: 'trial-plan' as const }, { path: opts.excludedOut }];
      let result: ValidationResult;
      // The summary's group names, in the run's language.
      let groups: GroupWording;
      let threshold = DEFAULT_PUBLICATION_THRESHOLD;
      let unreadBaseline: string | undefined;
      // A visit an outcome's own "timepoints" leave out (docs/plan-trial.md#outcome-timepoints): "—", not "0/0".
      let notMeasured: (key: string, time: string) => boolean = () => false;
      let design: 'randomised' | 'observational' = 'randomised';
      let registryLines: string[] = [];
      try {
        const { trial } = loadTrialInputs(file, opts.plan, { ...opts, need: 'rows', lang });
        // The plan's target sample, read and checked against the trial as analyze reads it
        // (docs/subgroups.md#inverse-odds-weights): a plan valid here must not fail there.
        const sample = opts.plan !== undefined && trial.plan.design !== 'observational' ? readTargetSample(targetSamplePath(opts.plan, trial.plan), trial.plan, trial) : undefined;
        groups = groupWording(trial.plan, lang);
        // A follow-up-only registry export (docs/observational.md): its baseline column would read
        // "0/0", as if every baseline were missing, where the plan reads none.
        if (!needsBaselineVisit(trial.plan)) unreadBaseline = trial.plan.baseline;
        notMeasured = (key, time) => !measuredAt(trial.plan, key, time);
        let levels = confounderLevels(trial);
        threshold = trial.plan.observational?.suppressionThreshold ?? threshold;
        const columnOf = (name: string) => trial.plan.columns.covariates[name] ?? name;
        const full = summarizeTrial(trial);
        let summary: Pick<Extract<ValidationResult, { valid: true }>, 'file' | 'layout' | 'rows' | 'patients' | 'times' | 'outcomes'> = full;
        let recoded: Extract<ValidationResult, { valid: true }>['recoded'] = trial.recoded;
        if (trial.plan.design === 'observational') {
          design = 'observational';
          // A registry's counts as the analyses' outputs let them be printed beside them: the
          // analyses run as analyze runs them, and what they hide is not given back here
          // (validated-counts.ts; docs/observational.md, "Small counts", rule 14).
          const { analyzeObservational } = await import('../observational/analyze-observational.js');
          const published = analyzeObservational(trial, { version: packageVersion() });
          const shown = validatedCounts({ ...full, confounders: levels }, published);
          summary = { ...full, patients: shown.patients, rows: shown.rows, outcomes: full.outcomes.map((o, i) => ({ ...o, observed: shown.outcomes[i]!.observed })) };
          levels = levels.map((c, i) => ({ ...c, levels: shown.confounders[i]!.levels }));
          // Masked as analyze --json publishes them, and against the level counts printed beside them (confounder-levels.ts).
          recoded = publishedRecodes(trial.recoded, published, printedLevelCounts(levels, columnOf));
        }
        const notice = missingFollowUp(trial);
        result = {
          valid: true,
          ...summary,
          // The arms not compared, counted as randomised (docs/plan-trial.md#other-arms).
          ...(trial.otherArms ? { otherArms: trial.otherArms.map((a) => ({ ...otherArmJson(a), rows: a.rows })) } : {}),
          // Participants never randomised, passed over (docs/plan-trial.md#participant-flow).
          ...(trial.notRandomised ? { notRandomised: { patients: trial.notRandomised.patients, rows: trial.notRandomised.rows } } : {}),
          // Patients who withdrew consent, left out (docs/plan-trial.md#consent-withdrawn).
          ...(trial.consentWithdrawn ? { consentWithdrawn: { patients: trial.consentWithdrawn.patients, rows: trial.consentWithdrawn.rows } } : {}),
          // Visits the plan reads past (docs/plan-trial.md#visits-left-out).
          // Small counts of an observational run masked (ignored-visits.ts).
          ...(trial.ignoredVisits ? { ignoredVisits: shownIgnoredVisits(trial) } : {}),
          // Small counts of an observational run masked (above).
          recoded,
          // A registry's excluded rows as a count only; the lines and values go to stderr below (published-input.ts).
          excluded: !trial.excluded ? null : design === 'observational' ? validatedExclusion(trial.excluded, threshold) : summarizeExclusion(trial.excluded, trial.plan.columns.id),
          warnings: [...(trial.readNotes ?? []), mostRowsExcludedNote(trial, lang), sample?.readNote, sampleNote(sample), notice, ...(notice ? [] : emptyOutcomeNotes(trial)), passedOverNote(trial), ignoredVisitsNote(trial), ...lookalikeNotes(trial.file, levels, (name) => trial.plan.columns.covariates[name] ?? name)].filter((w): w is string => w !== undefined),
          // An observational plan's categorical confounders, their levels (confounder-levels.ts).
          ...(levels.length ? { confounders: levels.map((c) => ({ name: c.name, levels: c.levels })) } : {}),
        };
        // The exclusion summary is part of the output itself (text or JSON), not repeated on stderr;
        // a registry's lines and values are said on stderr only, as analyze says them (rule 13).
        // In the run's language, as analyze says them (load-inputs.ts reportExclusion).
        if (design === 'observational') registryLines = trialExclusionLines(trial, lang, lang === 'da' && trial.excluded ? (await import('../report/problem-text.js')).DANISH_PROBLEM_WORDS : undefined);
        await writeExcludedOut(trial, io, opts.excludedOut, opts.force === true);
      } catch (err) {
        // With --json an invalid file still answers on stdout (exit 2 stays, via main).
        if (opts.json && err instanceof HtaError && !(err instanceof StreamOntoInputError) && err.exitCode === 2) {
          // Each problem's file by its last name, masked, as the summary names the export.
          const invalid: ValidationResult = { valid: false, error: err.message, problems: groupProblems(err.problems).map((p) => (p.file === undefined ? p : { ...p, file: publishedName(p.file) })) };
          printData(io, JSON.stringify(publishedJson(invalid, jsonInputs), null, 2) + '\n');
        }
        throw err;
      }
      // `--json` is an output one may publish: the export by its last name, a CPR-shaped number in it
      // masked, as analyze --json names it; the text on the user's own terminal names it as typed, masked.
      if (opts.json) printData(io, JSON.stringify(publishedJson({ ...result, file: publishedName(result.file) }, jsonInputs), null, 2) + '\n');
      else io.stdout(renderSummary(result, groups, threshold, unreadBaseline, design, lang, lang === 'da' && result.excluded ? (await import('../report/problem-text.js')).DANISH_PROBLEM_WORDS : undefined, notMeasured));
      for (const w of result.warnings) io.stderr(`note: ${w}\n`);
      for (const line of registryLines) io.stderr(line + '\n');
    });
}

/**
 * The patients of the arms not compared, after the compared arms' (`, 4 in "3" (not compared)`, or by
 * the plan's label: `, 4 in Exercise + education ("3"; not compared)`), as
 * the enrolment check counts them; an arm the plan lists but the export does not hold is left out,
 * as the participant flow leaves it out (`--json` keeps it, with 0 patients).
 */
function otherArmsText(others: Extract<ValidationResult, { valid: true }>['otherArms'], lang: Lang): string {
  // Named as the plan names it when it has a label (`, 60 in App + physio call ("2"; not compared)`): the code alone says little.
  const [inWord, notCompared] = lang === 'da' ? ['i', 'sammenlignes ikke'] : ['in', 'not compared'];
  return (others ?? []).filter((a) => a.patients > 0).map((a) => {
    const label = a.label ? (lang === 'da' ? (a.label.da ?? a.label.en) : a.label.en) : undefined;
    return label && label !== a.value ? `, ${count(a.patients, 0, lang)} ${inWord} ${label} (${JSON.stringify(a.value)}; ${notCompared})` : `, ${count(a.patients, 0, lang)} ${inWord} "${a.value}" (${notCompared})`;
  }).join('');
}

/** A count of the summary, or the marker in the run's words (a registry's: validated-counts.ts). */
function shownCount(v: Masked, lang: Lang = 'en'): string {
  return v === SUPPRESSED ? (lang === 'da' ? 'diskretioneret' : 'suppressed') : count(v, 0, lang);
}

/** An observed-values cell, "users/non-users" (a trial's "intervention/control"). */
function groupCounts(v: { intervention: Masked; control: Masked } | undefined, lang: Lang): string {
  if (v === undefined) return armCountsText({ intervention: 0, control: 0 }, lang);
  return `${shownCount(v.intervention, lang)}/${shownCount(v.control, lang)}`;
}

/** Whether the summary hides a count of the patients, rows or observed values (a registry's). */
function anyCountHidden(s: Extract<ValidationResult, { valid: true }>): boolean {
  return s.patients.intervention === SUPPRESSED || s.patients.control === SUPPRESSED || s.rows === SUPPRESSED || s.outcomes.some((o) => Object.values(o.observed).some((v) => v.intervention === SUPPRESSED || v.control === SUPPRESSED));
}

/**
 * The summary's fixed words, English and Danish (docs/glossary-da.md); the plan's and the export's
 * names stay as given. One renderer prints both, so the two languages cannot drift apart in what
 * they show (a masked count, a hidden baseline, a confounder's levels).
 */
interface SummaryWords {
  valid: (layout: string) => string;
  excluded: (rows: string) => string;
  rowsWord: string;
  patients: string;
  notRandomised: (n: string) => string;
  consentWithdrawn: (n: string) => string;
  patientVisits: (n: string) => string;
  rows: (n: string) => string;
  observed: (intervention: string, control: string) => string;
  outcome: string;
  source: string;
  /** A source's name ("items", "score", "profile") in the table. */
  from: (from: string) => string;
  noBaseline: (visit: string) => string;
  notMeasured: string;
  hiddenCount: (below: number) => string;
  confounders: string;
  hiddenLevel: (below: number) => string;
  recoded: string;
}

const FROM_DA: Record<string, string> = { items: 'spørgsmål', score: 'score', profile: 'profil' };
const LAYOUT_DA: Record<string, string> = { long: 'langt format', wide: 'bredt format' };

const SUMMARY_WORDS: Record<Lang, SummaryWords> = {
  en: {
    valid: (layout) => `valid (${layout} layout)`,
    excluded: (rows) => `, ${rows} with problems excluded`,
    rowsWord: 'row(s)',
    patients: 'patients',
    notRandomised: (n) => `; ${n} enrolled, not randomised (not analysed)`,
    consentWithdrawn: (n) => `; ${n} withdrew consent (data not used)`,
    // A wide export's line is a patient with all visits: its rows are patient-visits.
    patientVisits: (n) => `patient-visits: ${n} (a row per patient and visit with a value, and an empty baseline row for a patient with none, read from the wide export's lines)`,
    rows: (n) => `rows: ${n}`,
    observed: (i, c) => `observed scores per time point (${i} / ${c}):`,
    outcome: 'outcome',
    source: 'source',
    from: (f) => f,
    noBaseline: (visit) => `(no ${visit} values in the export, and none needed: the plan says "baselineAsConfounder": false)`,
    notMeasured: '(—: not measured at that visit, as the outcome\'s own "timepoints" say)',
    hiddenCount: (below) => `(suppressed: a count of 1 to ${below} patients, or one that would give such a count with a count the analyses publish — docs/observational.md, "Small counts")`,
    confounders: 'categorical confounders, patients per level:',
    hiddenLevel: (below) => `  (suppressed: a count of 1 to ${below} patients, or a level hidden with it so that it cannot be derived from the total, or a confounder's levels whose total would give such a count with a count the analyses publish)`,
    recoded: "recoded by the plan's answer and missing-value codes (kept rows):",
  },
  da: {
    valid: (layout) => `gyldig (${LAYOUT_DA[layout] ?? layout})`,
    excluded: (rows) => `, ${rows} med problemer udeladt`,
    rowsWord: 'række(r)',
    patients: 'patienter',
    notRandomised: (n) => `; ${n} inkluderet, ikke randomiseret (analyseres ikke)`,
    consentWithdrawn: (n) => `; ${n} trak samtykket tilbage (data ikke anvendt)`,
    patientVisits: (n) => `patientbesøg: ${n} (en række pr. patient og besøg med en værdi og en tom baselinerække for en patient uden, læst fra det brede udtræks linjer)`,
    rows: (n) => `rækker: ${n}`,
    observed: (i, c) => `observerede scorer pr. tidspunkt (${i} / ${c}):`,
    outcome: 'effektmål',
    source: 'kilde',
    from: (f) => FROM_DA[f] ?? f,
    noBaseline: (visit) => `(ingen ${visit}-værdier i udtrækket, og ingen behøves: planen angiver "baselineAsConfounder": false)`,
    notMeasured: '(—: måles ikke ved det besøg, som effektmålets egne "timepoints" angiver)',
    hiddenCount: (below) => `(diskretioneret: et antal på 1 til ${below} patienter, eller et, der sammen med et antal, analyserne offentliggør, ville give et sådant — docs/observational.md, "Small counts")`,
    confounders: 'kategoriske forstyrrende faktorer (confoundere), patienter pr. niveau:',
    hiddenLevel: (below) => `  (diskretioneret: et antal på 1 til ${below} patienter, eller et niveau skjult sammen med det, så det ikke kan udledes af totalen, eller en forstyrrende faktors niveauer, hvis total sammen med et antal, analyserne offentliggør, ville give et sådant)`,
    recoded: 'omkodet efter planens svarkoder og koder for manglende værdi (beholdte rækker):',
  },
};

/** The summary in the plan's words and the run's language: arms for a trial, exposure groups (with their labels) for a registry. */
function renderSummary(s: Extract<ValidationResult, { valid: true }>, g: GroupWording, threshold: number, unreadBaseline?: string, design: 'randomised' | 'observational' = 'randomised', lang: Lang = 'en', words?: ProblemWords, notMeasured: (key: string, time: string) => boolean = () => false): string {
  const w = SUMMARY_WORDS[lang];
  // A visit the plan does not read and the export does not hold is no column, said once below the table.
  const hidden = unreadBaseline !== undefined && s.outcomes.every((o) => !o.observed[unreadBaseline]?.intervention && !o.observed[unreadBaseline]?.control) ? unreadBaseline : undefined;
  const times = s.times.filter((t) => t !== hidden);
  const lines = [
    `${maskCpr(s.file)}: ${w.valid(s.layout)}${s.excluded ? w.excluded(maskedRows(s.excluded.rows, threshold, w.rowsWord, lang)) : ''}`,
    `${w.patients}: ${shownCount(s.patients.intervention, lang)} ${g.described.intervention}, ${shownCount(s.patients.control, lang)} ${g.described.control}${otherArmsText(s.otherArms, lang)}${s.notRandomised?.patients ? w.notRandomised(count(s.notRandomised.patients, 0, lang)) : ''}${s.consentWithdrawn?.patients ? w.consentWithdrawn(count(s.consentWithdrawn.patients, 0, lang)) : ''}`,
    s.layout === 'wide' ? w.patientVisits(shownCount(s.rows, lang)) : w.rows(shownCount(s.rows, lang)),
    '',
    w.observed(g.label.intervention, g.label.control),
  ];
  // Measured as printed, as every text table is (text-table.ts): a label's control characters
  // (a tab, ESC) written visibly first, then terminal columns counted (a decomposed "Å" is one);
  // a label wider than a column of counts widens its column.
  const keys = s.outcomes.map((o) => visibleName(o.key));
  const labels = times.map(visibleName);
  const from = s.outcomes.map((o) => w.from(o.from));
  const width = Math.max(textWidth(w.outcome), ...keys.map(textWidth));
  // A registry's hidden cell ("suppressed/suppressed") widens its column as a long label does.
  const cellOf = (o: (typeof s.outcomes)[number], t: string) => (notMeasured(o.key, t) ? '—' : groupCounts(o.observed[t], lang));
  const widths = labels.map((l, i) => Math.max(9, textWidth(l), ...s.outcomes.map((o) => textWidth(cellOf(o, times[i]!)))));
  // "profile" (an EQ-5D column of profiles such as 11123) is the one source wider than "source".
  const sourceWidth = Math.max(textWidth(w.source), ...from.map(textWidth));
  lines.push([padColumns(w.outcome, width), padColumns(w.source, sourceWidth), ...labels.map((l, i) => padColumns(l, widths[i]!, 'right'))].join('  '));
  for (const [k, o] of s.outcomes.entries()) {
    lines.push([padColumns(keys[k]!, width), padColumns(from[k]!, sourceWidth), ...times.map((t, i) => padColumns(cellOf(o, t), widths[i]!, 'right'))].join('  '));
  }
  if (hidden !== undefined) lines.push(w.noBaseline(hidden));
  if (s.outcomes.some((o) => times.some((t) => notMeasured(o.key, t)))) lines.push(w.notMeasured);
  if (anyCountHidden(s)) lines.push(w.hiddenCount(threshold - 1));
  if (s.confounders?.length) {
    lines.push('', w.confounders, ...confounderLevelLines(s.confounders, threshold, lang).map((l) => `  ${l}`));
    if (s.confounders.some((c) => c.levels.some((l) => l.patients === 'suppressed'))) lines.push(w.hiddenLevel(threshold - 1));
  }
  if (s.recoded.length) lines.push('', w.recoded, ...formatRecodes(s.recoded, lang).map((l) => `  ${l}`));
  if (s.excluded) lines.push('', ...('groups' in s.excluded ? formatExclusion(s.excluded, lang, lang === 'da' ? words : undefined, design) : [registryExclusionText(s.excluded.rows, s.excluded.patients, threshold, lang)]));
  return lines.join('\n') + '\n';
}

/**
 * A registry's excluded rows in validate's summary: how many, what happens to their patients, and
 * where the lines are said — not here, where a row's line and values (an age, a date) would travel
 * with the summary into a ticket (docs/observational.md, "Small counts", rule 13).
 */
function registryExclusionText(rows: Masked, patients: Masked | undefined, threshold: number, lang: Lang = 'en'): string {
  if (lang === 'da') {
    const uden = patients !== undefined && patients !== 0 ? ` (${maskedRows(patients, threshold, 'patient(er)', 'da')} med alle rækker udeladt: i ingen optælling)` : '';
    return `udelod ${maskedRows(rows, threshold, 'række(r)', 'da')} med problemer${uden}; ${REGISTRY_EXCLUSION_MEANING.da}. Hvilke linjer og hvorfor: på stderr og i --excluded-out (ikke i denne opsummering: en rækkes værdier er en patients egne)`;
  }
  const without = patients !== undefined && patients !== 0 ? ` (${maskedRows(patients, threshold, 'patient(s)')} with every row excluded: in no count)` : '';
  return `excluded ${maskedRows(rows, threshold)} with problems${without}; ${REGISTRY_EXCLUSION_MEANING.en}. Which lines and why: on stderr and in --excluded-out (not in this summary: a row's values are a patient's own)`;
}
