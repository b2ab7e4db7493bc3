/** Shared by the trial commands: read the export and the plan (or the default plan). */
import { attachEventListing, eventListingPath } from '../trial/adverse-events.js';
import { HtaError } from '../errors.js';
import { tableWithDeclaredMark } from '../io/declared-mark.js';
import { readCsvFile, type CsvTable } from '../io/read-csv.js';
import { writeFileAtomic, writeFilesAtomic } from '../io/write-atomic.js';
import { loadPlanFile, planNotes } from '../plan/load-plan.js';
import type { Plan } from '../plan/plan-schema.js';
import { defaultPlanFor } from '../plan/default-plan.js';
import type { ProblemWords } from '../problem-groups.js';
import { excludedCsv, trialExclusionLines } from '../trial/exclusion-summary.js';
import { everyRowExcludedError, mostRowsExcludedNote } from '../trial/most-rows-excluded.js';
import { loadTrial } from '../trial/load-trial.js';
import { withoutConsentWithdrawn } from '../trial/consent-withdrawn.js';
import type { TrialData } from '../trial/trial-data.js';
import type { CliIo } from './io.js';
import { refuseSwappedInputs } from './swapped-inputs.js';
import { checkTrialContent, type ContentNeed } from '../trial/check-content.js';
import { planValueCodes } from '../trial/value-codes.js';
import { postLoadNotes } from '../trial/post-load-notes.js';
import { shownIgnoredVisits, suppressionThresholdOf } from '../trial/ignored-visits.js';

export interface TrialInputs {
  csv: CsvTable;
  plan: Plan;
  trial: TrialData;
}

/** The row-exclusion options every trial command takes. */
export interface ExclusionOptions {
  excludeInvalid?: boolean;
  excludedOut?: string;
}

/** What the command does with the data (see checkTrialContent): analysis unless told otherwise. */
export interface LoadOptions extends ExclusionOptions {
  need?: ContentNeed;
  /** The command computes nothing from the covariates (`hta score`): see LoadTrialOptions. */
  covariatesUnread?: boolean;
  /** No outcome's MCID is needed (`hta score`, which judges nothing): a plan without one is read. */
  mcidOptional?: boolean;
  /** The language of the notes on how the export was read (`--lang`). */
  lang?: 'en' | 'da';
}

export function loadTrialInputs(file: string, planFile: string | undefined, options: LoadOptions = {}): TrialInputs {
  // The plan's codes are values, not labels, when the file's start is judged (io/header-line.ts);
  // a plan that does not load is refused after the export, as before.
  refuseSwappedInputs({ option: '<csv>', path: file }, planFile !== undefined ? { option: '--plan', path: planFile } : undefined);
  let given: Plan | undefined;
  let planError: unknown;
  if (planFile) {
    try {
      given = loadPlanFile(planFile, { mcidOptional: options.mcidOptional === true });
    } catch (err) {
      planError = err;
    }
  }
  const read = readCsvFile(file, { ...(given ? { knownValues: planValueCodes(given) } : {}), duplicateNames: 'keep' });
  if (planError !== undefined) throw planError;
  const plan = given ?? defaultPlanFor(read);
  // Read with the plan's "decimalMark" when it declares one: every reader of the export (the trial, Table 1) reads the same numbers (io/declared-mark.ts).
  // Without the rows of patients who withdrew consent, for every reader of the export (the trial, the checks, `hta score`'s copy): consent-withdrawn.ts.
  const csv = withoutConsentWithdrawn(tableWithDeclaredMark(read, plan.decimalMark), plan).table;
  const exclude = options.excludeInvalid === true || plan.invalidRows === 'exclude';
  if (options.excludedOut && !exclude) {
    throw new HtaError('usage.invalid', '--excluded-out lists the rows --exclude-invalid leaves out; add --exclude-invalid (or set "invalidRows": "exclude" in the plan)');
  }
  const trial = loadTrial(csv, plan, { excludeInvalid: exclude, ...(options.lang ? { lang: options.lang } : {}), ...(options.covariatesUnread ? { covariatesUnread: true } : {}) });
  // A listing of adverse events beside the export, named relative to the plan (docs/plan-trial.md#adverse-events).
  if (planFile) attachEventListing(trial, eventListingPath(planFile, plan));
  // Every row left out: said so, before the checks of the kept rows blame the plan (most-rows-excluded.ts).
  const noneKept = everyRowExcludedError(trial, options.lang);
  if (noneKept) throw noneKept;
  checkTrialContent(csv, trial, options.need ?? 'analysis', planFile);
  // The checks of the loaded trial (word codes, scale codes, follow-up-only patients …): post-load-notes.ts, as `hta report` says them.
  const checks = postLoadNotes(trial, options.lang);
  if (checks.length) trial.readNotes = [...(trial.readNotes ?? []), ...checks];
  // What loading the plan changed (margin shares rescaled to 1: plan/margin-shares.ts).
  const notes = planNotes(plan);
  if (notes.length) trial.readNotes = [...notes, ...(trial.readNotes ?? [])];
  return { csv, plan, trial };
}

/** The note on rows read past (REDCap repeating instruments), when there were any. */
export function passedOverNote(trial: TrialData, lang: 'en' | 'da' = 'en'): string | undefined {
  const p = trial.passedOver;
  if (!p) return undefined;
  // The REDCap rows in Danish as the trial page's note says them (docs/glossary-da.md: "gentaget REDCap-skema").
  if (lang === 'da') return `${trial.file}: ${p.rows} række(r) er ikke læst: rækker fra gentagne REDCap-skemaer (${p.instruments.map((i) => JSON.stringify(i)).join(', ')}) uden nogen af planens kolonner udfyldt`;
  return `${trial.file}: ${p.rows} row(s) not read: ${p.why}`;
}

/** The note on the rows of visits the plan reads past ("ignoreTimepoints"), when there were any. */
export function ignoredVisitsNote(trial: TrialData, lang: 'en' | 'da' = 'en'): string | undefined {
  // An observational run's small counts are suppressed here as in its JSON (ignored-visits.ts):
  // said as "fewer than 5" (docs/glossary-da.md: "diskretioneret (færre end 5)").
  const p = shownIgnoredVisits(trial);
  if (!p) return undefined;
  const threshold = suppressionThresholdOf(trial.plan);
  const n = (k: number | 'suppressed') => (k !== 'suppressed' ? String(k) : lang === 'da' ? `færre end ${threshold}` : `fewer than ${threshold}`);
  const visits = p.visits.map((v) => JSON.stringify(v)).join(', ');
  // The rows' values are in no estimate, but their patients are not left out: one whose rows are
  // all at such visits is read as randomised with an empty baseline row (docs/plan-trial.md#visits-left-out).
  if (lang === 'da') return `${trial.file}: ${n(p.rows)} række(r) (${n(p.patients)} patient(er)) er ikke læst: besøg, som planens "ignoreTimepoints" udelader (${visits}); deres værdier indgår ikke i nogen estimater, figurer eller modeller, men patienterne forbliver i forsøget — en patient, der kun har rækker fra disse besøg, tæller som randomiseret i patientflowet, tabel 1 og intention-to-treat-imputationen`;
  return `${trial.file}: ${n(p.rows)} row(s) of ${n(p.patients)} patient(s) not read: visits the plan's "ignoreTimepoints" leaves out (${visits}); their values are in no estimate, chart or model, but their patients stay in the trial — one whose rows are all at these visits counts as randomised in the participant flow, Table 1 and the intention-to-treat imputation`;
}

/**
 * After a successful load: the notes (columns read from another spelling, rows read past) and the
 * stderr lines on excluded rows. The --excluded-out file is the caller's to write, with its other
 * outputs as one batch (excludedOutFile).
 */
export function reportExclusion(trial: TrialData, io: CliIo, lang: 'en' | 'da' = 'en', words?: ProblemWords): void {
  for (const note of trial.readNotes ?? []) io.stderr(`note: ${note}\n`);
  for (const note of [passedOverNote(trial, lang), ignoredVisitsNote(trial, lang)]) if (note) io.stderr(`note: ${note}\n`);
  if (!trial.excluded) return;
  for (const line of trialExclusionLines(trial, lang, words)) io.stderr(line + '\n');
  const most = mostRowsExcludedNote(trial, lang);
  if (most) io.stderr(`warning: ${most}\n`);
}

/** The --excluded-out file (line, column, field, problem) when asked for and rows were excluded, and the line saying it was written. */
export interface ExcludedOutFile {
  path: string;
  content: string;
  written: string;
}

export function excludedOutFile(trial: TrialData, excludedOut: string | undefined): ExcludedOutFile | undefined {
  if (!trial.excluded || !excludedOut) return undefined;
  return {
    path: excludedOut,
    content: excludedCsv(trial.excluded, trial.exportDialect),
    written: `wrote ${excludedOut}: ${trial.excluded.problems.length} problem(s) on the ${trial.excluded.rows} excluded row(s)\n`,
  };
}

/** The --excluded-out file alone (`hta validate`, whose only output it is); an existing file only with --force. */
export async function writeExcludedOut(trial: TrialData, io: CliIo, excludedOut: string | undefined, force = false): Promise<void> {
  const file = excludedOutFile(trial, excludedOut);
  if (!file) return;
  await writeFileAtomic(file.path, file.content, { replace: force });
  io.stderr(file.written);
}

/**
 * `hta analyze`'s files, `--csv` (path and content) and `--excluded-out`, as one batch
 * (write-atomic.ts): both are staged, then put in place, or neither is — a full disk or a refused
 * target at the second never leaves the first written (docs/output-safety.md).
 */
export async function writeAnalysisOutputs(io: CliIo, csv: readonly [string, string] | undefined, excluded: ExcludedOutFile | undefined, force: boolean): Promise<void> {
  const files = new Map<string, string>([...(csv ? [csv] : []), ...(excluded ? [[excluded.path, excluded.content] as const] : [])]);
  if (files.size === 0) return;
  await writeFilesAtomic(files, { replace: force });
  if (excluded) io.stderr(excluded.written);
}
