/**
 * Trial export → validated, scored `TrialData`. Answer and missing-value codes are applied
 * first (value-codes.ts); then every problem is collected with file, line, column, value and
 * what was expected (no cap: they print grouped). By default any problem aborts with exit code
 * 2 before anything is written; with `excludeInvalid` (or the plan's `"invalidRows":
 * "exclude"`) the rows with problems are left out and listed in `excluded`, while problems
 * with the header or plan still abort. Messages never carry a patient id. See
 * docs/input-trial-export.md.
 */
import { spreadsheetDialectOf } from '../io/write-csv.js';
import { isListedNotWithdrawn, readsAsNotWithdrawn } from './withdrawal-status.js';
import { FREE_TEXT_MIN_WORDS, FREE_TEXT_REASON_LABEL, freeTextAmong } from './free-text.js';
import { identifyingLevelProblems, planColumnUse } from './identifying-characteristic.js';
import { formatLineRanges, lineRanges } from '../problem-groups.js';
import { staleArmLabels } from './arm-label-check.js';
import { encodingNote } from '../io/encoding-note.js';
import { groupWording } from '../observational/group-wording.js';
import { needsBaselineVisit, noBaselineAdvice } from '../observational/observational-plan.js';
import { missingOutcomeBaselines } from '../observational/outcome-baselines.js';
import { dateConfounderProblems } from '../observational/date-confounders.js';
import { HtaError, type Problem } from '../errors.js';
import { auxiliaryLevelProblems } from './auxiliary-levels.js';
import { disguisedNumber, parseNumber } from '../io/parse-number.js';
import { numberWithUnit, unitHint } from '../io/number-unit.js';
import { withDeclaredMark } from '../io/declared-mark.js';
import { lineItemBlockNotes, type UnreadItemBlock, unreadItemBlocks } from './line-item-block.js';
import { EXCEL_DATE_HINT, isExcelDateText } from '../io/excel-date-text.js';
import { decimalCommaOf, mixedLocaleAmong, type MixedLocale, onlyNumberColumns, otherMarkHint, quotedCommaNote, readingOf, thousandsPointNote, spacedHint, undecidedError, type UndecidedCells, type VotePlace } from '../io/decimal-mark.js';
import { type CsvRecord, type CsvTable, FieldReader, shortName } from '../io/read-csv.js';
import { type Instrument, isAllowedItemValue, itemRangeOf } from '../instruments/instrument.js';
import { instruments } from '../instruments/registry.js';
import { instrumentForOutcome } from '../plan/outcome-instrument.js';
import { itemColumnsOf, scoreColumnOf } from '../plan/outcome-columns.js';
import { exportTimeOf, type Plan, planTimeOf } from '../plan/plan-schema.js';
import { isEventArm, redcapEvent } from '../plan/redcap-event.js';
import { didYouMean } from './near-miss.js';
import { holdsWorkAbilityScore } from './work-ability-scale.js';
import { ABSENT_VISIT_KIND, absentVisitProblems, visitHint, visitNearMiss, WrittenVisits } from './absent-visits.js';
import { foldColumnName, inPlanSpelling } from './column-resolver.js';
import { periodVisitNote, periodVisitSpelling } from '../plan/period-visits.js';
import { covariateValueProblem } from './check-content.js';
import { modelMagnitudeProblem } from './model-magnitude.js';
import { NineCodeCells } from '../observational/nine-codes.js';
import { NegativeCodeCells } from './negative-code-cells.js';
import { ArmSpellings } from './arm-spellings.js';
import { OtherArms, otherArmsHint, otherArmsOf, type OtherArmPatient } from './other-arms.js';
import { NotRandomised, notRandomisedNote } from './not-randomised.js';
import { consentWithdrawnNote, withoutConsentWithdrawn } from './consent-withdrawn.js';
import { notRandomisedHint, notRandomisedValueTest, readsAsNotRandomised } from './not-randomised-values.js';
import { withLabelHeaders } from '../plan/label-headers.js';
import { VaryingCovariates } from './varying-covariates.js';
import { CategorySpellings, type MergedSpelling, nfc, spellingsNote } from './category-values.js';
import { type ColumnKind, countWord, covariateTypeOfColumn, declaredAttributeKind, declaredCovariateKind, KindTally } from './column-kind.js';
import { type Arm, type OutcomeSource, type TrialData, type TrialPatient, trialData } from './trial-data.js';
import { type CodedCell, type ColumnCoder, coderFor, RecodeTally } from './value-codes.js';
import { LetterCodeLevels } from './letter-code-levels.js';
import { NumberCodeValues } from './number-code-values.js';
import { QuotedPadding, withoutQuotedPadding } from './quoted-padding.js';
import { AdverseEventReader, adverseEventReadNotes } from './adverse-events.js';
import { isWide, lineColumnsOf, type LongTable, wideToLong } from './wide-to-long.js';
import { EMPTY_ID_KIND, isSummaryWord, namedShapes, NO_ARM_KIND, SHAPE_KINDS, summaryRowProblem, UNKNOWN_ARM_KIND } from './export-shape.js';
import { ssmsTrailerNote } from '../io/ssms-trailer.js';
import { footnoteLinesNote } from '../io/footnote-lines.js';
import { repeatedHeaderNotes, repeatedHeaderProblems, withoutRepeatedHeaders } from './repeated-header-rows.js';
import { excelErrorHint, excelErrorKind, isExcelError, isPercentCell } from '../io/spreadsheet-cells.js';
import { checkboxNote, checkboxOptionParts, checkboxSourceOf, uncheckedIsMissing } from '../instruments/binary-checkbox.js';
import { withoutPatientIds, maskedPatientIds } from './patient-ids.js';
import { inCanonicalOrder } from './canonical-order.js';
import { isNoValueCell, nanHint } from './nan-cells.js';
import { isResponseId } from '../plan/response-ids.js';
import { spelledOut } from '../spelled-out.js';
import { cprIdNote, cprShapedIds, emailIdNote, emailIds, differingColumns, duplicateExpected, JOINED_LISTING_KIND, joinedListingDetail, joinedListingExpected, EMPTY_REPEAT_KIND, EMPTY_FIRST_KIND, emptyRepeatExpected, emptyFirstExpected, excelTextExpected, TWO_RESPONSES_KIND, twoResponsesExpected, ID_SPELLING_KIND, idDifferences, idKey, IdSpellings, keptInstead, leadingZerosExpected, otherSpellingExpected, patientIdOf, plainPatientId } from './patient-ids.js';
import { isSasBareLetter, SpecialMissingReader, SpecialMissingTally } from './special-missing.js';
import { FloatNoiseTally, wholeNumberUnderNoise } from './float-noise.js';
import { RoundedScientificTally } from '../io/scientific-number.js';
import { roundedScientificNotes } from './scientific-cells.js';
import { pastedOutOfStepError } from './repeated-id-columns.js';
import { type ClusterSignature, ClusterColumns, clusterSignatureText } from './cluster-signature.js';
import { namesAGroup } from '../plan/place-covariates.js';
import { namesAStratum } from '../plan/stratum-names.js';
import { cprSpellingsNote, oneCprSpelling } from './cpr-id-spellings.js';
import { CPR_MIN_WIDTH, cprCellExpected, cprCellTest, cprKind, isCprProblem, trialCprMessage } from './cpr-cells.js';
import { scalesHolding, scalesText } from '../plan/scale-missing-codes.js';
import { oneBasedHints } from './one-based-answers.js';
import { FractionTally, fractionMessage, fractionProblems, fractionRange } from './fraction-scales.js';
import { scaleEndOf } from '../plan/answer-words.js';
import { yesNoAnswersFor } from './yes-no-words.js';
import { outcomeCells } from './yes-no-cells.js';
import { IgnoredVisits, unusedEntriesNote, WIDE_IGNORE_EXPECTED } from './ignored-visits.js';
import { columnCodesKeyProblems } from '../plan/column-codes-keys.js';
import { derivedRowsError, derivedRowsNote, derivedRowsOf, derivedTypeColumn, derivedVisitNotes, notImputedValues } from './adam-derived-rows.js';
import { bdsLayoutError } from './bds-layout-check.js';
import { pandasShapeError } from './pandas-shape-check.js';

/** Visits in order: baseline, then the export's other visits as the plan lists them. */
export function visitsOf(plan: Plan): string[] {
  const all = plan.allTimepoints ?? [plan.baseline, ...plan.timepoints];
  return all.includes(plan.baseline) ? all : [plan.baseline, ...all];
}

export interface LoadTrialOptions {
  /** Leave rows with problems out instead of stopping; defaults to the plan's `invalidRows`. */
  excludeInvalid?: boolean;
  /** Further export columns a caller reads beside the plan's (a cost-effectiveness plan's resource use): found and noted the same way. */
  alsoColumns?: readonly string[];
  /**
   * Those of `alsoColumns` that may hold a site's code, as a covariate may (a cost-effectiveness
   * plan's population column): ten digits on the rows of at least 5 patients are a code, not a CPR number.
   */
  alsoCodeColumns?: readonly string[];
  /** The language of the read notes (encoding, column spellings) for stderr: `--lang` of the command (docs/cli.md "Danish output"). */
  lang?: 'en' | 'da';
  /**
   * The command computes nothing from the covariates (`hta score` writes the outcomes' scores):
   * a covariate whose `"1,375"` cells nothing decides is read as thousands with a note, not
   * refused (decimal-mark.ts, rule 6).
   */
  covariatesUnread?: boolean;
  /** The caller says a score column of fractions of 1 itself (`hta plan init`, among its checks: fraction-scales.ts): not refused here. */
  fractionsInChecks?: boolean;
}

/** The column an export calls a covariate: `columns.covariates` renames, else the name itself. */
export function covariateColumnOf(plan: Plan, name: string): string {
  return Object.hasOwn(plan.columns.covariates, name) ? (plan.columns.covariates[name] as string) : name;
}

type Recode = [column: string, code: string, to: number | null | 'not-applicable'];

/** The column read for withdrawal reasons when the plan names none (docs/input-trial-export.md). */
export const DEFAULT_WITHDRAWAL_COLUMN = 'withdrawal_reason';

/** REDCap's column naming the repeating instrument of a row (empty on the visit rows). */
const REDCAP_REPEAT = 'redcap_repeat_instrument';
/** The repeating-instrument column as raw and label exports head it, compared as column-resolver.ts folds names. */
const REDCAP_REPEAT_HEADERS = new Set([REDCAP_REPEAT, 'repeat instrument']);
// REDCap's repeat instance (raw and label export) and OpenClinica's event repeat key.
const REPEAT_INSTANCE_HEADERS = new Set(['redcap_repeat_instance', 'repeat instance', 'studyeventrepeatkey']);

const NO_COVARIATES: (string | number | null)[] = [];

/**
 * Whether a column (in the plan's spelling) is one the plan may read as numbers: every column it
 * names but the id, arm, visit and withdrawal reason (also with a wide export's `_<visit>`).
 */
function numberColumnTest(plan: Plan, named: readonly string[]): (name: string) => boolean {
  const words = [plan.columns.id, plan.columns.arm, plan.columns.time, plan.columns.withdrawalReason ?? DEFAULT_WITHDRAWAL_COLUMN];
  const exportTimes = visitsOf(plan).map((v) => exportTimeOf(plan, v));
  const never = new Set([...words, ...words.flatMap((w) => exportTimes.map((t) => `${w}_${t}`))]);
  const numbers = new Set(named.filter((n) => !never.has(n)));
  return (name) => numbers.has(name);
}

/** The columns the plan reads at every visit, by their names without a visit suffix (outcome scores and items, covariates, subgroup and population columns, withdrawal reason, arm). */
export function perVisitColumnsOf(plan: Plan): string[] {
  return [
    ...plan.outcomes.flatMap((o) => {
      const instrument = instrumentForOutcome(o, plan);
      return [scoreColumnOf(o), ...itemColumnsOf(o, instrument)];
    }),
    ...plan.covariates.map((name) => covariateColumnOf(plan, name)),
    ...attributeColumnsOf(plan),
    plan.columns.withdrawalReason ?? DEFAULT_WITHDRAWAL_COLUMN,
    // The arm by its stem (`gruppe` for `Gruppe_baseline`): wide-to-long.ts lineColumnsOf.
    plan.columns.arm,
  ];
}

/**
 * Every export column the plan names (id, arm, time, outcome scores and items, covariates,
 * subgroup and population columns, withdrawal reason); in a wide export also each of them with
 * its `_<visit>` suffix. What `inPlanSpelling` looks up in the header.
 */
export function columnsNamedBy(plan: Plan, header: readonly string[]): string[] {
  const exportTimes = visitsOf(plan).map((v) => exportTimeOf(plan, v));
  const timeKey = foldColumnName(plan.columns.time);
  const wide = plan.layout === 'wide' || (plan.layout === 'auto' && !header.some((h) => foldColumnName(h) === timeKey));
  const perVisit = perVisitColumnsOf(plan);
  return [
    plan.columns.id,
    plan.columns.arm,
    plan.columns.time,
    ...perVisit,
    ...(wide ? perVisit.flatMap((c) => exportTimes.map((t) => `${c}_${t}`)) : []),
  ];
}

/** Re-exported for the callers that found it here. */
export { withoutPatientIds };

export function loadTrial(given: CsvTable, givenPlan: Plan, options: LoadTrialOptions = {}): TrialData {
  // `hta score` writes the outcomes' scores as columns: a subgroup or population column named by
  // an outcome's key is the column it is about to write, not one the export lacks
  // (docs/subgroups.md#baseline-severity); every other command still asks for it.
  const plan = options.covariatesUnread ? withoutScoreAttributes(givenPlan, given.header) : givenPlan;
  const exclude = options.excludeInvalid ?? plan.invalidRows === 'exclude';
  // The header line repeated inside the file (exports joined), or underlined (SSMS): no patient's row (repeated-header-rows.ts).
  // Patients who withdrew consent: their rows taken out before anything reads a cell of theirs (consent-withdrawn.ts).
  const { table: consented, count: consentWithdrawn, ids: consentWithdrawnIds } = withoutConsentWithdrawn(given, plan);
  const { table: source, ...headerRepeats } = withoutRepeatedHeaders(consented);
  const visits = visitsOf(plan);
  const exportTimes = visits.map((v) => exportTimeOf(plan, v));
  // The header in the plan's spelling (`gruppe` read as the plan's `Gruppe`): from here on every
  // lookup, message field and output names the column as the plan does (column-resolver.ts).
  const named = [...columnsNamedBy(plan, source.header), ...(options.alsoColumns ?? [])];
  // A wide export whose visit follows a period (`RMDQ.0`: SPSS CASESTOVARS, R's reshape) is read
  // as if written `RMDQ_0`, then found in the plan's spelling as any column is (period-visits.ts).
  const period = periodVisitSpelling(source.header, named, exportTimes, foldColumnName);
  const { table: spelled0, notes: columnNotes } = inPlanSpelling(period ? { ...source, header: period.header } : source, named, options.lang);
  if (period) columnNotes.unshift(periodVisitNote(source.file, period.renamed, options.lang));
  // SAS's `"6w      "`: a quoted cell's padding is read past but in the id (quoted-padding.ts), said once after the rows.
  const padding = new QuotedPadding();
  const csv = withoutQuotedPadding(spelled0, spelled0.header.indexOf(plan.columns.id), padding);
  const encoding = encodingNote(source.file, source.dialect, options.lang);
  const readNotes = encoding ? [encoding, ...columnNotes] : [...columnNotes];
  // Only the columns the plan may read as numbers decide a comma file's quoted decimal commas
  // (decimal-mark.ts, rule 2): an unused multi-select column's "1,3" leaves the file's point.
  // A plan's "decimalMark" decides instead of the cells (declared-mark.ts).
  // Either way the file's quoted commas in columns the plan does not read as numbers decide nothing.
  const isNumberColumn = numberColumnTest(plan, named);
  const dialect = onlyNumberColumns(withDeclaredMark(source.dialect, plan.decimalMark), csv.header, isNumberColumn);
  // A comma file read with its quoted decimal commas (decimal-mark.ts, rule 2): said, as a guess is.
  // It names the first such cell by line and column (its column by the plan's name), not its value: a patient's.
  const firstQuoted = dialect.shownMark?.basis === 'quoted' ? dialect.shownMark : undefined;
  const firstColumn = firstQuoted?.first.column === undefined ? undefined : csv.header[firstQuoted.first.column - 1];
  const quotedCommas = quotedCommaNote(source.file, firstQuoted && firstColumn !== undefined ? { ...dialect, shownMark: { ...firstQuoted, first: { ...firstQuoted.first, field: firstColumn } } } : dialect, false, options.lang);
  if (quotedCommas) readNotes.push(quotedCommas);
  const wide = plan.layout === 'wide' || (plan.layout === 'auto' && isWide(csv, plan.columns.time, exportTimes));
  // The arm, id and covariates are one value per patient line, also when their columns end in a
  // visit (`RANDO_ARM_E1_C1`, `gruppe_baseline`): read whole on every visit row (wide-to-long.ts).
  const perLine = wide ? lineColumnsOf(csv.header, [plan.columns.id, ...plan.covariates.map((name) => covariateColumnOf(plan, name)), ...attributeColumnsOf(plan), plan.columns.withdrawalReason ?? DEFAULT_WITHDRAWAL_COLUMN], plan.columns.arm, exportTimes) : undefined;
  // SAS/Stata special missing values and Castor's user-missing markers are read as empty cells,
  // each counted once for the run's note (special-missing.ts); a wide line's visit holding only
  // such cells gives no row, and its cells are counted too.
  const special = new SpecialMissingTally();
  // An observational plan's confounder that is an outcome's visit column (`ddd_opioid_bl`, the
  // baseline DDD a pharmacoepidemiologist adjusts every model for) stays that visit's value of the
  // outcome as well: read as a confounder only, the outcome had no baseline and was "too few patients".
  const outcomeStems = plan.design === 'observational' ? plan.outcomes.map((o) => o.column ?? o.key) : [];
  const alsoVisit = new Set([...(perLine?.keep ?? [])].filter((i) => exportTimes.some((t) => outcomeStems.some((s) => csv.header[i] === `${s}_${t}`))));
  const asRead: LongTable = perLine ? wideToLong(csv, plan.columns.time, exportTimes, perLine.keep, { baseline: exportTimeOf(plan, plan.baseline), id: plan.columns.id, specialSkipped: (line, column, text) => special.add(line, column, text), alsoVisit }) : csv;
  // A CPR number written with and without its hyphen is one patient, under its first spelling (cpr-id-spellings.ts).
  const spelled = oneCprSpelling(asRead.records, asRead.header.indexOf(plan.columns.id));
  const table: LongTable = spelled.patients ? { ...asRead, records: spelled.records } : asRead;
  if (spelled.patients) readNotes.push(cprSpellingsNote(csv.file, plan.columns.id, spelled.patients));
  // A project randomised into REDCap arms: each row's arm is the suffix of its event name.
  const armFromEvent = plan.armSource === 'redcap-event';
  const file = csv.file;
  // A declared mark is checked against the columns the plan reads: a text column's `1.234` does not refuse it (declared-mark.ts).
  // So is a comma file's `1.250` where those columns show no mark (rule 2): `hta score` reads no
  // covariate, so a covariate's cells do not refuse it (rule 6 spares them too).
  const unreadCovariates = options.covariatesUnread ? plan.covariates.map((name) => covariateColumnOf(plan, name)) : [];
  const reads = (column: number) => isNumberColumn(csv.header[column - 1] ?? '');
  const readAsNumbers = (column: number) => {
    const name = csv.header[column - 1] ?? '';
    return isNumberColumn(name) && !unreadCovariates.some((c) => name === c || name.startsWith(`${c}_`));
  };
  const decimalComma = decimalCommaOf({ file: csv.file, header: csv.header, dialect }, true, { records: csv.records, reads, ...(unreadCovariates.length ? { readAsNumbers } : {}) });
  // Its unquoted `1.250` beside quoted decimal commas, read as thousands (rule 2's exception): said, with how many.
  const thousandsPoints = thousandsPointNote(source.file, dialect, { records: csv.records, reads: readAsNumbers }, options.lang);
  if (thousandsPoints) readNotes.push(thousandsPoints);
  const headerProblems: Problem[] = [];
  const rowProblems: Problem[] = [];
  const colOf = (name: string) => table.header.indexOf(name);
  const fileColumn = (time: string | null, idx: number) =>
    table.sourceColumns && time !== null ? table.sourceColumns(time, idx) : idx + 1;

  // A first line read as one column: the separator is not one hta reads (spaces, `:`…). Its text
  // is not echoed — without a header it is a patient's row.
  if (csv.header.length === 1 && csv.header[0]!.length > 40) {
    throw new HtaError('input.invalid', `${file}: the first line was read as a single column`, [
      { file, line: 1, expected: `columns separated by commas, semicolons, tabs or "|", with a header line naming them; the first line is one ${csv.header[0]!.length}-character column — export the file as CSV (comma or semicolon), tab-separated or "|"-separated text`, kind: 'header.one-column' },
    ]);
  }

  // Columns the plan needs.
  const idCol = colOf(plan.columns.id);
  // The arm's columns: one, or in a wide export each visit's column of its stem (`gruppe_baseline`, `gruppe_3m`).
  const armCols = perLine?.arm.length ? perLine.arm.map(colOf) : [colOf(plan.columns.arm)];
  const armCol = armCols[0]!;
  const timeCol = colOf(plan.columns.time);
  // Names shortened: a long one would be repeated whole in every message that lists them.
  const listed = source.header.map(shortName).join(', ');
  const missingColumn = (name: string, expected: string, kind: string): Problem => {
    const p: Problem = { file, line: 1, value: name, expected, kind };
    const hint = didYouMean(name, table.header);
    if (hint) p.hint = hint;
    return p;
  };
  for (const [role, name, idx, key] of [
    ['patient id', plan.columns.id, idCol, 'id'],
    ...(armFromEvent ? [] : [['arm', plan.columns.arm, armCol, 'arm'] as const]),
    ['time', plan.columns.time, timeCol, 'time'],
  ] as const) {
    // An observational plan names its exposure (the arm here) and its confounders in "observational".
    const where = role === 'arm' && plan.design === 'observational' ? '"observational": { "exposure": { "column": … } }' : `"columns": { "${key}": … }`;
    const what = role === 'arm' && plan.design === 'observational' ? 'an exposure' : `${role === 'arm' ? 'an' : 'a'} ${role}`;
    if (idx < 0) headerProblems.push(missingColumn(name, `${what} column named "${name}" (columns are: ${listed}); name it in the plan's ${where}`, `column.${key}`));
  }
  if (armFromEvent && wide) {
    headerProblems.push(missingColumn(plan.columns.time, `a column of REDCap event names "${plan.columns.time}": the plan's "armSource": "redcap-event" reads each row's arm from it (columns are: ${listed}); name it in "columns": { "time": … }`, 'column.time'));
  }
  // A wide export has no visit rows to read past: its visits are the columns the plan names, and
  // the others are not read at all (docs/plan-trial.md#visits-left-out).
  if (wide && plan.ignoreTimepoints?.length) headerProblems.push({ file, line: 1, value: 'ignoreTimepoints', expected: WIDE_IGNORE_EXPECTED, kind: 'plan.ignore-wide' });
  // "columnCodes" keys that reach no column (a visit suffix, a near miss): their codes would silently not apply.
  headerProblems.push(...columnCodesKeyProblems(plan, { file, header: csv.header, wide, perVisit: perVisitColumnsOf(plan) }));
  // In a wide export, columns before the time column are one value per patient line (wide-to-long.ts).
  const timeAt = table.header.indexOf(plan.columns.time);
  const lineColumn = wide && timeAt >= 0 ? (name: string) => { const i = table.header.indexOf(name); return i >= 0 && i < timeAt; } : undefined;
  const sources = resolveSources(table, plan, file, headerProblems, decimalComma, wide ? csv.header : undefined, lineColumn);
  if (wide) headerProblems.push(...lineOutcomeProblems(file, sources, table.header, plan.columns.time, exportTimes, csv.header));
  // An item block without a visit suffix beside an outcome read from its scores: read at no visit, and said (line-item-block.ts).
  const itemBlocks: UnreadItemBlock[] = [];
  if (wide && timeAt >= 0) {
    const visitColumns = (stem: string) => csv.header.filter((h) => h !== stem && !table.header.slice(0, timeAt).includes(h) && h.toLowerCase().startsWith(`${stem.toLowerCase()}_`) && exportTimes.some((t) => h.toLowerCase() === `${stem}_${t}`.toLowerCase()));
    itemBlocks.push(...unreadItemBlocks(sources, table.header.slice(0, timeAt), visitColumns));
    readNotes.push(...lineItemBlockNotes(file, itemBlocks, options.lang));
  }
  const covariates = plan.covariates.map((name) => {
    const column = covariateColumnOf(plan, name);
    const idx = colOf(column);
    const mapIt = plan.design === 'observational' ? `give the confounder's "column" in "observational": { "confounders": [ … ] }` : `map it in "columns": { "covariates": { "${name}": "…" } }`;
    if (idx < 0) headerProblems.push(missingColumn(column, `a column "${column}" for ${plan.design === 'observational' ? 'confounder' : 'covariate'} "${name}" (columns are: ${listed}); ${mapIt}`, `column.covariate:${column}`));
    const kind = declaredCovariateKind(plan, name);
    return { idx, column, coder: coderFor(plan, column, undefined, decimalComma), kind, levelsAsText: plan.covariateTypes?.[name] === 'categorical' };
  });
  // Subgroup and target-population columns ride along after the covariates (same reading rules).
  const attributeNames = attributeColumnsOf(plan);
  for (const column of attributeNames) {
    const idx = colOf(column);
    const named = attributeColumnsOf({ ...plan, missing: { ...plan.missing, auxiliary: [] } }).includes(column) ? `the plan's "subgroups" or "population"` : `the plan's "missing": { "auxiliary": [ … ] } (an auxiliary variable of the multiple imputation)`;
    if (idx < 0) headerProblems.push(missingColumn(column, `a column "${column}" named by ${named}${outcomeKeyHint(plan, column)} (columns are: ${listed})`, `column.attribute:${column}`));
    covariates.push({ idx, column, coder: coderFor(plan, column, undefined, decimalComma), kind: declaredAttributeKind(plan, column), levelsAsText: covariateTypeOfColumn(plan, column) === 'categorical' });
  }
  const nCov = plan.covariates.length;
  // The withdrawal reason (participant flow): read when the column is there; required when the plan names it or maps its values.
  const reasonColumn = plan.columns.withdrawalReason ?? DEFAULT_WITHDRAWAL_COLUMN;
  const reasonCol = colOf(reasonColumn);
  const reasonMap = plan.flow?.withdrawalReasons;
  if (reasonCol < 0 && (plan.columns.withdrawalReason !== undefined || reasonMap)) {
    const why = plan.columns.withdrawalReason !== undefined ? '"columns": { "withdrawalReason" }' : '"flow": { "withdrawalReasons" }';
    headerProblems.push(missingColumn(reasonColumn, `a column "${reasonColumn}" with the reason each patient left the study, as the plan's ${why} says (columns are: ${listed}); name it in "columns": { "withdrawalReason": … }`, 'column.withdrawal'));
  }
  const reasonCoder = reasonCol < 0 ? undefined : coderFor(plan, reasonColumn, undefined, decimalComma);
  // A visit the plan reads nothing at (the baseline of a registry plan that does not adjust for it)
  // may be absent from the export, wide or long (observational-plan.ts needsBaselineVisit).
  const needed = visits.map((v) => v !== plan.baseline || needsBaselineVisit(plan));
  const noBaseline = noBaselineAdvice(plan);
  // A wide export with no column at all for a plan visit (`_0m` when the file writes `_baseline`):
  // the plan names a visit the export does not have. Read on, every score there would be missing
  // and the baseline-adjusted analyses would say "no patients", `validate` "valid".
  if (table.timesWithColumns) {
    const suffixes = [...new Set(plan.outcomes.flatMap((o) => (o.column ? csv.header.filter((h) => h.startsWith(`${o.column}_`)).map((h) => h.slice(o.column!.length + 1)) : [])))];
    visits.forEach((v, k) => {
      const t = exportTimes[k]!;
      if (table.timesWithColumns!.has(t) || !needed[k]) return;
      const what = v === plan.baseline ? `the plan's baseline "${v}"` : `the plan's visit "${v}"`;
      const named = t === v ? '' : ` (the export's "${t}", by "timeLabels")`;
      const has = suffixes.length ? `; the export's visits: ${suffixes.map((s) => `_${s}`).join(', ')}` : '';
      const near = visitNearMiss(t, suffixes.filter((s) => !exportTimes.includes(s) && !visits.includes(planTimeOf(plan, s))), exportTimes);
      const orNone = v === plan.baseline && noBaseline ? `; ${noBaseline}` : '';
      headerProblems.push({ file, line: 1, value: `_${t}`, expected: `columns ending in "_${t}" for ${what}${named}${has} — set "baseline" and "timepoints" to the export's visits, or map them with "timeLabels"${orNone}`, kind: 'column.visit', ...(near !== undefined ? { hint: visitHint(near, v) } : {}) });
    });
    // A registry's outcome with no baseline column while the others have theirs (outcome-baselines.ts).
    const b = visits.indexOf(plan.baseline);
    if (b >= 0 && needed[b] && table.timesWithColumns.has(exportTimes[b]!) && table.sourceColumns) {
      headerProblems.push(...missingOutcomeBaselines(plan, file, sources, table.sourceColumns, csv.header, exportTimes[b]!, exportTimes.filter((_, k) => k !== b), timeAt));
    }
  }
  // Adverse events from a REDCap repeating instrument (the plan's "adverseEvents"; adverse-events.ts): a long export with its instrument column.
  const aeReader = plan.adverseEvents?.instrument !== undefined ? new AdverseEventReader({ ...plan, adverseEvents: plan.adverseEvents }, table.header, file, decimalComma) : undefined;
  if (aeReader) {
    headerProblems.push(...aeReader.problems.splice(0));
    if (wide || !table.header.some((h) => REDCAP_REPEAT_HEADERS.has(foldColumnName(h)))) {
      headerProblems.push({ file, line: 1, value: plan.adverseEvents!.instrument, expected: `a long REDCap export with its "${REDCAP_REPEAT}" column: the plan's "adverseEvents" reads the events from the rows of the repeating instrument "${plan.adverseEvents!.instrument}" (export the records with their repeating instruments; docs/plan-trial.md#adverse-events)`, kind: 'column.adverse-events' });
    }
  }
  // A header of SPSS variable labels (`RMDQ total (0-24) ved baseline`): said, at the column (label-headers.ts).
  // pandas' melt() or a header of tuples: the shape and its pandas line, not a missing column per outcome (pandas-shape-check.ts).
  if (headerProblems.length) throw pandasShapeError(file, csv.header, headerProblems) ?? invalid(file, withLabelHeaders(headerProblems, csv.header), false);
  // An ADaM BDS dataset of several parameters: one problem naming the layout and its pivot, not one per row (bds-layout-check.ts).
  const bds = wide ? undefined : bdsLayoutError(file, table.header, table.records);
  if (bds) throw bds;
  // ADaM's derived rows (LOCF…, marked in DTYPE) would be analysed as observed: refused, or read
  // past when the plan says "derivedRows": "leave-out" (adam-derived-rows.ts). A `dtype` column the
  // plan names, or one of a file that is no ADaM dataset holding no derivation type, is data.
  const dtypeCol = derivedTypeColumn(table.header, table.records);
  const derivedCol = dtypeCol >= 0 && named.includes(table.header[dtypeCol]!) ? -1 : dtypeCol;
  const derived = derivedRowsOf(table.header, table.records, derivedCol);
  // Records summarising others (AVERAGE…) are refused whatever the plan says: no reading past them is right.
  if (derived && (plan.derivedRows !== 'leave-out' || notImputedValues(derived).length)) throw derivedRowsError(file, table.header, derived);
  const skipDerived = derived !== undefined;
  // A column repeating the id (`id_3m`: a follow-up file pasted beside the baseline) must be the
  // id on every line; one that is not stops the run, --exclude-invalid too (repeated-id-columns.ts).
  const pasted = pastedOutOfStepError(csv, csv.header.indexOf(plan.columns.id));
  if (pasted) throw pasted;
  // Numbers or categories, per column, before any cell is read as either (column-kind.ts).
  // A plan-wide one-letter code (SAS's bare `A`) that is a level of a column of categories (letter-code-levels.ts).
  const letters = new LetterCodeLevels(plan, covariates.map((c) => c.column));
  // A plan-wide number code that lies among a column's values (a weight of 99 kg beside 98 and 100: number-code-values.ts).
  const numberCodes = new NumberCodeValues(plan, covariates.map((c) => c.column));
  const { kinds, undecided } = columnKinds(table, covariates, decimalComma, letters, numberCodes);
  // A covariate of exactly three whole numbers is not guessed (column-kind.ts rule 3).
  const undecidedProblems = plan.covariates.flatMap((name, i) => {
    const codes = undecided[i];
    return codes ? [undecidedProblem(plan, file, covariates[i]!, name, codes)] : [];
  });
  // A covariate naming a place or group (site, praksisnr, ydernummer: place-covariates.ts) or a
  // stratification factor (stratum 1–8, strata_rmdq: stratum-names.ts) read as numbers would be
  // one slope on code numbers: the plan must say which it is.
  for (let i = 0; i < nCov; i++) {
    const name = plan.covariates[i]!;
    const c = covariates[i]!;
    if (kinds[i] !== 'numeric' || c.kind !== undefined || plan.design === 'observational') continue;
    if (namesAGroup(name) || namesAGroup(c.column)) undecidedProblems.push(placeNumberProblem(file, c, name));
    else if (namesAStratum(name) || namesAStratum(c.column)) undecidedProblems.push(stratumNumberProblem(file, c, name));
  }
  const placeOf = (i: number) => ({ column: covariates[i]!.idx + 1, what: i < nCov ? `${plan.design === 'observational' ? 'confounder' : 'covariate'} "${plan.covariates[i]}"` : `column "${covariates[i]!.column}" of the plan's subgroups, population or auxiliary variables` });
  undecidedProblems.push(...letters.problems(file, placeOf), ...numberCodes.problems(file, placeOf));
  // A registry's confounder column of dates (an index date written 24MAR2023): refused at its header, no date quoted (date-confounders.ts).
  if (plan.design === 'observational') {
    // Declared numeric only: dates typed categorical are levels, the rare ones pooled unnamed (docs/observational.md, rule 5).
    const numericConfounder = (name: string) => plan.observational?.confounders.find((c) => c.name === name)?.type === 'numeric';
    const confounderColumns = covariates.slice(0, nCov).flatMap((c, i) => (numericConfounder(plan.covariates[i]!) ? [{ name: plan.covariates[i]!, column: c.column, idx: c.idx, coder: c.coder }] : []));
    undecidedProblems.push(...dateConfounderProblems(file, table.records, confounderColumns, (c) => (table.sourceColumns ? table.sourceColumns(exportTimes[0]!, c.idx) : c.idx + 1)));
  }
  if (undecidedProblems.length) throw invalid(file, undecidedProblems, false);
  // Numeric covariates (an observational plan's confounders) without a plan range: a nine-only
  // code (999 = "uoplyst") is refused after the rows (nine-codes.ts); ANCOVA would adjust for it.
  const nineCodes = new NineCodeCells(
    covariates.map((_, i) => (i < nCov && kinds[i] === 'numeric' && !plan.covariateRanges?.[plan.covariates[i]!] ? plan.covariates[i] : undefined)),
    plan.design === 'observational' ? 'confounder' : 'covariate',
  );
  // Any covariate without a plan range, numbers or categories: Castor's −95 … −99 (a BMI of −95,
  // sex −96) where nothing else in the column is negative (negative-code-cells.ts).
  const negativeCodes = new NegativeCodeCells(
    covariates.map((_, i) => (i < nCov && !plan.covariateRanges?.[plan.covariates[i]!] ? plan.covariates[i] : undefined)),
    plan.design === 'observational' ? 'confounder' : 'covariate',
  );
  const notNumbers = covariates.map((c, i) => (kinds[i] === 'numeric' ? notANumber(plan, c.column, i < nCov ? plan.covariates[i] : undefined, c.kind !== undefined) : undefined));

  // Arm values are compared after NFC (macOS saves `Håndbog` decomposed), and in any case and
  // spacing (`selfback ` is the plan's `SelfBACK`), said in a note (arm-spellings.ts).
  const armSpellings = new ArmSpellings(plan.arms);
  // Arms of the export the plan does not compare: their rows are counted and passed over (other-arms.ts).
  const others = new OtherArms(plan);
  // Participants with no arm on any row: never randomised (not-randomised.ts).
  const notRandomised = new NotRandomised(plan, table, idCol, armCols);
  const isNotRandomisedValue = notRandomisedValueTest(plan);
  const armValues = [plan.arms.intervention, plan.arms.control];
  // Only an observational plan can say "" (observational-plan-schema.ts); a trial's arms are never empty.
  const blankUnexposed = plan.design === 'observational' && plan.arms.control === '';
  const groups = groupWording(plan);
  const timeValues = [...new Set([...exportTimes, ...Object.keys(plan.timeLabels)])];
  const timeOf = (v: string) => planTimeOf(plan, v);

  // Every id met once (in rows that pass the arm and time checks, kept or not): its arm and
  // line for the arm-switch check, and per visit the line of its first row (0: none) for the
  // duplicate check. Ids are interned here once; rows refer to patients by index.
  const nVisits = visits.length;
  const visitIndex = new Map(visits.map((v, i) => [v, i]));
  const visitPresent = visits.map(() => false);
  const written = new WrittenVisits();
  const idIndex = new Map<string, number>();
  const ids: string[] = [];
  const idArm: Arm[] = [];
  const idLine: number[] = [];
  // Whether each id's first row wrote it as Excel text (`'002`, `="002"`): another row writing it otherwise is refused (patient-ids.ts).
  const idExcelText: boolean[] = [];
  let firstLines = new Int32Array(1024 * nVisits);
  const patientOf: number[] = []; // id index → index in `patients` (-1 until a row of it is kept)
  const idReason: (string | undefined)[] = []; // id index → its withdrawal reason and the line it was first read on
  const idReasonLine: number[] = [];
  const idSpellings = new IdSpellings();
  // Ids written with and without leading zeros: they stop the run even with --exclude-invalid,
  // since leaving either row out would guess which spelling is right.
  const idProblems: Problem[] = [];
  // With --exclude-invalid: each repeated row's problem and the line of the patient's row read before it.
  const repeats: [Problem, number][] = [];
  // With --exclude-invalid: ids a row of which gave another arm than their first row (arm switch,
  // a repeat in the other arm): with every row left out their arm is not known, so they are not kept as randomised.
  const armInDoubt = new Set<number>();
  // A patient's repeats in the same arm: a copy (delete it) or a one-to-many join (refused; joinedListingProblems).
  const sameRepeats: SameRepeat[] = [];

  // The kept rows, columnar. A row is written at `n + pending` as it is read and committed (n
  // advances) once its whole file line is known to be free of problems: in a wide export one
  // line gives several rows, and a problem in any of them leaves the line out.
  // Sized from the record count (an upper bound); grown should a caller's table under-count.
  const records = csv.records.length;
  let capacity = Math.max(16, Number.isFinite(records) ? (wide ? records * exportTimes.length : records) : 0);
  let lineCol = new Int32Array(capacity);
  let whoCol = new Int32Array(capacity);
  let timeIdxCol = new Uint16Array(capacity);
  let scoreCols = sources.map(() => new Float64Array(capacity));
  // Per outcome with "notApplicableCodes": 1 where the row's cell said the outcome does not apply (docs/plan-trial.md#not-applicable).
  let notApplicableCols = sources.map((s) => (s.coders?.some((c) => c?.hasNotApplicable) ? new Uint8Array(capacity) : undefined));
  const grow = () => {
    capacity *= 2;
    const bigger = <A extends Int32Array | Uint16Array | Float64Array | Uint8Array>(a: A, make: (size: number) => A): A => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    lineCol = bigger(lineCol, (k) => new Int32Array(k));
    whoCol = bigger(whoCol, (k) => new Int32Array(k));
    timeIdxCol = bigger(timeIdxCol, (k) => new Uint16Array(k));
    scoreCols = scoreCols.map((c) => bigger(c, (k) => new Float64Array(k)));
    notApplicableCols = notApplicableCols.map((c) => (c ? bigger(c, (k) => new Uint8Array(k)) : undefined));
  };
  let n = 0;
  let pending = 0;
  let pendingCovariates: (string | number | null)[][] = [];
  let pendingReasons: (string | null)[] = [];
  let pendingRecodes: Recode[] = [];
  // REDCap checkbox answers read as missing (by outcome), counted for kept rows only.
  let pendingUnchecked: number[] = [];
  const uncheckedCounts = sources.map(() => 0);
  // Cells of each outcome's columns that held a value before the codes, kept rows only (word-missing-codes.ts).
  const pendingFilled = sources.map(() => 0);
  const filledCounts = sources.map(() => 0);
  let groupLine = -1;
  let groupProblems = 0;

  const patients: TrialPatient[] = [];
  // Raw ids (index into `ids`) whose baseline row was left out under --exclude-invalid.
  const baselineExcluded = new Set<number>();
  // Raw ids → the visits of their rows left out under --exclude-invalid.
  const excludedVisits = new Map<number, Set<string>>();
  // Raw ids with a row left out: a registry's patients with no row kept are in no count (withoutRows).
  const excludedWho = new Set<number>();
  const covariateRaw: (string | number | null)[][] = [];
  // Where each patient's kept text value of each covariate was read: a level that would print the
  // patient (an e-mail address in "Køn") is refused at its cell (identifying-characteristic.ts).
  const covariatePlace: ({ line: number; column: number } | undefined)[][] = [];
  // A comma file's numeric covariate cells `"1,375"` (decimal-mark.ts, rule 6): 1375 or 1.375,
  // decided by the column's own cells or the plan's other number columns (thousandsCommaColumns),
  // refused when nothing decides, never guessed.
  // A plan that declares the mark has decided them: read with it, nothing to refuse.
  const commaOnly = !decimalComma && dialect.delimiter === ',' && dialect.declaredMark === undefined;
  const commaCells = covariates.map(() => ({ count: 0, first: undefined as (VotePlace & { separator: ',' }) | undefined }));
  // Cells Excel's "Scientific" format rounded, covariates' and outcomes' (trial/scientific-cells.ts).
  const scientific = new RoundedScientificTally();
  const varying = new VaryingCovariates(covariates.length, decimalComma);
  const tally = new RecodeTally();
  const commit = () => {
    // Strict runs with a problem end in an error: keep nothing more.
    const bad = rowProblems.length > groupProblems || (!exclude && rowProblems.length > 0);
    if (!bad) {
      for (let k = 0; k < pending; k++) {
        const row = n + k;
        const who = whoCol[row]!;
        let p = patientOf[who]!;
        if (p < 0) {
          p = patientOf[who] = patients.push({ id: ids[who]!, arm: idArm[who]!, covariates: {} }) - 1;
          covariateRaw.push(covariates.map(() => null));
          covariatePlace.push([]);
        }
        whoCol[row] = p;
        // Covariates: the baseline row wins; otherwise the first row with a value.
        const cov = covariateRaw[p]!;
        const values = pendingCovariates[k]!;
        const isBaseline = visits[timeIdxCol[row]!] === plan.baseline;
        for (let i = 0; i < values.length; i++) {
          const v = values[i]!;
          if (v === null) continue;
          // A covariate's cell once per patient (a long export repeats it on every row).
          if (typeof v === 'string') scientific.add(covariates[i]!.column, `${p}`, lineCol[row]!, v);
          varying.see(i, p, cov[i]!, v);
          if (cov[i] === null || isBaseline) {
            cov[i] = v;
            if (typeof v === 'string') covariatePlace[p]![i] = { line: lineCol[row]!, column: fileColumn(wide ? exportTimes[timeIdxCol[row]!]! : null, covariates[i]!.idx) };
          }
        }
        const reason = pendingReasons[k];
        if (reason) patients[p]!.withdrawal ??= reason;
      }
      for (const [column, code, to] of pendingRecodes) tally.add(column, code, to);
      for (const s of pendingUnchecked) uncheckedCounts[s]!++;
      for (let s = 0; s < sources.length; s++) filledCounts[s]! += pendingFilled[s]!;
      n += pending;
    } else if (exclude) {
      // A baseline row left out for a bad cell: the patient had a baseline (follow-up-only.ts).
      for (let k = 0; k < pending; k++) if (visits[timeIdxCol[n + k]!] === plan.baseline) baselineExcluded.add(whoCol[n + k]!);
      // Every visit left out, per patient: a registry counts the patients an analysis loses to them.
      for (let k = 0; k < pending; k++) {
        const visit = visits[timeIdxCol[n + k]!];
        if (visit === undefined) continue;
        const who = whoCol[n + k]!;
        excludedVisits.set(who, (excludedVisits.get(who) ?? new Set<string>()).add(visit));
      }
      for (let k = 0; k < pending; k++) excludedWho.add(whoCol[n + k]!);
    }
    pending = 0;
    pendingCovariates = [];
    pendingReasons = [];
    pendingRecodes = [];
    pendingUnchecked = [];
    pendingFilled.fill(0);
    groupProblems = rowProblems.length;
  };

  // Each patient's first arm value of the plan, read on first need (armValuesById).
  let armById: Map<string, string> | undefined;
  // REDCap's repeating instruments (adverse events, contacts…) add rows beside the visit rows,
  // marked in `redcap_repeat_instrument`. One holding none of the plan's values belongs to another
  // form and is passed over (counted); one holding them is a problem: hta reads one row per visit.
  // A REDCap label export heads that column "Repeat Instrument" (and names its forms by label).
  const repeatCol = wide ? -1 : table.header.findIndex((h) => REDCAP_REPEAT_HEADERS.has(foldColumnName(h)));
  const repeatName = repeatCol < 0 ? REDCAP_REPEAT : (table.header[repeatCol] as string).trim();
  // A repeating *event* (REDCap: no instrument named; OpenClinica: StudyEventRepeatKey) gives one
  // row per instance of a visit, read as repeated rows; the instance is said with them.
  const instanceCol = wide ? -1 : table.header.findIndex((h) => REPEAT_INSTANCE_HEADERS.has(foldColumnName(h)));
  const planCells = repeatCol < 0 ? [] : [...new Set([...sources.flatMap((s) => s.columnIndexes), ...covariates.map((c) => c.idx), ...(reasonCol >= 0 ? [reasonCol] : [])])];
  const repeatRows = { rows: 0, instruments: new Set<string>(), patients: new Set<string>() };
  const ignored = new IgnoredVisits(plan);
  // Every column read besides the id, checked for CPR-shaped cells before anything else reads the
  // row; covariate, subgroup and population columns may hold a repeated ten-digit code (cpr-cells.ts).
  const codeColumns = [...new Set([...covariates.map((c) => c.idx), ...(options.alsoCodeColumns ?? []).map(colOf)].filter((i) => i >= 0))];
  const alsoIdx = (options.alsoColumns ?? []).map(colOf);
  const cprChecked = [...new Set([timeCol, ...(armFromEvent ? [] : armCols), ...sources.flatMap((s) => s.columnIndexes), ...codeColumns, reasonCol, repeatCol, instanceCol, ...alsoIdx])].filter((i) => i >= 0 && i !== idCol);
  // The withdrawal reason is free text, pooled when it reads as such (free-text.ts): a whole-cell CPR number only.
  const cprRefused = cprCellTest(table.records, idCol, codeColumns, { textColumns: [reasonCol] });
  const row = new RowContext(file, table, rowProblems, decimalComma, scientific, dialect.declaredMark !== undefined);
  // Quoted decimal commas beside a number with a point and a `271.606` in the columns read (rule 2):
  // the quoted cells' advice names both, never only Find & Replace, which would read the thousands as decimals.
  if (!decimalComma && dialect.delimiter === ',' && dialect.declaredMark === undefined && source.dialect.pointEither) {
    const mixed = mixedLocaleAmong({ records: csv.records, reads: readAsNumbers }, ',');
    if (mixed) row.mixedLocale = { point: { ...mixed.point, field: csv.header[mixed.point.column! - 1] }, either: { ...mixed.either, field: csv.header[mixed.either.column! - 1] } };
  }
  if (idCol >= 0) {
    row.idKeys = () => idKeysOf(table.records, idCol);
    row.idField = table.header[idCol];
  }
  const scores = new Float64Array(sources.length);
  const rowNotApplicable = new Uint8Array(sources.length);
  // One item array per outcome, reused row after row (the instruments do not keep it).
  const itemScratch = sources.map((s): (number | null)[] => new Array<number | null>(s.columnIndexes.length).fill(null));
  const cells = new SpecialMissingReader((idx, text) => special.add(row.line, row.at(idx).column ?? idx + 1, text));
  // The file's lines and its last line's first cell: a totals row or ids only on first rows are named as such (export-shape.ts).
  const shape = {
    count: 0,
    lastLine: 0,
    lastFirstCell: null as string | null,
    ...(plan.design === 'observational' ? { exposure: { exposed: plan.arms.intervention, unexposed: plan.arms.control } } : {}),
  };
  // The arm values as written, for the armLabels check after the rows (arm-label-check.ts).
  const armSeen = plan.armLabels && !armFromEvent ? new Set<string>() : undefined;
  // A row whose id is `earlierId` (line `earlierLine`) written another way: one patient, refused
  // for the spelling, once per line (a wide line gives a row per visit; patient-ids.ts).
  const spellingProblem = (id: string, earlierId: string, earlierLine: number): void => {
    const differences = idDifferences(earlierId, id);
    const said = differences.length === 1 && differences[0] === 'leading-zeros' ? { ...leadingZerosExpected(earlierLine), kind: ID_SPELLING_KIND } : otherSpellingExpected(earlierLine, differences);
    if (idProblems[idProblems.length - 1]?.line !== row.line) idProblems.push({ ...row.at(idCol), ...said });
  };
  // The arm-switch problem of a row of `armRaw` whose patient's line `earlierLine` is of arm `earlierArm` (as the plan writes it).
  const switchProblem = (armAt: number, armRaw: string, earlierLine: number, earlierArm: string): Problem =>
    armFromEvent
      ? // The id is never printed: the line of the patient's first event identifies the record.
        { ...row.at(timeCol), value: row.exportTime ?? '', expected: `events of one REDCap arm for each record (this record's line ${earlierLine} is an event of "${earlierArm}"); REDCap keeps a record in one arm — check the record's events in REDCap, or re-export`, kind: 'arm.switch' }
      : { ...row.at(armAt), value: armRaw, expected: `the same ${groups.unit} for a patient throughout`, detail: `this patient's line ${earlierLine} has "${earlierArm}"`, kind: 'arm.switch' };
  const planArm = (a: Arm) => (a === 'intervention' ? plan.arms.intervention : plan.arms.control);
  // The problem of a row whose patient was met before in an arm not compared (`met`): one
  // patient, one id (the id written another way there) and one arm. A row of a compared arm
  // (`compared`) is told, outside REDCap events, that the earlier arm is one of the "otherArms".
  const metInOtherArm = (id: string, met: OtherArmPatient, armAt: number, armRaw: string, compared: boolean): void => {
    if (met.id !== id) return spellingProblem(id, met.id, met.line);
    const problem = switchProblem(armAt, armRaw, met.line, others.value(met.arm));
    row.add(compared && !armFromEvent ? { ...problem, detail: `this patient's line ${met.line} has "${others.value(met.arm)}", an arm of the plan's "otherArms"` } : problem);
  };
  // A row of other arm `k` (docs/plan-trial.md#other-arms): counted, unless its patient was met
  // in another arm (one patient, one arm) or under its id written another way (one patient, one id).
  const otherArmRow = (k: number, id: string, armAt: number, armRaw: string): void => {
    const who = idIndex.get(id);
    if (who !== undefined) {
      // One patient, two arms: which is right is not known, so the patient is not kept as randomised in either.
      armInDoubt.add(who);
      return row.add(switchProblem(armAt, armRaw, idLine[who]!, planArm(idArm[who]!)));
    }
    const compared = idSpellings.spelledAs(id);
    if (compared >= 0) return spellingProblem(id, ids[compared]!, idLine[compared]!);
    const met = others.metAs(id);
    if (met !== undefined && (met.id !== id || met.arm !== k)) return metInOtherArm(id, met, armAt, armRaw, false);
    others.count(k, id, row.line);
  };
  // A patient of a long export whose rows are all at visits read past ("ignoreTimepoints": seen
  // once, off schedule, then withdrew) is still randomised, as in a wide export (wide-to-long.ts):
  // after the file, their first such row is read once more as an empty baseline row (its outcome
  // cells left empty, its arm, covariates and withdrawal reason kept), so long and wide exports of
  // one trial give the same numbers (docs/input-trial-export.md, "Layouts").
  const readIds = new Set<string>();
  const onlyIgnored = new Map<string, CsvRecord>();
  const keptFromIgnored = new Set<CsvRecord>();
  const baselineExport = exportTimeOf(plan, plan.baseline);
  const blanked = new Set([...sources.flatMap((s) => s.columnIndexes), ...alsoIdx].filter((i) => i >= 0 && i !== idCol && i !== timeCol && !armCols.includes(i)));
  const asBaseline = (rec: CsvRecord): CsvRecord => {
    const at = (i: number, v: string | null) => (i === timeCol ? baselineExport : blanked.has(i) ? null : v);
    const kept: CsvRecord = {
      line: rec.line,
      cells: rec.cells.map((v, i) => at(i, v)),
      get raw() {
        return rec.raw.map((v, i) => at(i, v) ?? '');
      },
    };
    keptFromIgnored.add(kept);
    return kept;
  };
  function* recordsThenIgnoredOnly(): Generator<CsvRecord> {
    yield* table.records;
    for (const [id, rec] of onlyIgnored) if (!readIds.has(id)) yield asBaseline(rec);
  }
  for (const rec of recordsThenIgnoredOnly()) {
    const line = rec.line;
    cells.load(rec);
    row.line = line;
    if (line !== groupLine) {
      if (groupLine >= 0) commit();
      groupLine = line;
      if (!keptFromIgnored.has(rec)) {
        shape.count++;
        shape.lastLine = line;
        shape.lastFirstCell = cells.raw(0);
      }
    }
    const timeRaw = cells.cell(timeCol);
    const time = timeRaw === null ? null : timeOf(timeRaw);
    row.time = time;
    row.exportTime = timeRaw;
    // A CPR number outside the id column: refused by line and column, never read or quoted (cpr-cells.ts).
    let cprCells = 0;
    for (const i of cprChecked) {
      // A cell narrower than CPR_MIN_WIDTH (9: Excel drops a CPR number's leading zero) holds no CPR number:
      // most cells are answer codes and scores, so their strings are not made (an index loop
      // over ~50 columns of every row, docs/architecture.md#the-cost-of-a-cold-regeneration).
      const width = cells.width(i);
      if (width >= 0 && width < CPR_MIN_WIDTH) continue;
      const raw = cells.raw(i);
      if (!cprRefused(raw, i)) continue;
      const at = row.at(i);
      row.add({ ...at, expected: cprCellExpected(plan.columns.id, raw!, codeColumns.includes(i)), kind: cprKind(at.field ?? String(at.column)) });
      cprCells++;
    }
    if (cprCells) continue;

    const repeat = repeatCol < 0 ? null : cells.cell(repeatCol);
    // An event row of the plan's "adverseEvents": read as one event of its record (adverse-events.ts).
    if (repeat !== null && aeReader?.isEventRow(repeat)) {
      const idCell = cells.cell(idCol);
      if (idCell === null) row.add({ ...row.at(idCol), value: '', expected: 'a patient id (the cell is empty)', kind: EMPTY_ID_KIND });
      else aeReader.add(line, patientIdOf(idCell).id, (i) => cells.cell(i));
      continue;
    }
    if (repeat !== null) {
      const filled = planCells.find((i) => cells.cell(i) !== null);
      if (filled === undefined) {
        repeatRows.rows++;
        repeatRows.instruments.add(repeat);
        const idCell = cells.cell(idCol);
        if (idCell !== null) repeatRows.patients.add(patientIdOf(idCell).id);
        continue;
      }
      row.add({ ...row.at(filled), expected: `no value here: the row is a REDCap repeating-instrument row ("${repeatName}" is "${repeat}"), and hta reads one row per patient and visit — export the visit forms without their repeats, or one instance per visit as its own event`, kind: 'redcap.repeat' });
      continue;
    }
    // An ADaM derived row the plan reads past ("derivedRows": "leave-out"): counted above, in no analysis.
    if (skipDerived && cells.cell(derivedCol) !== null) continue;
    // A visit the plan reads past ("ignoreTimepoints": an unscheduled visit): counted, not checked, in no analysis.
    if (timeRaw !== null && ignored.readPast(timeRaw, () => {
      const idCell = cells.cell(idCol);
      const id = idCell === null ? null : patientIdOf(idCell).id;
      if (id !== null && !readIds.has(id) && !onlyIgnored.has(id)) onlyIgnored.set(id, rec);
      return id;
    })) continue;
    // Which of the plan's visits the file has rows at, whatever else is wrong in the row (absent-visits.ts).
    if (!wide && timeRaw !== null) {
      const v = visitIndex.get(time!);
      if (v !== undefined) visitPresent[v] = true;
      written.add(timeRaw, armFromEvent ? (raw) => redcapEvent(raw)?.visit ?? raw : undefined);
    }
    const idCell = cells.cell(idCol);
    if (idCell === null) {
      row.add({ ...row.at(idCol), value: '', expected: 'a patient id (the cell is empty)', kind: EMPTY_ID_KIND });
      continue;
    }
    // `'002` and `="002"`: Excel's text marks, not part of the id (patient-ids.ts).
    const { id, excelText } = patientIdOf(idCell);
    readIds.add(id);
    // `Gennemsnit;SelfBACK;;5,4;…`: a mean or total row is no patient, whatever its other cells hold (export-shape.ts).
    if (isSummaryWord(id)) {
      row.add(summaryRowProblem(row.at(idCol), id));
      continue;
    }
    // An arm value the plan lists as "never randomised" ("flow.notRandomisedValues") is an empty arm cell.
    const armCell = (c: number) => {
      const v = cells.cell(c);
      return v !== null && isNotRandomisedValue(v) ? null : v;
    };
    let armRaw = armFromEvent ? null : armCell(armCol);
    let armAt = armCol;
    // A wide line's arm in several visit columns: the one value they hold; two that differ are the user's to settle.
    let armClash = false;
    for (let k = 1; k < armCols.length && !armFromEvent; k++) {
      const v = armCell(armCols[k]!);
      if (v === null) continue;
      if (armRaw === null) {
        armRaw = v;
        armAt = armCols[k]!;
      } else if (nfc(v) !== nfc(armRaw) && (armSpellings.armOf(v) === undefined || armSpellings.armOf(v) !== armSpellings.armOf(armRaw))) {
        // Two spellings of one plan arm (`SelfBACK`, `selfback`) agree (arm-spellings.ts).
        row.add({ ...row.at(armCols[k]!), value: v, expected: `the same ${groups.unit} in "${table.header[armAt]}" and "${table.header[armCols[k]!]}": this line has "${armRaw}" in one and "${v}" in the other, and a patient has one ${groups.unit} — correct the one that is wrong and export again`, kind: 'arm.columns-disagree' });
        armClash = true;
        break;
      }
    }
    if (armSeen && armRaw !== null) armSeen.add(armRaw);
    if (armClash) continue;
    let arm: Arm | undefined;
    if (armFromEvent) {
      // The arm is in the event name (docs/plan-trial.md, "armSource"); an empty event cell is the time check's problem below.
      const event = timeRaw === null ? undefined : redcapEvent(nfc(timeRaw));
      if (event === undefined && timeRaw !== null) {
        row.add({ ...row.at(timeCol), value: timeRaw, expected: `a REDCap event name that ends in its arm ("baseline_arm_1", or "Baseline (Arm 1: App)" in a label export): the plan's "armSource": "redcap-event" reads each row's arm from it`, kind: 'event.no-arm' });
        continue;
      }
      if (event !== undefined) {
        armRaw = event.arm;
        arm = isEventArm(plan.arms.intervention, event) ? 'intervention' : isEventArm(plan.arms.control, event) ? 'control' : undefined;
        const other = arm === undefined ? (plan.otherArms ?? []).findIndex((_, k) => isEventArm(others.value(k), event)) : -1;
        if (other >= 0) {
          // REDCap keeps a record in one arm: a record's events of two arms are refused, whichever comes first.
          otherArmRow(other, id, timeCol, timeRaw!);
          continue;
        }
        if (arm === undefined) {
          row.add({
            ...row.at(timeCol),
            value: timeRaw!,
            expected: `an event of the plan's arms: ending in "${plan.arms.intervention}" (intervention) or "${plan.arms.control}" (control), as in the plan's "arms"; this event is in REDCap arm ${event.number} ("${event.arm}")${others.any ? '' : otherArmsHint(`arm_${event.number}`)}`,
            kind: 'arm.unknown',
          });
        }
      }
    } else if (armRaw === null && !wide) {
      // REDCap longitudinal exports fill a form's fields on its own event only: the arm sits on
      // the randomisation (usually baseline) row, empty on the others. Such a row takes the
      // patient's arm from its other rows (docs/input-trial-export.md); a patient not yet met
      // needs a look ahead, done once for the whole file only when it happens.
      // An id written another way on this row (`sb-001` for `SB-001`) is the same patient's: its
      // arm is found, and the row is refused below for the spelling, not for an empty arm.
      const k = idIndex.get(id) ?? idSpellings.spelledAs(id);
      const known = k >= 0 ? k : undefined;
      const otherOfId = others.metAs(id)?.arm;
      if (known !== undefined) armRaw = armValues[idArm[known] === 'intervention' ? 0 : 1]!;
      else if (otherOfId !== undefined) armRaw = others.value(otherOfId);
      else {
        armById ??= armValuesById(table, idCol, armCol, (v) => armSpellings.armOf(v) !== undefined || others.indexOf(v) !== undefined);
        armRaw = armById.get(idKey(id)) ?? null;
      }
    }
    // An observational plan whose unexposed value is "" (a flag filled for users only): an empty
    // exposure cell, with no exposure on another row of the patient, is a non-user (docs/observational.md).
    if (armRaw === null && blankUnexposed && !armFromEvent) armRaw = '';
    // A row of an arm the plan does not compare (docs/plan-trial.md#other-arms): counted, not read.
    // The plan's arm is looked up once per row: a value that is one is never an arm not compared.
    if (!armFromEvent) arm = armRaw === null ? undefined : armSpellings.armOf(armRaw, row.line);
    const otherArm = arm !== undefined || armRaw === null || armFromEvent || !others.any ? undefined : others.indexOf(armRaw);
    if (otherArm !== undefined) {
      otherArmRow(otherArm, id, armAt, armRaw!);
      continue;
    }
    // No arm on any row of the patient: a participant never randomised, passed over and counted when the plan says so (not-randomised.ts).
    const armless = arm === undefined && armRaw === null && !armFromEvent && groups.unit === 'arm' && notRandomised.armless(id);
    if (armless && notRandomised.passes(id)) {
      notRandomised.count(id, line);
      continue;
    }
    if (arm === undefined && !armFromEvent) {
      const hint = armRaw === null ? undefined : didYouMean(armRaw, armValues);
      // A special missing value (`.A`) is a missing arm: refused as an empty one, quoted as written.
      const written = armRaw ?? cells.raw(armAt);
      row.add({
        ...row.at(armAt),
        value: written ?? '',
        expected:
          (groups.unit === 'arm'
            ? `an arm value: "${plan.arms.intervention}" (intervention) or "${plan.arms.control}" (control), as in the plan's "arms"${armRaw !== null && readsAsNotRandomised(armRaw) ? notRandomisedHint(armRaw, plan) : others.any ? `, or an arm not compared, as in its "otherArms" (${otherArmsOf(plan).map((a) => JSON.stringify(a.value)).join(', ')})` : armRaw !== null && !hint && !isExcelError(armRaw) ? otherArmsHint(armRaw) : ''}`
            : `an exposure value: "${plan.arms.intervention}" for ${groups.described.intervention} or "${plan.arms.control}" for ${groups.described.control}, as in the plan's "${groups.planField}"`) +
          (armless ? notRandomised.emptyArmText() : armRaw === null && !wide ? ` (the cell is ${written === null ? 'empty' : 'a missing value'}, and no other row of this patient has ${groups.unit === 'arm' ? 'an arm value' : 'an exposure value'} of the plan)` : ''),
        kind: armless ? NO_ARM_KIND : `${UNKNOWN_ARM_KIND}${hint ? `:${hint}` : ''}`,
        ...(hint ? { hint } : {}),
        // `#N/A` from a failed lookup is no third arm, and "missingCodes" do not apply to the arm column.
        ...(!hint && armRaw !== null && isExcelError(armRaw) ? { kind: `${UNKNOWN_ARM_KIND}:${excelErrorKind(armRaw)}`, hint: excelErrorHint(armRaw, false) } : {}),
      });
    }
    const t = time === null ? undefined : visitIndex.get(time);
    if (t === undefined) {
      // With arms in the event names, the near miss is among the visits without their arm.
      const visitRaw = timeRaw !== null && armFromEvent ? (redcapEvent(timeRaw)?.visit ?? timeRaw) : timeRaw;
      const hint = visitRaw === null ? undefined : didYouMean(visitRaw, timeValues);
      // A missing value (`.`, SAS's `.A`) is quoted as written, as the arm's is: `""` hid what the file holds.
      const written = timeRaw ?? cells.raw(timeCol) ?? (wide ? null : (rec.raw[timeCol] ?? null));
      const missingVisit = timeRaw === null && written !== null && written !== '' ? ' (the cell is a missing value: every row needs its visit)' : '';
      // A near miss of an entry of "ignoreTimepoints" no row matched is hinted as a typo there (ignored-visits.ts).
      row.add(ignored.unknownVisit(timeRaw, {
        ...row.at(timeCol),
        value: written ?? '',
        expected: `a time point of the plan (${visits.join(', ')}); map other labels with "timeLabels", list the visit in "allTimepoints", or leave an unscheduled visit out with "ignoreTimepoints"${missingVisit}`,
        kind: `time.unknown${hint ? `:${hint}` : ''}`,
        ...(hint ? { hint } : {}),
      }));
    }
    if (arm === undefined || t === undefined) continue;
    // A patient met in an arm not compared: one patient, one arm (or one id, when written another way there).
    const otherBefore = others.any ? others.metAs(id) : undefined;
    if (otherBefore !== undefined) {
      metInOtherArm(id, otherBefore, armAt, armRaw ?? '', true);
      continue;
    }

    let who = idIndex.get(id);
    if (who === undefined) {
      // `1` beside `0001` (a spreadsheet dropped the leading zeros), `sb-001` beside `SB-001`,
      // `"SB-017 "` beside `SB-017`: one patient written two ways (patient-ids.ts).
      const earlier = idSpellings.earlierSpelling(id, ids.length);
      if (earlier >= 0) {
        spellingProblem(id, ids[earlier]!, idLine[earlier]!);
        continue;
      }
      who = ids.push(id) - 1;
      idIndex.set(id, who);
      idArm.push(arm);
      idLine.push(line);
      idExcelText.push(excelText);
      patientOf.push(-1);
      if ((who + 1) * nVisits > firstLines.length) {
        const grown = new Int32Array(firstLines.length * 2);
        grown.set(firstLines);
        firstLines = grown;
      }
    }
    else if (idExcelText[who] !== excelText) {
      // `'002` beside `002`: one patient, the sheet's text mark kept on some rows only.
      if (idProblems[idProblems.length - 1]?.line !== line) idProblems.push({ ...row.at(idCol), ...excelTextExpected(idLine[who]!), kind: ID_SPELLING_KIND });
      continue;
    }
    const slot = who * nVisits + t;
    // A wide export has one line per patient: a second line of the id repeats it, whatever visits it holds.
    const first = wide ? (idLine[who] === line ? 0 : idLine[who]!) : firstLines[slot]!;
    if (first !== 0) {
      // The id itself is never printed: the earlier line identifies the patient.
      const instance = instanceCol < 0 ? null : cells.cell(instanceCol);
      const otherArm = idArm[who] !== arm ? planArm(idArm[who]!) : undefined;
      if (otherArm !== undefined) armInDoubt.add(who);
      const { expected, detail } = duplicateExpected(wide, time!, first, otherArm);
      const p: Problem =
        instance === null
          ? { ...row.at(idCol), expected, detail, kind: otherArm === undefined ? 'row.duplicate' : 'row.duplicate-other-arm' }
          : { ...row.at(idCol), expected: `${expected}; a repeating event (${table.header[instanceCol]}) gives a row per instance — keep one instance per visit (e.g. the first), or give each repeat a visit of its own`, detail: `${detail}; this row is instance ${instance}`, kind: 'row.duplicate' };
      if (exclude) repeats.push([p, first]);
      // Same arm, no repeating event: compared with the earlier line after the rows (a join, or a copy).
      if (instance === null && otherArm === undefined && sameRepeats[sameRepeats.length - 1]?.p.line !== line) sameRepeats.push({ p, first, visit: time! });
      row.add(p);
      continue;
    }
    firstLines[slot] = line;

    if (idArm[who] !== arm) {
      armInDoubt.add(who);
      row.add(switchProblem(armAt, armRaw ?? '', idLine[who]!, planArm(idArm[who]!)));
      continue;
    }

    const recodes = row.recodes;
    if (recodes.length) recodes.length = 0;
    const covValues: (string | number | null)[] = covariates.length ? new Array(covariates.length) : NO_COVARIATES;
    for (let i = 0; i < covariates.length; i++) {
      const { idx, column, coder } = covariates[i]!;
      covValues[i] = covariateCell(row, cells, idx, column, coder, i < nCov ? (plan.covariates[i] as string) : undefined, plan, notNumbers[i]);
      const cv = covValues[i] ?? null;
      if (commaOnly && kinds[i] === 'numeric' && typeof cv === 'string' && cv.includes(',') && readingOf(cv.trim()) === 'either') {
        const c = commaCells[i]!;
        if (c.count++ === 0) c.first = { ...row.at(idx), value: cv, separator: ',' };
      }
      // A cell the code checks read (nine-codes.ts, negative-code-cells.ts): parsed and placed once for both.
      const nine = nineCodes.checks(i), negative = negativeCodes.checks(i);
      if (cv !== null && cv !== undefined && (nine || negative)) {
        const value = typeof cv === 'number' ? cv : parseNumber(cv, row.decimalComma);
        if (value !== undefined && (nine || value < 0)) {
          const cell = { line: row.line, column: row.at(idx).column ?? idx + 1, text: cells.raw(idx) ?? String(cv), value };
          if (nine) nineCodes.add(i, cell);
          if (negative && value < 0) negativeCodes.add(i, cell);
        }
      }
    }
    const sharedRecodes = recodes.length;
    for (let s = 0; s < sources.length; s++) {
      cellsFilled = 0;
      notApplicableCell = false;
      scores[s] = scoreCell(sources[s]!, cells, row, itemScratch[s]!, plan);
      rowNotApplicable[s] = notApplicableCell ? 1 : 0;
      pendingFilled[s]! += cellsFilled;
      if (uncheckedMissing) {
        pendingUnchecked.push(s);
        uncheckedMissing = false;
      }
    }
    const visitRecodes = recodes.length;
    let reason: string | null = null;
    if (reasonCol >= 0) {
      reason = withdrawalCell(row, cells, reasonCol, reasonColumn, reasonCoder, reasonMap, plan.flow?.notWithdrawn);
      const earlier = idReason[who];
      if (reason !== null && earlier === undefined) {
        idReason[who] = reason;
        idReasonLine[who] = line;
      } else if (reason !== null && earlier !== reason) {
        row.add({ ...row.at(reasonCol), value: reason, expected: 'one withdrawal reason per patient; leave the other rows empty', detail: `this patient's line ${idReasonLine[who]} has "${earlier}"`, kind: 'withdrawal.conflict' });
        reason = null;
      }
    }

    const at = n + pending;
    if (at >= capacity) grow();
    lineCol[at] = line;
    whoCol[at] = who;
    timeIdxCol[at] = t;
    for (let s = 0; s < sources.length; s++) {
      scoreCols[s]![at] = scores[s]!;
      const na = notApplicableCols[s];
      if (na) na[at] = rowNotApplicable[s]!;
    }
    pending++;
    pendingCovariates.push(covValues);
    pendingReasons.push(reason);
    // A wide line's covariate and withdrawal cells are read again for each visit row it gives:
    // their recodes count once, with the line's first row (`"#NULL!" → missing × 1`, not × visits).
    const again = wide && pending > 1;
    for (let k = 0; k < recodes.length; k++) if (!again || (k >= sharedRecodes && k < visitRecodes)) pendingRecodes.push(recodes[k]!);
  }
  if (groupLine >= 0) commit();
  // A patient whose every row was left out for a bad cell is still randomised: leaving a row's
  // invalid value out must not un-randomise the patient or lose their adverse events, counted over
  // all randomised patients (docs/input-trial-export.md#bad-rows). Kept with no
  // row, in their first row's arm; not when a row gave another arm (which is right is not known).
  const firstWithoutRows = patients.length;
  if (exclude && plan.design !== 'observational') {
    for (let who = 0; who < ids.length; who++) {
      if (patientOf[who]! >= 0 || armInDoubt.has(who)) continue;
      patientOf[who] = patients.push({ id: ids[who]!, arm: idArm[who]!, covariates: {} }) - 1;
      covariateRaw.push(covariates.map(() => null));
      covariatePlace.push([]);
    }
  }
  const randomisedWithoutRows = patients.length - firstWithoutRows;
  // A registry keeps no patient without a row: counted, as they are in no other count (docs/observational.md, rule 13).
  const withoutRows = plan.design === 'observational' ? [...excludedWho].filter((who) => patientOf[who]! < 0).length : 0;
  for (const who of baselineExcluded) if (patientOf[who]! >= 0) patients[patientOf[who]!]!.baselineExcluded = true;
  for (const [who, at] of excludedVisits) if (patientOf[who]! >= 0) patients[patientOf[who]!]!.excludedVisits = [...at];

  ignored.settleHints();
  aeReader?.settleFreeText();
  // A 0–n scale exported as option numbers counted from 1 (no 0 read, n + 1 refused): said where its cells are refused (one-based-answers.ts).
  oneBasedHints(sources, rowProblems);
  // CPR-shaped cells stop every run, --exclude-invalid too, before anything that would name the row's values.
  const cprProblems = [...rowProblems, ...(aeReader?.problems ?? [])].filter(isCprProblem).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (cprProblems.length) throw new HtaError('input.invalid', trialCprMessage(file, cprProblems.length, plan.columns.id), cprProblems);
  // A score column of fractions of 1 (Excel percentage cells, 0.44 for 44): the column's problem, not a
  // row's, so every run stops, before the rows' problems (a whole-number scale's "decimals" advice would mislead: fraction-scales.ts).
  const fractions = options.fractionsInChecks ? [] : fractionProblems(sources, decimalComma);
  if (fractions.length) throw new HtaError('input.invalid', fractionMessage(file, fractions), fractions);

  // A plan visit with no row in a long export: the plan's problem, said before the rows' (absent-visits.ts).
  const absent = wide ? [] : absentVisitProblems({ file, plan, visits, exportTimes, present: visitPresent.map((p, k) => p || !needed[k]), written, isPlanVisit: (w) => visitIndex.has(timeOf(w)) });
  if (absent.length) {
    if (noBaseline) for (const p of absent) if (p.kind === `${ABSENT_VISIT_KIND}:${plan.baseline}`) p.expected = `${p.expected}; ${noBaseline}`;
    const names = visits.filter((_, k) => !visitPresent[k]).map((v) => JSON.stringify(v)).join(', ');
    throw new HtaError('input.invalid', `${file} has no rows at the plan's visit${absent.length > 1 ? 's' : ''} ${names} (column "${plan.columns.time}"); nothing was written`, [...absent, ...rowProblems]);
  }

  // armLabels naming another arm value of the export (arm-label-check.ts): the plan's problem, before the rows'.
  const stale = armSeen ? staleArmLabels(plan, armSeen, file, plan.columns.arm) : [];
  if (stale.length) throw invalid(file, stale, false);
  if (idProblems.length) throw invalid(file, [...idProblems, ...rowProblems], false);
  // An event's seriousness or relatedness not read: every run stops (leaving the event out would change a safety count).
  if (aeReader?.problems.length) throw invalid(file, maskedPatientIds([...aeReader.problems, ...rowProblems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), idKeysOf(table.records, idCol), table.header[idCol]), false);
  // A listing joined on (a patient with two events on two lines): no line is the patient's, so every run stops.
  if (sameRepeats.length && joinedListingProblems(csv, wide, sameRepeats, planValueColumns(plan, csv.header))) throw invalid(file, rowProblems, true);
  if (headerRepeats.lines.size + headerRepeats.underlines.size > 0 && !exclude) throw invalid(file, [...repeatedHeaderProblems(file, headerRepeats), ...rowProblems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), true);
  // Not a row problem: --exclude-invalid would not leave these rows out (the code is the plan's to declare).
  const codes = [...nineCodes.problems(file), ...negativeCodes.problems(file)];
  if (codes.length) throw invalid(file, namedShapes([...codes, ...rowProblems], shape).sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), false);
  // The header counts the rows, not the problems: a shape is one problem for many rows (120 rows
  // without an id said "1 problem(s) in 1 row(s)").
  if (rowProblems.length && !exclude) throw invalid(file, namedShapes(rowProblems, shape), true, new Set(rowProblems.map((p) => p.line)).size);
  readNotes.push(...repeatedHeaderNotes(file, headerRepeats, options.lang));
  // SSMS's "(N rows affected)" and "Completion time" lines, left out by the CSV reader (io/ssms-trailer.ts).
  const trailerNote = ssmsTrailerNote(file, given.trailer ?? [], options.lang);
  if (trailerNote) readNotes.push(trailerNote);
  // A footnote under the rows (`Kilde: Danmarks Statistik …`), left out by the CSV reader (io/footnote-lines.ts).
  const footnoteNote = footnoteLinesNote(file, given.footnotes ?? [], options.lang);
  if (footnoteNote) readNotes.push(footnoteNote);
  if (derived) readNotes.push(derivedRowsNote(file, derived, options.lang));
  readNotes.push(...derivedVisitNotes(file, table.header, visits, exportTimes, options.lang));
  // Rows of visits the plan reads past, and entries that matched none (ignored-visits.ts).
  const ignoredCount = ignored.count();
  const unusedNote = unusedEntriesNote(file, ignored.unused(), options.lang);
  if (unusedNote) readNotes.push(unusedNote);
  // Arms not compared: said, with their rows and patients, as a note (never a problem: docs/plan-trial.md#other-arms).
  const otherColumn = armFromEvent ? plan.columns.time : plan.columns.arm;
  const otherCounts = others.counts();
  for (const a of otherCounts) {
    if (options.lang === 'da') {
      readNotes.push(a.rows > 0
        ? `${file}: ${a.rows} ${a.rows === 1 ? 'række' : 'rækker'} i gruppen "${a.value}" i kolonnen "${otherColumn}" (${a.patients} ${a.patients === 1 ? 'patient' : 'patienter'}) er ikke med i denne sammenligning (planens "otherArms"): analyseres ikke, tælles som randomiseret i flowdiagrammet`
        : `${file}: ingen række i gruppen "${a.value}" fra planens "otherArms" i kolonnen "${otherColumn}"`);
      continue;
    }
    readNotes.push(a.rows > 0
      ? `${file}: ${a.rows} ${a.rows === 1 ? 'row' : 'rows'} of arm "${a.value}" in column "${otherColumn}" (${a.patients} ${a.patients === 1 ? 'patient' : 'patients'}) ${a.rows === 1 ? 'is' : 'are'} not in this comparison (the plan's "otherArms"): not analysed, counted as randomised in the participant flow`
      : `${file}: no row of arm "${a.value}" of the plan's "otherArms" in column "${otherColumn}"`);
  }
  // Patients who withdrew consent: said as a note, with their count only (docs/plan-trial.md#consent-withdrawn).
  if (consentWithdrawn) readNotes.push(consentWithdrawnNote(file, consentWithdrawn, options.lang));
  // Participants never randomised: said as a note, with their count (docs/plan-trial.md#participant-flow).
  const notRandomisedCount = notRandomised.counts();
  if (notRandomised.planned) readNotes.push(notRandomisedNote(file, plan.columns.arm, notRandomisedCount, plan.flow?.notRandomisedValues, options.lang));
  const specialNote = special.note(file, options.lang);
  if (specialNote) readNotes.push(specialNote);
  const noiseNote = row.noise.note(file, options.lang);
  if (noiseNote) readNotes.push(noiseNote);
  const roundedScientific = scientific.list();
  const badLines = new Set(rowProblems.map((p) => p.line));
  // Ids shaped like CPR numbers: a note, never an error (docs/input-trial-export.md#cpr-shaped-ids).
  const cprIds = cprShapedIds(ids);
  // E-mail addresses as ids (a Google Forms export's "Mailadresse" named as the id): the same note.
  const mailIds = cprIds > 0 ? 0 : emailIds(ids);
  // A registry's extract is no trial export: the note names what the file is (patient-ids.ts).
  const exportNoun = plan.design === 'observational' ? 'a registry export' : 'a trial export';
  const idNote = cprIds > 0 ? `${file}: ${cprIdNote(plan.columns.id, cprIds, ids.length, exportNoun, options.lang)}` : mailIds > 0 ? `${file}: ${emailIdNote(plan.columns.id, mailIds, ids.length, exportNoun, options.lang)}` : undefined;
  if (idNote) readNotes.push(idNote);
  // A repeated row left out says which of the patient's rows is read instead (if any).
  for (const [p, first] of repeats) p.detail = keptInstead(p.detail!, first, !badLines.has(first));

  // Patients, their covariates and the recode tally come from the kept rows only: a patient
  // whose baseline row was excluded simply has no baseline.
  // Values as numbers or categories, per column (column-kind.ts); categories written in two
  // cases are one, shown as most often written, and a note says so (category-values.ts; also
  // `spellingNotes`, for the warnings of `--json`).
  const typed = covariates.map((c, i) => typeColumn(covariateRaw.map((raw) => raw[i] ?? null), kinds[i]!, c.levelsAsText, decimalComma));
  // A level that would print a patient — an e-mail address, a phone number or a date where a
  // category belongs, a column of dates or names — stops every run, never quoted (identifying-characteristic.ts).
  // Printed as levels: a covariate's values (Table 1), a subgroup's without "levels" or "cuts" (with
  // them, other values are counted, not shown: docs/subgroups.md). `hta score` prints none
  // (covariatesUnread); an observational plan names no level held by fewer patients than its
  // suppression threshold (docs/observational.md "Small counts"), so its index dates may be levels.
  const levelsShown = plan.design === 'observational' ? new Set<string>() : new Set([...plan.covariates.map((name) => covariateColumnOf(plan, name)), ...plan.subgroups.filter((g) => !g.levels && !g.cuts).map((g) => g.column)]);
  const identifying = covariates.flatMap((c, i) => {
    if (options.covariatesUnread || !levelsShown.has(c.column) || kinds[i] === 'numeric' || covariates.findIndex((d) => d.column === c.column) !== i) return [];
    const cells = covariateRaw.flatMap((raw, p) => {
      const v = raw[i];
      const at = covariatePlace[p]![i];
      return typeof v === 'string' && at ? [{ value: v, line: at.line, column: at.column }] : [];
    });
    return identifyingLevelProblems(file, c.column, cells, planColumnUse(i < nCov ? 'covariate' : 'attribute'));
  });
  if (identifying.length) throw new HtaError('input.invalid', `${file}: ${new Set(identifying.map((p) => p.field)).size} column(s) would print single patients (dates, e-mail addresses, phone numbers, names or notes) as levels beside their arm; nothing was written (also with --exclude-invalid)`, identifying.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  // Arm values written another way than the plan's (`selfback ` for `SelfBACK`) come first (arm-spellings.ts).
  const armNote = armSpellings.note(file, plan.columns.arm, plan.observational?.suppressionThreshold, wide, options.lang);
  const spellingNotes = [
    ...(armNote ? [armNote] : []),
    ...covariates.flatMap((c, i) => {
      const merged = typed[i]!.merged;
      // A column read twice (a covariate and a subgroup) says it once.
      return merged.length && covariates.findIndex((d) => d.column === c.column) === i ? [spellingsNote(file, c.column, merged, plan.observational?.suppressionThreshold, options.lang)] : [];
    }),
  ];
  if (spellingNotes.length) readNotes.push(...spellingNotes);
  const paddingNote = padding.note(file, csv.header, options.lang);
  if (paddingNote) readNotes.push(paddingNote);
  if (commaCells.some((c) => c.count > 0)) {
    const numberColumns = [...new Set([...covariates.filter((_, i) => kinds[i] === 'numeric').map((c) => c.idx), ...sources.flatMap((s) => s.columnIndexes)])];
    const { notes, undecided } = thousandsCommaColumns(table, file, covariates, commaCells, numberColumns, options.lang);
    if (undecided && !options.covariatesUnread) throw undecidedError(file, { ...undecided, declarable: true });
    readNotes.push(...notes);
  }
  readNotes.push(...varying.notes(file, covariates.map((c) => c.column), plan.observational?.suppressionThreshold, options.lang));
  const checkboxNotes = sources.flatMap((s, k) => (s.checkbox && uncheckedCounts[k]! > 0 ? [checkboxNote(file, s.key, s.columns[0]!, s.checkbox, uncheckedCounts[k]!, options.lang)] : []));
  if (checkboxNotes.length) readNotes.push(...checkboxNotes);
  patients.forEach((patient, p) => {
    const covariates: Record<string, string | number | null> = {};
    plan.covariates.forEach((name, i) => (covariates[name] = typed[i]!.values[p]!));
    patient.covariates = covariates;
    if (attributeNames.length) {
      const attributes: Record<string, string | number | null> = {};
      attributeNames.forEach((name, k) => (attributes[name] = typed[nCov + k]!.values[p]!));
      patient.attributes = attributes;
    }
  });
  // A column of groups each wholly in one arm: a cluster-randomised trial the plan does not say is one (cluster-signature.ts).
  if (plan.design !== 'observational' && plan.clusters === undefined) {
    const skip = new Set([idCol, timeCol, ...armCols, ...sources.flatMap((s) => s.columnIndexes), reasonCol, repeatCol, instanceCol]);
    const clustered = clusterSignaturesOf(table, idCol, (id) => {
      const who = idIndex.get(id);
      return who === undefined ? undefined : { patient: who, arm: idArm[who]! };
    }, (i) => !skip.has(i) && !(plan.notClusters ?? []).includes(table.header[i]!), (column) => namesAGroup(column) || covariateTypeOfColumn(plan, column) === 'categorical', plan.missingCodes, decimalComma);
    if (clustered.length) {
      throw new HtaError('input.invalid', `${file} looks like a cluster-randomised trial, which the plan does not say; nothing was written`, clustered.map((c) => ({ file, line: 1, column: colOf(c.column) + 1, field: c.column, value: c.column, expected: clusterSignatureText(c), kind: 'design.clusters' })));
    }
  }
  // A cluster-randomised trial: every patient in a cluster, or the cluster-robust SEs would leave them out unsaid.
  if (plan.clusters !== undefined) {
    const column = plan.clusters;
    // Patients with no kept row (every row left out as invalid) are in no analysis: their cluster is not needed.
    const without = patients.flatMap((p, k) => (k < firstWithoutRows && (p.attributes?.[column] === null || p.attributes?.[column] === undefined) ? [k] : []));
    if (without.length) {
      const lineOf = new Map(patients.map((p) => [p.id, idLine[idIndex.get(p.id)!]!]));
      throw invalid(file, without.map((k) => ({ file, line: lineOf.get(patients[k]!.id)!, column: colOf(column) + 1, field: column, value: '', expected: `the patient's cluster: the plan's "clusters" names "${column}" as the unit randomised, and every patient belongs to one (the cell is empty on each of this patient's rows)`, kind: 'clusters.missing' })), true);
    }
  }
  // A categorical auxiliary variable the multiple imputation cannot use: refused here, once (auxiliary-levels.ts).
  const auxiliaryLevels = auxiliaryLevelProblems(
    file,
    (plan.missing.auxiliary ?? []).map((column) => {
      // The export's own column (a wide export's reshaped table numbers its columns otherwise), else its first per-visit column.
      const at = csv.header.indexOf(column);
      return { column, index: at >= 0 ? at : csv.header.findIndex((h) => h.startsWith(`${column}_`)), values: patients.slice(0, firstWithoutRows).map((p) => p.attributes?.[column] ?? null) };
    }),
  );
  if (auxiliaryLevels.length) throw invalid(file, auxiliaryLevels, false);
  // Each event joined to its patient by the id as the visit rows write it (a record with no kept visit row is outside the comparison).
  const joined = aeReader?.finish((id) => {
    const who = idIndex.get(id);
    const p = who === undefined ? -1 : patientOf[who]!;
    return p < 0 ? undefined : { patient: p, arm: patients[p]!.arm };
  });
  // The instrument's rows are the export's own: no id of theirs is unknown to it.
  const adverseEvents = joined && (({ unknownLines: _none, ...data }) => data)(joined);
  if (aeReader && aeReader.rows === 0 && aeReader.noEventRows === 0) readNotes.push(aeReader.noRowsNote(file, [...repeatRows.instruments]));
  else if (adverseEvents) readNotes.push(...adverseEventReadNotes(file, aeReader!.rows, adverseEvents));
  let freeTextNote: string | undefined;
  // Withdrawal reasons printed under their own names (no "flow.withdrawalReasons") that read as
  // notes about a patient: pooled in the flow, never printed (participant-flow.ts); said here by line.
  if (reasonCol >= 0 && !reasonMap) {
    // Counted as the flow counts them: over the patients compared, a long reason shared by several is a code.
    const isFree = freeTextAmong(idReason.flatMap((r, who) => (r !== undefined && patientOf[who]! >= 0 ? [r] : [])));
    const freeLines = idReason.flatMap((r, who) => (r !== undefined && patientOf[who]! >= 0 && isFree(r) ? [idReasonLine[who]!] : [])).sort((a, b) => a - b);
    if (freeLines.length) freeTextNote = freeTextReasonsNote(file, reasonColumn, freeLines);
    if (freeTextNote) readNotes.push(freeTextNote);
  }
  // The ids of every row, for the plan's event listing: an event of an id in none is refused (adverse-events.ts).
  const exportIdKeys = plan.adverseEvents?.file === undefined ? undefined : idKeysOf(table.records, idCol);
  const fit = <A extends { length: number; slice(start: number, end: number): A }>(a: A): A => (a.length === n ? a : a.slice(0, n));
  const scoreColumns: Record<string, Float64Array> = {};
  sources.forEach((s, k) => (scoreColumns[s.key] = fit(scoreCols[k]!)));
  const notApplicableColumns: Record<string, Uint8Array> = {};
  sources.forEach((s, k) => {
    const na = notApplicableCols[k];
    if (na) notApplicableColumns[s.key] = fit(na);
  });
  // One order of patients and rows whatever the export's (canonical-order.ts, docs/plan-trial.md#row-order).
  return trialData(inCanonicalOrder({
    file,
    plan,
    times: visits,
    patients,
    rows: { length: n, line: fit(lineCol), patient: fit(whoCol), time: fit(timeIdxCol), scores: scoreColumns, ...(Object.keys(notApplicableColumns).length ? { notApplicable: notApplicableColumns } : {}) },
    sources,
    layout: wide ? 'wide' : 'long',
    // The instrument's seriousness and relatedness codes are the export's recodes too (validate lists them).
    recoded: adverseEvents?.recoded.length ? [...tally.list(table.header), ...adverseEvents.recoded] : tally.list(table.header),
    filledCells: Object.fromEntries(sources.map((s, k) => [s.key, filledCounts[k]!])),
    excluded: exclude ? { rows: badLines.size, problems: rowProblems, ...shapesOf(rowProblems, shape), ...(randomisedWithoutRows ? { randomisedWithoutRows } : {}), ...(withoutRows ? { withoutRows } : {}) } : null,
    ...(others.any ? { otherArms: otherCounts } : {}),
    ...(notRandomised.planned ? { notRandomised: notRandomisedCount } : {}),
    ...(consentWithdrawn ? { consentWithdrawn } : {}),
    ...(consentWithdrawnIds?.size ? { consentWithdrawnIds } : {}),
    ...(repeatRows.rows > 0 ? { passedOver: { rows: repeatRows.rows, patients: repeatRows.patients.size, instruments: [...repeatRows.instruments], why: `REDCap repeating-instrument rows (${[...repeatRows.instruments].map((i) => JSON.stringify(i)).join(', ')}) with none of the plan's columns filled` } } : {}),
    ...(ignoredCount ? { ignoredVisits: ignoredCount } : {}),
    ...(derived ? { derivedRows: { rows: derived.rows, column: derived.column, values: derived.values } } : {}),
    ...(reasonCol >= 0 ? { withdrawalColumn: reasonColumn } : {}),
    ...(adverseEvents ? { adverseEvents } : {}),
    ...(exportIdKeys ? { exportIdKeys } : {}),
    ...(readNotes.length ? { readNotes } : {}),
    ...(idNote ? { idNote } : {}),
    ...(freeTextNote ? { freeTextNote } : {}),
    ...(spellingNotes.length ? { spellingNotes } : {}),
    ...(checkboxNotes.length ? { checkboxNotes } : {}),
    decimalComma,
    ...(roundedScientific.length ? { roundedScientific } : {}),
    ...(specialNote ? { specialMissing: special.summary() } : {}),
    ...(itemBlocks.length ? { unreadItemBlocks: itemBlocks } : {}),
    ...(source.dialect.windows1252 ? { encoding: 'windows-1252' as const } : source.dialect.utf16 ? { encoding: source.dialect.utf16 } : {}),
    exportDialect: spreadsheetDialectOf(source.dialect),
  }));
}

/** The idKey of each row's id (Excel's text marks off; patient-ids.ts), empty cells passed over. */
function idKeysOf(records: Iterable<CsvRecord>, idCol: number): Set<string> {
  const keys = new Set<string>();
  for (const rec of records) {
    const cell = rec.cells[idCol];
    if (cell !== null && cell !== undefined && cell.trim() !== '') keys.add(idKey(plainPatientId(cell)));
  }
  return keys;
}

/** A whole number without a separator (`950`, `-3`). */
const BARE_INTEGER = /^[-+\u2212]?\d+$/;
/** A number with two thousands commas or more (`1,250,000`): English Excel's thousands, never a decimal. */
const TWO_GROUPS = /^[-+\u2212]?[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?$/;

/**
 * Rule 6 of decimal-mark.ts for the numeric covariates of a comma-separated file whose cells
 * `"1,375"` read either way (thousands, or three decimals with a Danish export's decimal comma).
 * The column's own cells decide first: a point shown (`31,000.50`: read so, with no note), a whole number written bare
 * beside them (`950`: a Danish export writes a fixed-format column's every cell with its decimals,
 * `"950,000"`), or two thousands commas (`"1,250,000"`) — then the cells are English Excel's
 * thousands (1375), and a note names the column and what decided. Else a point in another of the
 * plan's number columns (covariates, outcomes; never a text column's `2.1` or a clock time `9.07`)
 * fixes the mark, with a note that the column itself shows none. Else nothing decides: the cells
 * are refused (`undecided`), the first named.
 */
function thousandsCommaColumns(
  table: LongTable,
  file: string,
  covariates: readonly { idx: number; column: string }[],
  cells: readonly { count: number; first: (VotePlace & { separator: ',' }) | undefined }[],
  numberColumns: readonly number[],
  lang: 'en' | 'da' = 'en',
): { notes: string[]; undecided?: UndecidedCells } {
  const shown = new Map<number, { point?: string; bare?: string; groups?: string }>(numberColumns.map((c) => [c, {}]));
  for (const r of table.records) {
    const row = r.cells;
    for (const c of numberColumns) {
      const t = row[c]?.trim();
      if (!t) continue;
      const e = shown.get(c)!;
      if (e.point === undefined && readingOf(t) === '.' && /\.\d/.test(t)) e.point = t;
      else if (e.bare === undefined && BARE_INTEGER.test(t)) e.bare = t;
      else if (e.groups === undefined && TWO_GROUPS.test(t)) e.groups = t;
    }
  }
  const pointElsewhere = (own: number) => numberColumns.find((c) => c !== own && shown.get(c)!.point !== undefined);
  const notes: string[] = [];
  let undecided: { count: number; first: VotePlace & { separator: ',' } } | undefined;
  const said = new Set<string>();
  covariates.forEach(({ idx, column }, i) => {
    const { count, first } = cells[i]!;
    if (count === 0 || !first || said.has(column)) return;
    said.add(column);
    const example = String(first.value).trim();
    const n = Number(example.replace(/^\u2212/, '-').replace(',', ''));
    const own = shown.get(idx)!;
    // The column shows its point itself (`31,000.50`): read with it, nothing to say.
    if (own.point !== undefined) return;
    const why = own.groups !== undefined ? `the column's "${own.groups}" has two thousands commas` : own.bare !== undefined ? `the column writes other whole numbers without a separator ("${own.bare}"), as English Excel does below 1,000` : undefined;
    const other = why === undefined ? pointElsewhere(idx) : undefined;
    if (why === undefined && other === undefined) {
      undecided = undecided ? { count: undecided.count + count, first: undecided.first } : { count, first };
      return;
    }
    if (lang === 'da') {
      // Danish under --lang da (docs/cli.md "Danish output"), in the words of hta meta's note (meta/warnings-da.ts).
      const hvorfor = own.groups !== undefined ? `kolonnens "${own.groups}" har to tusindtalskommaer` : own.bare !== undefined ? `kolonnen skriver andre hele tal uden skilletegn ("${own.bare}"), som engelsk Excel gør under 1.000` : `ingen værdi i kolonnen viser dens decimaltegn; kolonnen "${table.header[other!]}" viser decimalpunktum ("${shown.get(other!)!.point}")`;
      notes.push(`${file}: kolonne "${column}": værdier med ét komma og tre cifre efter det, som "${example}", er læst som tusinder (${n}), sådan som en kommasepareret fil skriver dem: ${hvorfor}. Er de decimaltal skrevet med decimalkomma (${example} = ${example.replace(',', '.')}, som LibreOffice eller Google Sheets skriver dem med danske indstillinger), så eksportér filen med ";" som skilletegn eller med decimalpunktum`);
      return;
    }
    const because = why ?? `no value of the column shows its decimal mark; column "${table.header[other!]}" shows the decimal point ("${shown.get(other!)!.point}")`;
    notes.push(`${file}: column "${column}": values with one comma and three digits after it, such as "${example}", were read as thousands (${n}), as a comma-separated file writes them: ${because}. If they are decimals written with a decimal comma (${example} = ${example.replace(',', '.')}, as LibreOffice or Google Sheets in a Danish locale write them), export the file with ";" as separator or with decimal points`);
  });
  return { notes, ...(undecided ? { undecided: { ...undecided, commaFile: true as const, looked: `number the plan reads (column "${covariates[cells.findIndex((c) => c.first === undecided!.first)]!.column}", the other covariates, the outcomes)` } } : {}) };
}

/**
 * The export's columns (those `open` allows) showing the signature of cluster randomisation
 * (cluster-signature.ts): one pass over the records, each row's patient and arm by `patientOf`
 * (rows of no patient read are passed over); the plan's missing-value codes are no group; whole
 * numbers are codes in the columns `codes` says hold them.
 */
function clusterSignaturesOf(table: LongTable, idCol: number, patientOf: (id: string) => { patient: number; arm: Arm } | undefined, open: (column: number) => boolean, codes: (column: string) => boolean, missingCodes: readonly (string | number)[], decimalComma: boolean): ClusterSignature[] {
  const columns = table.header.flatMap((h, i) => (open(i) && h.trim() !== '' ? [i] : []));
  if (!columns.length) return [];
  const follow = new ClusterColumns(columns.map((i) => table.header[i]!), codes, decimalComma);
  const missing = new Set(missingCodes.map(String));
  const cells = new SpecialMissingReader();
  const read = new Set<number>();
  for (const rec of table.records) {
    cells.load(rec);
    const idCell = cells.cell(idCol);
    const who = idCell === null ? undefined : patientOf(patientIdOf(idCell).id);
    if (who === undefined) continue;
    read.add(who.patient);
    for (let k = 0; k < columns.length; k++) {
      if (!follow.open(k)) continue;
      const v = cells.cell(columns[k]!);
      if (v !== null && !missing.has(v.trim())) follow.see(k, who.patient, who.arm, v);
    }
  }
  return follow.signatures(read.size);
}

/**
 * Each id's first arm value that is one of the plan's (a conflicting later one is the main pass's
 * arm-switch problem; an invalid one is reported at its own cell, never copied to an empty one).
 * One pass reading two cells per record; run only when a patient's first row has no arm.
 */
function armValuesById(table: LongTable, idCol: number, armCol: number, isArm: (value: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  const cells = new SpecialMissingReader();
  for (const rec of table.records) {
    cells.load(rec, Math.max(idCol, armCol) + 1);
    const idCell = cells.cell(idCol);
    // By the id's key (patient-ids.ts idKey): a row writing the id another way finds the arm, and is then refused for the spelling.
    const id = idCell === null ? null : idKey(plainPatientId(idCell));
    const arm = cells.cell(armCol);
    if (id !== null && arm !== null && isArm(arm) && !out.has(id)) out.set(id, arm);
  }
  return out;
}

/** Where the problems of the record being read sit, and where its recoded cells are counted. */
class RowContext {
  line = 0;
  time: string | null = null;
  /** The row's visit as the export writes it (`3mdr`): a wide export's columns are named so, before "timeLabels" maps it to the plan's `3m`. */
  exportTime: string | null = null;
  recodes: Recode[] = [];
  /** The file's patient ids (idKey), masked in the values problems quote; read at the first such problem. */
  idKeys: (() => ReadonlySet<string>) | undefined;
  /** The id column's header: its cells' problems are not masked. */
  idField: string | undefined;
  #keys: ReadonlySet<string> | undefined;
  /** Whole-number cells written with float rounding (`28.000000000000007`), read as whole (float-noise.ts). */
  readonly noise = new FloatNoiseTally();
  constructor(
    readonly file: string,
    readonly table: LongTable,
    readonly problems: Problem[],
    readonly decimalComma: boolean,
    /** Cells Excel's "Scientific" format rounded (`4.91E+05`), read as written and said (trial/scientific-cells.ts). */
    readonly scientific = new RoundedScientificTally(),
    /** The plan declares the decimal mark (`"decimalMark"`): a cell with the other one is told so. */
    readonly declaredMark = false,
  ) {}
  /** Both locales in the columns read (decimal-mark.ts `mixedLocaleAmong`): a quoted decimal comma's advice names the cells. */
  mixedLocale: MixedLocale | undefined;
  at(idx: number): Omit<Problem, 'expected'> {
    const { table, exportTime: time } = this;
    // A wide export's cell is named by its own column (`RMDQ_3mdr`), not the long stem (`RMDQ`).
    const field = (table.sourceFields && time !== null ? table.sourceFields(time, idx) : undefined) ?? table.header[idx];
    return { file: this.file, line: this.line, column: table.sourceColumns && time !== null ? table.sourceColumns(time, idx) : idx + 1, field };
  }
  /**
   * One problem per cell: a wide export's line gives a row per time point, and a cell they
   * share (id, exposure or arm, covariates) is read once per row, so its problem would repeat.
   */
  add(p: Problem): void {
    const ps = this.problems;
    // A cell quoting its own patient's id (`SB1007 kunne ikke svare`): the id is never printed,
    // also inside a value (docs/output-safety.md "Patient ids").
    // Not the id cell's own problems (a summary row's "Gennemsnit"), which name what stands there.
    if (p.value !== undefined && p.value.length >= 3 && this.idKeys) p = maskedPatientIds([p], (this.#keys ??= this.idKeys()), this.idField)[0]!;
    for (let i = ps.length - 1; i >= 0 && ps[i]!.line === p.line; i--) if (ps[i]!.column === p.column) return;
    // An Excel error value (`#DIV/0!`) is named for what it is, in a group of its own (a group's
    // hint is its first problem's).
    if (p.value !== undefined && p.hint === undefined && isExcelError(p.value)) ps.push({ ...p, kind: `${p.kind ?? 'cell'}:${excelErrorKind(p.value)}`, hint: excelErrorHint(p.value) });
    // R's NaN (a mean of no values) and pandas' None / nan (astype(str) of a missing value) are named for what they are, with their remedies (nan-cells.ts); not in the id or arm, refused for what they are.
    else if (p.value !== undefined && p.hint === undefined && isNoValueCell(p.value) && !/^(?:id|arm)\b/.test(p.kind ?? '')) ps.push({ ...p, kind: `${p.kind ?? 'cell'}:nan`, hint: nanHint(p.value) });
    else ps.push(p);
  }
  /** A coded cell; records the recode. */
  code(coder: ColumnCoder, column: string, text: string): CodedCell {
    return coder.apply(text, (code, to) => this.recodes.push([column, code, to]));
  }
}

/** One covariate (or subgroup / population) cell after the plan's codes; null on a problem. */
/** `notNumber`: the column holds numbers (column-kind.ts), and this is the problem of a cell that is none. */
function covariateCell(row: RowContext, cells: FieldReader, idx: number, column: string, coder: ColumnCoder | undefined, covariate: string | undefined, plan: Plan, notNumber: { expected: string; kind: string } | undefined): string | number | null {
  const v = cells.cell(idx);
  if (v === null) return v;
  let value: string | number | null = v;
  if (coder) {
    const coded = row.code(coder, column, v);
    if (coded.kind === 'unknown') {
      row.add({ ...row.at(idx), value: v, ...unknownCodeProblem(column, coder, v) });
      return null;
    }
    value = coded.kind === 'missing' || coded.kind === 'not-applicable' ? null : coded.kind === 'answer' ? coded.value : coded.text;
  }
  // pandas' `None` / `nan` (astype(str) of a missing value) or R's `NaN` in a column of categories:
  // no level of its own ("None 2 (2.0%)", adjusted for as a third country), and no "finite number"
  // either — refused with its cause and remedies by add (nan-cells.ts). A column of numbers says
  // what it expects below.
  if (notNumber === undefined && typeof value === 'string' && isNoValueCell(value)) {
    row.add({ ...row.at(idx), value: v, expected: 'a category, or an empty cell when the value is unknown', kind: 'covariate.no-value' });
    return null;
  }
  // Plausibility of the plan's covariates (not of subgroup/population columns riding along).
  const implausible = covariate !== undefined && value !== null ? covariateValueProblem(plan, covariate, value, row.decimalComma, row.mixedLocale) : undefined;
  if (implausible) {
    row.add({ ...row.at(idx), value: v, ...implausible });
    return null;
  }
  // A number too far out of scale for the models to fit (1e+20): refused by its cell, not wrong
  // imputations or an internal error of the fit (model-magnitude.ts). A categorical column's
  // codes (a site number 120000001) are levels, never fitted as a number.
  const modelled = covariateTypeOfColumn(plan, column) !== 'categorical';
  const role = !modelled ? undefined : covariate !== undefined ? 'covariate' : (plan.missing.auxiliary ?? []).includes(column) ? 'auxiliary' : undefined;
  const tooLarge = role !== undefined && value !== null ? modelMagnitudeProblem(value, row.decimalComma, role) : undefined;
  if (tooLarge) {
    row.add({ ...row.at(idx), value: v, ...tooLarge });
    return null;
  }
  // In a column of numbers, text is no category of its own (column-kind.ts).
  if (notNumber && typeof value === 'string' && parseNumber(value, row.decimalComma) === undefined) {
    const other = otherMarkHint(v, row.decimalComma, row.declaredMark, row.mixedLocale);
    row.add({ ...row.at(idx), value: v, ...notNumber, ...(other ? { kind: `${notNumber.kind}:${other.reason}`, hint: other.hint } : (unitProblem(v, notNumber.kind, row.decimalComma) ?? spacedHint(v, notNumber.kind))) });
    return null;
  }
  return value;
}

/**
 * The problem of a cell that is not a number in a column of numbers (`declared`: the plan says
 * so; else its other values do), with the ways out: a missing-value code, or categories.
 */
function notANumber(plan: Plan, column: string, covariate: string | undefined, declared: boolean): { expected: string; kind: string } {
  const missing = 'if it means "missing", add it to the plan\'s "missingCodes"';
  const kind = `covariate.not-a-number:${column}`;
  const confounder = plan.design === 'observational' && covariate !== undefined;
  if (declared) {
    if (confounder) return { expected: `a number, or "type": "categorical": the confounder "${covariate}" is declared numeric; ${missing}`, kind };
    if (covariate !== undefined || covariateTypeOfColumn(plan, column) === 'numeric') return { expected: `a number: the plan's "covariateTypes" says "${covariate ?? column}" is numeric; ${missing}`, kind };
    return { expected: `a number: the plan reads "${column}" as numbers (a subgroup's or margin's "cuts", or a population criterion with <, <=, >, >=); ${missing}`, kind };
  }
  const categories = confounder ? `give the confounder "type": "categorical"` : `set "covariateTypes": { "${covariate ?? column}": "categorical" } in the plan`;
  return { expected: `a number, as the other values of "${column}" are (read as text, it would make each of them a category of its own); ${missing}; if the column holds categories, ${categories}`, kind };
}

/**
 * A withdrawal-reason cell after the plan's missing-value codes; a value of the plan's
 * "notWithdrawn" (a status column's "Completed", in any case) is no reason, read as an empty cell; with the
 * plan's list of reasons, any other value is a problem; without it, a value that reads as "did not
 * withdraw" is one (withdrawal-status.ts) (docs/plan-trial.md#participant-flow).
 */
function withdrawalCell(row: RowContext, cells: FieldReader, idx: number, column: string, coder: ColumnCoder | undefined, known: Record<string, unknown> | undefined, notWithdrawn: readonly string[] = []): string | null {
  const v = cells.cell(idx);
  if (v === null) return null;
  let text = v;
  if (coder) {
    const coded = row.code(coder, column, v);
    if (coded.kind === 'missing') return null;
    if (coded.kind === 'answer') text = String(coded.value);
    else if (coded.kind === 'unknown') {
      row.add({ ...row.at(idx), value: v, ...unknownCodeProblem(column, coder, v) });
      return null;
    }
  }
  if (isListedNotWithdrawn(text, notWithdrawn)) return null;
  if (known && !Object.hasOwn(known, text)) {
    const listed = Object.keys(known).map((k) => JSON.stringify(k)).join(', ');
    const expected = notWithdrawn.length
      ? `a withdrawal reason the plan's "flow": { "withdrawalReasons" } lists (${listed}), a value its "notWithdrawn" lists (${notWithdrawn.map((k) => JSON.stringify(k)).join(', ')}), or an empty cell`
      : `a withdrawal reason the plan's "flow": { "withdrawalReasons" } lists (${listed}), or an empty cell; values meaning the patient did not withdraw (a status column's "Completed") belong in "flow": { "notWithdrawn": [ … ] }`;
    row.add({ ...row.at(idx), value: text, expected, kind: 'withdrawal.unknown' });
    return null;
  }
  if (!known && readsAsNotWithdrawn(text)) {
    row.add({ ...row.at(idx), value: text, expected: `a reason the patient left the study, or an empty cell: this value reads as a status meaning the patient did not withdraw, which without the plan's "flow": { "withdrawalReasons" } would count as lost to follow-up; list such values in "flow": { "notWithdrawn": [ … ] }`, kind: 'withdrawal.status' });
    return null;
  }
  return text;
}

/**
 * A subgroup or population column named by an outcome's key ("rmdq" for a baseline-severity
 * subgroup): the key names a score the plan computes from item columns, not an export column.
 * `hta score` writes the scores as columns; the subgroup then reads the baseline row's score
 * (docs/subgroups.md#baseline-severity).
 */
function outcomeKeyHint(plan: Plan, column: string): string {
  const o = plan.outcomes.find((x) => x.key === column);
  if (!o) return '';
  return `: "${column}" is the key of one of the plan's outcomes, not a column of the export — to split by its baseline score, add the scores as columns with \`hta score <export> --plan <plan> --out scored.csv\` (it writes a column "${column}") and analyse scored.csv with this plan: "cuts" on "${column}" then read each patient's baseline score (docs/subgroups.md#baseline-severity)`;
}

/**
 * The plan without its subgroups, population criteria and margins on an outcome's key that the
 * export has no column for (`"column": "rmdq"` on a baseline score): what `hta score` reads,
 * as the scores it writes are those columns (docs/subgroups.md#baseline-severity).
 */
export function withoutScoreAttributes(plan: Plan, header: readonly string[]): Plan {
  const present = new Set(header.map(foldColumnName));
  const keys = new Set(plan.outcomes.map((o) => o.key).filter((k) => !present.has(foldColumnName(k))));
  if (!keys.size) return plan;
  const kept = (column: string) => !keys.has(column);
  const p = plan.population;
  return {
    ...plan,
    subgroups: plan.subgroups.filter((g) => kept(g.column)),
    ...(p
      ? {
          population: {
            ...p,
            criteria: p.criteria.filter((c) => kept(c.column)),
            ...(p.margins ? { margins: p.margins.filter((m) => kept(m.column)) } : {}),
            ...(p.targetSample ? { targetSample: { ...p.targetSample, ...(p.targetSample.model ? { model: p.targetSample.model.filter(kept) } : {}) } } : {}),
          },
        }
      : {}),
  };
}

/** Export columns named by the plan's subgroups, population criteria, margins and target-sample model, and its "clusters", each once, in plan order. */
export function attributeColumnsOf(plan: Plan): string[] {
  const p = plan.population;
  // The multiple imputation's auxiliary variables last (docs/plan-trial.md#multiple-imputation): a plan without them reads what it read before.
  return [...new Set([...plan.subgroups.map((g) => g.column), ...(p?.criteria ?? []).map((c) => c.column), ...(p?.margins ?? []).map((m) => m.column), ...(p?.targetSample?.model ?? []), ...(plan.clusters === undefined ? [] : [plan.clusters]), ...(plan.missing.auxiliary ?? [])])];
}

/**
 * One covariate (or subgroup / population) column's values, one per patient, typed by its kind
 * (column-kind.ts): numbers as numbers (a cell that is none was a problem already); categories
 * as text in NFC, values that differ only in case in the spelling most often met (category-values.ts).
 * A number in a column of categories stays a number (Table 1 reads 1/2/9 as codes), except
 * under "covariateTypes": "categorical", where every value is a level (`levelsAsText`).
 */
function typeColumn(values: readonly (string | number | null)[], kind: ColumnKind, levelsAsText: boolean, decimalComma: boolean): { values: (string | number | null)[]; merged: MergedSpelling[] } {
  const spellings = new CategorySpellings();
  const out = values.map((v): string | number | null => {
    if (v === null) return null;
    const n = typeof v === 'number' ? v : parseNumber(v, decimalComma);
    if (kind === 'numeric') return n ?? v;
    if (n !== undefined) return levelsAsText ? String(n) : n;
    spellings.add(v as string);
    return v;
  });
  // Each text in its key's most frequent spelling, once all are counted.
  for (let i = 0; i < out.length; i++) if (typeof out[i] === 'string' && kind !== 'numeric') out[i] = spellings.shown(out[i] as string);
  return { values: out, merged: spellings.merged() };
}

/**
 * Each covariate column's kind: the plan's, else by rule 2 of column-kind.ts over its cells
 * after the plan's codes — a pass over the covariate cells only, before the main one, so that a
 * cell that is not a number in a column of numbers is a problem at its line like any other.
 */
function columnKinds(table: LongTable, covariates: readonly { idx: number; coder: ColumnCoder | undefined; kind: ColumnKind | undefined }[], decimalComma: boolean, letters: LetterCodeLevels, numberCodes: NumberCodeValues): { kinds: ColumnKind[]; undecided: (number[] | undefined)[] } {
  // A plan-wide one-letter or number code is checked in every column, typed by the plan or not (letter-code-levels.ts, number-code-values.ts).
  const open = covariates.map((c, i) => i).filter((i) => (covariates[i]!.kind === undefined || letters.active || numberCodes.active) && covariates[i]!.idx >= 0);
  const tallies = covariates.map(() => new KindTally());
  if (open.length) {
    const cells = new SpecialMissingReader();
    const fields = Math.max(...open.map((i) => covariates[i]!.idx)) + 1;
    for (const rec of table.records) {
      cells.load(rec, fields);
      for (const i of open) {
        const { idx, coder } = covariates[i]!;
        const v = cells.cell(idx);
        if (v === null) continue;
        const coded = coder?.apply(v);
        if (letters.active) letters.see(i, rec.line, v, coded, decimalComma);
        if (numberCodes.active) numberCodes.see(i, rec.line, v, coded, coder, decimalComma);
        if (covariates[i]!.kind !== undefined) continue;
        if (coded?.kind === 'missing' || coded?.kind === 'unknown') continue;
        // A number in another form (`31,000.00` among decimal commas, `'45`) counts as the number it
        // shows: the column is then one of numbers, and the cell is refused with its reason.
        tallies[i]!.add(coded?.kind === 'answer' ? coded.value : (parseNumber(v, decimalComma) ?? disguisedNumber(v, decimalComma) ?? v));
      }
    }
  }
  return { kinds: covariates.map((c, i) => c.kind ?? tallies[i]!.kind()), undecided: covariates.map((c, i) => (c.kind === undefined ? tallies[i]!.undecidedCodes() : undefined)) };
}

/**
 * The refusal of a covariate rule 2 would read as numbers while it holds only a few whole
 * numbers that may be codes (column-kind.ts rule 3): categories or a scale changes the ANCOVA, and Table 1
 * shows it as the model reads it; the plan says which.
 */
function undecidedProblem(plan: Plan, file: string, c: { idx: number; column: string }, name: string, codes: readonly number[]): Problem {
  const confounder = plan.design === 'observational';
  const categories = `${countWord(codes.length)} categories`;
  const fix = confounder ? `give the confounder "${name}" "type": "categorical" or "numeric"` : `set "covariateTypes": { "${name}": "categorical" } (codes of ${categories}: ${countWord(codes.length - 1)} indicators in the ANCOVA) or "numeric" (a scale: one slope) in the plan`;
  return covariateHeaderProblem(file, c, `a covariate the plan says how to read: "${c.column}" has only the values ${codes.join(', ')} (after the plan's codes), which may be ${categories} or a scale — hta does not guess; ${fix}; if one of them means "missing" (9), add it to "missingCodes"`, 'covariate.undecided');
}

/** A covariate refused at its header cell (line 1): what the plan must say, by kind. */
function covariateHeaderProblem(file: string, c: { idx: number; column: string }, expected: string, kind: string): Problem {
  return { file, line: 1, column: c.idx + 1, field: c.column, value: c.column, expected, kind: `${kind}:${c.column}` };
}

/**
 * The refusal of a covariate whose name says it holds places or groups (`praksisnr`, `ydernummer`,
 * `site`) while its cells are numbers and the plan gives no type: read as numbers, the ANCOVA would
 * fit one slope on the code numbers (practice 574354 "more" than 198695). docs/plan-trial.md "covariateTypes".
 */
function placeNumberProblem(file: string, c: { idx: number; column: string }, name: string): Problem {
  return covariateHeaderProblem(file, c, `a covariate the plan says how to read: "${c.column}" names a place or group and holds numbers, which read as one number would put the places on a straight line (code 7 "more" than code 6) — set "covariateTypes": { "${name}": "categorical" } (one level per place), or "numeric" if the numbers really are a quantity`, 'covariate.place-number');
}

function stratumNumberProblem(file: string, c: { idx: number; column: string }, name: string): Problem {
  return covariateHeaderProblem(file, c, `a covariate the plan says how to read: "${c.column}" names a stratification factor of the randomisation and holds numbers, which read as one number would put the strata on a straight line (stratum 7 "more" than stratum 6) — set "covariateTypes": { "${name}": "categorical" } (one level per stratum, as the randomisation was stratified), or "numeric" if the numbers really are a quantity`, 'covariate.stratum-number');
}

function resolveSources(table: Pick<CsvTable, 'header'>, plan: Plan, file: string, problems: Problem[], decimalComma: boolean, wideHeader?: readonly string[], lineColumn?: (name: string) => boolean): OutcomeSource[] {
  const has = new Set(table.header);
  const indexOf = (name: string) => table.header.indexOf(name);
  const coders = (cols: string[], o: Plan['outcomes'][number]) => {
    const list = cols.map((c) => coderFor(plan, c, o, decimalComma));
    return list.some((c) => c !== undefined) ? { coders: list } : {};
  };
  const out: OutcomeSource[] = [];
  for (const o of plan.outcomes) {
    const instrument = instrumentForOutcome(o, plan); // existence checked by parsePlan
    const column = scoreColumnOf(o);
    const itemCols = itemColumnsOf(o, instrument);
    const scoring = { maxMissingItems: o.maxMissingItems, valueSet: o.valueSet };
    const present = itemCols.filter((c) => has.has(c));
    // A wide export with the score at every visit (`rmdq_bas`, `rmdq_3m`) beside an item block
    // without a visit suffix (`rmdq_1` … `rmdq_24`, one value per line): the plan names no items,
    // so the outcome is its score, not the unsuffixed block read at every visit.
    const scoreOverLineItems = o.items === undefined && lineColumn !== undefined && has.has(column) && !lineColumn(column) && present.length > 0 && present.every(lineColumn);
    if (itemCols.length && present.length === itemCols.length && !scoreOverLineItems) {
      out.push({ key: o.key, instrument, from: 'items', columns: itemCols, columnIndexes: itemCols.map(indexOf), itemRanges: itemCols.map((_, k) => itemRangeOf(instrument.items!, k)), scoring, ...coders(itemCols, o) });
    } else if (has.has(column)) {
      // A REDCap checkbox option column: an unticked field may be no answer at all (binary-checkbox.ts).
      const checkbox = instrument.kind === 'binary' ? checkboxSourceOf(o, column, table.header, file, problems, (c) => coderFor(plan, c, o, decimalComma)) : undefined;
      // A 0–100 score column is tallied for fractions of 1 (Excel percentage cells: fraction-scales.ts).
      const fractions = instrument.kind === 'continuous' && fractionRange(instrument.range) ? { fractions: new FractionTally() } : {};
      out.push({ key: o.key, instrument, from: 'score', columns: [column], columnIndexes: [indexOf(column)], itemRanges: [], scoring, ...coders([column], o), ...(checkbox ? { checkbox } : {}), ...fractions });
    } else if (present.length) {
      const missing = itemCols.filter((c) => !has.has(c));
      const p: Problem = { file, line: 1, value: missing.join(', '), expected: `all ${itemCols.length} item columns of ${instrument.name.en} for outcome "${o.key}" (or a score column "${column}"); list them in the outcome's "items"`, kind: `column.items:${o.key}` };
      const hint = missing.length === 1 ? didYouMean(missing[0]!, table.header) : undefined;
      if (hint) p.hint = hint;
      problems.push(p);
    } else if (wideHeader?.includes(column) && visitOption(column, table.header)) {
      // A wide export's checkbox option of a visit's field (`med_3m#1`) is read as the option
      // `med#1` at 3m (wide-to-long.ts); a plan naming the file's column (as plan init drafted it
      // before) is told the name to write, not that the file lacks a column it plainly has.
      const name = visitOption(column, table.header)!;
      problems.push({ file, line: 1, value: column, expected: `the option's name without its visit for outcome "${o.key}": in a wide export "${column}" is read as checkbox option "${name}" at its visit — write "column": "${name}" (docs/plan-trial.md#castor-checkboxes)`, kind: `column.outcome:${o.key}` });
    } else {
      const p: Problem = { file, line: 1, value: column, expected: `a column "${column}" for outcome "${o.key}"${itemCols.length ? ` or its item columns ${itemCols[0]}…${itemCols[itemCols.length - 1]}` : ''}; set "column" (or "items") in the plan if it is named differently`, kind: `column.outcome:${o.key}` };
      const hint = didYouMean(column, table.header);
      if (hint) p.hint = hint;
      problems.push(p);
    }
  }
  return out;
}

/**
 * An outcome read from columns without any visit of the plan in a wide export (`Smerte_6uker` when
 * no "timeLabels" key is `6uker`): its one value per line would be the same score at baseline and
 * at every follow-up — an analysis of nothing, printed under every visit. Refused, with the way to
 * read it as a visit (docs/input-trial-export.md, "Wide").
 */
function lineOutcomeProblems(file: string, sources: readonly OutcomeSource[], longHeader: readonly string[], timeColumn: string, exportTimes: readonly string[], wideHeader: readonly string[]): Problem[] {
  const timeIdx = longHeader.indexOf(timeColumn);
  return sources.flatMap((src): Problem[] => {
    if (src.from === 'items') return lineItemProblems(file, src, longHeader, timeIdx, exportTimes, wideHeader);
    if (timeIdx < 0 || !src.columnIndexes.every((i) => i >= 0 && i < timeIdx)) return [];
    const column = src.columns[0]!;
    const m = /^(.+)_([^_]+)$/.exec(column);
    const stem = m && longHeader.includes(m[1]!) ? m[1]! : undefined;
    // The example is a stem of this export (`RMDQ` for RMDQ_bas, RMDQ_3m), never a fixed name it may not have.
    const first = exportTimes[0] ?? 'baseline';
    const example = wideHeader.find((h) => h.length > first.length + 1 && h.endsWith(`_${first}`))?.slice(0, -(first.length + 1)) ?? '<stem>';
    const asVisit = m && stem !== undefined ? ` — if "${column}" is ${stem} at a visit, add "${m[2]}" to "timeLabels" with its time (as "6w" for 6 weeks or "6m" for 6 months) and that label to "timepoints" and "allTimepoints"; then it is read as "${stem}" at that visit, and outcome "${src.key}" can go` : ` — name the outcome by the stem of its columns ("column": ${JSON.stringify(example)} for ${example}_${first}, ${example}_${exportTimes[1] ?? '3m'}); a column measured once is no outcome at every visit`;
    const at = wideHeader.indexOf(column);
    return [{ file, line: 1, ...(at >= 0 ? { column: at + 1 } : {}), value: src.columns.join(', '), expected: `a column for each visit for outcome "${src.key}" in this wide export (_${exportTimes.join(', _')}): ${src.columns.length > 1 ? 'its columns end' : `"${column}" ends`} in none of the plan's visits, so it would be read as the same score at baseline and at every follow-up${asVisit}`, kind: `column.outcome:${src.key}` }];
  });
}

/**
 * An outcome's item columns without a visit suffix in a wide export (`rmdq_1` … `rmdq_24` beside
 * `rmdq_1_3m` …, or alone): each is one value per line, so it would be read as the same answer at
 * baseline and at every follow-up — with some items suffixed and some not, silently, as a score
 * of answers from different visits. Refused, as an unsuffixed outcome column is, naming them and,
 * when the export has the same items at its visits, the copies that shadow them.
 */
function lineItemProblems(file: string, src: OutcomeSource, longHeader: readonly string[], timeIdx: number, exportTimes: readonly string[], wideHeader: readonly string[]): Problem[] {
  if (timeIdx < 0) return [];
  const line = src.columns.filter((_, k) => src.columnIndexes[k]! >= 0 && src.columnIndexes[k]! < timeIdx);
  if (!line.length) return [];
  const named = line.length > 3 ? `"${line[0]}" … "${line[line.length - 1]}" (${line.length} items)` : line.map((c) => `"${c}"`).join(', ');
  const several = line.length > 1;
  const shadowed = line.filter((c) => exportTimes.some((t) => wideHeader.includes(`${c}_${t}`)));
  const first = exportTimes[0] ?? 'baseline';
  const visitOf = (c: string) => exportTimes.map((t) => `${c}_${t}`).find((h) => wideHeader.includes(h)) ?? `${c}_${first}`;
  const fix = shadowed.length
    ? ` — the export also has ${shadowed.length > 1 ? 'them' : 'it'} at its visits (${visitOf(shadowed[0]!)}, …), which the unsuffixed ${shadowed.length > 1 ? 'copies hide' : 'copy hides'}: in the export, give ${several ? 'them their' : 'it its'} visit's suffix (${line[0]}_${first}) if ${several ? 'they are' : 'it is'} a visit's answers, or delete ${several ? 'them' : 'it'} (a form exported once more without its visit)`
    : ` — if ${several ? 'they are' : 'it is'} one visit's answers, give ${several ? 'them' : 'it'} that visit's suffix in the export (${line[0]}_${first}); items measured once are no outcome at every visit`;
  const others = line.length < src.columns.length ? `, while its other items have a column per visit` : '';
  const at = wideHeader.indexOf(line[0]!);
  return [{ file, line: 1, ...(at >= 0 ? { column: at + 1 } : {}), value: line.join(', '), expected: `a column for each visit for every item of outcome "${src.key}" in this wide export (_${exportTimes.join(', _')}): ${named} ${several ? 'end' : 'ends'} in none of the plan's visits${others}, so ${several ? 'each' : 'it'} would be read as the same answer at baseline and at every follow-up${fix}`, kind: `column.items-line:${src.key}` }];
}

/** The long table's name of a wide checkbox option column (`med_3m#1` → `med#1`), when it has one. */
function visitOption(column: string, longHeader: readonly string[]): string | undefined {
  const parts = checkboxOptionParts(column);
  if (!parts) return undefined;
  return longHeader.find((h) => {
    const p = checkboxOptionParts(h);
    return p !== undefined && p.option === parts.option && parts.field.startsWith(`${p.field}_`);
  });
}

function unknownCodeText(column: string, coder: ColumnCoder): string {
  return `one of the answer codes of "${column}" in the plan (${coder.answerCodes().map((c) => JSON.stringify(c)).join(', ')}) or a missing-value code`;
}

/**
 * A cell that is none of the column's codes. One that differs from a code only in case (`nej` for
 * `Nej`: codes match as written) is a group of its own, with the spelling to add to the codes —
 * every answer code in the cell's case (docs/plan-trial.md#yesno-outcomes).
 */
function unknownCodeProblem(column: string, coder: ColumnCoder, text: string): { expected: string; kind: string; hint?: string } {
  const expected = unknownCodeText(column, coder);
  const meant = coder.caseVariantOf(text);
  if (!meant) return { expected, kind: `code.unknown:${column}` };
  const t = text.trim();
  const inCase = (code: string) => (t === t.toLowerCase() ? code.toLowerCase() : t === t.toUpperCase() ? code.toUpperCase() : code);
  const added = coder.answerEntries().filter((a) => inCase(a.code) !== a.code).map((a) => `${JSON.stringify(inCase(a.code))}: ${a.value}`);
  return { expected, kind: `code.unknown:${column}:case`, hint: `did you mean ${JSON.stringify(meant.code)}? Codes match as written, case too: add the export's spelling beside the plan's (${added.join(', ')}) where the codes of "${column}" are given ("answers" or "columnCodes")` };
}

const EQ5D_PROFILE = /^([1-5]{5})(?:([.,])0+)?$/;

/**
 * The five digits of an EQ-5D profile cell (`11123`), also as a float column writes it (`12132.0`:
 * pandas, once a missing visit made the column float; `12132,0` with the decimal comma), as
 * whole numbers `41.0` are read everywhere; undefined for any other cell.
 */
function eq5dProfileOf(text: string, decimalComma: boolean): string | undefined {
  const m = EQ5D_PROFILE.exec(text);
  if (!m || (m[2] !== undefined && m[2] !== (decimalComma ? ',' : '.'))) return undefined;
  return m[1];
}

/**
 * How `readCell` found a cell: missing, text to parse (`cellText`), a coded answer
 * (`cellValue`), or a one-digit cell read as its number without making a string (`cellValue`).
 * Module-level scratch instead of a result object per cell: this runs for every cell read.
 */
const MISSING = 0;
const TEXT = 1;
const ANSWER = 2;
const DIGIT = 3;
const PROBLEM = -1;
let cellText = '';
let cellValue = 0;
/** Set by scoreCell when a REDCap checkbox answer was read as missing (every option unticked). */
let uncheckedMissing = false;
/** Counted by readCell: the outcome's cells of the record that held a value before its codes. */
let cellsFilled = 0;
/** Set by readCell when a cell held one of the outcome's "notApplicableCodes" (the score is then NaN). */
let notApplicableCell = false;
const NOT_APPLICABLE = 4;

/** Cell `k` of an outcome's columns after its codes (sets cellText / cellValue). */
function readCell(src: OutcomeSource, k: number, cells: FieldReader, row: RowContext, digits: boolean): number {
  const idx = src.columnIndexes[k] as number;
  if (digits && src.coders?.[k] === undefined) {
    const d = cells.digit(idx);
    if (d >= 0) {
      cellValue = d;
      cellsFilled++;
      return DIGIT;
    }
  }
  const text = cells.cell(idx);
  if (text === null) return MISSING;
  cellsFilled++;
  cellText = text;
  const coder = src.coders?.[k];
  if (!coder) return TEXT;
  // A score written with its unit (`14 point`, `56 mm`) is no missing-value code, though an older
  // plan init drafted it as one: left for scoreCell to name, unit and lines (io/number-unit.ts).
  if (inRangeWithUnit(src, k, text, row.decimalComma) && !coder.isAnswer(text)) return TEXT;
  const column = row.table.header[idx] as string;
  const coded = row.code(coder, column, text);
  if (coded.kind === 'unknown') {
    row.add({ ...row.at(idx), value: text, ...unknownCodeProblem(column, coder, text) });
    return PROBLEM;
  }
  if (coded.kind === 'missing') return MISSING;
  if (coded.kind === 'not-applicable') {
    notApplicableCell = true;
    return NOT_APPLICABLE;
  }
  if (coded.kind === 'answer') {
    cellValue = coded.value;
    return ANSWER;
  }
  return TEXT;
}

/**
 * Whether an outcome cell is a number in the instrument's (or the item's) range with a unit
 * after it (io/number-unit.ts): a score, not a code. Out of the range (`99 ukendt`) it may be a
 * code the plan lists, and is read so.
 */
function inRangeWithUnit(src: OutcomeSource, k: number, text: string, decimalComma: boolean): boolean {
  const nu = numberWithUnit(text, decimalComma);
  if (!nu) return false;
  if (nu.value === undefined) return true;
  const range = src.from === 'items' && src.instrument.items ? src.itemRanges[k] : undefined;
  const [lo, hi] = range ? [range.min ?? -Infinity, range.max ?? Infinity] : src.instrument.range;
  return nu.value >= lo && nu.value <= hi;
}

/** The kind and hint of a cell that is a number with a unit (io/number-unit.ts), in a group of its own per unit; undefined for any other cell. */
function unitProblem(text: string, kind: string, decimalComma: boolean): { kind: string; hint: string } | undefined {
  const nu = numberWithUnit(text, decimalComma);
  return nu ? { kind: `${kind}:unit:${nu.unit}`, hint: unitHint(nu.unit) } : undefined;
}

/** An outcome's score from one record (NaN when missing or on a problem, which is recorded). */
/** An outcome cell read as a number: tallied when Excel's "Scientific" format rounded it, by the export's own column (`pain_3m`), with the plan's (a wide export's stem `pain`). */
function scientificCell(row: RowContext, idx: number, text: string, integer = false): void {
  // Most cells are short or hold no exponent: passed over before the cell's place is worked out.
  if (text.length < 5 || !text.includes('E')) return;
  const at = row.at(idx);
  const stem = row.table.header[idx]!;
  // The note names the column the user formats in Excel: a wide export's `pain_3m`, not the plan's `pain`.
  row.scientific.add(at.field ?? stem, `${at.line ?? row.line}:${at.column ?? 0}`, at.line ?? row.line, text, integer, stem);
}

/** `items` is a scratch array of the outcome's item count, filled here (read only when all are valid). */
function scoreCell(src: OutcomeSource, cells: FieldReader, row: RowContext, items: (number | null)[], plan: Pick<Plan, 'outcomes' | 'instruments'>): number {
  const inst = src.instrument;
  const decimalComma = row.decimalComma;
  if (src.from === 'items' && inst.items && inst.score) {
    const count = src.columnIndexes.length;
    let ok = true;
    for (let k = 0; k < count; k++) {
      const state = readCell(src, k, cells, row, true);
      if (state === PROBLEM) {
        ok = false;
        continue;
      }
      if (state === MISSING || state === NOT_APPLICABLE) {
        items[k] = null;
        continue;
      }
      // A one-digit cell is the number parseNumber would give for it.
      let v = state === ANSWER || state === DIGIT ? cellValue : parseNumber(cellText, decimalComma);
      if (v !== undefined && state !== ANSWER && state !== DIGIT) scientificCell(row, src.columnIndexes[k] as number, cellText);
      const range = src.itemRanges[k]!;
      const whole = range.integer && v !== undefined ? wholeNumberUnderNoise(v) : undefined;
      if (whole !== undefined) {
        const at = row.at(src.columnIndexes[k] as number);
        row.noise.add(at.line ?? row.line, at.column ?? 0, cellText, whole);
        v = whole;
      }
      if (v === undefined || !isAllowedItemValue(range, v)) {
        ok = false;
        const idx = src.columnIndexes[k] as number;
        const allowed = range.values ? range.values.join(', ') : `${range.min} to ${range.max}`;
        const value = state === DIGIT ? String(cellValue) : cellText;
        const unit = v === undefined ? unitProblem(value, `item.range:${src.key}`, decimalComma) : undefined;
        // Grouped over the outcome's columns (each named beside the group), so no item number here.
        // A 4 or 5 under EQ-5D-3L is most likely a 5L export scored with the 3L instrument: said, in a group of its own.
        const fiveLevel = inst.key === 'eq5d3l' && (v === 4 || v === 5);
        const fix = fiveLevel ? ' — 4 and 5 are EQ-5D-5L answers: if the export is EQ-5D-5L, set "instrument": "eq5d5l" in the plan (and its value set, e.g. dk-5l-2021)' : '';
        row.add({ ...row.at(idx), value, expected: `an answer ${range.values ? 'of' : 'from'} ${allowed} (the items of ${inst.name.en})${src.coders?.[k]?.closed ? ' after the answer codes' : ''}${unit ? ', without a unit' : ''}${fix}`, ...(unit ?? { kind: `item.range:${src.key}${fiveLevel ? ':5l' : ''}` }) });
        continue;
      }
      items[k] = v;
      if (v >= 0 && v <= 30 && Number.isInteger(v)) src.answerBits = (src.answerBits ?? 0) | (1 << v);
    }
    // An item saying the outcome does not apply leaves no score, prorated or not.
    return ok && !notApplicableCell ? (inst.score(items, src.scoring) ?? NaN) : NaN;
  }
  const idx = src.columnIndexes[0] as number;
  const state = readCell(src, 0, cells, row, false);
  if (state === PROBLEM || state === MISSING || state === NOT_APPLICABLE) return NaN;
  const text = cellText;
  const viaCode = state === ANSWER;
  const profileText = !viaCode && inst.key.startsWith('eq5d') ? eq5dProfileOf(text, decimalComma) : undefined;
  if (profileText !== undefined && inst.items && inst.score) {
    const levels = [...profileText].map(Number);
    if (levels.every((l) => l <= inst.items!.max)) {
      src.profiles = true;
      return inst.score(levels, src.scoring) ?? NaN;
    }
  }
  let v = viaCode ? cellValue : parseNumber(text, decimalComma);
  if (v !== undefined && !viaCode) scientificCell(row, idx, text, inst.integer === true);
  const whole = inst.integer && v !== undefined ? wholeNumberUnderNoise(v) : undefined;
  if (whole !== undefined) {
    const at = row.at(idx);
    row.noise.add(at.line ?? row.line, at.column ?? 0, text, whole);
    v = whole;
  }
  if (v !== undefined && src.fractions?.add(v)) src.fractions.firstAt(row.at(idx), text, v);
  if (v === 0 && src.checkbox && uncheckedIsMissing(src.checkbox, cells)) {
    uncheckedMissing = true;
    return NaN;
  }
  const [lo, hi] = inst.range;
  if (v === undefined || v < lo || v > hi || (inst.integer && !Number.isInteger(v))) {
    // `2.5` among `4,5`: the other decimal mark (or Excel's apostrophe), said for what it is (decimal-mark.ts).
    const other = v === undefined ? otherMarkHint(text, decimalComma, row.declaredMark, row.mixedLocale) : undefined;
    if (other) {
      row.add({ ...row.at(idx), value: text, expected: `${inst.integer ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${inst.name.en})${other.expects}`, kind: `score.range:${src.key}:${other.reason}`, hint: other.hint });
      return NaN;
    }
    // `03-jun`: a date Excel made of a typed `3-6` (io/excel-date-text.ts), said for what it is; its own group.
    if (v === undefined && isExcelDateText(text)) {
      row.add({ ...row.at(idx), value: text, expected: `${inst.integer ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${inst.name.en})`, kind: `score.range:${src.key}:excel-date`, hint: EXCEL_DATE_HINT });
      return NaN;
    }
    // `33 %` (ODI written as a percentage in Excel): the number without its sign, as for a covariate (check-content.ts).
    // `56,6 %` on a whole-number instrument: not "a whole number" beside a decimal example —
    // the number itself has decimals, which the instrument must allow too; its own group (kind),
    // so a column of `33 %` and `54,5 %` is not told "a whole number" by its first cell.
    if (v === undefined && isPercentCell(text)) {
      const bare = text.replace(/\s*%$/, '');
      const n = parseNumber(bare, decimalComma);
      const decimal = inst.integer && n !== undefined && !Number.isInteger(n);
      row.add({ ...row.at(idx), value: text, expected: `${inst.integer && !decimal ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${inst.name.en}), without the % sign (${bare}, not ${text}): format the column as a plain number in the spreadsheet and export again${decimal ? decimalsHint(inst) : ''}`, kind: `score.range:${src.key}:percent${decimal ? '-decimal' : ''}` });
      return NaN;
    }
    // `14 point`, `56 mm`: the number with its unit, said with the unit to strip (io/number-unit.ts).
    const unit = v === undefined ? unitProblem(text, `score.range:${src.key}`, decimalComma) : undefined;
    if (unit) {
      row.add({ ...row.at(idx), value: text, expected: `${inst.integer ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${inst.name.en}), without a unit`, ...unit });
      return NaN;
    }
    // `1.000` in a decimal-comma file is one thousand (the dot groups thousands there): said, with
    // the reading it was probably meant to have (1,000), rather than a bare "from -0.758 to 1".
    const thousands = v !== undefined && v > hi && decimalComma && /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/.test(text.trim());
    if (thousands) {
      const meant = text.trim().replace(/\./g, ',');
      row.add({ ...row.at(idx), value: text, expected: `${inst.integer ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${inst.name.en})`, kind: `score.range:${src.key}:thousands`, hint: `read as ${v}: the file writes the decimal comma (as its other numbers do), so the dot groups thousands — if it is ${meant} with a dot typed for the comma, write ${meant} and export again` });
      return NaN;
    }
    // A score with decimals inside the range is its own problem, with what to do (decimalsHint).
    const decimalsOnly = v !== undefined && v >= lo && v <= hi;
    const kind = `${decimalsOnly ? 'score.decimals' : 'score.range'}:${src.key}`;
    // A number beyond 0/1 in a yes/no outcome is a count or a scale (days with analgesics, 0–7): a numeric instrument, not more codes.
    const notYesNo = inst.kind === 'binary' && v !== undefined && !src.coders?.some((c) => c?.closed) ? `; a yes/no outcome holds 0 and 1 only — a count or scale needs a numeric instrument: define one with its range in the plan's "instruments" and use it for outcome "${src.key}" (docs/plan-trial.md#generic-instruments)` : '';
    // A WAI outcome whose column holds 0–10 only is the single-item Work Ability Score (work-ability-scale.ts).
    const was = inst.key === 'wai' && v !== undefined && v < lo && holdsWorkAbilityScore(src, row.table, decimalComma) ? `; every value of "${src.columns[0]}" is a whole number from 0 to 10: the single-item Work Ability Score — write "instrument": "was" for outcome "${src.key}"` : '';
    // 2–5 in an EQ-5D index column are the answers to one item (a level), not an index (at most 1):
    // the column is an item's, and the outcome needs its five item columns. A group of its own.
    const itemLevel = inst.key.startsWith('eq5d') && inst.items !== undefined && v !== undefined && Number.isInteger(v) && v > hi && v <= inst.items.max;
    const levelHint = itemLevel ? ` — whole numbers 2 to ${inst.items!.max} are the answers to one EQ-5D item (its levels), not an index: if "${src.columns[0]}" is an item's column, name the five item columns in "items" of outcome "${src.key}" ({ "mo": …, "sc": …, "ua": …, "pd": …, "ad": … }) and the index is computed from them` : '';
    // `9,000` in an EQ-5D column, where 9 is an answer on other outcomes' scales: a code of this
    // column only, never a plan-wide one (plan/scale-missing-codes.ts).
    const endHint = v === undefined ? labelledEndHint(text, src.key, lo, hi) : undefined;
    // PROC EXPORT's `A` for SAS's `.A`: the outcome's own code, said with why not plan-wide (plan/sas-letter-codes.ts).
    const sasLetter = v === undefined && !endHint && isSasBareLetter(text);
    const codeHint = v !== undefined && !decimalsOnly && !itemLevel ? columnCodeHint(v, hi, src, plan, decimalComma) : sasLetter ? sasLetterHint(text, src.key) : (endHint?.hint ?? '');
    // `Ja`/`Nej` in a yes/no outcome without "answers": the answers to write (docs/plan-trial.md#yesno-outcomes).
    // The pair and spellings are the column's own (`N` beside `Y` is Y/N): yes-no-cells.ts. In a
    // scale outcome (`Ja`/`Nej` read as NRS 0–10) the same answers, with the binary instrument to write.
    const yesNo = v === undefined && !src.coders?.some((c) => c?.closed) && yesNoAnswersFor(text) ? yesNoAnswersFor(text, outcomeCells(src, row.table)) : undefined;
    if (yesNo) {
      const answers = Object.entries(yesNo).map(([w, n]) => `${JSON.stringify(w)}: ${n}`).join(', ');
      const hint = inst.kind === 'binary'
        ? `a yes/no answer written as a word: give outcome "${src.key}" "answers": { ${answers} } (the spellings the export uses; docs/plan-trial.md#yesno-outcomes)`
        : `a yes/no answer in a ${lo}–${hi} scale: if "${src.columns[0]}" is yes/no, make outcome "${src.key}" "instrument": "binary" with its "direction" and "answers": { ${answers} } (the spellings the export uses; docs/plan-trial.md#yesno-outcomes)`;
      row.add({ ...row.at(idx), value: text, expected: `${inst.integer ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${inst.name.en})`, kind: `${kind}:yes-no-word`, hint });
      return NaN;
    }
    // An EQ-5D index column may hold profiles too (`11123`): a cell of five digits is told so (`11163`, a mistyped profile).
    const profile = inst.key.startsWith('eq5d') && inst.items !== undefined && /^\d{5}(?:[.,]0+)?$/.test(text.trim()) ? `, or an EQ-5D profile of five digits 1–${inst.items.max} (e.g. 11123: one level per dimension, scored with the value set)` : '';
    row.add({ ...row.at(idx), value: text, expected: `${inst.integer ? 'a whole number' : 'a number'} from ${lo} to ${hi} (${inst.name.en})${profile}${decimalsOnly ? decimalsHint(inst) : ''}${notYesNo}${was}${levelHint}${codeHint}`, ...((v === undefined ? spacedHint(text, kind) : undefined) ?? { kind: itemLevel ? `${kind}:level` : endHint ? `${kind}:${endHint.end}` : sasLetter ? `${kind}:sas-letter` : kind }) });
    return NaN;
  }
  if (v >= 0 && v <= 30 && Number.isInteger(v)) src.answerBits = (src.answerBits ?? 0) | (1 << v);
  return v;
}

/**
 * A lone capital letter in a score column: SAS PROC EXPORT's special missing value without its dot.
 * Declared for the outcome, not plan-wide, where a lone letter also empties site A or every man of
 * SEX M/F (docs/plan-trial.md#letter-codes); --exclude-invalid would drop the row's other outcomes too.
 */
function sasLetterHint(letter: string, key: string): string {
  const code = JSON.stringify(letter);
  return ` — ${code} is how SAS PROC EXPORT writes the special missing value .${letter} (without its dot): if it means missing, give outcome "${key}" its own "missingCodes": [${code}] (not the plan-wide "missingCodes": a lone letter is also a value of other columns, such as site "A" or sex "M"; --exclude-invalid would drop the whole row, with its other outcomes)`;
}

/**
 * A word worded as a scale's end (`Bedst tænkelige helbred` in EQ VAS, `Ingen smerte` in NRS):
 * SPSS saved with value labels writes the end so. Its number goes in the outcome's "answers",
 * beside every number the column holds, since answer codes close the column to any other value
 * (docs/plan-trial.md "A scale's labelled ends"). The EQ-5D index has a labelled top only.
 */
function labelledEndHint(text: string, key: string, lo: number, hi: number): { hint: string; end: 'low' | 'high' } | undefined {
  const end = scaleEndOf(text);
  if (!end || (end === 'low' && lo < 0)) return undefined;
  const n = end === 'low' ? lo : hi;
  // Examples of the numbers beside it: the EQ-5D index's are decimals.
  const others = hi - lo >= 2 ? '"1": 1, "2": 2' : '"0.5": 0.5';
  return { end, hint: ` — ${JSON.stringify(text)} reads as the labelled ${end === 'low' ? 'bottom' : 'top'} of the scale, ${n} (SPSS saved with value labels writes an end as its label): give it its number in outcome "${key}"'s "answers", with every number the column holds beside it as itself ("answers": { ${JSON.stringify(text)}: ${n}, ${others}, … }: answer codes refuse any other value)` };
}

/**
 * For a number off the outcome's scale that other outcomes' scales hold (EQ-5D's user-missing
 * 9,000 beside RMDQ and NRS, where 9 is an answer): write it as a missing code of this column, since
 * a plan-wide "missingCodes" 9 would also drop their 9s (docs/plan-trial.md#codes-order-and-scope).
 * Only for a number shaped like SPSS's user-missing code — nines only (`9`, `99`, `-9`) or far above
 * the scale's top (more than twice it): any other (an NRS `15`) is more likely a typo, and the hint
 * would invite hiding a data error as "missing".
 */
function columnCodeHint(v: number, hi: number, src: OutcomeSource, plan: Pick<Plan, 'outcomes' | 'instruments'>, decimalComma: boolean): string {
  if (!/^-?9+$/.test(String(v)) && !(v >= 2 * hi + 2)) return '';
  const hits = scalesHolding(v, plan, decimalComma).filter((h) => h.key !== src.key);
  if (!hits.length) return '';
  return ` — if ${v} means "missing" here, write "columnCodes": { ${JSON.stringify(src.columns[0])}: { "missing": [${v}] } } in the plan, not a plan-wide "missingCodes" ${v}: ${v} is a valid answer on the scale of ${scalesText(hits)}, whose ${v}s it would make missing too`;
}

/**
 * What to do with a score with decimals on a whole-number scale (an average of diary entries,
 * `5.5`): a built-in instrument takes whole numbers only, a plan instrument takes decimals with
 * `"decimals": true` (docs/plan-trial.md "Generic instruments").
 */
function decimalsHint(inst: Instrument): string {
  const own = !Object.hasOwn(instruments, inst.key);
  return own
    ? ` — for a score with decimals, set "decimals": true in the plan's "instruments.${inst.key}" (docs/plan-trial.md "Generic instruments")`
    : ` — the built-in "${inst.key}" takes whole numbers only; for a score with decimals (an average), define a plan instrument of the same range with "decimals": true and use it for this outcome (docs/plan-trial.md "Generic instruments")`;
}

/** The named shapes among a lenient run's problems (export-shape.ts), for plan init to say. */
function shapesOf(problems: Problem[], shape: Parameters<typeof namedShapes>[1]): { shapes?: Problem[] } {
  const shapes = namedShapes(problems, shape).filter((p) => SHAPE_KINDS.has(p.kind ?? ''));
  return shapes.length ? { shapes } : {};
}

/** A patient's repeated line (or row at a visit) in the same arm, and the line it repeats. */
interface SameRepeat {
  p: Problem;
  first: number;
  visit: string;
}

/**
 * Compares each repeat with the line it repeats, reading the file's lines again (only those, and
 * only when there are repeats): one that differs in some columns is a one-to-many join, reworded
 * in place to name the columns (patient-ids.ts, joinedListingExpected) — unless one of the two holds
 * none of the plan's values, an empty repeat (emptyRepeatExpected, emptyFirstExpected). Whether any
 * pair stops every run: a join, two responses, or an empty earlier row (--exclude-invalid would keep it).
 */
function joinedListingProblems(csv: CsvTable, wide: boolean, repeats: readonly SameRepeat[], valueColumns: { outcomes: readonly number[]; others: readonly number[] }): boolean {
  const wanted = new Set(repeats.flatMap((r) => [r.p.line!, r.first]));
  const cellsAt = new Map<number, (string | null)[]>();
  for (const rec of csv.records) if (wanted.has(rec.line)) cellsAt.set(rec.line, rec.cells);
  const joined: [SameRepeat, string[]][] = [];
  // Two rows at one visit that differ in a survey's response id are two responses, not a join.
  const responseIdOf = (own: readonly string[]) => own.filter((h) => isResponseId(h, spelledOut(h).replace(/[^a-z0-9]+/g, '')));
  // An empty repeat (a Castor or REDCap instance created twice, one never filled): no outcome
  // cell filled, and no other cell the plan reads (a covariate the EDC copies onto every row)
  // holding a value the other row lacks. A listing joined on repeats the outcomes, so is no empty
  // repeat. The later one empty is left out by --exclude-invalid, losing nothing; the earlier one
  // empty is not (hta keeps the first row).
  const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';
  const addsNothing = (x: readonly (string | null)[], y: readonly (string | null)[]) => valueColumns.outcomes.every((i) => blank(x[i])) && valueColumns.others.every((i) => blank(x[i]) || x[i] === y[i]);
  let emptyFirst = false;
  for (const r of repeats) {
    const a = cellsAt.get(r.first);
    const b = cellsAt.get(r.p.line!);
    const own = a && b ? differingColumns(csv.header, a, b) : [];
    if (!own.length) continue;
    // Two survey responses (their own ids differ) are said as such, an empty one among them too.
    if (!wide && responseIdOf(own).length) joined.push([r, own]);
    else if (addsNothing(b!, a!)) Object.assign(r.p, { expected: emptyRepeatExpected(wide), kind: EMPTY_REPEAT_KIND });
    else if (addsNothing(a!, b!)) {
      Object.assign(r.p, { expected: emptyFirstExpected(wide), kind: EMPTY_FIRST_KIND });
      emptyFirst = true;
    } else joined.push([r, own]);
  }
  if (!joined.length) return emptyFirst;
  const responses = wide ? [] : joined.filter(([, own]) => responseIdOf(own).length);
  const listings = joined.filter((j) => !responses.includes(j));
  const union = (pairs: typeof joined) => csv.header.filter((h) => pairs.some(([, own]) => own.includes(h)));
  if (listings.length) {
    const expected = joinedListingExpected(wide, union(listings));
    for (const [r, own] of listings) Object.assign(r.p, { expected, detail: joinedListingDetail(wide, r.visit, r.first, own), kind: JOINED_LISTING_KIND });
  }
  if (responses.length) {
    const all = union(responses);
    const expected = twoResponsesExpected(responseIdOf(all), all);
    for (const [r, own] of responses) Object.assign(r.p, { expected, detail: joinedListingDetail(wide, r.visit, r.first, own), kind: TWO_RESPONSES_KIND });
  }
  return true;
}

/**
 * The columns (by index in `header`) holding the plan's values, for telling an empty repeat from a
 * row with values of its own: the outcomes' score and item columns (in a wide export with their
 * visit suffixes), and every other column the plan names but the id, arm and time — covariates,
 * subgroup and withdrawal columns, which an EDC copies onto each of a participant's rows.
 */
function planValueColumns(plan: Plan, header: readonly string[]): { outcomes: number[]; others: number[] } {
  const skip = new Set([plan.columns.id, plan.columns.arm, plan.columns.time]);
  const named = columnsNamedBy(plan, header);
  const stems = new Set(plan.outcomes.flatMap((o) => [scoreColumnOf(o), ...itemColumnsOf(o, instrumentForOutcome(o, plan))]));
  const exportTimes = visitsOf(plan).map((v) => exportTimeOf(plan, v));
  const outcome = new Set([...stems, ...[...stems].flatMap((c) => exportTimes.map((t) => `${c}_${t}`))]);
  const others = new Set(named.filter((c) => !skip.has(c) && !outcome.has(c)));
  if (plan.columns.withdrawalReason !== undefined) others.add(plan.columns.withdrawalReason);
  return {
    outcomes: header.flatMap((h, i) => (outcome.has(h) ? [i] : [])),
    others: header.flatMap((h, i) => (others.has(h) && !skip.has(h) ? [i] : [])),
  };
}

/** `rowCount`: the rows the problems concern, when `problems` names a shape in one problem for many rows. */
function invalid(file: string, problems: Problem[], rows: boolean, rowCount?: number): HtaError {
  const lines = rowCount ?? new Set(problems.map((p) => p.line)).size;
  const where = rows ? ` in ${lines} row(s)` : '';
  // Leaving out the rows without an id would leave out every patient's follow-up (without an arm: the patients): no tip to do it.
  const tip = rows && !problems.some((p) => p.kind === 'id.only-first-row' || p.kind === 'arm.only-first-row' || p.kind === JOINED_LISTING_KIND || p.kind === TWO_RESPONSES_KIND || p.kind === EMPTY_FIRST_KIND) ? '; --exclude-invalid leaves such rows out and reports them' : '';
  return new HtaError('input.invalid', `${file} has ${problems.length} problem(s)${where}; nothing was written${tip}`, problems);
}

/** The note for withdrawal reasons read as free text (free-text.ts): where, never what. */
function freeTextReasonsNote(file: string, column: string, lines: readonly number[]): string {
  const n = lines.length;
  return `${file}: ${n} withdrawal ${n === 1 ? 'reason' : 'reasons'} in "${column}" (${n === 1 ? 'line' : 'lines'} ${formatLineRanges(lineRanges(lines))}) ${n === 1 ? 'reads' : 'read'} as free text (a CPR or phone number, a date, an e-mail address, or ${FREE_TEXT_MIN_WORDS} words or more in a reason no other patient gave) and ${n === 1 ? 'is' : 'are'} counted in the participant flow as "${FREE_TEXT_REASON_LABEL.en}", never printed: a note about a patient can name them — give each value its kind and a label in the plan's "flow": { "withdrawalReasons" } (docs/plan-trial.md#participant-flow)`;
}
