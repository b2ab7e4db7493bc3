/**
 * `hta plan init`: a first plan drafted from an export's header and values, for the user to
 * check. It guesses the id, arm and time columns from their names (English and Danish), arms
 * and visits from the values (long) or column suffixes (wide), outcomes from column names
 * (rmdq, roland, pseq, eq5d, smerte, nrs, was, odi, …) and numbered item blocks, answer codes
 * from the distinct answers (Ja/Nej, 1/2) and missing-value codes from sentinels (999, -9,
 * "Ved ikke"). Every guess is listed, with what the user must check. Pure: the CLI reads and
 * writes. See docs/plan-trial.md.
 */
import { ownValue } from '../own-value.js';
import { draftFlow } from './flow-draft.js';
import { readsAsNotRandomised } from '../trial/not-randomised-values.js';
import { draftAdverseEvents, eventListingColumns, eventListingText } from './adverse-events-draft.js';
import { isAppAgainstUsualCare } from './app-arms.js';
import { armColumnKind, armColumnsByPreference, otherArmColumnNotes } from './arm-column.js';
import { checkboxOptionOf, checkboxOptionParts } from '../instruments/binary-checkbox.js';
import { basename } from 'node:path';
import { publishedName } from '../report/published-name.js';
import { draftedDecimalMark, draftedMarkGuess } from './decimal-mark-draft.js';
import { decimalCommaOf, type DecimalMark, NUMBER_WITH, withoutSpaceGroups } from '../io/decimal-mark.js';
import { parseNumber } from '../io/parse-number.js';
import { numberWithUnit } from '../io/number-unit.js';
import { isExcelDateText } from '../io/excel-date-text.js';
import { isExcelError, isFailedFormula, isPercentCell } from '../io/spreadsheet-cells.js';
import type { CsvTable } from '../io/read-csv.js';
import { looseForm } from '../trial/near-miss.js';
import { SEX_COLUMN } from '../trial/sex-column.js';
import { countWord, kindOfValues, tallyOf } from '../trial/column-kind.js';
import { nfc } from '../io/nfc.js';
import { isNoWord, isYesWord } from '../trial/yes-no-words.js';
import { cprIdNote, cprShapedIds } from '../trial/patient-ids.js';
import { type CprCell, withoutCprCells } from '../trial/cpr-cells.js';
import { DEFAULT_WITHDRAWAL_COLUMN } from '../trial/load-trial.js';
import { formatLineRanges, lineRanges } from '../problem-groups.js';
import { SpecialMissingTally, withSpecialMissingEmpty } from '../trial/special-missing.js';
import { wholeNumberUnderNoise } from '../trial/float-noise.js';
import { pastedOutOfStep, repeatedIdColumns } from '../trial/repeated-id-columns.js';
import { namedPreBaseline, preBaselineEvents, preBaselineLabel } from './pre-baseline-events.js';
import { bdsLayout, meltedLayout, odmItemLayout, sdtmFindingsLayout, tupleHeaderLayout } from './export-layouts.js';
import { adamView } from './adam-draft.js';
import { withoutEventPrefix, withoutItemPrefix } from './odm-names.js';
import { draftConsentColumn } from './consent-draft.js';
import { isLeavingVisit, leavingVisitsCheck, leavingVisitsGuess, visitShares } from './leaving-visits.js';
import { redcapEvent } from './redcap-event.js';
import { isRedcapFormStatus } from './redcap-form-status.js';
import { visitOrder } from './visit-order.js';
import { weeksSinceBaseline } from './visit-weeks.js';
import { periodVisitHeader, type PeriodRename } from './period-visits.js';
import { bareNumberUnit, countedVisits, endsInVisit, namedVisit, phraseVisit, spelledOut, studyDayWindows, unseparatedVisits, wideVisits, windowDays, windowLabel } from './wide-visits.js';
import { namesAPlace, placeReason } from './place-covariates.js';
import { namesABlock, namesAStratum } from './stratum-names.js';
import { clusterColumnsOf } from './cluster-draft.js';
import { belowRangeCodes, namesAChange } from './below-range-codes.js';
import { castorCodesCheck, isCastorOwnCode, negativeCodesAmong } from './negative-codes.js';
import { labelledChoice } from './choice-text.js';
import { namedScale } from './named-scales.js';
import { headedItemBlocks } from './headed-items.js';
import { eq5dLevelLabels } from './eq5d-labels.js';
import { armKey } from '../trial/arm-spellings.js';
import { isWideScale, LOW_SCALE_MAX, mixedScales, type PatientScale } from '../trial/mixed-scales.js';
import { FractionTally, fractionRange, holdsFractions, timesHundred } from '../trial/fraction-scales.js';
import { isDontKnowWord, isWordLabel, scaleEndAnswers, scaleEndOf, wordForm } from './answer-words.js';
import { isNotApplicableWord } from './not-applicable-words.js';
import { medicationName, namesDays, namesDaysUsed, namesMedication } from './medication-names.js';
import { otherEndLabel } from './other-end-label.js';
import { freeEndLabel } from './free-end-label.js';
import { scalesHolding } from './scale-missing-codes.js';
import { primaryAdvice } from './primary-advice.js';
import type { Plan, PlanOutcome } from './plan-schema.js';
import { dateVisitColumn } from './date-visits.js';
import { partlyBlank } from './partly-blank.js';
import { numberCounts, oneBasedAnswersText, oneBasedScale } from './one-based-codes.js';
import { isSasBareLetter, SasLetterCodes } from './sas-letter-codes.js';
import { QuotedPadding, withoutQuotedPadding } from '../trial/quoted-padding.js';
import { isResponseId, numbersResponses, oncePerRow, repeatsPerVisit } from './response-ids.js';
import { onceEachColumn, visitValuedColumn } from './valued-visits.js';
import { holdsDates, namesRedcapTimestamp } from './date-columns.js';
import { variesWithinPatient, visitDateCheck } from './visit-date-check.js';
import { oc3EventSuffixes, oc3RemovedSubjects } from './oc3-events.js';
import { isDateCell } from '../io/date-text.js';
import { placeNumberCodes } from './number-code-places.js';

/**
 * Where a long export's visits come from when no column is named like one: a file per visit (a
 * survey's rounds, SurveyXact), or a column of another name — said in every refusal of the visits.
 */
const VISIT_SOURCES = `If each visit came as a file of its own (a survey's rounds), add its visit as a column to each file's rows before joining them (docs/input-trial-export.md#one-file-per-visit); if a column holds the visit under another name, write it in the plan as "columns": { "time": "<that column>" } (docs/plan-trial.md).`;

/** The refusal's lead for OpenClinica 3's event suffixes (oc3-events.ts): what they are, and the plan that makes them visits. */
function oc3Lead(oc3: { suffixes: string[]; items: string[] }): string {
  const q = (v: string) => JSON.stringify(v);
  const items = oc3.items.slice(0, 3).join(', ') + (oc3.items.length > 3 ? ', …' : '');
  const [first, second] = oc3.suffixes;
  return `the columns end in OpenClinica 3's event and CRF numbers (${oc3.suffixes.map((x) => `_${x}`).join(', ')} on ${items}), which give the events' order, not their times: write the plan by hand with "layout": "wide", each suffix's visit in "timeLabels" ({ ${q(first!)}: "baseline", ${q(second!)}: "<its time, e.g. 3m>"${oc3.suffixes.length > 2 ? ', …' : ''} }), those visits in "timepoints" and "allTimepoints", and each outcome's "column" without the suffix (${q(oc3.items[0]!)}) (docs/input-trial-export.md "Notes above the header")`;
}

/** Something the draft could not decide, and what the user can write (in the export or a plan) to decide it. */
export interface Undecided {
  what: string;
  write: string;
  /** Said before the draft's other advice, when it makes that advice moot (a visit column of dates only). */
  lead?: string;
  /** No trial plan is drafted at all (a registry of users and non-users): its guesses and checks are not printed. */
  noTrial?: true;
}

export interface PlanDraft {
  plan: Record<string, unknown>;
  /** What could not be decided: with any, the CLI writes no plan (docs/plan-trial.md). */
  undecided: Undecided[];
  /** What was guessed, one line each. */
  guesses: string[];
  /** What the user must check or edit before analysing, one line each. */
  checks: string[];
  /**
   * Keys of outcomes drafted without the MCID their instrument has no default for (the
   * EQ-5D-3L index): the user gives it, and \`hta validate\` refuses the plan until then
   * (check-draft.ts reads the rest of the draft as validate would).
   */
  mcidLeft?: string[];
}

/**
 * A column name as the name patterns below read it: spelled out (`Besøg` → `besoeg`, in NFC or
 * NFD alike: wide-visits.ts) and without anything but letters and digits (`Tidspunkt (uger)` →
 * `tidspunktuger`, `Patientnr.` → `patientnr`). The patterns list the spelled-out Danish form
 * and the one written with a plain vowel (`besoeg`, `besog`; `maaling`, `maling`).
 */
function nameKey(column: string): string {
  return spelledOut(column).replace(/[^a-z0-9]+/g, '');
}
// Danish exports number patients as "løbenr" / "løbenummer" (serial number), "patientnr", "deltagernr".
const ID = /^(id|recordid|pid|externalreference|externaldatareference|externalref|extref|patientid|patient|subject|subjectid|usubjid|subjid|deltager|deltagerid|studieid|studyid|participantid|studysubjectid|subjectkey|respondent|respondentid|pnr|(?:loebe|lobe|lb|patient|pt|deltager|id)(?:nr|nummer))$/;
// Arm columns by name, and which of several to draft (the randomised arm first): arm-column.ts.
// "Besøg" (visit), "Besøgsnavn" (visit name), "Tidspunkt (uger)" (time point in weeks), "Måling" (measurement).
// Castor EDC's repeating-data export names the visit "Repeating data Name Custom" ("Baseline",
// "Follow-up 3 months"); OpenClinica/ODM the event "StudyEventOID" ("SE_BASELINE", "SE_3M").
// A survey's rounds: SurveyXact's background variable "Runde" or "Måletidspunkt" ("Baseline",
// "3 måneder"), "Round", "Wave" — once refused with advice to derive visits from the dates.
// Castor's survey export names the visit by its survey package ("Survey Package Name": "Baseline
// questionnaires", "3 months questionnaires"), beside the dates it was sent and completed.
const TIME = /^(?=.)(time|tid|visit|visitname|avisit|besoeg|besog|besok|besoegsnavn|besogsnavn|redcapeventname|eventname|event|timepoint|tidspunkt|tidpunkt|maaletidspunkt|maletidspunkt|runde|round|wave|maaling|maling|matning|undersoekelse|undersokning|repeatingdatanamecustom|repeatingdataname|surveypackagename|surveypackage|studyeventoid|studyevent|folder|instancename)?(uger?|weeks?|wk|maaneder|maaned|maneder|maned|mdr|months?|mo)?$/;
/** The unit a time column's name gives its numeric visits: "uge", "Tid (uger)", "time_weeks" → w; "maaned", "months" → m. Read on nameKey. */
const TIME_UNIT = /(uger?|weeks?|wk|maaneder|maaned|maneder|maned|mdr|months?|mo)$/;
/** A visit named as off the schedule: "uplanlagt", "ikke planlagt", "ekstra", "unscheduled", "unplanned", "extra", "ad hoc" as a word of its own. */
const UNSCHEDULED = /(^|[^a-zæøå])(uplanlagt|ikke[\s_-]*planlagt|ekstra|unscheduled|unplanned|extra|ad[\s_-]?hoc)([^a-zæøå]|$)/i;
/** The words of UNSCHEDULED that say no more than "off the schedule", whatever else the name says. */
const UNPLANNED = /(^|[^a-zæøå])(uplanlagt|ikke[\s_-]*planlagt|unscheduled|unplanned|ad[\s_-]?hoc)([^a-zæøå]|$)/i;
/** A time in a visit's name: "12_months", "12 mdr", "6 uger", "1 år". */
const TIME_IN_NAME = /(^|[^a-zæøå0-9])\d+\s*[_-]?\s*(måneder|maaneder|maneder|måned|maaned|maned|mdr|mnd|months?|mo|uger?|weeks?|wk|år|aar|years?)([^a-zæøå]|$)/i;
/**
 * "ekstra"/"extra" beside a time (`extra_12_months_arm_1`, `12 mdr (ekstra opfølgning)`): a
 * follow-up added to the schedule (an extension), drafted as a visit with a check — not an
 * unscheduled visit to leave out, which "uplanlagt", "unscheduled" and the like say even beside a time.
 */
function extensionFollowUp(v: string): boolean {
  return UNSCHEDULED.test(v) && !UNPLANNED.test(v) && TIME_IN_NAME.test(redcapEvent(v)?.visit ?? v);
}
const BASELINE = /^(baseline|base|bl|t0|0|0m|0w|uge0|inklusion|screening|baselinearm\d*)$/;
/** Read on nameKey; a sex column ("Køn" is "koen", "kon" when written without ø) is SEX_COLUMN (trial/sex-column.ts). */
const COVARIATE = /^(age|alder|bmi|country|land|site|center|region|education|uddannelse)$/;
/**
 * A covariate by name: a known one, a place (site, sygehus, kommune, …: place-covariates.ts) or a
 * stratification factor of the randomisation (`stratum`, `strata_rmdq`, `rand_strata`, a block,
 * REDCap's data access group: stratum-names.ts), drafted as a categorical covariate since the
 * analysis should adjust for the factors the randomisation was stratified by (ICH E9, section 5.7;
 * EMA/CHMP/295050/2013).
 */
function isCovariateName(column: string): boolean {
  const key = nameKey(column);
  return COVARIATE.test(key) || SEX_COLUMN.test(key) || namesAPlace(key) || namesAStratum(column);
}
/** REDCap's data access group: the site a record belongs to, drafted only when no place column is (one site column, not two that say the same). */
const DATA_ACCESS_GROUP = /^(redcapdataaccessgroup|dataaccessgroup)$/;
/**
 * What the reports call an outcome of a known instrument, in the council's words
 * (docs/glossary-da.md). The one place for these names: the bundled plans label such outcomes
 * with them (test/plan/one-name-per-instrument.test.ts), so the trial and registry pages agree.
 * Without a label a page names the
 * outcome by its plan key ("smerte", "rmdq").
 */
/**
 * The outcome label to write when a check says to move an ODI outcome to the other scale: the
 * drafted label names its scale ("ODI 0–100", "raw sum 0–50"), and every table, chart and report
 * sentence prints it, so changing the instrument alone left the old scale on the page.
 */
function odiLabelAdvice(to: 'odi' | 'odi_raw'): string {
  const { en, da } = OUTCOME_LABELS[to]!;
  return `its "label" { "en": ${JSON.stringify(en)}, "da": ${JSON.stringify(da)} } (the drafted one names the other scale; keep a ": column" after it if it has one)`;
}

export const OUTCOME_LABELS: Record<string, { en: string; da: string }> = {
  rmdq: { en: 'Disability (RMDQ 0–24)', da: 'Fysisk funktionsniveau (RMDQ 0–24)' },
  rmdq23: { en: 'Disability (RMDQ 0–23)', da: 'Fysisk funktionsniveau (RMDQ 0–23)' },
  nrs: { en: 'Pain intensity (NRS 0–10)', da: 'Smerteintensitet (NRS 0–10)' },
  pain_0_10: { en: 'Pain intensity (0–10)', da: 'Smerteintensitet (0–10)' },
  pseq: { en: 'Pain self-efficacy (PSEQ 0–60)', da: 'Handlekompetence, mestringstro (PSEQ 0–60)' },
  eq5d5l: { en: 'Quality of life (EQ-5D-5L index)', da: 'Helbredsrelateret livskvalitet (EQ-5D-5L-indeks)' },
  eq5d3l: { en: 'Quality of life (EQ-5D-3L index)', da: 'Helbredsrelateret livskvalitet (EQ-5D-3L-indeks)' },
  was: { en: 'Work ability (WAS 0–10)', da: 'Arbejdsevne (WAS 0–10)' },
  odi: { en: 'Disability (ODI 0–100)', da: 'Fysisk funktionsniveau (ODI 0–100)' },
  odi_raw: { en: 'Disability (ODI raw sum 0–50)', da: 'Fysisk funktionsniveau (ODI sumscore 0–50)' },
  vas_0_100: { en: 'Pain intensity (VAS 0–100)', da: 'Smerteintensitet (VAS 0–100)' },
};

/**
 * SPSS's user-missing code among three whole numbers (`Koen` 1/2/9): the highest, written only
 * with nines and far above the others, is "unknown" rather than a third category (a third sex in
 * the ANCOVA and Table 1). Said in the check, with the column's own code to write; a plan-wide one
 * would also drop the outcomes' answers that are that number (docs/plan-trial.md#scale-codes).
 */
function userMissingHint(column: string, codes: readonly number[], outcomesHolding: (v: number) => string[]): string {
  const sorted = [...codes].sort((a, b) => a - b);
  const top = sorted[sorted.length - 1]!;
  const below = sorted[sorted.length - 2]!;
  if (!/^9+$/.test(String(top)) || top < 2 * below + 2) return '';
  const on = outcomesHolding(top);
  const sex = SEX_COLUMN.test(nameKey(column));
  return ` — but ${top}, apart from ${sorted.slice(0, -1).join(' and ')}, looks like SPSS's user-missing code ("unknown"), not a ${sex ? 'third sex' : 'third category'}: if so, write "columnCodes": { ${JSON.stringify(column)}: { "missing": [${top}] } }${on.length ? ` (not a plan-wide "missingCodes" ${top}: outcome${on.length > 1 ? 's' : ''} ${on.map((k) => `"${k}"`).join(', ')} answer${on.length > 1 ? '' : 's'} ${top} on ${on.length > 1 ? 'their scales' : 'its scale'})` : ' or add it to "missingCodes"'}`;
}

/** The plan instrument plan init drafts for pain on a 0–100 visual analogue scale. */
const VAS_PAIN = 'vas_0_100';
/** EQ-5D's visual analogue scale by name (on nameKey): `eq5d_vas`, `EQ VAS`, `eq_vas`, `eq5d5l_vas`. */
const EQ_VAS = /^eq(5d(5l|3l)?)?vas$|^vaseq(5d)?$/;
/**
 * EQ VAS named after what it measures too (`Livskvalitet EQ VAS`, `Livskvalitet (EQ-VAS)`,
 * `Helse i dag – EQ-5D VAS`): "EQ VAS" as words of its own, on the spelled-out name.
 */
const EQ_VAS_WORDS = /(^|[^a-z0-9])eq[-_ ]?(5d[-_ ]?(5l|3l)?[-_ ]?)?vas($|[^a-z0-9])/;
function isEqVas(column: string): boolean {
  return EQ_VAS.test(nameKey(column)) || EQ_VAS_WORDS.test(spelledOut(column));
}
/** An EQ-5D column by its prefix (`eq5d_smerte`, `EQ-5D gange`, `EQ5D_vanlige_gjoremal`), on eqForm. */
const EQ5D_PREFIX = /^eq5d/;
/**
 * looseForm without full stops and any dash too: `EQ.5D.smerte` (R's make.names of `EQ-5D smerte`)
 * and `EQ–5D smerte` (Word and Excel turn the hyphen into an en dash) are `eq5dsmerte`, as
 * `EQ5D_smerte` and `EQ 5D smerte` are — one name for the EQ-5D columns' filter and the NRS guard.
 */
function eqForm(column: string): string {
  return looseForm(column).replace(/[.\u2010-\u2015\u2212]+/g, '');
}
/** The EQ-5D prefix with its separators (`EQ5D_`, `EQ-5D `, `EQ.5D.`, `EQ–5D `), for the dimension's own name after it. */
const EQ5D_LEAD = /^eq[-_ .\u2010-\u2015\u2212]?5d[-_ .\u2010-\u2015\u2212]*/i;
/** The EQ-5D index by name (on looseForm): `EQ-5D indeks` (Danish), `EQ5D_index`, `eq-5d-5l index`. */
const EQ5D_INDEX = /^eq5d(5l)?(index|indeks|indexscore|indeksscore)?$/;

/**
 * Pain in a column's name: Danish/Norwegian `smerte`, English `pain` (on looseForm), Swedish
 * `smärta`/`smärtan`/`smärtor` (`Ryggsmärta`) as the end of a word or before a scale's name
 * (`SmärtaVAS`) — never as the start of another word: `SmartApp`, `Smartappanvändning` (app
 * use) are no pain.
 */
function namesPain(column: string): boolean {
  const words = column.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  return /(smerte|pain)/.test(looseForm(column)) || /smart(a|an|or|orna)(?!\p{L})|smart(a|an|or|orna)(?=[\s_-]*(vas|nrs|skattning|intensitet))/u.test(words);
}

/** The language of EQ-5D-3L answers written as their labels, as the check names it: "Danish", "Swedish", "Norwegian", "English" or "". */
function eq3lLanguage(labels: readonly string[]): string {
  const words = new Set(labels.flatMap((l) => nfc(l).toLowerCase().split(/[^\p{L}]+/u)));
  const has = (...ws: string[]) => ws.some((w) => words.has(w));
  if (has('nogle', 'bundet', 'sengen', 'ængstelig', 'deprimeret', 'sædvanlige', 'udføre', 'pleje', 'klæde')) return 'Danish';
  if (has('jag', 'inga', 'varken', 'sängliggande')) return 'Swedish';
  if (has('jeg', 'eg', 'verken', 'hverken', 'sengeliggende', 'engstelig', 'deprimert')) return 'Norwegian';
  if (has('i', 'am', 'have')) return 'English';
  return '';
}

/** Words after "ODI" that still name its score (`Funksjon (ODI %)`, `ODI total`). */
const ODI_SCORE_WORDS = new Set(['score', 'total', 'sum', 'sumscore', 'indeks', 'index', 'pct', 'procent', 'prosent', 'percent', 'poeng', 'point', 'points', 'poang', 'disability']);
/** Words before "ODI" that make the column about it rather than its score (`Antal besvarede ODI items`, `Dato ODI`). */
const ODI_ABOUT_WORDS = /^(antal|antall|antalet|dato|date|datum|tid|time|n|nr|number|count|missing|manglende|saknade|besvarede|besvarte|besvarade|items?)$/;
/** Words after "ODI" naming its raw sum (0–50, ten items scored 0–5) rather than its percentage. */
const ODI_RAW_WORDS = new Set(['sum', 'sumscore', 'raw', 'rå', 'raa', 'råscore', 'total', 'point', 'points', 'poeng', 'poang', 'poäng']);
/** Words naming the ODI's percentage (0–100). */
const ODI_PERCENT_WORDS = new Set(['pct', 'procent', 'prosent', 'percent', 'index', 'indeks']);
function odiNameWords(column: string): string[] {
  return nfc(column).toLowerCase().split(/[^\p{L}\p{N}%]+/u).filter((w) => w !== '');
}
/**
 * Whether an ODI column's values are its 0–100 percentage though none is above 50: every value a
 * whole even number (the percentage is twice the raw sum when all ten items are answered; a raw
 * sum has odd values too), over enough values and levels that chance is no explanation (1 in
 * 2¹⁰ for ten raw sums). A percentage prorated over fewer items (`44.4`) is no whole number.
 */
export function odiEvenPercent(nums: readonly number[]): boolean {
  return nums.length >= 10 && new Set(nums).size >= 3 && nums.every((x) => Number.isInteger(x) && x % 2 === 0);
}

/** Whether an ODI column's name says its raw sum (`ODI_sum`, `ODI total`, `ODI rå`) and not its per cent. */
function namesOdiRaw(column: string): boolean {
  const words = odiNameWords(column);
  return words.some((w) => ODI_RAW_WORDS.has(w)) && !words.some((w) => ODI_PERCENT_WORDS.has(w) || w.includes('%'));
}

/**
 * ODI as a word of a longer name (`Funksjon_ODI`, `Funksjon (ODI %)`): its score only when ODI is
 * the last word but for score words, and no word before it makes the column a count or a date of
 * the questionnaire (`Antal besvarede ODI items`, `Dato ODI`) — those were drafted as ODI, with its MCID.
 */
function namesOdiScore(column: string): boolean {
  const words = spelledOut(column).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const at = words.findIndex((w) => w === 'odi' || w === 'oswestry');
  if (at < 0) return false;
  return words.slice(at + 1).every((w) => ODI_SCORE_WORDS.has(w)) && !words.slice(0, at).some((w) => ODI_ABOUT_WORDS.test(w));
}

/**
 * A 0–100 visual analogue scale column (`eq5d_vas`, `vas`, `smerte` holding 0–100): pain, named
 * so, is drafted with a plan instrument of range 0–100 (lower is better, MCID 15: Ostelo et al.
 * 2008, as for the NRS's 2); EQ-5D's VAS (health today, higher is better) and a bare "vas" are
 * left out with the instrument to paste, since hta has no published MCID for the one and cannot
 * tell which way the other goes. Values above 100 are no such scale.
 */
function vasOutcome(column: string, key: string, col: { column?: string }, values: readonly number[], decimals: boolean, cells: readonly string[] = [], decimalComma = false):
  | { drafted: { instrument: string; spec: Record<string, unknown>; outcome: Outcome }; what?: undefined; note?: undefined }
  | { drafted?: undefined; what: string; note: string } {
  const max = values.length ? Math.max(...values) : 0;
  const min = values.length ? Math.min(...values) : 0;
  const n = looseForm(column);
  const eq = isEqVas(column);
  if (max > 100 || min < 0) return { what: `values from ${min} to ${max}: neither a 0–10 nor a 0–100 scale`, note: `its values run from ${min} to ${max}, neither a 0–10 nor a 0–100 scale: add it by hand with a plan instrument of its range (docs/plan-trial.md "Instruments defined in the plan")` };
  if (!eq && namesPain(column)) {
    // The source is a citation, the same on a Danish page; "check it" is said among the draft's
    // checks, never in the source, which a committee's page prints (review: "(…; check)" on it).
    return {
      drafted: {
        instrument: VAS_PAIN,
        spec: { label: { en: 'Pain (VAS 0–100)', da: 'Smerte (VAS 0–100)' }, range: [0, 100], direction: 'lower-is-better', mcid: 15, mcidSource: 'Ostelo et al. 2008 (VAS 0–100)', decimals },
        outcome: { key, instrument: VAS_PAIN, ...col },
      },
    };
  }
  const instrument = eq ? 'eq_vas' : 'vas_0_100';
  const spec = eq
    ? `"${instrument}": { "label": { "en": "Self-rated health (EQ VAS 0–100)", "da": "Selvvurderet helbred (EQ VAS 0–100)" }, "range": [0, 100], "direction": "higher-is-better" }`
    : `"${instrument}": { "label": { "en": "<what the VAS measures> (VAS 0–100)" }, "range": [0, 100], "direction": "<lower-is-better for pain, higher-is-better for health>" }`;
  // SPSS with value labels writes the scale's labelled ends as words (`Bedst tænkelige helbred`
  // for 100): the outcome to paste reads them in "answers", beside every number (answer-words.ts).
  const labels = [...new Set(cells)].flatMap((w) => {
    const end = scaleEndOf(w);
    return end ? [[w, end === 'low' ? 0 : 100] as const] : [];
  });
  // Every number of the column (99 too, which is no missing-value code on a 0–100 scale).
  const whole = cells.map((c) => parseNumber(c, decimalComma)).filter((v): v is number => v !== undefined && Number.isInteger(v) && v >= 0 && v <= 100);
  const answers = labels.length && !decimals ? `, "answers": { ${labels.map(([w, n]) => `${JSON.stringify(w)}: ${n}`).join(', ')}, ${whole.length ? `"${Math.min(...whole)}": ${Math.min(...whole)}, …, "${Math.max(...whole)}": ${Math.max(...whole)}` : '…'} }` : '';
  const outcome = `{ "key": "${key}", "instrument": "${instrument}"${col.column ? `, "column": ${JSON.stringify(col.column)}` : ''}${answers}, "mcid": <points> }`;
  const labelled = labels.length
    ? ` — its cells hold ${labels.map(([w, n]) => `${JSON.stringify(w)} (the labelled ${n === 0 ? 'bottom, 0' : 'top, 100'})`).join(' and ')} beside the numbers: "answers" reads ${labels.length > 1 ? 'them' : 'it'}, with every number the column holds as itself (the "…"), since answer codes refuse any other value`
    : '';
  return {
    what: eq ? 'EQ-5D\'s visual analogue scale, 0–100, which needs an MCID' : 'a 0–100 visual analogue scale of what the export does not say',
    note: `${eq ? 'EQ-5D\'s visual analogue scale (0–100, higher is better)' : 'a 0–100 visual analogue scale, which may be pain (lower is better) or health (higher is better),'} has no instrument in hta and no published MCID: add ${spec} to "instruments" and ${outcome} to "outcomes", with the MCID your protocol names${labelled}`,
  };
}
/** Keys a plan instrument may not take (docs/plan-trial.md "Generic instruments"). */
const BUILT_IN_KEYS = new Set(['rmdq', 'rmdq23', 'pseq', 'nrs', 'eq5d5l', 'eq5d3l', 'was', 'wai', 'binary']);

/**
 * A plan instrument for a medication column holding a count (days with analgesics): the observed
 * range, lower is better, days when its name says so, and a label of its own (not the yes/no
 * "Pain-medication use"). No MCID: the protocol names it.
 */
function countInstrument(column: string, nums: readonly number[], decimals: boolean): { label: { en: string; da: string }; unit?: { en: string; da: string }; range: [number, number]; direction: 'lower-is-better'; decimals: boolean } {
  const days = namesDays(column);
  const label = days ? { en: `Days with pain medication (${column})`, da: `Dage med smertestillende medicin (${column})` } : { en: `Pain medication (${column})`, da: `Smertestillende medicin (${column})` };
  const max = Math.max(...nums);
  // Days in a period the name gives as a word of its own (`Dage brugt sidste 14`; not `dage_12m`) or a week (0–7, docs/plan-trial.md):
  // the scale's range, not the observed one — a count seen only at 0 and 3 drafted as 0–3 would
  // read as a scale answered only at its two ends (trial/two-value-scales.ts).
  const period = days ? [...column.matchAll(/(?<![\p{L}\p{N}])\d+(?![\p{L}\p{N}])/gu)].map((m) => Number(m[0])).find((x) => x >= max && x <= 366) ?? (max <= 7 ? 7 : undefined) : undefined;
  return { label, ...(days ? { unit: { en: 'days', da: 'dage' } } : {}), range: [Math.min(0, ...nums), period ?? max], direction: 'lower-is-better', decimals };
}
/** Every value a yes/no answer: a yes or no word, 0/1, 1/2 or a sentinel missing code (and, with `unknown`, a "don't know" or "does not apply" word). */
function isYesNoColumn(values: readonly string[], decimalComma: boolean, unknown = false): boolean {
  const rest = values.filter((v) => !isYesWord(v) && !isNoWord(v) && !(unknown && (isDontKnowWord(v) || isNotApplicableWord(v))));
  return values.length > 0 && rest.every((v) => {
    const x = parseNumber(v, decimalComma);
    return x !== undefined && (x === 0 || x === 1 || x === 2 || SENTINELS.has(x));
  });
}

/** Whole numbers 0–7 in a column whose name says days (`analgetika_dage`): days in a week, a count. */
function isDayCount(column: string, nums: readonly number[]): boolean {
  return nums.length > 0 && namesDays(column) && nums.every((x) => Number.isInteger(x) && x >= 0 && x <= 7);
}

/** Back at work: "yes" is the good result. */
const WORK = /work|arbejde|rtw/;

/**
 * The drafted direction of a yes/no outcome from its column name: higher-is-better for being back
 * at work, lower-is-better for medication use and anything else (binary's default: a "yes" such
 * as an adverse event or a drug taken is the bad result).
 */
export function binaryDirectionOf(column: string): 'lower-is-better' | 'higher-is-better' {
  const n = looseForm(column);
  if (namesMedication(column)) return 'lower-is-better';
  return WORK.test(n) ? 'higher-is-better' : 'lower-is-better';
}

/**
 * Labels for the drafted outcomes: the instrument's, with the export column added where two
 * outcomes share an instrument (average and worst pain); a yes/no medication column as
 * pain-medication use; any other yes/no outcome by its column.
 */
function draftOutcomeLabels(outcomes: Outcome[]): void {
  const perInstrument = new Map<string, number>();
  for (const o of outcomes) perInstrument.set(o.instrument, (perInstrument.get(o.instrument) ?? 0) + 1);
  // Two medication columns (any pain medication, opioids) are told apart by their column.
  const medications = outcomes.filter((o) => o.instrument === 'binary' && namesMedication((o.column ?? o.key).trim())).length;
  for (const o of outcomes) {
    const column = (o.column ?? o.key).trim();
    const known = OUTCOME_LABELS[o.instrument];
    if (known) {
      const shared = (perInstrument.get(o.instrument) ?? 0) > 1;
      o.label = shared ? { en: `${known.en}: ${column}`, da: `${known.da}: ${column}` } : { ...known };
    } else if (o.instrument === 'binary') {
      const use = { en: 'Pain-medication use', da: 'Forbrug af smertestillende medicin' };
      o.label = !namesMedication(column) ? { en: column } : medications > 1 ? { en: `${use.en}: ${column}`, da: `${use.da}: ${column}` } : use;
    }
  }
}

/**
 * A text in a number column that is no missing-value code: a typo (`1O`, `12a`: a number with
 * a letter in it), a per-cent number (`45%`), a failed Excel formula (`#DIV/0!`), a number behind
 * Excel's text apostrophe (`'7`) or a date Excel made of a typed number (`03-jun`). Drafted as a
 * code, it would turn a real answer into "missing" (plan-wide: in every column) and `validate`
 * would call the file valid.
 */
function notACode(v: string): boolean {
  return isFailedFormula(v) || isPercentCell(v) || NUMBER_WITH_A_LETTER.test(v) || APOSTROPHE_NUMBER.test(v) || isExcelDateText(v);
}
/** A number Excel kept as text behind its apostrophe (`'7`, `'4,5`): the sheet's text mark, not the value. */
const APOSTROPHE_NUMBER = /^'\s*[+\-\u2212]?\d[\d.,]*$/;
/** What such a cell is, for the draft's note (empty for a typo, a per-cent number or a failed formula, which the note names). */
function notACodeWhat(v: string): string {
  if (APOSTROPHE_NUMBER.test(v)) return ", a number behind Excel's text apostrophe";
  return isExcelDateText(v) ? ', a date Excel made of a typed number such as 3-6' : '';
}
/** A number with one letter typed into it (`1O`, `12a`, `l2`); codes such as Castor's `##USER_MISSING_95##` are words. */
const NUMBER_WITH_A_LETTER = /^(?=.*\d)[+-]?[\d.,]*\p{L}[\d.,]*$/u;

/**
 * A code whose number is wrapped in letters, as Castor EDC writes its user-missing values
 * (`##USER_MISSING_99##`): a code, though it holds digits — unlike `45 år` or a typo `4O`, which
 * start with the number someone meant to write.
 */
const CODE_WITH_DIGITS = /^##[A-Z_]+\d+##$/;

/** Values that usually mean "missing" in exports (SPSS/Excel user-missing codes). */
const SENTINELS = new Set([-9, -99, -999, 99, 999, 9999, -1, -8, -7]);
/**
 * A number in the decimal mark the file does not use, by the shapes every reader shares
 * (io/decimal-mark.ts): "6,0" or "1.234.567" in a dot-decimal file, "6.5" in a decimal-comma
 * one. Only a cell with a mark in it: "−5" is no number in either.
 */
function inOtherMark(v: string, fileMark: DecimalMark): boolean {
  const t = withoutSpaceGroups(v) ?? v;
  return (t.includes('.') || t.includes(',')) && NUMBER_WITH[fileMark === ',' ? '.' : ','].test(t);
}

/** An arm value that names the comparator (usual care, waiting list, control, placebo): never taken as the intervention. Matched on looseForm. */
const CONTROL_LIKE = /usual|vanlig|control|kontrol|wait|vente|placebo|sham|standard|^uc$|^tau$|^ctrl?$|^ctl$/;
/** Words that name a treatment, in either language: such an arm is taken as the intervention first. */
const INTERVENTION_LIKE = /app|interv|selfback|behandl|treat|active|aktiv/i;

/**
 * Whether an arm's name names the comparator, among the other arms' names. An intervention is
 * often the comparator plus something ("App + usual care", "selfBACK og vanlig behandling"): a
 * name holding another arm's whole name, or an add-on word (+, plus, and, og, med, with), is the
 * intervention; a name held inside another's is the comparator.
 */
function isComparatorName(name: string, others: readonly string[]): boolean {
  // Of three arms one may be named as the comparator outright ("App", "App + fys", "Vanlig
  // behandling"): that one is the comparator, not the arm whose name is inside another's.
  if (!namesComparatorOutright(name, others) && others.some((o) => o !== name && namesComparatorOutright(o, others))) return false;
  const loose = looseForm(name);
  // A one- or two-letter code ("A") is inside many a name ("Usual care") without naming it.
  const rest = others.map(looseForm).filter((o) => o !== loose && o.length > 2);
  if (loose.length > 2 && rest.some((o) => o.includes(loose))) return true;
  if (rest.some((o) => loose.includes(o))) return false;
  if (ADD_ON.test(name) && !combinedComparator(name)) return false;
  return CONTROL_LIKE.test(loose);
}
/** An add-on word: "App + usual care", "selfBACK og vanlig behandling" are an intervention on top of the comparator. */
const ADD_ON = /[+&]|\b(plus|and|og|med|with)\b/i;
/**
 * Comparators joined by an add-on word ("Usual care + waiting list", "Vanlig behandling og
 * venteliste", "Placebo + usual care"): every part names a comparator, so the whole is one — not an
 * intervention on top of the comparator, as "App + usual care" is.
 */
function combinedComparator(name: string): boolean {
  const parts = name.split(/[+&]|\b(?:plus|and|og|med|with)\b/i).map((p) => p.trim()).filter((p) => p !== '');
  return parts.length > 1 && parts.every((p) => CONTROL_LIKE.test(looseForm(p)));
}
/** A name that is a comparator's by its words alone (usual care, kontrol, standard), with no add-on (but between comparators) and no other arm's name inside it. */
function namesComparatorOutright(name: string, others: readonly string[]): boolean {
  const loose = looseForm(name);
  if ((ADD_ON.test(name) && !combinedComparator(name)) || !CONTROL_LIKE.test(loose)) return false;
  return !others.map(looseForm).some((o) => o !== loose && o.length > 2 && loose.includes(o));
}

/** The arm name taken as the intervention: a treatment's name that is no comparator's, else any non-comparator. */
function interventionName(names: readonly string[], treatment: RegExp = INTERVENTION_LIKE): string | undefined {
  return names.find((a) => treatment.test(a) && !isComparatorName(a, names)) ?? names.find((a) => !isComparatorName(a, names));
}
type Localized = { en: string; da?: string };
/**
 * Arm values whose report name is known in both languages (docs/glossary-da.md): a raw export's
 * short code ("usual") says what the arm was, and "Usual care" is what the report should say.
 * Matched on asciiName without "_".
 */
const KNOWN_ARMS: [RegExp, Localized][] = [
  // "da" in lower case: Danish common nouns, capitalised by the report only at a label or a
  // sentence start ("sammenlignet med vanlig behandling"; docs/plan-trial.md#arm-names).
  [/^(usual|usualcare|uc|tau|careasusual|treatmentasusual|vanlig|vanligbehandling|saedvanligbehandling)$/, { en: 'Usual care', da: 'vanlig behandling' }],
  [/^(wait|waitlist|waitinglist|venteliste)$/, { en: 'Waiting list', da: 'venteliste' }],
  [/^(control|controlgroup|ctrl|kontrol|kontrolgruppe)$/, { en: 'Control group', da: 'kontrolgruppe' }],
];
/** Export values that are a Danish common noun whatever their case ("App"): drafted in lower case for "da". */
const DANISH_COMMON_NOUN = /^(app|appen|traening|motion|fysioterapi|genoptraening)$/;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** The KNOWN_ARMS spellings that are Danish words (the export's own Danish name for the arm). */
const DANISH_KNOWN_ARM = /^(vanlig|vanligbehandling|saedvanligbehandling|venteliste|kontrol|kontrolgruppe)$/;
/** The DANISH_KNOWN_ARM spellings that are a code word, not the arm written out ("vanlig" for "vanlig behandling"). */
const DANISH_CODE_WORD = /^vanlig$/;
/** Values that only say which arm it is, not what it received: a code — a bare number ("1", "2,00"), a letter, a numbered arm ("A", "arm1") or a boolean's True/False —… */
const ARM_CODE = /^([+-]?\d+([.,]\d+)?|[a-z]|[a-z]{0,5}\d+|true|false)$/;
/** …or a word for the arm's role ("Intervention", "Interventionsgruppe", "treatment"): a word, not a code, but no name of what the arm received either. */
const ARM_ROLE = /^(intervention|interventionsgruppe|interventiongroup|treatment|treatmentgroup|behandling|behandlingsgruppe|active|aktiv|experimental|exp|int)$/;
/** Why an arm value is no name for the reports (armLabelOf). */
type Unnamed = 'code' | 'role';

/** Whether the export is written in Danish: Danish letters or Danish column names in the header, or Danish arm values. */
function looksDanish(header: readonly string[], arms: readonly string[]): boolean {
  if ([...header, ...arms].some((h) => /[æøåÆØÅ]/.test(h.normalize('NFC')))) return true;
  const DANISH = /^(gruppe|tid|tidspunkt|besoeg|maaling|alder|koen|kon|loebenr|deltager|deltagerid|randomisering|allokering|behandling|smerte|uddannelse|ryger|rygning|medicin|kontrol|vanlig|venteliste)$/;
  return [...header, ...arms].some((h) => DANISH.test(asciiName(h).replace(/_/g, '')));
}

/**
 * What the reports should call an arm, from its value in the export: a known code in both
 * languages (KNOWN_ARMS), "code" or "role" for a value that names no treatment (ARM_CODE,
 * ARM_ROLE), else the value
 * itself as a name — written as the export writes it when it reads as a name ("Exercise program",
 * "SelfBACK app"), capitalised when it is a lower-case code word ("app" → "App"). A name from the
 * export is Danish only when the export is ("da" then repeats it); otherwise "da" is left out and
 * the Danish report falls back to "en" (src/report/arm-names.ts).
 */
function armLabelOf(value: string, danish: boolean): Localized | Unnamed {
  const key = asciiName(value).replace(/_/g, '');
  const known = KNOWN_ARMS.find(([re]) => re.test(key))?.[1];
  // A Danish comparator the export writes out as a name ("Sædvanlig behandling", "Venteliste") is
  // the user's own wording: "da" keeps its words, never the glossary's synonym ("vanlig
  // behandling") — but a common noun, in lower case as running text writes it ("app sammenlignet
  // med sædvanlig behandling"; the report capitalises it at a label or a sentence start), as the
  // intervention's "app" is: a capital only from an export's sentence case, not a name's. A code
  // word ("vanlig", in any case: "Vanlig" is no name of a treatment) gets the known names.
  if (known && DANISH_KNOWN_ARM.test(key) && !DANISH_CODE_WORD.test(key) && /[A-ZÆØÅ\s]/.test(value.trim())) return { en: known.en, da: commonNounLowered(value.trim().replace(/\s+/g, ' ')) };
  if (known) return known;
  if (key === '' || ARM_CODE.test(key)) return 'code';
  if (ARM_ROLE.test(key)) return 'role';
  const trimmed = value.trim().replace(/\s+/g, ' ');
  const written = /[A-ZÆØÅ\s]/.test(trimmed) ? trimmed : trimmed.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  // "App" is the Danish word too (a common noun, in lower case): an English export's "App" beside
  // its "Usual care" (known in Danish) left the intervention alone without "da" (Castor's study export).
  if (!danish) return key === 'app' ? { en: written, da: 'app' } : { en: written };
  return { en: written, da: DANISH_COMMON_NOUN.test(key) ? written.toLowerCase() : written };
}

/**
 * A Danish arm name kept with the export's capital ("Smerteskole", "Træningsprogram": hta cannot
 * tell a common noun from a programme's name), or in an all-caps export's capitals ("SMERTESKOLE";
 * a short acronym such as "UC" is not asked about): the Danish page writes it so mid-sentence
 * ("til fordel for Smerteskole"), so the check says so and how to write a common noun.
 */
function capitalNote(labels: { intervention: Localized; control: Localized }): string {
  const capital = [labels.intervention, labels.control].flatMap((l) => (l.da !== undefined && (/^\p{Lu}\p{Ll}/u.test(l.da) || /^\p{Lu}{4,}(?![\p{Ll}])/u.test(l.da)) ? [l.da] : []));
  if (capital.length === 0) return '';
  const names = capital.map((n) => JSON.stringify(n)).join(' and ');
  return `; "da" ${names} ${capital.length > 1 ? 'keep' : 'keeps'} the export's capital, so the pages write ${capital.length > 1 ? 'them' : 'it'} so mid-sentence ("til fordel for ${capital[0]}"): write "da" in lower case if it is a common noun, not a name (docs/plan-trial.md#arm-names)`;
}

/**
 * A known Danish comparator written out ("Sædvanlig behandling", a title-case "Vanlig Behandling",
 * an all-caps "VANLIG BEHANDLING") → "sædvanlig behandling", "vanlig behandling": every word of it
 * is a common noun or adjective (DANISH_KNOWN_ARM), so the whole name is lowered, never only its
 * first letter ("vanlig Behandling" would mix the cases on every label of the page).
 */
function commonNounLowered(text: string): string {
  return text.toLowerCase();
}

/**
 * An export of more than two arms (docs/plan-trial.md#other-arms): the arms not compared go to
 * the plan's "otherArms" (with a label where one could be drafted), named among the guesses; the
 * check says which two the draft compares, that the rest are counted as randomised, not analysed,
 * and how to compare another pair. `source` names the arms for the guess ("arm", "REDCap arm").
 */
function draftOtherArms(
  draft: { plan: Record<string, unknown>; guesses: string[]; checks: string[] },
  arms: { where: string; source: string; all: readonly string[]; intervention: string; control: string; rest: readonly { value: string; label: Localized | Unnamed }[] },
): void {
  const q = (v: string) => JSON.stringify(v);
  const { where, source, all, intervention, control, rest } = arms;
  draft.plan.otherArms = rest.map(({ value, label }) => (typeof label === 'string' ? value : { value, label }));
  const values = rest.map((a) => a.value);
  draft.guesses.push(`${source}${rest.length > 1 ? 's' : ''} not compared ("otherArms"): ${values.map(q).join(', ')}`);
  // "column "gruppe" has 3 arms", "the events of "redcap_event_name" have 3 REDCap arms": `where` is one column or many events.
  const has = where.startsWith('the events') ? 'have' : 'has';
  draft.checks.push(`${where} ${has} ${all.length} ${source}s (${all.map(q).join(', ')}); the plan compares two: ${q(intervention)} (intervention) with ${q(control)} (control), and lists ${values.map(q).join(', ')} in "otherArms" — rows not analysed, patients counted as randomised in the participant flow. To compare another pair, swap the values between "arms" and "otherArms" (and "armLabels"), one plan per comparison (docs/plan-trial.md#other-arms)`);
}

/** Both arms' labels, when at least one arm has a name of its own and neither is a bare code; else undefined (the checks ask for them). */
function draftArmLabels(intervention: string, control: string, danish: boolean): { intervention: Localized; control: Localized } | undefined {
  const i = armLabelOf(intervention, danish);
  const c = armLabelOf(control, danish);
  if (typeof i === 'string' || typeof c === 'string') return undefined;
  // A Danish export with one arm known in English and the other not: both by their Danish names,
  // so the English report does not mix them ("n (Træning/Waiting list)"); the check asks for
  // both in English, naming the one hta knows. (An English export's names are English in both
  // reports, but where "da" is known: the Danish report falls back to "en".)
  // Only a name the export wrote in Danish ("Venteliste") stands in for "en": an English code in a
  // Danish export ("usual") keeps its English name, "Usual care" — the export never said "Vanlig behandling".
  const translated = (l: Localized) => l.da !== undefined && l.da.toLowerCase() !== l.en.toLowerCase();
  if (!danish || translated(i) === translated(c)) return { intervention: i, control: c };
  const own = (l: Localized, value: string): Localized => (translated(l) && DANISH_KNOWN_ARM.test(asciiName(value).replace(/_/g, '')) ? { en: capitalised(l.da!), da: l.da! } : l);
  return { intervention: own(i, intervention), control: own(c, control) };
}

/** The English name hta knows for a Danish arm name ("Venteliste" → "Waiting list"), for the check. */
function knownEnglish(name: string): string | undefined {
  const known = KNOWN_ARMS.find(([re]) => re.test(asciiName(name).replace(/_/g, '')))?.[1];
  return known && known.en !== name ? known.en : undefined;
}

interface Outcome {
  key: string;
  instrument: string;
  label?: Localized;
  column?: string;
  items?: string | string[] | Record<string, string>;
  answers?: Record<string, number>;
  /** The outcome's own codes: a one-based scale's "refused" numbers (one-based-codes.ts), SAS's bare letters (sas-letter-codes.ts). */
  missingCodes?: (number | string)[];
  notApplicableCodes?: string[];
  direction?: 'lower-is-better' | 'higher-is-better';
  maxMissingItems?: number;
}

/** A plan name from a column name: Danish and Norwegian letters spelled out ("Køn" → "koen"), accents dropped, other characters one "_" ("Smerte (0-10)" → "smerte_0_10"). */
function asciiName(column: string): string {
  return spelledOut(column)
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
}


/** Plan label for a REDCap-style event name ("3_months_arm_1" → "3m"), else the value. */
/**
 * A visit number as a float column writes it (`6.0`, `0.0`: pandas, once a visit left empty made
 * the column float): read as the whole number (`6`, `0`), as `41.0` is read everywhere; the
 * export's own `6.0` stays the key of "timeLabels". Only `.0`: `1.5` is no visit number.
 */
const WHOLE_VISIT = /^\s*(\d+)(?:\.0+)?\s*$/;
const wholeVisit = (v: string): string => WHOLE_VISIT.exec(v)?.[1] ?? v;

export function visitLabel(given: string): string {
  given = wholeVisit(given);
  // A REDCap label export writes its arm after every event, also beside an arm column
  // ("Baseline (Arm 1: Arm 1)"): the visit is the event without it, as "baseline_arm_1" is.
  // OpenClinica's event OIDs (`SE_3M`) are read without their prefix (odm-names.ts).
  const value = redcapEvent(given)?.visit ?? withoutEventPrefix(given);
  // A long export's visit values read as a wide export's suffixes do (wide-visits.ts): "basis",
  // "før", "3 mnd", "6 uger", "1 år" — one reading for both layouts (found in review: "3 mnd" and
  // "_3mnd" were read differently). A follow-up without a time keeps its own spelling.
  const named = namedVisit(value);
  if (named && !named.monthsGuessed && (named.baseline || /^\d+[mwdy]$/.test(named.label))) return named.label;
  const v = looseForm(value);
  // REDCap's event names ("baseline_arm_1") and the forms namedVisit leaves.
  if (BASELINE.test(v)) return 'baseline';
  // A survey's answer text says more in brackets ("Baseline (før start)"): the baseline still.
  const bracketed = /^(.+?)\s*[([][^)\]]*[)\]]\s*$/.exec(value);
  if (bracketed && BASELINE.test(looseForm(bracketed[1]!))) return 'baseline';
  // An eCRF event named by its number with the time in brackets ("Opfølgning 1 (12 uger)"): that time.
  const inBrackets = /[([]([^)\]]*)[)\]]\s*$/.exec(value);
  const bracketTime = inBrackets ? namedVisit(inBrackets[1]!) : undefined;
  if (bracketTime && !bracketTime.baseline && !bracketTime.monthsGuessed && /^\d+[mwdy]$/.test(bracketTime.label)) return bracketTime.label;
  // looseForm drops the ring of å: "3 måneder" arrives as "3maneder".
  const m = /^(\d+)(months?|maaneder|maneder|mdr|m|mo|weeks?|uger|w)(arm\d+)?$/.exec(v);
  if (m) return `${m[1]}${/^(w|weeks?|uger)$/.test(m[2]!) ? 'w' : 'm'}`;
  // A survey package or eCRF event named with more than its visit ("Baseline questionnaires",
  // "3 months questionnaires", "T1 - 3 months", "Visit 1 (baseline)"): the visit it names, when
  // the rest is only the form's word or the visit's code (Castor's survey export).
  const bare = visitWithoutForm(value);
  if (bare !== undefined) {
    const label = visitLabel(bare);
    if (label === 'baseline' || /^\d+[mwdy]$/.test(label)) return label;
  }
  return value;
}

/** Words that say a visit's forms were filled in, not when: "Baseline questionnaires", "3 mdr spørgeskema". */
const FORM_WORDS = /^(questionnaires?|surveys?|forms?|package|sp(ø|oe|o)rgeskema(er)?|skema(er)?|pakke)$/i;
/** A visit's code before its name: "T1 - 3 months", "V2: 12 weeks", "Visit 1 (baseline)". */
const VISIT_CODE = /^(?:(?:t|v)\d+\s*[-–:]\s*|(?:visit|besøg|besoeg)\s*\d+\s*[-–:]?\s*)/i;

/** `value` without its form words and visit code ("T1 - 3 months questionnaires" → "3 months"), or undefined when it has none. */
function visitWithoutForm(value: string): string | undefined {
  let rest = value.trim().replace(VISIT_CODE, '');
  const bracket = /^\((.+)\)$/.exec(rest.trim());
  if (bracket) rest = bracket[1]!;
  const words = rest.split(/\s+/).filter((w) => w !== '' && !FORM_WORDS.test(w));
  const bare = words.join(' ');
  return bare !== '' && bare !== value.trim() ? bare : undefined;
}

/** Each patient's visit labels in the order of their rows (`labelOf` maps a cell to its plan label), for visit-order.ts. */
function rowVisitSequences(csv: { records: Iterable<{ cells: readonly (string | null | undefined)[] }> }, idIdx: number, timeIdx: number, labelOf: (raw: string) => string): string[][] {
  const byId = new Map<string, string[]>();
  for (const r of csv.records) {
    const id = r.cells[idIdx];
    const t = r.cells[timeIdx];
    if (id === null || id === undefined || t === null || t === undefined) continue;
    const seq = byId.get(id) ?? [];
    byId.set(id, seq);
    seq.push(labelOf(t));
  }
  return [...byId.values()];
}

/** The stems of a wide header's visit columns ("Smerte", "RMDQ"), in header order. */
function wideStems(header: readonly string[], visits: readonly string[], timeLabels: Record<string, string>, stemsOf: (c: string) => string): string[] {
  const suffixes = visits.map((v) => Object.keys(timeLabels).find((k) => timeLabels[k] === v) ?? v);
  return [...new Set(header.filter((h) => suffixes.some((x) => endsInVisit(h, x))).map(stemsOf))];
}

/** The checks on CPR-shaped cells outside the id column: one per column, by lines, never quoting a cell. */
function cprCellChecks(file: string, header: readonly string[], idCol: string, cells: readonly CprCell[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const c of cells) {
    const lines = byColumn.get(c.column);
    if (lines) lines.push(c.line);
    else byColumn.set(c.column, [c.line]);
  }
  return [...byColumn].map(([column, lines]) => {
    const ranges = lineRanges(lines);
    const where = lines.length === 1 ? `${file}:${lines[0]}:${column}` : `${file}:lines ${formatLineRanges(ranges)}, column ${column}`;
    return `${where} (${header[column - 1]}): ${lines.length === 1 ? 'a cell looks' : `${lines.length} cells look`} like a CPR number (DDMMYY-NNNN), a Swedish personnummer or a Norwegian fødselsnummer, outside the id column "${idCol}": not quoted, and not drafted as a visit, arm, level or missing-value code — hta validate and analyze refuse such a cell in any column the plan reads (a shifted line, or the wrong column): correct the export`;
  });
}

/**
 * What to do about visits written as bare numbers (a long export's `1`, `2`; a wide export's
 * `_1`, `_2` after `_0`): say their time in "timeLabels", with an example for the first, worded
 * for its number ("1 week", "2 weeks").
 */
function bareVisitsCheck(bare: readonly string[], what: string): string {
  const n = Number(bare[0]!.replace(/\D+/g, '')); // `oppf2` is follow-up 2
  return `${what}: say their time in "timeLabels" (e.g. { "${bare[0]}": "${n}w" } if visit ${bare[0]} is ${n} week${n === 1 ? '' : 's'} after the baseline, "${n}m" for ${n} month${n === 1 ? '' : 's'}; then write those labels in "timepoints" and "allTimepoints"), so reports can say when each visit was and draw time to scale`;
}

/**
 * A visit column holding study days (wide-visits.ts studyDayWindows): not drafted as visits; the
 * windows said, with a visit for each by its middle day, and the two ways to give the visits.
 */
function studyDaysUndecided(column: string, bare: readonly string[], windows: readonly { from: number; to: number }[]): Undecided {
  const numbers = bare.map(Number);
  const span = (w: { from: number; to: number }) => (w.from === w.to ? `${w.from}` : `${w.from}–${w.to}`);
  const shown = windows.length > 4 ? [...windows.slice(0, 4).map(span), '…'] : windows.map(span);
  const binned = windows.slice(0, 3).map((w) => `"${windowLabel(w)}" for ${windowDays(w)}`).join(', ');
  const first = windows[0]!;
  const last = windows[windows.length - 1]!;
  return {
    what: `the visits: column "${column}" holds ${numbers.length} different numbers after the baseline (${Math.min(...numbers)} to ${Math.max(...numbers)}), in ${windows.length} window${windows.length === 1 ? '' : 's'} (${shown.join(', ')}) — days since randomisation rather than visits? Drafted as visits they would be ${numbers.length} visits, one per day`,
    write: `one visit per row: bin the days into the protocol's visits in the export's visit column (e.g. ${binned}${windows.length > 3 ? ', …' : ''}) and run plan init again, or write the plan by hand with each number's visit in "timeLabels" ({ "${first.from}": "${windowLabel(first)}", …, "${last.to}": "${windowLabel(last)}" }) and those visits in "timepoints" (docs/plan-trial.md#study-days)`,
  };
}

/**
 * The check for follow-ups whose unit was guessed from bare numbers (wide-visits.ts,
 * bareNumberUnit): what was assumed, why, and the "timeLabels" that say the other unit.
 */
function guessedUnitCheck(what: string, numbers: readonly (readonly [string, number])[], unit: 'm' | 'w'): string {
  const [read, other, otherWord] = unit === 'w' ? ['weeks', 'm', 'months'] : ['months', 'w', 'weeks'];
  const why = unit === 'w' ? ', as 26 and 52 are a half-year and a year in weeks' : '';
  const instead = `{${numbers.map(([k, n]) => `"${k}": "${n}${other}"`).join(', ')}}`;
  return `${what}: read as ${read} (${numbers.map(([, n]) => `${n}${unit}`).join(', ')})${why}. If they are ${otherWord}, write ${instead} in "timeLabels" (and the same labels in "timepoints" and "allTimepoints")`;
}

/** Each patient's bare follow-up numbers in a long export's visit column. */
function followUpsByPatient(csv: CsvTable, idAt: number, timeAt: number): Set<number>[] {
  const byId = new Map<string, Set<number>>();
  for (const r of csv.records) {
    const id = r.cells[idAt];
    const t = r.cells[timeAt]?.trim();
    if (id === null || id === undefined || !t || !/^\d+$/.test(t)) continue;
    let own = byId.get(id);
    if (!own) byId.set(id, (own = new Set()));
    own.add(Number(t));
  }
  return [...byId.values()];
}

/** Whether column `i` holds a value on every line, each different. */
function distinctOnEveryLine(records: Iterable<{ cells: readonly (string | null | undefined)[] }>, i: number): boolean {
  const seen = new Set<string>();
  for (const r of records) {
    const v = r.cells[i];
    if (v === null || v === undefined || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

/** DST's person id (`PNR`, `V_PNR_ENCRYPTED`) or a column of the prescription register (LMDB). */
const REGISTER_ID = /^(v_)?pnr(_encrypted)?$/i;
const LMDB_COLUMN = /^(atc|eksd|ekspdto|vnr|packsize|doso|apk|ddd)$/i;

/**
 * A register file of events: ids repeating, with no visit column, keyed by DST's person id or
 * holding the prescription register's columns. Its redemption date (`EKSD`) is an event's date,
 * not a visit's, so the advice is to aggregate to one row per person, not to derive visits from
 * the dates (docs/observational.md); and 1.6 redemptions per person (a 12-month window) is enough.
 */
function registerEvents(csv: Pick<CsvTable, 'header' | 'records'>, idCol: string, patients: number): boolean {
  if (csv.records.length <= patients) return false;
  return REGISTER_ID.test(idCol.trim()) || csv.header.some((h) => LMDB_COLUMN.test(h.trim()));
}

/** A column named for app use holding yes/no (or yes and empty): a registry export of users and non-users. */
const EXPOSURE_NAME = /(^|[^a-z])(app|bruger|brug|user|users|uses|exposed|eksponeret|exposure|eksponering)([^a-z]|$)/;

function registryExposure(header: readonly string[], valuesOf: (c: string) => string[]): { column: string; yes: string; no: string | undefined } | undefined {
  for (const h of header) {
    if (!EXPOSURE_NAME.test(h.toLowerCase().replace(/_/g, ' '))) continue;
    const values = valuesOf(h);
    const yes = values.filter(isYesWord);
    const no = values.filter(isNoWord);
    if (yes.length === 1 && no.length <= 1 && values.length === yes.length + no.length) return { column: h, yes: yes[0]!, no: no[0] };
    // 1 and 0 (or 1 and empty): a register flag as SAS and Stata write it (`app_bruger`).
    if (values.includes('1') && values.every((v) => v === '1' || v === '0')) return { column: h, yes: '1', no: values.includes('0') ? '0' : undefined };
  }
  return undefined;
}

/**
 * A registry export of users and non-users: plan init drafts no observational plan, since which
 * confounders to adjust for is the analyst's choice, not a guess from column names; it says so and
 * gives the plan's start (docs/observational.md).
 */
function registryUndecided(e: { column: string; yes: string; no: string | undefined }): Undecided {
  const starter = JSON.stringify({ design: 'observational', observational: { exposure: { column: e.column, exposed: e.yes, unexposed: e.no ?? '' }, confounders: [{ name: '…', type: 'numeric or categorical' }] } });
  const values = e.no === undefined ? `"${e.yes}" or empty` : `"${e.yes}" and "${e.no}"`;
  return {
    what: `the arm column: this looks like a registry export of users and non-users ("${e.column}": ${values}), not a randomised trial; plan init drafts no plan for it — which confounders to adjust for is the analyst's choice, not a guess from column names`,
    write: `the observational plan by hand (docs/observational.md), starting from ${starter}; if it is a randomised trial after all, name its arm column instead: "columns": { "arm": ${JSON.stringify(e.column)} } and "arms" (docs/plan-trial.md)`,
    noTrial: true,
  };
}

/** The draft of a trial export; ADaM's conventions are settled first (adam-draft.ts). */
/** Said when the drafted title masks a CPR-shaped number in the export's name (report/published-name.ts). */
export const TITLE_NAME_MASKED = 'the export\'s file name holds a personal identity number\'s shape: the drafted title names it masked (DDMMYY-XXXX), as the report pages do — give the trial\'s own name, and rename the file if the number is a person\'s';

export function draftPlan(given: CsvTable, schemaRef: string | undefined): PlanDraft {
  const adam = adamView(given);
  if (adam) return adam.finish(draftExport(adam.table, schemaRef));
  // Visits after a period (`RMDQ.0`: SPSS CASESTOVARS, R's reshape) drafted as after "_", each
  // column named back as the file writes it; the reader reads them the same way (period-visits.ts).
  const period = periodVisitHeader(given.header);
  if (!period) return draftExport(given, schemaRef);
  return inFileNames(draftExport({ ...given, header: period.header }, schemaRef, '.'), period.renamed);
}

/** A draft's lines with each column read with "_" for its period named as the file writes it (`"RMDQ_0"` → `"RMDQ.0"`). */
function inFileNames(draft: PlanDraft, renamed: readonly PeriodRename[]): PlanDraft {
  // Quoted as the lines quote names: a name is replaced whole, never inside another.
  const quoted = renamed.map((r) => [JSON.stringify(r.to), JSON.stringify(r.from)] as const);
  const text = (line: string) => quoted.reduce((out, [to, from]) => out.split(to).join(from), line);
  return {
    ...draft,
    guesses: draft.guesses.map(text),
    checks: draft.checks.map(text),
    undecided: draft.undecided.map((u) => ({ ...u, what: text(u.what), write: text(u.write), ...(u.lead !== undefined ? { lead: text(u.lead) } : {}) })),
  };
}

/** `separator`: the one before the visit in a wide header's names, as the user's file writes it ("." read as "_": period-visits.ts). */
function draftExport(given: CsvTable, schemaRef: string | undefined, separator: '_' | '.' = '_'): PlanDraft {
  // SAS/Stata special missing values and Castor's user-missing markers are missing in every
  // column, as validate reads them: no missing-value code, no category (trial/special-missing.ts).
  const special = new SpecialMissingTally();
  // A quoted cell's padding (SAS's `"6w      "`) is no part of a visit, code or level, as the trial
  // reader reads it (trial/quoted-padding.ts): drafted without it, `timeLabels` and codes match.
  let csv = withSpecialMissingEmpty(withoutQuotedPadding(given, -1, new QuotedPadding()), special);
  const guesses: string[] = [];
  const checks: string[] = [];
  const undecided: Undecided[] = [];
  const mcidLeft: string[] = [];
  const header = csv.header;
  // Each column's index, found once: `header.indexOf` for every question the draft asks of a
  // column made `plan init` quadratic in the number of columns (40,000 columns took a minute).
  const columnIndex = new Map<string, number>();
  header.forEach((h, i) => {
    if (!columnIndex.has(h)) columnIndex.set(h, i);
  });
  const colIdx = (c: string) => columnIndex.get(c) ?? -1;
  // The file's one decimal mark (io/decimal-mark.ts): a tie, or a tab file whose `1.250` nothing
  // decides, is refused here as by every reader of the export, naming the cell's line and column.
  const decimalComma = decimalCommaOf(csv);
  const find = (re: RegExp) => header.find((h) => re.test(nameKey(h)));
  // A CDISC ADaM / BDS dataset (one row per parameter), an ODM item export or an SDTM findings domain is refused naming the pivot it needs (export-layouts.ts).
  // So is pandas' melt() (`variable`, `value`) and a header of pandas tuples (`('rmdq', '3m')`).
  const bds = bdsLayout(header) ?? odmItemLayout(header) ?? sdtmFindingsLayout(header, csv.records) ?? meltedLayout(header) ?? tupleHeaderLayout(header);
  if (bds) return { plan: {}, undecided: [bds], guesses: [bds.what.replace(/^the layout: /, 'layout: ')], checks: [] };
  const distinct = (c: string) => {
    const i = colIdx(c);
    const seen = new Set<string>();
    for (const r of csv.records) {
      const v = r.cells[i];
      if (v !== null && v !== undefined) seen.add(v);
      if (seen.size > 1) break;
    }
    return seen.size;
  };
  // An unnamed first column is row names (R's write.csv, pandas' to_csv), never the id; a column
  // holding one value in every row (a study id, STUDYID) names no patient.
  // A survey's per-response id (ResponseId, _recordId) is the patient's only when nothing else
  // names one; in a long export with two or more visits, a column with a different value on every
  // row is no patient id: each row would count as a patient (response-ids.ts).
  const responseIds = header.filter((h) => isResponseId(h, nameKey(h)));
  const idNamed = header.filter((h) => ID.test(nameKey(h)) && !responseIds.includes(h));
  // A survey's question asking for the visit ("Hvilket besøg udfylder du?", MS Forms) when no column is named like one.
  const visitQuestion = header.find((h) => /\?\s*$/.test(h) && /(^|[^\p{L}])(besøg|besoeg|visit|visits|tidspunkt|måling|maaling)([^\p{L}]|$)/iu.test(h));
  // A column named otherwise whose values are visit labels ("Spørgeskema": "Baseline", "3 måneder"), in a file whose columns name no visit (valued-visits.ts).
  const namedVisitCol = find(TIME) ?? visitQuestion;
  const valuedVisitCol =
    namedVisitCol === undefined && !wideVisits(header).visits.length && !unseparatedVisits(header)
      ? visitValuedColumn(csv, visitLabel, (h) => ID.test(nameKey(h)) || isResponseId(h, nameKey(h)) || armColumnKind(nameKey(h)) !== undefined)
      : undefined;
  const visitCol = namedVisitCol ?? valuedVisitCol;
  const visitsInFile = visitCol !== undefined && distinct(visitCol) > 1;
  const onePerRow = (c: string) => visitsInFile && oncePerRow([...csv.records].map((r) => r.cells[colIdx(c)]));
  const fits = (h: string) => (distinct(h) > 1 || csv.records.length < 2) && !onePerRow(h);
  // In a long export an unnamed id must look like one: once per visit, on more than one visit (response-ids.ts).
  const perVisit = (h: string) => !visitsInFile || repeatsPerVisit([...csv.records].map((r) => [r.cells[colIdx(h)], r.cells[colIdx(visitCol!)]]));
  const armLike = (h: string) => armColumnKind(nameKey(h)) !== undefined;
  const fallback = (h: string) => h !== '' && h !== visitCol && !armLike(h) && distinct(h) > 1 && !onePerRow(h) && perVisit(h) && !(idNamed.length && responseIds.includes(h));
  // R's write.csv of a data frame whose row names are the ids (`rownames(w) <- w$id`), pandas'
  // to_csv of one indexed by them: a wide export's unnamed first column, a different value on
  // every line, is the patient id when no column is named like one — not `age`, the first
  // column after it holding more than one value (docs/input-trial-export.md "Row names").
  const rowNamesId = header[0] === '' && !idNamed.length && !responseIds.length && !visitsInFile && csv.records.length > 1 && distinctOnEveryLine(csv.records, 0);
  // Of two columns named like an id, a participant number that repeats (one row per visit) before
  // one with a different value on every row, and a form's response numbers 1…n (MS Forms' `ID`)
  // last: taken as the id, each response counted as a patient (response-ids.ts).
  const cellsOf = (c: string) => [...csv.records].map((r) => r.cells[colIdx(c)]);
  // Only a column that looks like a patient id outranks another: in a one-visit file a value on
  // every row, each different; in a long one once per visit, on more than one visit (so a repeating
  // participant number outranks only in a long file). A 2-value `studyid` (DK/SE) beside a wide
  // export's `id` 1…40 names no patient and leaves `id` the id.
  const patientLike = (o: string) => fits(o) && (visitsInFile ? perVisit(o) : oncePerRow(cellsOf(o)));
  const numbered = new Set(idNamed.length > 1 ? idNamed.filter((h) => numbersResponses(cellsOf(h))) : []);
  const repeating = idNamed.filter((h) => visitsInFile && patientLike(h) && !oncePerRow(cellsOf(h)));
  const idRank = (h: string) => (numbered.has(h) && idNamed.some((o) => o !== h && !numbered.has(o) && patientLike(o)) ? 2 : repeating.length && !repeating.includes(h) && oncePerRow(cellsOf(h)) ? 1 : 0);
  const idOrder = idNamed.map((h, k) => [h, idRank(h), k] as const).sort((a, b) => a[1] - b[1] || a[2] - b[2]).map(([h]) => h);
  const pickedId = rowNamesId ? '' : (idOrder.find(fits) ?? responseIds.find(fits) ?? header.find(fallback));
  const rowIds = [...idNamed, ...responseIds].filter(onePerRow);
  const idCol = pickedId ?? rowIds[0] ?? idNamed[0] ?? header.find((h) => h !== '')!;
  for (const c of idNamed) if (c !== idCol && distinct(c) <= 1 && csv.records.length > 1) guesses.push(`not the id: "${c}", which holds one value in every row`);
  for (const c of responseIds) if (c !== idCol && !onePerRow(c)) guesses.push(`not the id: "${c}", a survey's id of each response, not of the patient`);
  for (const c of idNamed) if (c !== idCol && idRank(c) > 0 && !rowIds.includes(c)) guesses.push(`not the id: "${c}", ${numbered.has(c) ? `the numbers 1 to ${csv.records.length}, one per row (a form's response numbers)` : 'a different value on every row'} while "${idCol}" names the patient on each of their rows`);
  for (const c of rowIds) if (c !== idCol) guesses.push(`not the id: "${c}", a different value on every row while "${visitCol}" has several visits: each row would count as a patient`);
  if (!pickedId && visitsInFile) {
    undecided.push({
      what: `the patient id: ${rowIds.length ? `"${rowIds[0]}" holds a different value on every row` : 'no column names the patient'} while "${visitCol}" has several visits, so each row would count as a patient (a survey's response id numbers answers, not patients)`,
      write: 'the column that names the patient on each of their rows (Qualtrics: ExternalReference or an embedded-data id), or the plan by hand with "columns": { "id": … } (docs/plan-trial.md "What plan init recognises")',
    });
  }
  // The randomised arm before a plain arm column, a treatment column and the treatment received
  // (ITT: docs/plan-trial.md "Per-protocol and ITT"); OpenClinica's items also without their prefix.
  const armColumns = armColumnsByPreference(header, (h) => [nameKey(h), nameKey(withoutItemPrefix(h))]);
  let armCol = armColumns[0]?.column;
  const timeCol = visitCol;
  // Values in NFC (io/nfc.ts): a file saved by macOS writes `3 måneder` decomposed, and the
  // plan is compared with every export after NFC — one visit, one arm, one code, in one form.
  // Every column's distinct values, gathered in one pass the first time any is asked for: a
  // record's cells are split out on each access (read-csv.ts), and the draft asks for most columns'
  // values, several times each — one pass per question made `plan init` split every record
  // hundreds of times. Each caller gets its own copy, in first-seen order as before.
  // (Gathered again if `csv` is replaced, as it is once CPR-shaped cells are read as empty.)
  let columnValues: { of: CsvTable; sets: Set<string>[] } | undefined;
  const valuesOf = (c: string): string[] => {
    if (columnValues?.of !== csv) {
      const sets = header.map(() => new Set<string>());
      for (const r of csv.records) {
        const cells = r.cells;
        for (let i = 0; i < sets.length; i++) {
          const v = cells[i];
          if (v !== null && v !== undefined) sets[i]!.add(nfc(v));
        }
      }
      columnValues = { of: csv, sets };
    }
    const i = colIdx(c);
    return i < 0 ? [] : [...columnValues.sets[i]!];
  };
  /** An arm column's values, one per arm however spelled (armKey), each in the spelling most rows have; `folded` lists the others. */
  const armSpellingsOf = (c: string): { arms: string[]; folded: { shown: string; others: string[] }[] } => {
    const i = colIdx(c);
    const byKey = new Map<string, Map<string, number>>();
    for (const r of csv.records) {
      const v = r.cells[i];
      if (v === null || v === undefined) continue;
      const spelling = nfc(v);
      const key = armKey(spelling);
      const counts = byKey.get(key) ?? new Map<string, number>();
      byKey.set(key, counts);
      counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
    }
    const arms: string[] = [];
    const folded: { shown: string; others: string[] }[] = [];
    for (const counts of byKey.values()) {
      let shown = '';
      let most = 0;
      for (const [spelling, n] of counts) if (n > most || (n === most && spelling.trim() === spelling && shown.trim() !== shown)) [shown, most] = [spelling, n];
      arms.push(shown);
      if (counts.size > 1) folded.push({ shown, others: [...counts.keys()].filter((k) => k !== shown) });
    }
    return { arms, folded };
  };
  // CPR-shaped cells outside the id column: read as empty from here on, so none is drafted as a
  // visit, an arm, a level or a code, nor quoted; said by line and column (trial/cpr-cells.ts).
  // A column repeating the id (`id_3m`, below) is the id again: compared with it, never read as a value.
  const repeatedIdIdx = repeatedIdColumns(csv, colIdx(idCol));
  // The default withdrawal-reason column is free text, pooled when it reads as such (trial/free-text.ts): a whole-cell CPR number only.
  const cpr = withoutCprCells(csv, [colIdx(idCol), ...repeatedIdIdx], header.flatMap((h, i) => (isCovariateName(h) ? [i] : [])), [colIdx(DEFAULT_WITHDRAWAL_COLUMN)]);
  csv = cpr.table;
  checks.push(...cprCellChecks(csv.file, header, idCol, cpr.cells));
  // Ids shaped like CPR numbers: said, never quoted (trial/patient-ids.ts).
  const ids = valuesOf(idCol);
  const cprIds = cprShapedIds(ids);
  if (cprIds > 0) checks.push(cprIdNote(idCol, cprIds, ids.length));
  if (rowNamesId) {
    // R numbers rows from 1, pandas from 0, when the data frame had no names of its own.
    const rowNumbers = ids.every((v, k) => v === String(k + 1)) || ids.every((v, k) => v === String(k));
    checks.push(
      rowNumbers
        ? `column 1 has no name and holds only row numbers (${ids[0]} to ${ids[ids.length - 1]}: R's or pandas' row names when the data frame had none of its own): taken as the patient id, one patient per line — if the export has an id column under another name, set "columns": { "id": … }`
        : `column 1 has no name (R's write.csv and pandas write the row names so) and holds a different value on every line: taken as the patient id ("columns": { "id": "" }) — check that it holds the ids`,
    );
  } else if (!ID.test(nameKey(idCol))) checks.push(`no column is named like a patient id; "${idCol}" (${idCol === header.find((h) => h !== '') ? 'the first column' : 'the first column holding more than one value'}) was taken: set "columns": { "id": … }`);
  guesses.push(rowNamesId ? 'patient id column: column 1, which has no name: R\'s row names (write.csv), a different value on every line' : `patient id column: "${idCol}"`);
  // A column repeating the id (`id_3m`: a follow-up file pasted beside the baseline): every run
  // compares it with the id line by line, and the draft says what it finds (repeated-id-columns.ts).
  const repeatedIds = repeatedIdIdx.map((i) => header[i]!);
  if (repeatedIds.length) {
    const named = repeatedIds.map((c) => `"${c}"`).join(', ');
    guesses.push(`repeated patient id: ${named} repeat${repeatedIds.length === 1 ? 's' : ''} the id of column "${idCol}" (a file pasted beside the others): every run checks ${repeatedIds.length === 1 ? 'it' : 'them'} against "${idCol}" line by line`);
    for (const p of pastedOutOfStep(csv, colIdx(idCol), repeatedIds.map((c) => colIdx(c)))) {
      checks.push(`${csv.file}:${p.line}:${p.column} (${p.field}): ${p.expected} — hta validate and analyze refuse the export until then`);
    }
  }

  // The file's name only, as a published page names an input (report/published-name.ts): the
  // title is printed on the report's pages, so a folder path from the user's own machine has no
  // place there, and a CPR-shaped number in the name is masked (`udtræk DDMMYY-XXXX.csv`) — the
  // page's provenance line masks it, and the title above it must not print it whole.
  // It heads every report of the plan, so it names what the pages show, not the draft.
  const titleName = publishedName(csv.file);
  const plan: Record<string, unknown> = { ...(schemaRef !== undefined ? { $schema: schemaRef } : {}), title: { en: `Trial results: ${titleName}`, da: `Forsøgsresultater: ${titleName}` } };
  checks.push('give the plan a "title" (the trial\'s name, in "en" and "da"): it heads every report page');
  if (titleName !== basename(csv.file)) checks.push(TITLE_NAME_MASKED);
  const columns: Record<string, unknown> = {};
  if (idCol !== 'id') columns.id = idCol;

  // A REDCap project randomised into REDCap arms has no arm column: the arm is in every event
  // name (`baseline_arm_2`, `Baseline (Arm 2: Kontrol)`), the visit in the rest of it.
  const events = timeCol && !armCol ? valuesOf(timeCol).map((v) => ({ value: v, event: redcapEvent(v) })) : [];
  const eventArms = new Map<number, { arm: string; name?: string }>();
  for (const { event } of events) if (event && !eventArms.has(event.number)) eventArms.set(event.number, { arm: event.arm, ...(event.name ? { name: event.name } : {}) });
  const armsInEvents = eventArms.size > 1;

  /**
   * A column named as no visit column is, whose few labels each patient has once (Castor's
   * "Survey Package Name": "Pakke A", "Pakke B"): named in a refusal of the visits, with the plan's
   * words to take it (valued-visits.ts); undefined when none.
   */
  const onceEachVisitColumn = (): string | undefined => {
    const found = onceEachColumn(csv, colIdx(idCol), (h) => h === armCol || isResponseId(h, nameKey(h)) || armColumnKind(nameKey(h)) !== undefined, isDateCell);
    if (!found) return undefined;
    const q = (v: string) => JSON.stringify(v);
    const shown = found.values.slice(0, 4).map(q).join(', ') + (found.values.length > 4 ? ', …' : '');
    return `column ${q(found.column)} holds ${found.values.length} values, each once per patient (${shown}): if they name the visits, write the plan by hand with "columns": { "time": ${q(found.column)} } and each value's visit in "timeLabels" ({ ${q(found.values[0]!)}: "baseline", ${q(found.values[1]!)}: "<its time, e.g. 3m>" }) (docs/plan-trial.md)`;
  };

  // Layout and visits.
  let wide = false;
  let visits: string[] = [];
  // Visits left out ("ignoreTimepoints"): unscheduled ones, and those of them held at leaving the study.
  const unscheduled: string[] = [];
  const leaving: string[] = [];
  const extensions: string[] = [];
  // Keyed by the export's visits: no prototype, so a visit named `__proto__` is a key like any other.
  const timeLabels: Record<string, string> = Object.create(null) as Record<string, string>;
  let stemsOf: (c: string) => string = (c) => c;
  if (timeCol) {
    if (timeCol !== 'time') columns.time = timeCol;
    const values = armsInEvents ? [...new Set(events.map(({ value, event }) => event?.visit ?? value))] : valuesOf(timeCol);
    const unitWord = TIME_UNIT.exec(nameKey(timeCol))?.[1];
    const unit = unitWord === undefined ? undefined : /^(u|w)/.test(unitWord) ? 'w' : 'm';
    const bare = values.filter((v) => WHOLE_VISIT.test(v) && visitLabel(v) !== 'baseline');
    // Study days (80–104, 168–202), not visits: one drafted visit per day would be 57 "weeks".
    // A column named for a schedule (week, uge, month, visit) holds visits, never study days;
    // so does one where every patient sits at the same numbers (weekly, then every 2 weeks, …).
    const scheduleNamed = unit !== undefined || /(visit|besoeg|besog)/.test(nameKey(timeCol));
    const days = scheduleNamed ? undefined : studyDayWindows(bare.map(Number), followUpsByPatient(csv, colIdx(idCol), colIdx(timeCol)));
    if (days) undecided.push(studyDaysUndecided(timeCol, bare, days));
    // Bare numbers read as a wide export's `_12/_26/_52` are (wide-visits.ts): weeks or months by
    // the numbers, said with the labels for the other unit; visits 1, 2, … are visit numbers.
    const counted = countedVisits(bare.map(Number));
    const guessedUnit = !unit && bare.length && !counted && !days ? bareNumberUnit(bare.map(Number)) : undefined;
    if (bare.length && !unit && counted) {
      checks.push(bareVisitsCheck(bare, `visits ${bare.map((v) => JSON.stringify(v)).join(', ')} are bare numbers`));
    }
    if (guessedUnit) checks.push(guessedUnitCheck(`visits ${bare.map((v) => JSON.stringify(v)).join(', ')} are bare numbers`, bare.map((v) => [v.trim(), Number(v)] as const), guessedUnit));
    // "screening" reads as a baseline, unless another event is the baseline: then it is an event before it (pre-baseline-events.ts).
    const otherBaseline = (v: string) => values.some((w) => w !== v && visitLabel(w) === 'baseline' && !namedPreBaseline(w));
    // Each visit's share of the patients, read once a visit is named as one at leaving the study.
    let shareAt: ((visit: string) => number) | undefined;
    for (const v of days ? [] : values) {
      // An unscheduled visit ("6 uger (uplanlagt)", `unscheduled_arm_1`): no part of the schedule,
      // drafted to be left out (docs/plan-trial.md#visits-left-out) rather than modelled by the MMRM.
      if (UNSCHEDULED.test(v) && visitLabel(v) !== 'baseline' && !extensionFollowUp(v)) {
        unscheduled.push(v);
        continue;
      }
      // A visit at leaving the study (early termination, end of study) that fewer than half the
      // patients have: at a different time for each, left out as an unscheduled visit is (leaving-visits.ts).
      if (isLeavingVisit(v) && visitLabel(v) !== 'baseline' && (shareAt ??= visitShares(csv, colIdx(idCol), colIdx(timeCol), (c) => (armsInEvents ? redcapEvent(c)?.visit ?? c : c)))(v) < 0.5) {
        unscheduled.push(v);
        leaving.push(v);
        continue;
      }
      if (extensionFollowUp(v)) extensions.push(v);
      // A bare number in a column whose name gives the unit ("Tid (uger)": 12) is that many weeks or months.
      const given = unit ?? guessedUnit;
      let label = given && WHOLE_VISIT.test(v) && visitLabel(v) !== 'baseline' ? `${Number(v)}${given}` : visitLabel(v);
      if (label === 'baseline' && namedPreBaseline(v) && otherBaseline(v)) label = preBaselineLabel(v);
      if (label !== v) timeLabels[v] = label;
      if (!visits.includes(label)) visits.push(label);
    }
    if (!days) guesses.push(`long layout: visits from column "${timeCol}"${timeCol === valuedVisitCol ? ' (its values are visit labels)' : ''}${armsInEvents ? ' (event names without their REDCap arm)' : ''}: ${values.filter((v) => !unscheduled.includes(v)).map((v) => (ownValue(timeLabels, v) ? `${JSON.stringify(v)} → ${timeLabels[v]}` : JSON.stringify(v))).join(', ')}`);
    if (extensions.length) {
      const named = extensions.map((v) => JSON.stringify(v)).join(', ');
      checks.push(`${named} ${extensions.length > 1 ? 'say' : 'says'} "extra" beside a time: drafted as a follow-up of the schedule (an extension), modelled by the MMRM — if ${extensions.length > 1 ? 'one was an unscheduled visit, move it' : 'it was an unscheduled visit, move it'} from "timepoints" and "allTimepoints" to "ignoreTimepoints" (docs/plan-trial.md#visits-left-out)`);
    }
    const offSchedule = unscheduled.filter((v) => !leaving.includes(v));
    if (offSchedule.length) {
      const named = offSchedule.map((v) => JSON.stringify(v)).join(', ');
      guesses.push(`left out ("ignoreTimepoints"): ${named}, named as unscheduled`);
      checks.push(`${named} ${offSchedule.length > 1 ? 'were' : 'was'} taken as unscheduled and drafted in "ignoreTimepoints": ${offSchedule.length > 1 ? 'their' : 'its'} rows are in no analysis, and the MMRM models the scheduled visits only — if the protocol analyses ${offSchedule.length > 1 ? 'one' : 'it'}, move it to "timepoints" and "allTimepoints" (docs/plan-trial.md#visits-left-out)`);
    }
    if (leaving.length) {
      guesses.push(leavingVisitsGuess(leaving));
      checks.push(leavingVisitsCheck(leaving));
    }
  } else {
    // Wide: visits from the column suffixes, each with the plan label the reports read
    // ("_basis" → baseline, "_3mdr" → 3m; docs/plan-trial.md "Visits of a wide export").
    const separated = wideVisits(header);
    // A column of visit dates, looked for only when no visit is found otherwise.
    let dated: ReturnType<typeof dateVisitColumn>;
    // Stata's `reshape wide` names without a separator (`rmdq0 rmdq3 rmdq12`), when no column has one and the numbers are unambiguous (wide-visits.ts).
    const joined = separated.visits.length ? undefined : unseparatedVisits(header);
    const found = joined ? { ...joined, numeric: true, baselines: ['0'] } : separated;
    // A visit phrase (`ved 3 måneder`, SPSS variable labels) is said as written, quoted, without "_".
    const said = (suffix: string) => (phraseVisit(suffix) ? `"${suffix}"` : `${separator}${suffix}`);
    if (found.baselines.length > 1) {
      // Two baseline-like suffixes on the outcomes' columns (_basis on some, _0 or _baseline on
      // others): which one the ANCOVA adjusts for is the user's to say, not ours to guess.
      undecided.push({
        what: `the baseline: the outcomes' columns end in ${found.baselines.map(said).join(' and ')}, each read as a baseline`,
        write: `one baseline suffix for every outcome (rename the columns), or the plan by hand with "baseline" and "timeLabels" (docs/plan-trial.md)`,
      });
    } else if (found.visits.length) {
      wide = true;
      const suffixes = found.visits.map((v) => v.suffix);
      stemsOf = joined
        ? (c) => {
            const m = /^(.*[A-Za-z])(\d+)$/.exec(c);
            return m && joined.stems.includes(m[1]!) && suffixes.includes(m[2]!) ? m[1]! : c;
          }
        : (c) => {
            const s = suffixes.find((t) => endsInVisit(c, t));
            return s ? c.slice(0, -(s.length + 1)) : c;
          };
      let baselineSeen = false;
      for (const v of found.visits) {
        // One baseline; a second baseline-like suffix, or a label two suffixes share, stays as written.
        const clash = (v.baseline && baselineSeen) || visits.includes(v.label);
        const label = clash ? v.suffix : v.label;
        if (v.baseline && !clash) baselineSeen = true;
        if (v.baseline && clash) checks.push(`${said(v.suffix)} also reads as a baseline; ${said(found.visits.find((w) => w.baseline)!.suffix)} was taken as the baseline and "${v.suffix}" kept as a visit of its own: check "timeLabels" and "allTimepoints"`);
        if (label !== v.suffix) timeLabels[v.suffix] = label;
        visits.push(label);
      }
      if (joined) guesses.push(`wide layout, visit numbers written straight after the name as Stata's reshape wide writes them (${joined.stems.map((st) => `${st}${suffixes.join(`/${st}`)}`).join(', ')}): ${found.visits.map((v) => (ownValue(timeLabels, v.suffix) ? `${v.suffix} → ${timeLabels[v.suffix]}` : v.suffix)).join(', ')}`);
      else {
        const listed = found.visits.map((v) => (ownValue(timeLabels, v.suffix) ? `${said(v.suffix)} → ${timeLabels[v.suffix]}` : said(v.suffix))).join(', ');
        guesses.push(separator === '.' ? `wide layout, visits written after "." as SPSS's Restructure (CASESTOVARS) and R's reshape() name them: ${listed}` : `wide layout: visits from column suffixes ${listed}`);
      }
      // Visit numbers (`_1`, `_2` after `_0`): their times are the user's to give, as for a long export's `1`, `2`.
      const numbered = found.visits.filter((v) => v.visitNumber && visits.includes(v.suffix));
      if (numbered.length) checks.push(bareVisitsCheck(numbered.map((v) => v.suffix), `visit suffixes ${numbered.map((v) => `${joined ? '' : separator}${v.suffix}`).join(', ')} are visit${numbered.some((v) => v.followUpNumber !== undefined) ? ' (follow-up)' : ''} numbers without a unit`));
      for (const unit of ['m', 'w'] as const) {
        const guessed = found.visits.filter((v) => (unit === 'm' ? v.monthsGuessed : v.weeksGuessed) && ownValue(timeLabels, v.suffix) === v.label);
        // `_opf3`, `_oppf12`: the number may count the follow-ups instead, as Norwegian and Swedish often do.
        const counted = guessed.filter((v) => v.followUpNumber !== undefined);
        const orNumber = counted.length ? `; if a number counts the follow-ups (${counted.map((v) => `${separator}${v.suffix} the follow-up number ${v.followUpNumber}`).join(', ')}), give each its time in "timeLabels" instead` : '';
        if (guessed.length) checks.push(guessedUnitCheck(`visit suffixes ${guessed.map((v) => `${joined ? '' : separator}${v.suffix}`).join(', ')} say no unit`, guessed.map((v) => [v.suffix, parseInt(v.label, 10)] as const), unit) + orNumber);
      }
    } else if (!registerEvents(csv, idCol, valuesOf(idCol).length) && (dated = dateVisitColumn(csv, idCol))) {
      // Only a visit date: hta reads no dates; a visit label column is to be derived first (date-visits.ts).
      // A survey's rounds joined from one file each have an answer date and no visit (SurveyXact:
      // non-responders have no date at all): the recipe that adds each file's visit comes first.
      // The dates' shape, never a date: each is a patient's (date-columns.ts). A column of labels
      // each once per patient (Castor's survey package) may be the visits: named before the dates' advice.
      const onceEach = onceEachVisitColumn();
      const lead = `column "${dated.column}" holds dates${dated.shape ? ` (written ${dated.shape})` : ''}, and hta reads no dates (docs/limits.md): a visit is a label such as "Baseline", "6 uger", "3 mdr". ${VISIT_SOURCES}${onceEach ? ` ${capitalised(onceEach)}.` : ''} Otherwise derive a visit column from the dates first (e.g. "Besøg", each row's visit by its date's distance from the patient's first), then run plan init again; "${dated.column}" as the time column would make every date a visit of its own`;
      undecided.push({ what: 'the visits', lead, write: `a visit column of labels ("Baseline", "6 uger", "3 mdr"): each file's visit added to its rows when every visit came as a file of its own (docs/input-trial-export.md#one-file-per-visit), or derived from the dates of "${dated.column}" before plan init: hta reads no dates (docs/limits.md)` });
    } else {
      // Several rows per id and no visit column: a file of events (the prescription register's one
      // row per redemption), which is to be aggregated to one row per person first — "expected a
      // time column" alone sent a pharmacoepidemiologist after a visit column it does not have.
      const patients = valuesOf(idCol).length;
      // Counted by reading: a table without its repeated header lines (cat-joined files) keeps the source's length.
      let rows = 0;
      for (const _r of csv.records) rows++;
      // A register's event file (prescriptions, contacts: PNR, ATC, EKSD) at any number of rows per
      // person; otherwise many rows per id may be visits the file does not name (VISIT_SOURCES).
      const events = registerEvents(csv, idCol, patients)
        ? `the file has ${rows} rows for ${patients} ids in "${idCol}" and no visit column: a file of events (one row per prescription, contact or payment) is to be aggregated to one row per person (and follow-up window) first — e.g. "any opioid redemption" (Ja/Nej, "Nej" for a person without one, not empty) and the DDD sum (0 for none) per window as columns "ddd_3m", "ddd_9m" — then run plan init on that file (docs/observational.md)`
        : rows > 2 * patients ? `the file has ${rows} rows for ${patients} ids in "${idCol}" and no visit column. ${VISIT_SOURCES} If its rows are events (one row per prescription, contact or payment), the file is to be aggregated to one row per person (and follow-up window) first — e.g. "any opioid redemption" (Ja/Nej, "Nej" for a person without one, not empty) and the DDD sum (0 for none) per window as columns "ddd_3m", "ddd_9m" — then run plan init on that file (docs/observational.md)` : undefined;
      // As for the arm below: the plan's own words to paste, for a column named otherwise ("Hvornår?").
      // OpenClinica 3's `RMDQ_TOTAL_E1_C2`, `RMDQ_TOTAL_E2_C2`: events by number, whose times the plan gives (oc3-events.ts).
      const oc3 = events ? undefined : oc3EventSuffixes(header);
      const onceEach = events || oc3 ? undefined : onceEachVisitColumn();
      const lead = events ?? (oc3 ? oc3Lead(oc3) : onceEach);
      undecided.push({
        what: 'the visits',
        ...(lead ? { lead } : {}),
        write:
          'a time column (time, tid, visit, besøg, tidspunkt, redcap_event_name, …) in a long export, or in a wide export column names ending in their visit: _baseline (or _basis, _før, _0) for the baseline and _3mdr, _6uger, _12m … for the follow-ups; ' +
          'or, for a long export whose visit column is named otherwise, the plan by hand with "columns": { "time": "<the visit column>" }, "timeLabels": { "<its baseline value>": "baseline", "<its 3-month value>": "3m" } and "timepoints": ["3m"] (docs/plan-trial.md)',
      });
    }
  }
  const baselineLike = (v: string) => v === 'baseline' || BASELINE.test(looseForm(v)) || namedVisit(v)?.baseline === true;
  const baselineFound = visits.includes('baseline') ? 'baseline' : visits.find(baselineLike);
  // A follow-up is never taken as the baseline: the ANCOVA would adjust for it.
  if (visits.length && baselineFound === undefined) {
    undecided.push({
      what: `the baseline visit: none of the visits (${visits.map((v) => JSON.stringify(v)).join(', ')}) is named like a baseline`,
      write: timeCol
        ? `the baseline rows' value in column "${timeCol}" as "baseline" (or "basis", "før", "0", "inklusion"), or write the plan by hand with "baseline" set to that value (docs/plan-trial.md)`
        : `the baseline columns' names with a baseline suffix (${wideStems(header, visits, timeLabels, stemsOf).slice(0, 3).map((c) => `${c}_baseline`).join(', ')}, …; or _basis, _før, _0) — if the export has them under another suffix, rename them so; if the trial measured no baseline, write the plan by hand (docs/plan-trial.md)`,
    });
  }
  const baseline = baselineFound ?? 'baseline';
  if (baseline !== 'baseline') plan.baseline = baseline;
  // Follow-ups in time order where their labels say it ("3m", "6w"), the others where each
  // patient's rows put them (visit-order.ts): an export's first patient may lack a visit.
  const weeks = new Map(visits.map((v) => [v, v === baseline ? null : weeksSinceBaseline(v, baseline)]));
  const followUp = visitOrder(
    visits.filter((v) => v !== baseline),
    timeCol ? rowVisitSequences(csv, colIdx(idCol), colIdx(timeCol), (raw) => ownValue(timeLabels, armsInEvents ? (redcapEvent(raw)?.visit ?? raw) : raw) ?? (armsInEvents ? (redcapEvent(raw)?.visit ?? raw) : raw)) : [visits],
    (v) => weeks.get(v) ?? null,
  );
  // Untimed follow-ups ("Oppfølging 2", "Follow-up 1") other than the bare numbers and visit
  // numbers whose checks ask for their time already.
  const untimed = followUp.filter((v) => weeks.get(v) === null && !/^\d+$/.test(v) && !unscheduled.includes(v));
  if (untimed.length) {
    const names = untimed.map((v) => JSON.stringify(v)).join(', ');
    const one = untimed.length === 1;
    checks.push(`${one ? 'visit' : 'visits'} ${names} ${one ? 'says' : 'say'} no time hta can read: placed by the order of each patient's ${timeCol ? 'rows' : 'columns'} (${followUp.map((v) => (weeks.get(v) === null ? JSON.stringify(v) : v)).join(', ')}) — check the order of "timepoints" and "allTimepoints" (the first critical outcome at the first follow-up leads the report's conclusion when no "primary" is set), and give ${one ? 'its' : 'their'} time in "timeLabels" (e.g. { ${JSON.stringify(untimed[0])}: "6m" } if it is 6 months after the baseline; then that label in "timepoints" and "allTimepoints"), so reports can say when each visit was and draw time to scale`);
  }
  if (visits.length && !followUp.length) checks.push('no follow-up visit was found: validate works, but analyze needs follow-up visits in "timepoints"');

  // A wide export's arm column may carry a visit (`gruppe_baseline`, REDCap's
  // `randomisering_baseline_arm_1`): found by its stem, named in the plan as written, which the
  // loader reads on every visit row (docs/input-trial-export.md, "Layouts").
  if (!armCol && wide) armCol = armColumnsByPreference(header.filter((h) => stemsOf(h) !== h), (h) => [nameKey(stemsOf(h))])[0]?.column;
  // Arms.
  /** Arm-like columns beside the one drafted: named in the notes, never outcomes or "not used". */
  const otherArmCols: string[] = [];
  let notRandomisedArmValues: string[] = [];
  if (armCol) {
    if (armCol !== 'arm') columns.arm = armCol;
    // Spellings equal up to case, blanks and Unicode form (`SelfBACK`, `selfback `) are one arm,
    // named as most rows write it; the loader reads the others as it (trial/arm-spellings.ts).
    const spelled = armSpellingsOf(armCol);
    const { folded } = spelled;
    // A value meaning "never randomised" (`Ikke randomiseret`, `Screening failure`) is no arm: drafted
    // into "flow.notRandomisedValues" (flow-draft.ts), never "otherArms", whose patients count as randomised.
    // Spellings of one word (`Ikke randomiseret`, `ikke randomiseret.`) are one value: the plan's list is read folded.
    notRandomisedArmValues = spelled.arms.filter((a, i) => readsAsNotRandomised(a) && spelled.arms.findIndex((b) => wordForm(b) === wordForm(a)) === i);
    let arms = spelled.arms.filter((a) => !notRandomisedArmValues.some((v) => wordForm(v) === wordForm(a)));
    if (arms.length < 2) [arms, notRandomisedArmValues] = [spelled.arms, []];
    if (folded.length) {
      guesses.push(`arm values that differ only in case or blanks are one arm: ${folded.map((f) => `${f.others.map((o) => JSON.stringify(o)).join(', ')} read as ${JSON.stringify(f.shown)}`).join('; ')}`);
      checks.push(`column "${armCol}" writes one arm more than one way (${folded.map((f) => [f.shown, ...f.others].map((o) => JSON.stringify(o)).join(' and ')).join('; ')}): read as one arm — check that they are`);
    }
    // SPSS in a Danish locale writes codes with decimals ("1,00"). A comparator's name wins over
    // an intervention-like word inside it ("Vanlig behandling" is not the treatment). A boolean
    // column (pandas' `df.arm == "app"`: True/False; R's TRUE/FALSE; polars' true/false) says the
    // intervention by True, as 1 does.
    const intervention = interventionName(arms, new RegExp(`${INTERVENTION_LIKE.source}|^a$|^1([.,]0+)?$|^true$`, 'i')) ?? arms[0] ?? 'intervention';
    // Of three or more arms, a comparator's name is the control ("Sædvanlig behandling" rather than a second treatment).
    const control = arms.find((a) => a !== intervention && isComparatorName(a, arms)) ?? arms.find((a) => a !== intervention) ?? 'control';
    plan.arms = { intervention, control };
    guesses.push(`arm column "${armCol}": ${JSON.stringify(intervention)} = intervention, ${JSON.stringify(control)} = control`);
    checks.push(`check which arm value is the intervention ("arms"): ${JSON.stringify(intervention)} was taken as the intervention, ${JSON.stringify(control)} as the control`);
    const armNotes = otherArmColumnNotes(csv.records, colIdx, idCol, { column: armCol, kind: armColumns.find((c) => c.column === armCol)?.kind }, armColumns.filter((c) => c.column !== armCol && stemsOf(c.column) !== stemsOf(armCol!)));
    guesses.push(...armNotes.guesses);
    checks.push(...armNotes.checks);
    otherArmCols.push(...armNotes.columns);
    const danish = looksDanish(header, arms);
    const labels = draftArmLabels(intervention, control, danish);
    if (labels) {
      plan.armLabels = labels;
      guesses.push(`arm names for the reports ("armLabels"): intervention ${JSON.stringify(labels.intervention.en)} (from ${JSON.stringify(intervention)}), control ${JSON.stringify(labels.control.en)} (from ${JSON.stringify(control)})`);
      // A name taken from the export's text (Danish, Norwegian or Swedish) stands in both languages ("da" = "en") until translated.
      const untranslated = [labels.intervention, labels.control].filter((l) => l.da?.toLowerCase() === l.en.toLowerCase()).map((l) => l.en);
      const hints = untranslated.flatMap((n) => (knownEnglish(n) ? [`"${knownEnglish(n)}" for ${JSON.stringify(n)}`] : []));
      const noDanish = labels.intervention.da === undefined || labels.control.da === undefined;
      const more = danish ? (untranslated.length ? `; "en" repeats the export's own name${untranslated.length > 1 ? 's' : ''} (${untranslated.map((n) => JSON.stringify(n)).join(', ')}): write ${untranslated.length > 1 ? 'them' : 'it'} in English for English reports${hints.length ? ` (${hints.join(', ')})` : ''}` : '') : noDanish ? '; a Danish report uses "en" where there is no "da"' : '';
      checks.push(`check the arm names in "armLabels": every table, chart and sentence of the reports calls the arms by them${more}${danish ? capitalNote(labels) : ''}`);
    } else {
      // The JSON to paste: an arm with a name ("Kontrol") keeps the name drafted for it; the places
      // to fill in are named by the code's value. Only the codes are called codes (and the role words role words).
      const drafted = (value: string) => armLabelOf(value, danish);
      const name = (value: string) => {
        const l = drafted(value);
        if (typeof l !== 'string') return `{ "en": ${JSON.stringify(l.en)}${l.da !== undefined ? `, "da": ${JSON.stringify(l.da)}` : ''} }`;
        return danish ? `{ "en": "<arm ${value} in English>", "da": "<arm ${value} in Danish>" }` : `{ "en": "<name of arm ${value}>" }`;
      };
      // A code is called a code; a word for the arm's role ("Interventionsgruppe") is a word, and is called what it is.
      const unnamed = (kind: Unnamed) => [intervention, control].filter((v) => drafted(v) === kind).map((v) => JSON.stringify(v));
      const codes = unnamed('code');
      const roles = unnamed('role');
      const which = [
        ...(codes.length === 2 ? [`the arm values ${codes.join(' and ')} are codes, not names`] : codes.length ? [`the arm value ${codes[0]} is a code, not a name`] : []),
        ...(roles.length === 2 ? [`the arm values ${roles.join(' and ')} say which group, not what it received`] : roles.length ? [`the arm value ${roles[0]} says which group, not what it received`] : []),
      ].join(', and ');
      checks.push(
        `${which}: the reports will call the arms ${isAppAgainstUsualCare({ intervention, control }) ? '"App + usual care" and "Usual care"' : '"Intervention" and "Control"'} until you name them. Add to the plan: "armLabels": { "intervention": ${name(intervention)}, "control": ${name(control)} }`,
      );
    }
    // A third arm (docs/plan-trial.md#other-arms): not compared, named so its rows are no problems.
    if (arms.length > 2) {
      const rest = arms.filter((a) => a !== intervention && a !== control).map((a) => ({ value: a, label: armLabelOf(a, danish) }));
      draftOtherArms({ plan, guesses, checks }, { where: `column "${armCol}"`, source: 'arm', all: arms, intervention, control, rest });
    }
  } else if (armsInEvents) {
    // Arm 1 is the intervention unless a label export names another arm like one (REDCap numbers
    // arms in the order they were set up, which says nothing about the group).
    const numbers = [...eventArms.keys()].sort((a, b) => a - b);
    // A comparator's name wins here too ("Arm 1: Vanlig behandling" is not the treatment).
    const nameOf = (k: number) => eventArms.get(k)!.name ?? '';
    const names = numbers.map(nameOf).filter((n) => n !== '');
    const namedArm = names.length === numbers.length && names.some((n) => INTERVENTION_LIKE.test(n) || isComparatorName(n, names)) ? interventionName(names) : undefined;
    const named = namedArm === undefined ? undefined : numbers.find((k) => nameOf(k) === namedArm);
    const first = named ?? numbers[0]!;
    // Of three or more arms, the one named as the comparator is the control ("Arm 3: Vanlig behandling").
    const second = numbers.find((k) => k !== first && names.length === numbers.length && isComparatorName(nameOf(k), names)) ?? numbers.find((k) => k !== first)!;
    const intervention = eventArms.get(first)!.arm;
    const control = eventArms.get(second)!.arm;
    plan.armSource = 'redcap-event';
    plan.arms = { intervention, control };
    guesses.push(`arms from the REDCap arms in the event names of "${timeCol}" (no arm column; "armSource": "redcap-event"): ${JSON.stringify(intervention)} = intervention, ${JSON.stringify(control)} = control`);
    checks.push(`check which REDCap arm is the intervention ("arms"): arm ${first} (${JSON.stringify(intervention)}) was taken as the intervention and arm ${second} (${JSON.stringify(control)}) as the control${named === undefined ? ' — REDCap numbers arms in the order they were set up, not by group' : ', from its name'}`);
    // A label export names the arms ("Arm 1: App"): the reports call them so.
    const labels = nameOf(first) && nameOf(second) ? draftArmLabels(nameOf(first), nameOf(second), looksDanish(header, [nameOf(first), nameOf(second)])) : undefined;
    if (labels) {
      plan.armLabels = labels;
      guesses.push(`arm names for the reports ("armLabels"): intervention ${JSON.stringify(labels.intervention.en)}, control ${JSON.stringify(labels.control.en)}, from the REDCap arm names`);
      checks.push('check the arm names in "armLabels": every table, chart and sentence of the reports calls the arms by them');
    }
    if (numbers.length > 2) {
      const all = numbers.map((k) => eventArms.get(k)!.arm);
      const rest = numbers.filter((k) => k !== first && k !== second).map((k) => ({ value: eventArms.get(k)!.arm, label: nameOf(k) ? armLabelOf(nameOf(k), looksDanish(header, names)) : ('code' as const) }));
      draftOtherArms({ plan, guesses, checks }, { where: `the events of "${timeCol}"`, source: 'REDCap arm', all, intervention, control, rest });
    }
    const armless = events.filter((e) => e.event === undefined).map((e) => JSON.stringify(e.value));
    if (armless.length) checks.push(`events ${armless.join(', ')} name no REDCap arm: with "armSource": "redcap-event" every event name must end in its arm ("_arm_1", or "(Arm 1: …)" in a label export)`);
  } else {
    plan.arms = { intervention: 'intervention', control: 'control' };
    // A name holding an arm word among others (OpenClinica's `RANDO_ARM_E1_C1`): not taken, but named, so the user has the exact words to write.
    const armWord = header.find((h) => h.split(/[_\s.]+/).some((w) => armColumnKind(nameKey(w)) !== undefined));
    const byHand = armWord === undefined ? '"columns": { "arm": … }' : `"columns": { "arm": ${JSON.stringify(armWord)} } (if that column is the arm; a wide export's arm may be named with its visit)`;
    const exposure = armWord === undefined ? registryExposure(header, valuesOf) : undefined;
    if (exposure) undecided.push(registryUndecided(exposure));
    else undecided.push({ what: 'the arm column: no column is named like one (arm, group, gruppe, randomisering, allokering, behandling, …)', write: `the arm column's header as one of those, or the plan by hand with ${byHand} and "arms" (docs/plan-trial.md; a registry with an exposure instead: docs/observational.md)` });
  }
  plan.columns = columns;
  if (wide) plan.layout = 'wide';
  // The mark the file shows, kept for numbers that read either way (decimal-mark-draft.ts).
  const drafted = draftedDecimalMark(csv);
  if (drafted) {
    plan.decimalMark = drafted.mark;
    guesses.push(draftedMarkGuess(drafted));
  }
  plan.timepoints = followUp;
  if (Object.keys(timeLabels).length) plan.timeLabels = timeLabels;
  if (visits.length > 1) plan.allTimepoints = [baseline, ...followUp];
  if (unscheduled.length) plan.ignoreTimepoints = unscheduled;

  // Outcome columns: the (stemmed) header minus id, arm and time.
  const armStem = armCol === undefined ? undefined : stemsOf(armCol);
  const used = new Set([idCol, armCol, timeCol, ...otherArmCols, ...(wide && armStem !== armCol ? header.filter((h) => stemsOf(h) === armStem) : [])].filter((c): c is string => c !== undefined));
  // A wide column `<stem>_<suffix>` whose stem is measured at the visits, but whose suffix reads as
  // none of them (`Smerte_6uker` beside `Smerte_bas`, `Smerte_3mnd` when the unit is unknown): most
  // likely that outcome at a visit hta cannot time. Never an outcome of its own — one column read
  // as the same score at baseline and at every follow-up — but named, with the way to read it
  // (docs/plan-trial.md#visits-of-a-wide-export).
  const visitStems = new Set(wide ? header.filter((h) => stemsOf(h) !== h).map((h) => stemsOf(h).toLowerCase()) : []);
  // The longest stem wins (`Smerte_6_xyz` is Smerte at `6_xyz`, the suffix in two parts).
  const untimedVisitColumn = (h: string) => {
    const t = h.trim();
    if (!wide || stemsOf(h) !== h) return undefined;
    for (let at = t.lastIndexOf('_'); at > 0; at = t.lastIndexOf('_', at - 1)) {
      if (visitStems.has(t.slice(0, at).toLowerCase())) return { stem: t.slice(0, at), suffix: t.slice(at + 1) };
    }
    return undefined;
  };
  for (const h of header) {
    const v = used.has(h) ? undefined : untimedVisitColumn(h);
    if (!v) continue;
    used.add(h);
    // Only a suffix with a number claims a visit: `Smerte_varighed` (how long the pain has lasted)
    // and `Smerte_medicin` are questions asked once, not pain at a visit.
    if (/\d/.test(v.suffix)) checks.push(`column "${h}" looks like ${v.stem} at a visit hta cannot time (_${v.suffix}): not drafted as an outcome of its own, and not read — if it is a visit, add it to "timeLabels" with its time ("${v.suffix}": "6w" for 6 weeks, "6m" for 6 months; for follow-up number ${v.suffix.replace(/\D+/g, ' ').trim()}, the time of that follow-up) and that label to "timepoints" and "allTimepoints"`);
    else checks.push(`column "${h}" has one value per patient line (its name is ${v.stem} with "_${v.suffix}", which is no visit): not drafted as an outcome, and not read — a covariate or a question of its own? Add it by hand if the analysis needs it (docs/plan-trial.md#visits-of-a-wide-export)`);
  }
  const stems: string[] = [];
  const stemColumns = new Map<string, string[]>();
  for (const h of header) {
    if (used.has(h)) continue;
    const s = stemsOf(h);
    if (!stemColumns.has(s)) {
      stemColumns.set(s, []);
      stems.push(s);
    }
    stemColumns.get(s)!.push(h);
  }
  const stemValues = (s: string) => [...new Set((stemColumns.get(s) ?? []).flatMap(valuesOf))];
  /** Every non-empty cell of a stem's columns, as the loader counts them for a column's kind (column-kind.ts). */
  const stemCells = (s: string): string[] => {
    const out: string[] = [];
    for (const c of stemColumns.get(s) ?? []) {
      const i = colIdx(c);
      for (const r of csv.records) {
        const v = r.cells[i];
        if (v !== null && v !== undefined) out.push(v);
      }
    }
    return out;
  };
  const taken = new Set<string>();
  /** A visit's suffix as the header writes it (`bas` for "baseline"). */
  const suffixOf = (label: string) => Object.keys(timeLabels).find((k) => timeLabels[k] === label) ?? label;
  const outcomes: Outcome[] = [];
  /** The stems the drafted outcomes read (their score or item columns). */
  const outcomeStems = new Set<string>();
  /** The drafted outcome reading each stem, for codes drafted where they stand (number-code-places.ts). */
  const stemOutcome = new Map<string, Outcome>();
  const missing = new Set<string | number>();
  // Castor EDC's own numeric codes drafted as missing, by column: said once, after the covariates (negative-codes.ts).
  const castorDrafted: { where: string; codes: number[] }[] = [];
  /** Lone capital letters among numbers (SAS PROC EXPORT's special missing values): drafted where they stand, never plan-wide. */
  const sasLetters = new SasLetterCodes();
  const mixedMarks = new Set<string>();
  /** Values that are neither numbers nor codes (a typo `1O`, a failed formula `#DIV/0!`), with their columns: left to validate, which names their lines. */
  const notNumbers = new Set<string>();
  // Numbers written with their unit (`14 point`, `56 mm`, `48 år`), by column: data, never a
  // missing-value code (io/number-unit.ts) — drafted as codes they dropped every such patient.
  const withUnit = new Map<string, { units: Set<string>; values: string[] }>();
  const addWithUnit = (column: string, v: string): boolean => {
    const nu = numberWithUnit(v, decimalComma);
    if (!nu) return false;
    const entry = withUnit.get(column) ?? { units: new Set<string>(), values: [] };
    withUnit.set(column, entry);
    entry.units.add(nu.unit);
    entry.values.push(v);
    return true;
  };
  /** Dates among a column's answers, by column (distinct values): said by count, never quoted, never drafted as codes. */
  const datedCells = new Map<string, number>();
  const addDate = (column: string) => datedCells.set(column, (datedCells.get(column) ?? 0) + 1);
  const instruments: Record<string, unknown> = {};
  /** Outcomes found but not drafted (they need what the export cannot say), with how to add them. */
  const leftOut: string[] = [];

  /**
   * Two scales in one 0–100 column (trial/mixed-scales.ts): each patient's highest answer across
   * the stem's columns and rows, with their place when a column names one (site, centre).
   */
  const draftMixedScales = (s: string) => {
    const cols = (stemColumns.get(s) ?? []).map(colIdx);
    const id = colIdx(idCol);
    const placeColumn = header.find((h) => !used.has(h) && isCovariateName(h) && namesAPlace(nameKey(h)));
    const place = placeColumn === undefined ? -1 : colIdx(placeColumn);
    const byId = new Map<string, PatientScale>();
    for (const r of csv.records) {
      const who = r.cells[id];
      if (who === null || who === undefined) continue;
      const p = byId.get(who) ?? { max: -Infinity, highLines: [] };
      byId.set(who, p);
      const at = place < 0 ? null : r.cells[place];
      if (at !== null && at !== undefined) p.place ??= nfc(at);
      for (const c of cols) {
        const v = parseNumber(r.cells[c] ?? '', decimalComma);
        if (v === undefined || v < 0 || v > 100) continue;
        if (v > p.max) p.max = v;
        if (v > LOW_SCALE_MAX) p.highLines.push(r.line);
      }
    }
    return mixedScales([...byId.values()], placeColumn);
  };

  /**
   * A score column of fractions of 1 (Excel percentage cells: trial/fraction-scales.ts): the stem's
   * numbers on the scale tallied, as validate tallies them; a missing-value code beyond it (999, -9) passed over.
   */
  const draftFractions = (s: string, range: [number, number]) => {
    const tally = new FractionTally();
    for (const c of stemColumns.get(s) ?? []) {
      const i = colIdx(c);
      for (const r of csv.records) {
        const cell = r.cells[i];
        if (cell === null || cell === undefined) continue;
        const v = parseNumber(cell, decimalComma);
        if (v === undefined || v < range[0] || v > range[1]) continue;
        if (tally.add(v)) tally.firstAt({ file: csv.file, line: r.line, field: c }, cell, v);
      }
    }
    return holdsFractions(tally, range) ? tally : undefined;
  };

  /** Codes from the distinct answers of item columns with allowed range [lo, hi]. */
  const codesFor = (cols: string[], lo: number, hi: number, binary: boolean, outcome?: Outcome): Record<string, number> | undefined => {
    const all = [...new Set(cols.flatMap((c) => stemValues(c)))];
    // "Ikke i arbejde", "N/A": the outcome does not apply — its "notApplicableCodes", never
    // missing, an answer or a scale's end (not-applicable-words.ts; docs/plan-trial.md#not-applicable).
    const notApplicable = outcome ? all.filter(isNotApplicableWord) : [];
    if (outcome && notApplicable.length) {
      outcome.notApplicableCodes = notApplicable;
      const where = cols.length === 1 ? `column "${cols[0]}"` : `columns ${cols[0]}…${cols[cols.length - 1]}`;
      checks.push(`outcome "${outcome.key}" (${where}): ${notApplicable.map((w) => JSON.stringify(w)).join(', ')} drafted as "notApplicableCodes", not missing-value codes: ${notApplicable.length > 1 ? 'they say' : 'it says'} the outcome does not apply to the patient (not working, retired), so such a visit is never imputed and is counted apart from missing — if one means "unknown", move it to "missingCodes"`);
    }
    const values = all.filter((v) => !notApplicable.includes(v));
    const answers: Record<string, number> = {};
    const numeric = values.map((v) => parseNumber(v, decimalComma));
    // Below the range: a code only when it looks like one (below-range-codes.ts), never a run of change scores.
    const below = belowRangeCodes(numeric.filter((n): n is number => n !== undefined && n < lo));
    const where = cols.length === 1 ? `column "${cols[0]}"` : `columns ${cols[0]}…${cols[cols.length - 1]}`;
    if (below.values.length) {
      const one = below.values.length === 1;
      const why = below.why === 'run' ? 'a run of consecutive values is data, such as a change' : `${one ? 'it is no' : 'not all of them are'} usual missing-value code${one ? '' : 's'} (-1, -7, -8, -9, -95 to -99, -999), so ${one ? 'it is' : 'they are'} read as data, such as a change`;
      checks.push(`${where} holds values below the scale's ${lo} (${below.values.join(', ')}): not drafted as missing-value codes (${why}) — \`hta validate\` names their lines. Add one to "missingCodes" only if it means "unknown"`);
    }
    // Castor EDC's numeric user-missing codes, said as such (negative-codes.ts).
    const castorBelow = below.codes.filter(isCastorOwnCode);
    if (castorBelow.length) castorDrafted.push({ where, codes: castorBelow });
    // SPSS saved with value labels writes a scale's labelled ends as words (`Ingen smerte` for 0,
    // `Værst tænkelige smerte` for 10) among the digits: answers, never missing (answer-words.ts).
    const words = values.filter((v, k) => numeric[k] === undefined && !inOtherMark(v, decimalComma ? ',' : '.') && labelledChoice(v, decimalComma) === undefined && !numberWithUnit(v, decimalComma));
    const numbers = numeric.filter((n): n is number => n !== undefined);
    const ends = binary ? new Map<string, number>() : scaleEndAnswers(words, numbers, lo, hi);
    // The EQ-5D index (drafted as −1 to 1) has a labelled top, 1 (`Fuldt helbred`), but no bottom
    // of its own: the value set's worst state is no −1.
    if (lo < 0) for (const [w, n] of ends) if (n === lo) ends.delete(w);
    // No end's wording known: a lone word where one end never appears as a number may be that end,
    // or "unknown" — neither drafted, named in the checks and by validate until the user decides (free-end-label.ts).
    const freeEnd = binary || ends.size ? undefined : freeEndLabel(words, numbers, lo < 0 ? [hi] : [lo, hi], lo, hi);
    const scale = lo < 0 ? `index (at most ${hi})` : `${lo}–${hi} scale`;
    if (freeEnd) {
      const cells = cols.flatMap(stemCells);
      const count = cells.filter((c) => nfc(c) === freeEnd.word).length;
      const inside = numbers.filter((n) => n >= lo && n <= hi);
      const w = JSON.stringify(freeEnd.word);
      checks.push(`${where}: ${w} — not drafted: it may be ${freeEnd.at}, the end of the ${scale} that no cell holds as a number (the column's other answers are numbers, ${Math.min(...inside)}–${Math.max(...inside)}; SPSS saved with value labels writes a labelled end as its label), or a code for "unknown". Looks like the labelled ${freeEnd.at}? Then give it that number in "answers", with every number the column holds beside it as itself ({ ${w}: ${freeEnd.at}, ${lo >= 0 && hi - lo >= 2 ? '"1": 1, "2": 2' : '"0.5": 0.5'}, … }); if it means "unknown", add it to "missingCodes". Until then \`hta validate\` names its lines — it is ${count} of the ${cells.length} filled cells of ${cols.length === 1 && (stemColumns.get(cols[0]!) ?? []).length <= 1 ? 'the column' : 'these columns'}`);
    }
    // One end recognised: no other word of the column is a missing-value code (other-end-label.ts).
    const otherEnd = otherEndLabel(ends, words, numbers, lo, hi);
    // Read as the other end, it is said with the recognised end below ("the labelled ends").
    if (otherEnd.needValue.length) checks.push(`${where}: ${otherEnd.needValue.map((w) => JSON.stringify(w)).join(', ')} — not drafted as missing-value code${otherEnd.needValue.length > 1 ? 's' : ''}: a column whose ${[...ends].map(([w, n]) => `${JSON.stringify(w)} is the answer ${n}`).join('')} writes answers as labels. Give ${otherEnd.needValue.length > 1 ? 'each' : 'it'} its number in "answers" (the scale runs ${lo}–${hi}), or add it to "missingCodes" only if it means "unknown"; until then \`hta validate\` names its lines`);
    for (const [w, n] of otherEnd.answers) ends.set(w, n);
    if (ends.size) checks.push(`${where}: ${[...ends].map(([w, n]) => `${JSON.stringify(w)} read as ${n}`).join(' and ')}, the labelled end${ends.size > 1 ? 's' : ''} of the ${scale} (the numbers fill the inside; no cell holds ${[...ends.values()].join(' or ')} as a number): check ${ends.size > 1 ? 'them' : 'it'} in "answers" — written as missing-value codes they would drop the best and worst answers`);
    // A word worded as an end not read as one (its number is also written as a digit, or two words
    // name that end: `Not at all` beside 0 … 9) is an answer as likely as a code: drafted as a
    // missing-value code it dropped every such answer, so it is drafted as neither (docs/plan-trial.md#end-and-digit).
    const insideCount = new Set(numbers.filter((n) => n >= lo && n <= hi)).size;
    const endWorded = binary || insideCount < 3 ? [] : [...new Set(words)].filter((w) => {
      const end = scaleEndOf(w);
      return end !== undefined && !(end === 'low' && lo < 0) && !ends.has(w) && !otherEnd.needValue.includes(w) && w !== freeEnd?.word;
    });
    const endAt = (w: string) => (scaleEndOf(w) === 'low' ? lo : hi);
    if (endWorded.length) checks.push(`${where}: ${endWorded.map((w) => `${JSON.stringify(w)} (worded as the ${endAt(w) === lo ? 'bottom' : 'top'}, ${endAt(w)}, ${numbers.includes(endAt(w)) ? `which cells also hold as a number` : 'as another word is'})`).join(', ')} — not drafted: it may be that answer or a code for "unknown". Give ${endWorded.length > 1 ? 'each' : 'it'} its number in "answers", with every number the column holds beside it as itself, or add it to "missingCodes" if it means "unknown"; until then \`hta validate\` names its lines`);
    // "Don't know" words are missing, unless every word of the column is one (then they may be its answers).
    const dontKnow = words.filter(isDontKnowWord);
    const dontKnowMissing = dontKnow.length > 0 && values.some((v) => !isDontKnowWord(v));
    if (dontKnowMissing) checks.push(`${where}: ${dontKnow.map((w) => JSON.stringify(w)).join(', ')} drafted as missing-value code${dontKnow.length > 1 ? 's' : ''} ("don't know"): check that none is an answer`);
    values.forEach((v, k) => {
      const n = numeric[k];
      if (n === undefined) {
        if (ends.has(v)) {
          answers[v] = ends.get(v)!;
          return;
        }
        if (isDontKnowWord(v) && !dontKnowMissing) return;
        if (otherEnd.needValue.includes(v) || v === freeEnd?.word || endWorded.includes(v)) return;
        if (inOtherMark(v, decimalComma ? ',' : '.')) {
          // A number in the other decimal mark is data, never a missing-value code.
          mixedMarks.add(v);
          return;
        }
        // Qualtrics/SurveyXact choice text: `0 - Ingen smerte` is the answer 0 (choice-text.ts).
        const choice = labelledChoice(v, decimalComma);
        if (choice !== undefined && choice >= lo && choice <= hi) answers[v] = choice;
        else if (choice !== undefined) notNumbers.add(`${JSON.stringify(v)} (${cols.length === 1 ? `column "${cols[0]}"` : `columns ${cols[0]}…${cols[cols.length - 1]}`}, a labelled answer outside ${lo}–${hi})`);
        else if (binary && isYesWord(v)) answers[v] = 1;
        else if (binary && isNoWord(v)) answers[v] = 0;
        else if (addWithUnit(cols.length === 1 ? `column "${cols[0]}"` : `columns ${cols[0]}…${cols[cols.length - 1]}`, v)) return;
        else if (notACode(v)) notNumbers.add(`${JSON.stringify(v)} (${cols.length === 1 ? `column "${cols[0]}"` : `columns ${cols[0]}…${cols[cols.length - 1]}`}${notACodeWhat(v)})`);
        // A date among the answers: no answer and no code ("unknown"), and a patient's, never quoted (date-columns.ts).
        else if (isDateCell(v)) addDate(where);
        // A yes or no word is an answer, never "unknown": drafted as a code it empties a yes/no column (docs/plan-trial.md#yesno-outcomes).
        else if (isYesWord(v) || isNoWord(v)) notNumbers.add(`${JSON.stringify(v)} (${cols.length === 1 ? `column "${cols[0]}"` : `columns ${cols[0]}…${cols[cols.length - 1]}`}, a yes/no answer in a ${lo}–${hi} scale: if the column is yes/no, make its outcome "instrument": "binary")`);
        // SAS PROC EXPORT's `.A` without its dot: the outcome's own code, never plan-wide (sas-letter-codes.ts).
        else if (outcome && isSasBareLetter(v)) sasLetters.add(v, { outcome, columns: cols });
        else missing.add(v);
      } else if (n < lo ? below.codes.includes(n) : n > hi && SENTINELS.has(n)) missing.add(n);
    });
    // With labelled choices the plan's answers are the column's codes: every answer written as a bare number is one too.
    if (ends.size || Object.keys(answers).some((k) => labelledChoice(k, decimalComma) !== undefined)) {
      values.forEach((v, k) => {
        const n = numeric[k];
        if (n !== undefined && n >= lo && n <= hi) answers[v] = n;
      });
    }
    // Option numbers counted from 1 (SurveyXact's and SPSS's code exports: PSEQ 1 … 7, and 8 after
    // it): no cell holds the scale's 0, several the number above its top. Read as written every
    // answer was a point too high; drafted as the codes that read them (one-based-codes.ts).
    if (outcome && !binary && !words.length && !Object.keys(answers).length) {
      const one = oneBasedScale(numberCounts(cols.flatMap(stemCells), decimalComma), lo, hi);
      const afterText = (after: number[]) => after.join(' and ');
      if (one?.kind === 'shifted') {
        if (one.after.length) outcome.missingCodes = one.after;
        checks.push(`${where} hold 1–${hi + 1} and never 0: read as answer options numbered from 1 (SurveyXact's and SPSS's codes), "1" → 0 … "${hi + 1}" → ${hi} in the outcome's "answers"${one.after.length ? `, and ${afterText(one.after)}, the option${one.after.length > 1 ? 's' : ''} after the scale, as missing ("don't know" or refused: the outcome's "missingCodes")` : ''} — check them against the questionnaire's codebook: read as written, every answer would be a point too high (docs/plan-trial.md#one-based-codes)`);
        return one.answers;
      }
      if (one?.kind === 'bottom-free') {
        checks.push(`${where}: no cell holds 0, the bottom of the 0–${hi} scale, and ${afterText(one.after)} lie${one.after.length > 1 ? '' : 's'} above its top — if the answers are option numbers counted from 1 (SurveyXact's and SPSS's codes), ${afterText(one.after)} ${one.after.length > 1 ? 'are the options' : 'is the option'} after the scale ("don't know" or refused) and every answer reads a point too high. Check the questionnaire's codebook: if 1 is the scale's 0, write ${oneBasedAnswersText(hi)} and "missingCodes": [${one.after.join(', ')}] in outcome "${outcome.key}"; if the scale runs 0–${hi} as written, add ${afterText(one.after)} to its "missingCodes" alone. Not drafted: \`hta validate\` names the lines until then (docs/plan-trial.md#one-based-codes)`);
      }
    }
    const inRange = numeric.filter((n): n is number => n !== undefined && !SENTINELS.has(n));
    if (binary && Object.keys(answers).length === 0 && inRange.length && inRange.every((n) => n === 1 || n === 2) && inRange.includes(2)) {
      // One yes/no column is no run of items ("items X…X" was said of one).
      checks.push(`${cols.length === 1 ? `column "${cols[0]}" is` : `items ${cols[0]}…${cols[cols.length - 1]} are`} coded 1/2: read as 1 = yes, 2 = no ("answers": { "1": 1, "2": 0 }); swap if the questionnaire codes ${cols.length === 1 ? 'it' : 'them'} the other way`);
      return { '1': 1, '2': 0 };
    }
    return Object.keys(answers).length ? answers : undefined;
  };

  // Numbered item blocks: prefix → columns in item order.
  const blocks = new Map<string, { n: number; stem: string }[]>();
  for (const s of stems) {
    const m = /^(.*?)(\d+)$/.exec(s);
    if (!m || m[1] === '') continue;
    // Appended in place: a copy per item made 40,000 columns c0…c39999 quadratic.
    const block = blocks.get(m[1]!);
    if (block) block.push({ n: Number(m[2]), stem: s });
    else blocks.set(m[1]!, [{ n: Number(m[2]), stem: s }]);
  }
  const itemBlocks: { cols: string[]; instrument: string; items?: string | string[]; named: boolean }[] = [];
  for (const [prefix, list] of blocks) {
    const sorted = [...list].sort((a, b) => a.n - b.n);
    if (sorted.length < 5 || sorted.some((x, i) => x.n !== i + 1)) continue;
    const name = looseForm(prefix);
    const cols = sorted.map((x) => x.stem);
    const count = cols.length;
    let instrument: string | undefined;
    if (/rmdq|roland/.test(name) || (/^q$|^item$|^sp$|^spm$/.test(name) && (count === 24 || count === 23))) instrument = count === 23 ? 'rmdq23' : count === 24 ? 'rmdq' : undefined;
    else if (/pseq/.test(name) && count === 10) instrument = 'pseq';
    else if (/wai/.test(name) && count === 7) instrument = 'wai';
    // `eq5d_1` … `eq5d_5` are the EQ-5D's dimensions, drafted below.
    if (!instrument && /eq5d/.test(name) && count === 5) continue;
    if (!instrument) {
      checks.push(`numbered columns ${cols[0]}…${cols[count - 1]} (${count}) were not recognised as an instrument`);
      continue;
    }
    const base = prefix.replace(/_$/, '');
    const defaultItems = prefix.endsWith('_') && base === instrument.replace('23', '');
    itemBlocks.push({ cols, instrument, named: /rmdq|roland|pseq|wai/.test(name), ...(defaultItems ? {} : { items: prefix.endsWith('_') ? base : `${prefix}{i}` }) });
  }
  // Items headed by their question (MS Forms `RMDQ - … (udsagn 1)`, Google Forms `PSEQ [… (1)]`):
  // the instrument named first, the item's number last — listed in "items" (headed-items.ts).
  const inBlocks = new Set(itemBlocks.flatMap((b) => b.cols));
  for (const b of headedItemBlocks(stems.filter((s) => !inBlocks.has(s)))) {
    if (itemBlocks.some((x) => x.instrument.replace('23', '') === b.instrument.replace('23', ''))) continue;
    itemBlocks.push({ cols: b.columns, instrument: b.instrument, named: true, items: b.columns });
  }
  for (const { cols, instrument, items, named } of itemBlocks) {
    const count = cols.length;
    const key = instrument.replace('23', '');
    const o: Outcome = { key, instrument, ...(items === undefined ? {} : { items }) };
    const binary = instrument.startsWith('rmdq');
    const answers = codesFor(cols, instrument === 'pseq' ? 0 : instrument === 'wai' ? 0 : 0, instrument === 'pseq' ? 6 : instrument === 'wai' ? 10 : 1, binary, o);
    if (answers) o.answers = answers;
    if (instrument === 'pseq' || instrument.startsWith('rmdq')) {
      // A word code, or the option numbered after a scale counted from 1 (one-based-codes.ts): an item left unanswered.
      const anyTextMissing = [...missing].some((m) => typeof m === 'string') || (o.missingCodes?.length ?? 0) > 0;
      // A questionnaire left partly blank has missing items too (partly-blank.ts); a wide export's items grouped by visit.
      const byVisit = new Map<string, number[]>();
      for (const c of cols) {
        for (const h of stemColumns.get(c) ?? []) {
          const visit = h.slice(c.length);
          const columns = byVisit.get(visit);
          if (columns) columns.push(colIdx(h));
          else byVisit.set(visit, [colIdx(h)]);
        }
      }
      if (anyTextMissing || partlyBlank(csv.records, [...byVisit.values()])) {
        o.maxMissingItems = 2;
        checks.push(`outcome "${key}": "maxMissingItems": 2 lets up to 2 missing items be prorated; set 0 to require every item`);
      }
    }
    outcomes.push(o);
    cols.forEach((c) => (taken.add(c), outcomeStems.add(c), stemOutcome.set(c, o)));
    guesses.push(`outcome "${key}" (${instrument}) from items ${cols[0]}…${cols[count - 1]}${answers ? ` with answer codes ${Object.entries(answers).map(([k, v]) => `${JSON.stringify(k)} → ${v}`).join(', ')}` : ''}`);
    if (!named) checks.push(`items ${cols[0]}…${cols[count - 1]} were taken as ${instrument} from their count (${count}) and answers: check`);
  }

  // EQ-5D dimensions by name: Danish, Norwegian, Swedish and English (`EQ5D_gange`,
  // `EQ5D_vanlige_gjoremal`, `EQ5D_hygien`, `eq5d_washing`). Its VAS and index are no dimension.
  const eqCols = stems.filter((s) => /eq5d/.test(eqForm(s)) && !taken.has(s) && !isEqVas(s) && !EQ5D_INDEX.test(eqForm(s)));
  const dimRe: Record<string, RegExp> = {
    mo: /(^|_)(mo|mob|mobility|mobilitet|bevaegelighed|bevegelighet|gang|gaa|walk|rorlig)/i,
    sc: /(^|_)(sc|self|selfcare|personlig|pleje|stell|egenomsorg|hygien|wash)/i,
    ua: /(^|_)(ua|usual|activit|aktivitet|daglig|vanlig|saedvanlig|sedvanlig|gjoremal|gjoeremaal|huvudsaklig)/i,
    pd: /(^|_)(pd|pain|smerte|ubehag|smart|besvar|discomfort)/i,
    ad: /(^|_)(ad|anx|angst|depres|uro|oro|nedstamd|engstelig)/i,
  };
  if (eqCols.length >= 4) {
    const dims: Record<string, string> = {};
    for (const [d, re] of Object.entries(dimRe)) {
      // Spelled out, words joined by "_": the Danish dimension names hold æ, ø and spaces ("Bevægelighed", "Sædvanlige aktiviteter").
      const c = eqCols.find((s) => !Object.values(dims).includes(s) && re.test(asciiName(s.trim().replace(EQ5D_LEAD, ''))));
      if (c) dims[d] = c;
    }
    // Numbered in the questionnaire's order (SurveyXact's `eq5d_1` … `eq5d_5`): mobility, self-care,
    // usual activities, pain/discomfort, anxiety/depression.
    if (Object.keys(dims).length < 5) {
      const numberedDims = ['mo', 'sc', 'ua', 'pd', 'ad'].map((_, k) => eqCols.filter((c) => new RegExp(`^eq[-_ ]?5d(?:[-_ ]?[35]l)?[-_ .]?${k + 1}$`, 'i').test(c.trim())));
      if (numberedDims.every((cs) => cs.length === 1)) ['mo', 'sc', 'ua', 'pd', 'ad'].forEach((d, k) => (dims[d] = numberedDims[k]![0]!));
    }
    if (Object.keys(dims).length === 5) {
      const standard = Object.entries(dims).every(([d, c]) => c === `eq5d_${d}`);
      const eq: Outcome = { key: 'eq5d', instrument: 'eq5d5l', ...(standard ? {} : { items: dims }) };
      outcomes.push(eq);
      Object.values(dims).forEach((c) => (taken.add(c), outcomeStems.add(c), stemOutcome.set(c, eq)));
      // Said once the version is read (below): a 3L draft said "EQ-5D-5L" here.
      const guessAt = guesses.push('') - 1;
      checks.push('EQ-5D: check the version (eq5d5l or eq5d3l) and the value set ("valueSet")');
      let labelledLanguage = '';
      // The 3L has no built-in MCID and one value set, the Danish (dk-3l-2009).
      const threeLevelDrafted = (danish: boolean) => {
        mcidLeft.push(eq.key);
        checks.push(`EQ-5D-3L has no published MCID (none is built into hta), so outcome "${eq.key}" is drafted without one: add "mcid": <index points> to it, the MCID your protocol names — until then \`hta validate\`, \`hta plan check\`, \`hta analyze\`, \`hta report\`, \`hta cea\` and \`hta meta\` refuse the plan ("expected an MCID"); \`hta score\`, which judges nothing, reads it as it is`);
        if (!danish) checks.push(`EQ-5D-3L: the only 3L value set in hta is the Danish one (dk-3l-2009), and the draft applies it: the index is the Danish 3L index${labelledLanguage ? ` of these ${labelledLanguage} answers` : ''} — if your protocol names another country's value set, hta cannot compute that index`);
      };
      // Columns named as the 3L (\`eq5d3l_mo\`, \`EQ-5D-3L mobilitet\`) holding the numbers 1–3: the 3L,
      // never the 5L, whose value set read its levels gave a wrong index.
      const named3l = Object.values(dims).some((c) => /eq[\W_]*5[\W_]*d[\W_]*3[\W_]*l/i.test(c));
      const dimNums = Object.values(dims).flatMap((c) => stemValues(c)).map((v) => parseNumber(v, decimalComma)).filter((x): x is number => x !== undefined && !SENTINELS.has(x));
      // Every answer written as its EQ-5D label (`Ingen problemer` … `Ekstreme problemer / ude af
      // stand til`): the levels in order, never missing-value codes (eq5d-labels.ts).
      const labelled = eq5dLevelLabels(Object.values(dims).flatMap((c) => stemValues(c)));
      if (labelled) {
        eq.instrument = labelled.version;
        eq.answers = labelled.answers;
        checks.push(`EQ-5D: the answers are written as their labels, read as the ${labelled.version === 'eq5d3l' ? 'EQ-5D-3L levels 1–3' : 'EQ-5D-5L levels 1–5'}: ${Object.entries(labelled.answers).sort((a, b) => a[1] - b[1]).map(([w, n]) => `${JSON.stringify(w)} → ${n}`).join(', ')} — check them in the outcome's "answers"`);
        // The 3L index has no published MCID hta could draft: the outcome is drafted without one,
        // for the protocol's value, rather than no draft at all (docs/plan-trial.md "EQ-5D answers
        // written as their labels"); validate and analyze refuse the plan until it is given.
        if (labelled.version === 'eq5d3l') {
          labelledLanguage = eq3lLanguage(Object.keys(labelled.answers));
          threeLevelDrafted(labelledLanguage === 'Danish');
        }
        // "Ikke utfylt", "Vet ej" beside the labels: missing; a wording not read: neither (validate names its lines).
        for (const w of labelled.nonAnswers) missing.add(w);
        if (labelled.nonAnswers.length) checks.push(`EQ-5D: ${labelled.nonAnswers.map((w) => JSON.stringify(w)).join(', ')} drafted as missing-value code${labelled.nonAnswers.length > 1 ? 's' : ''} ("don't know"): check that none is an answer`);
        if (labelled.unread.length) checks.push(`EQ-5D: ${labelled.unread.map((w) => JSON.stringify(w)).join(', ')} — not read as a level nor drafted as a missing-value code (an EQ-5D answer written as its label): give ${labelled.unread.length > 1 ? 'each' : 'it'} its level in the outcome's "answers"; until then \`hta validate\` names its lines`);
      } else if (named3l && dimNums.length > 0 && dimNums.every((x) => Number.isInteger(x) && x >= 1 && x <= 3)) {
        eq.instrument = 'eq5d3l';
        checks.push(`EQ-5D: the columns are named as the EQ-5D-3L (${Object.values(dims).map((c) => JSON.stringify(c)).join(', ')}) and hold the levels 1–3: drafted as the 3L ("instrument": "eq5d3l"), never scored with the 5L value set`);
        const answers = codesFor(Object.values(dims), 1, 3, false, eq);
        if (answers) eq.answers = answers;
        threeLevelDrafted(false);
      } else {
        if (named3l) checks.push(`EQ-5D: the columns are named as the EQ-5D-3L but hold ${dimNums.length ? `levels up to ${Math.max(...dimNums)}` : 'no level numbers'}: drafted as the 5L — set "instrument": "eq5d3l" if the questionnaire was the 3L`);
        // A level written as its label (a labelled choice, a scale's end) is read as its number.
        const before = new Set(missing);
        const answers = codesFor(Object.values(dims), 1, 5, false, eq);
        if (answers) eq.answers = answers;
        // Words this does not read as levels are still EQ-5D answers written as labels far more
        // often than "unknown": never drafted as missing-value codes (they emptied every EQ-5D
        // cell); left to the user's "answers", and validate names their lines.
        const labels = [...missing].filter((v): v is string => typeof v === 'string' && !before.has(v) && isWordLabel(v));
        for (const w of labels) missing.delete(w);
        if (labels.length) checks.push(`EQ-5D: ${labels.length} answer${labels.length > 1 ? 's' : ''} written as words not read as levels (${labels.slice(0, 3).map((w) => JSON.stringify(w)).join(', ')}${labels.length > 3 ? ', …' : ''}) — not drafted as missing-value codes: give each its level (1–5, or 1–3 for the EQ-5D-3L) in the outcome's "answers" and set its "instrument"; until then \`hta validate\` names their lines`);
      }
      guesses[guessAt] = `outcome "eq5d" (${eq.instrument === 'eq5d3l' ? 'EQ-5D-3L, Danish 3L value set' : 'EQ-5D-5L, Danish value set'}) from ${Object.entries(dims).map(([d, c]) => `${d} = ${c}`).join(', ')}`;
    } else {
      // Four or more EQ-5D columns, not all five dimensions placed: no EQ-5D is drafted, and none
      // of its columns is drafted as anything else (below) — a pain/discomfort level 1–5 read as
      // the NRS was judged against the NRS's MCID of 2. The user names the five in "items".
      const unplaced = eqCols.filter((c) => !Object.values(dims).includes(c));
      const items = ['mo', 'sc', 'ua', 'pd', 'ad'].map((d) => `"${d}": ${dims[d] ? JSON.stringify(dims[d]) : '"<column>"'}`).join(', ');
      const placed = Object.entries(dims).map(([d, c]) => `${d} = ${c}`).join(', ');
      const missingDims = ['mo', 'sc', 'ua', 'pd', 'ad'].filter((d) => !dims[d]);
      guesses.push(`not drafted: EQ-5D from ${eqCols.join(', ')} — ${unplaced.length ? `${unplaced.join(', ')} not placed as a dimension` : `no column for ${missingDims.join(', ')}`}`);
      const why = unplaced.length ? `hta could not tell which dimension ${unplaced.join(', ')} ${unplaced.length > 1 ? 'are' : 'is'}` : `no column was found for ${missingDims.join(', ')}`;
      checks.push(`EQ-5D: ${eqCols.length} columns are named as EQ-5D, but ${why}${placed ? ` (placed: ${placed})` : ''}, so no EQ-5D outcome is drafted and none of them is read as another score: add { "key": "eq5d", "instrument": "eq5d5l", "items": { ${items} } } to "outcomes", each dimension's column by name (mobility, self-care, usual activities, pain/discomfort, anxiety/depression; docs/plan-trial.md "Outcomes")`);
    }
  }

  // REDCap checkbox fields: one column per option — `meds___1`, `meds___2` holding 0/1 in the raw
  // export, `Medicin? (choice=Ja)` holding Checked/Unchecked in the label export — whose meaning
  // the export does not say; not outcomes by name ("meds" would read as medication use, a
  // "smertestillende" label as pain), and Checked/Unchecked are answers, never missing-value codes.
  // Castor EDC writes them `meds#1`, `meds#2` (`<variable>#<option>`, 0/1): the same, one field.
  // In a wide export the visit ends the field's name (`meds_3m#1`), and the loader reads that
  // column as option `meds#1` at 3m (trial/wide-to-long.ts): the name a plan gives the option.
  const visitSuffixes = wide ? [...Object.keys(timeLabels), ...visits].sort((a, b) => b.length - a.length) : [];
  const checkboxes = new Map<string, { field: string; cols: string[]; labels: boolean; system: string; visits: string[]; planColumn?: string }>();
  for (const s of stems) {
    if (taken.has(s)) continue;
    // The REDCap or Castor field a column is one option of, as the loader reads it (instruments/binary-checkbox.ts).
    const option = checkboxOptionOf(s);
    if (!option) continue;
    const parts = option.labels ? undefined : checkboxOptionParts(s);
    const visit = parts && visitSuffixes.find((t) => parts.field.endsWith(`_${t}`) && parts.field.length > t.length + 1);
    const field = parts && visit !== undefined ? parts.field.slice(0, -(visit.length + 1)) : option.field;
    const id = `${option.system}\u0000${field}`;
    const entry = checkboxes.get(id) ?? { field, cols: [], labels: option.labels, system: option.system, visits: [] };
    entry.cols.push(s);
    if (parts && visit !== undefined) {
      const v = ownValue(timeLabels, visit) ?? visit;
      if (!entry.visits.includes(v)) entry.visits.push(v);
      entry.planColumn ??= field + parts.option;
    }
    checkboxes.set(id, entry);
    taken.add(s);
  }
  for (const { field, cols, labels, system, visits: at, planColumn } of checkboxes.values()) {
    const perVisit = planColumn ? ` at ${at.join(', ')}` : '';
    guesses.push(`not used: ${system} checkbox field "${field}"${perVisit} (${cols.join(', ')}: one ${labels ? 'Checked/Unchecked' : '0/1'} column per option${planColumn ? ' and visit' : ''})`);
    const name = planColumn ? ` (named without its visit: "column": "${planColumn}" reads ${cols[0]} at ${at[0]})` : '';
    checks.push(`${system} checkbox "${field}": add an option's column${name} as a "binary" outcome or a covariate if the protocol analyses it${labels ? ', with "answers": { "Checked": 1, "Unchecked": 0 }' : ''}`);
  }

  // REDCap form-status columns: every form gets `<form>_complete` holding 0 (Incomplete),
  // 1 (Unverified) or 2 (Complete) — the label export writes the words, under the header
  // "Complete?". Named after the form (`rmdq_complete`, `smerte_complete`), they read as outcomes
  // by name, and a 0–2 column fits a 0–24 or 0–10 scale: never drafted as anything.
  for (const s of stems) {
    if (taken.has(s) || !isRedcapFormStatus(s, stemValues(s))) continue;
    taken.add(s);
    guesses.push(`not used: "${s}", a REDCap form status (0 Incomplete, 1 Unverified, 2 Complete), not an answer`);
  }
  // Columns of dates (date-columns.ts): never an outcome, their cells never missing-value codes.
  // REDCap's survey timestamp, named after its instrument (`rmdq_timestamp`, `smerte_timestamp`),
  // was drafted as a second RMDQ and pain score, and each date-time as a plan-wide code; it is said
  // for what it is. Other date columns stay among the columns not used.
  const dateStems = new Set<string>();
  for (const s of stems) {
    if (taken.has(s) || !holdsDates(stemValues(s))) continue;
    if (!namesRedcapTimestamp(s)) {
      dateStems.add(s);
      continue;
    }
    taken.add(s);
    guesses.push(`not used: "${s}", a REDCap survey timestamp (when the survey was completed), not an answer`);
  }
  // Visit dates beside the visit labels of a long export: hta checks no visit window, said (visit-date-check.ts).
  const visitDates = timeCol && !wide ? [...dateStems].filter((s) => variesWithinPatient(csv, colIdx(idCol), colIdx(s))) : [];
  if (visitDates.length && timeCol) checks.push(visitDateCheck(visitDates, timeCol));

  // Single score columns by name; a stratification factor named after the score (`rmdq_strata`: 1/2 for
  // RMDQ ≤ 12 / > 12) is no outcome, but a covariate (below).
  // The ODI columns drafted, and where their one check is.
  const odiColumns: string[] = [];
  let odiCheckAt: number | undefined;
  const odiCheck = () => `ODI: the draft uses MCID 10 points (Ostelo et al. 2008)${odiColumns.length > 1 ? ` for the ${odiColumns.length} ODI columns (${odiColumns.map((c) => JSON.stringify(c)).join(', ')}), one instrument` : ''}: check "instruments.odi"`;
  // The ODI columns and their largest value: a column of values up to 50 beside one above 50 (the
  // ODI at two scorings, `ODI_sum` and `ODI_pct`) is the raw sum 0–50, not the percentage.
  const isOdiStem = (s: string) => /^(odi|oswestry)/.test(looseForm(withoutItemPrefix(s))) || namesOdiScore(s);
  const odiMax = new Map(stems.filter((s) => !taken.has(s) && isOdiStem(s)).map((s) => {
    const xs = stemValues(s).map((v) => parseNumber(v, decimalComma)).filter((x): x is number => x !== undefined && !SENTINELS.has(x));
    return [s, xs.length ? Math.max(...xs) : undefined] as const;
  }));
  for (const s of stems) {
    if (taken.has(s) || namesAStratum(s) || dateStems.has(s)) continue;
    // A column that is a drafted outcome's but for case (`rmdq_3m` beside `RMDQ_3m`: the copy an
    // earlier `hta score` added of a score the plan's codes passed through) is the same score: one
    // outcome, not a second one keyed `rmdq_3` (docs/plan-trial.md#hta-plan-init).
    const twin = [...outcomeStems].find((t) => t !== s && t.toLowerCase() === s.toLowerCase());
    if (twin !== undefined) {
      taken.add(s);
      guesses.push(`not drafted: "${s}", the column "${twin}" but for case (one score, drafted once)`);
      continue;
    }
    // What this stem's drafting adds, undone when it is a wide export's line column (below).
    const before = { guesses: guesses.length, checks: checks.length, instruments: new Set(Object.keys(instruments)) };
    // An ODM item OID names its outcome after the prefix: `I_ODI_TOTAL`, `Q2_ODI` (odm-names.ts).
    const n = looseForm(withoutItemPrefix(s));
    if (namesAChange(nameKey(s)) && /(rmdq|roland|pseq|odi|oswestry|smerte|smarta|smartor|pain|nrs|vas|was|arbejdsevne|eq5d)/.test(n)) {
      // A change score is no score on the instrument's scale (−7 on a 0–10 scale read as a missing
      // code): hta analyses the score at each visit, adjusting for the baseline (docs/plan-trial.md).
      taken.add(s);
      const how = 'hta analyses the score at each visit (the ANCOVA adjusts the follow-up for the baseline, which answers what a change score asks): export the scores themselves, or add the change by hand with a plan instrument of its range and "methods": ["welch"] (docs/plan-trial.md "Change scores")';
      leftOut.push(`"${s}", a change score: ${how}`);
      guesses.push(`not drafted: "${s}", named as a change score, not a score on the instrument's scale`);
      checks.push(`"${s}" is a change score, not among the drafted outcomes: ${how}`);
      continue;
    }
    // An EQ-5D column by its prefix (`EQ5D_smerte`: the pain/discomfort level 1–5) is never drafted
    // as another instrument — read as the NRS it was judged against the NRS's MCID of 2. Its
    // index and VAS are drafted below; its dimensions only as the EQ-5D (above).
    if (EQ5D_PREFIX.test(eqForm(withoutItemPrefix(s))) && !EQ5D_INDEX.test(eqForm(withoutItemPrefix(s))) && !isEqVas(s)) {
      if (eqCols.length < 4 && /(smerte|pain|smarta|nrs|medic|rmdq|odi|pseq)/.test(n)) {
        checks.push(`"${s}" is named as an EQ-5D dimension (a level 1–5), not drafted as a score of its own: with the other four dimensions' columns, add { "key": "eq5d", "instrument": "eq5d5l", "items": { "mo": "<column>", "sc": "<column>", "ua": "<column>", "pd": "<column>", "ad": "<column>" } } to "outcomes" (docs/plan-trial.md "Outcomes")`);
      }
      continue;
    }
    const values = stemValues(s);
    const nums = values.map((v) => parseNumber(v, decimalComma)).filter((x): x is number => x !== undefined && !SENTINELS.has(x));
    // Float rounding (`28.000000000000007`, pandas) is no decimal: the reader takes it as whole (trial/float-noise.ts).
    // A cell written with a per-cent sign (`56,6 %`, Excel's percentage format) counts by its number:
    // validate asks for it without the sign, and `56,6` then needs "decimals": true.
    const percentNums = values.filter(isPercentCell).map((v) => parseNumber(v.replace(/\s*%$/, ''), decimalComma)).filter((x): x is number => x !== undefined);
    const decimals = [...nums, ...percentNums].some((x) => !Number.isInteger(x) && wholeNumberUnderNoise(x) === undefined);
    const key = asciiName(s).replace(/^[^a-z]+/, '') || 'outcome';
    const col = key === s ? {} : { column: s };
    // A scale named so (KOOS, HOOS, WOMAC, NDI, PSFS, GPE, SF-36, pain relief): never drafted as
    // pain because its name holds "pain" or "smerte", nor given a guessed direction (named-scales.ts).
    const named = namedScale(s, nameKey(s), key, nums.length ? Math.max(...nums) : 0);
    if (named) {
      taken.add(s);
      leftOut.push(`"${s}" (${named.what}: ${named.note})`);
      guesses.push(`not drafted: "${s}", ${named.what}`);
      checks.push(`"${s}" is not among the drafted outcomes: ${named.note}`);
      continue;
    }
    // Medication (`Smertestillende`, `Opioid`, `pain_med`, `ATC-koder`) or the days it was used
    // (`Dage brugt sidste 7`): a yes/no outcome or a count, never a pain scale (medication-names.ts).
    // A medication name beside a pain word (`smerte_uden_medicin`, `Med_smerter` — Danish "with
    // pain") or an ATC-like name (`N02A`) is medication only when its column holds yes/no answers or
    // a day count (or drug names, no number at all): a 0–10 column so named is the pain scale it always was.
    const painWords = namesPain(withoutItemPrefix(s)) || /(nrs|vas)/.test(n);
    const medName = medicationName(withoutItemPrefix(s));
    const answersMedication = isYesNoColumn(values, decimalComma, true) || isDayCount(s, nums) || (values.length > 0 && nums.length === 0 && !values.some(isDontKnowWord));
    const medication = medName === 'pain-medication' || (medName === 'medication' && (!painWords || answersMedication || values.length === 0)) || (medName === 'atc-code' && answersMedication);
    const daysUsed = !medication && namesDaysUsed(withoutItemPrefix(s)) && (!painWords || answersMedication);
    const pain = !medication && !daysUsed && painWords;
    let o: Outcome | undefined;
    if (/^(rmdq|roland)/.test(n)) o = { key: 'rmdq', instrument: 'rmdq', ...(s === 'rmdq' ? {} : { column: s }) };
    else if (/^pseq/.test(n)) o = { key: 'pseq', instrument: 'pseq', ...(s === 'pseq' ? {} : { column: s }) };
    // ODI first or as a word of its own (`Funksjon_ODI`, `Funksjon (ODI %)`), as `ODI_funksjon` always was.
    else if (isOdiStem(s) && nums.length > 0 && Math.max(...nums) <= 50 && ((namesOdiRaw(s) && !odiEvenPercent(nums)) || [...odiMax].some(([c, max]) => c !== s && max !== undefined && max > 50))) {
      // The ODI's raw sum (ten items scored 0–5, 0–50): on the 0–100 instrument its MCID of 10
      // would be 20 percentage points, and two scorings of the same patients got opposite
      // verdicts. Its own instrument, 0–50 with MCID 5 (Ostelo et al. 2008's 10 points on the 0–100 scale).
      const percent = [...odiMax].filter(([c, max]) => c !== s && max !== undefined && max > 50).map(([c]) => c);
      instruments.odi_raw = { label: { en: 'Oswestry Disability Index, raw sum (0–50)', da: 'Oswestry Disability Index, sumscore (0–50)' }, range: [0, 50], direction: 'lower-is-better', mcid: 5, mcidSource: 'Ostelo et al. 2008 (10 points on the 0–100 scale, halved for the 0–50 sum)', decimals: decimals || (instruments.odi_raw as { decimals?: boolean } | undefined)?.decimals === true };
      o = { key: asciiName(s).replace(/^[^a-z]+/, '') || 'odi_raw', instrument: 'odi_raw', column: s };
      const key = o.key;
      checks.push(`ODI: "${s}" holds values up to ${Math.max(...nums)}${namesOdiRaw(s) ? ' and is named as a sum' : ''}${percent.length ? `, beside ${percent.map((c) => JSON.stringify(c)).join(', ')} up to 100` : ''}: read as the raw sum on the 0–50 scale (plan instrument "odi_raw", MCID 5 points: Ostelo et al. 2008's 10 on the 0–100 scale)${percent.length ? ', not the 0–100 percentage — the two columns are on different scales' : ''}; if it is the percentage (0–100, a less disabled population never above 50), give the outcome "${key}" "instrument": "odi" and ${odiLabelAdvice('odi')}, and rename "instruments.odi_raw" to "odi" with "range": [0, 100], "mcid": 10 (Ostelo et al. 2008) and the label "Oswestry Disability Index (0–100)": check "instruments.odi_raw"`);
    } else if (isOdiStem(s)) {
      // With decimals when any ODI column has them: one instrument reads them all.
      instruments.odi = { label: { en: 'Oswestry Disability Index (0–100)', da: 'Oswestry Disability Index (0–100)' }, range: [0, 100], direction: 'lower-is-better', mcid: 10, mcidSource: 'Ostelo et al. 2008', decimals: decimals || (instruments.odi as { decimals?: boolean } | undefined)?.decimals === true };
      o = { key: 'odi', instrument: 'odi', ...(s === 'odi' ? {} : { column: s }) };
      // One instrument serves every ODI column (two scorings of it, `ODI_sum` and `ODI_pct`): one
      // check naming them all, not the same line once per column.
      odiColumns.push(s);
      if (odiCheckAt === undefined) odiCheckAt = checks.push(odiCheck()) - 1;
      else checks[odiCheckAt] = odiCheck();
      // Named as a sum, but every value even and none above 50: the percentage of a less disabled population.
      if (namesOdiRaw(s) && nums.length > 0 && Math.max(...nums) <= 50) {
        checks.push(`ODI: "${s}" is named as a sum but holds only even values (up to ${Math.max(...nums)}), as the 0–100 percentage does (twice the raw sum when all ten items are answered): read as the percentage (plan instrument "odi", MCID 10); if it is the raw sum 0–50, give the outcome "${o.key}" "instrument": "odi_raw" and ${odiLabelAdvice('odi_raw')}, with "instruments": { "odi_raw": { "label": { "en": "Oswestry Disability Index, raw sum (0–50)", "da": "Oswestry Disability Index, sumscore (0–50)" }, "range": [0, 50], "direction": "lower-is-better", "mcid": 5 } } (Ostelo et al. 2008's 10 on the 0–100 scale, halved): check "instruments.odi"`);
      }
    } else if (pain && (isEqVas(s) || Math.max(...nums) > 10)) {
      // A 0–100 visual analogue scale (docs/plan-trial.md "Scales of 0–100"): never a 0–10
      // instrument, whose range would refuse every value above 10.
      const vas = vasOutcome(s, key, col, nums, decimals, values, decimalComma);
      if (vas.drafted) {
        instruments[vas.drafted.instrument] = vas.drafted.spec;
        o = vas.drafted.outcome;
      } else {
        taken.add(s);
        leftOut.push(`"${s}": ${vas.note}`);
        guesses.push(`not drafted: "${s}" (${vas.what})`);
        checks.push(`"${s}" is not among the drafted outcomes: ${vas.note}`);
        continue;
      }
      guesses.push(`"${s}" holds values up to ${Math.max(...nums)}: a 0–100 scale, drafted with the plan instrument "${vas.drafted.instrument}"`);
      checks.push(`"${s}": read as pain on a 0–100 visual analogue scale (lower is better, MCID 15 points, Ostelo et al. 2008): check the scale, direction and MCID in "instruments.${vas.drafted.instrument}"`);
    } else if (pain && nums.length > 0 && nums.length === values.length && nums.every((x) => x === 0 || x === 1)) {
      // Only 0 and 1 under a pain name (`smerte_12m`: any pain-medication redemption in the 12
      // months, a register flag): a yes/no outcome. Drafted as the NRS it could never move by its
      // MCID of 2, and the verdict was wrong by construction.
      o = { key, instrument: 'binary', ...col };
      checks.push(`"${s}" holds only 0 and 1: drafted as a yes/no outcome ("binary"), not as the pain scale (NRS 0–10) its name suggests — if it is a 0–10 scale whose answers so far are 0 and 1, give it "instrument": "nrs"`);
    } else if (pain) {
      if (decimals) {
        instruments.pain_0_10 = { label: { en: 'Pain (0–10, with decimals)', da: 'Smerte (0–10, med decimaler)' }, range: [0, 10], direction: 'lower-is-better', mcid: 2, mcidSource: 'Ostelo et al. 2008 (NRS)', decimals: true };
        o = { key, instrument: 'pain_0_10', ...col };
        checks.push(`"${s}" has decimals (an average?): read with the plan instrument "pain_0_10" (0–10, MCID 2): check range and MCID`);
      } else o = { key, instrument: 'nrs', ...col };
    } else if (/^(was|arbejdsevne|workability)/.test(n) || (/^wai/.test(n) && nums.length > 0 && nums.every((x) => Number.isInteger(x) && x >= 0 && x <= 10))) {
      // A `wai` column of whole numbers 0–10 is the single-item Work Ability Score, not the 7–49 index.
      // WAS has no published MCID, and a plan without one is refused: the draft leaves it out
      // and gives the outcome to add with the MCID the protocol names.
      // "Ikke i arbejde" in a work-ability column: the outcome does not apply (not-applicable-words.ts).
      const notApplicable = values.filter(isNotApplicableWord);
      const was = { key: 'was', instrument: 'was', ...(s === 'was' ? {} : { column: s }), ...(notApplicable.length ? { notApplicableCodes: notApplicable } : {}), mcid: '<points>' };
      if (notApplicable.length) checks.push(`"${s}": ${notApplicable.map((w) => JSON.stringify(w)).join(', ')} written as "notApplicableCodes" in the outcome to add, not as missing-value codes: ${notApplicable.length > 1 ? 'they say' : 'it says'} work ability does not apply to the patient (not working, retired), so such a visit is never imputed and is counted apart from missing`);
      taken.add(s);
      leftOut.push(`"${s}" (WAS, which has no published MCID: add ${JSON.stringify(was).replace(/"<points>"/, '<points>').replace(/,"/g, ', "').replace(/":/g, '": ')} to "outcomes", with the MCID your protocol names)`);
      guesses.push(`not drafted: outcome "was" (was) from column "${s}", which needs an MCID`);
      checks.push(`WAS has no published MCID, so "${s}" is not among the drafted outcomes: add ${JSON.stringify(was).replace(/"<points>"/, '<points>').replace(/,"/g, ', "').replace(/":/g, '": ')} to "outcomes", with the MCID your protocol names`);
      continue;
    } else if ((medication || daysUsed) && nums.some((x) => x !== 0 && x !== 1 && x !== 2)) {
      // Numbers beyond a yes/no answer (days with analgesics last week, 0–7): a count, not a yes/no
      // outcome — a generic instrument (a day count's period, else the observed range) and a label of its own; the outcome
      // needs the MCID the protocol names, so it is left for the user to add (as WAS's).
      const count = countInstrument(s, nums, decimals);
      const name = !Object.hasOwn(instruments, key) && !BUILT_IN_KEYS.has(key) ? key : `${key}_count`;
      instruments[name] = count;
      const add = `{ "key": "${key}", "instrument": "${name}"${col.column ? `, "column": ${JSON.stringify(col.column)}` : ''}, "mcid": <${count.unit ? count.unit.en : 'points'}> }`;
      taken.add(s);
      leftOut.push(`"${s}" (a count ${count.range[0]}–${count.range[1]}, not yes/no: add ${add} to "outcomes", with the MCID your protocol names)`);
      const seen = `${Math.min(...nums)}–${Math.max(...nums)}`;
      const observed = count.range[1] === Math.max(...nums) && count.range[0] === Math.min(0, ...nums);
      // "whole numbers 0–43.75" was said of a DDD sum: whole only when they are.
      guesses.push(`not drafted as an outcome: "${s}" holds ${nums.every(Number.isInteger) ? 'whole numbers' : 'numbers'} ${seen}, a count rather than yes/no — the plan instrument "${name}" is drafted for it`);
      checks.push(`"${s}" holds numbers ${seen}, not yes/no answers: drafted the instrument "${name}" (range ${count.range[0]}–${count.range[1]}${observed ? ' as observed' : ', the days of the period its name gives (a week when it gives none)'}, ${count.direction}; ${observed ? 'the range is only what this file holds: set it to what the outcome can take (a sum of DDD or of contacts has no fixed top, e.g. 0–1000), or the next extract with a larger value is refused' : 'check the range'}) — add ${add} to "outcomes", with the MCID your protocol names`);
      continue;
    } else if (medication && (values.length === 0 || isYesNoColumn(values, decimalComma, true))) o = { key, instrument: 'binary', ...col };
    else if (medication && values.length) {
      // Drug names or ATC codes (`N02BE01`): no answer to analyse as it stands. The values shown
      // are those that are neither yes/no nor a number: the column's `Ja`, `Nei` are no proof.
      taken.add(s);
      const other = values.filter((v) => !isYesWord(v) && !isNoWord(v) && parseNumber(v, decimalComma) === undefined);
      const shown = other.length ? other : values;
      guesses.push(`not drafted: "${s}", named as medication but holding ${other.length < values.length ? 'answers other than yes/no or a count' : 'neither yes/no answers nor a count'} (${shown.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')}${shown.length > 3 ? ', …' : ''}) — a yes/no column of its own ("instrument": "binary") is what hta analyses${other.length < values.length ? `; if ${other.length > 1 ? 'these mean' : 'it means'} "unknown" (not a drug's name), write the outcome by hand, as plan init does not read a plan: add { "key": ${JSON.stringify(key)}, "instrument": "binary", "column": ${JSON.stringify(s)} } to "outcomes" and ${other.slice(0, 3).map((v) => JSON.stringify(v)).join(', ')}${other.length > 3 ? ', …' : ''} to "missingCodes"` : ''}`);
      continue;
    }
    else if (/^(rtw|returntowork|backatwork|tilbagetilarbejde|iarbejde|arbejde|work)/.test(n) && isYesNoColumn(values, decimalComma)) o = { key, instrument: 'binary', ...col };
    // `EQ-5D indeks` (Danish), `EQ5D_index`, `eq-5d-5l index`: the index score.
    else if (EQ5D_INDEX.test(n)) o = { key: 'eq5d', instrument: 'eq5d5l', ...(s === 'eq5d' ? {} : { column: s }) };
    if (!o) continue;
    // A wide export's column without a visit suffix (`ODI` beside `Smerte_bas`, `Smerte_3mnd`) has
    // one value per patient line: drafted, it would be read as the same score at baseline and at
    // every follow-up, which validate refuses — so plan init refused the whole draft. Left out,
    // with a check (docs/plan-trial.md#visits-of-a-wide-export).
    if (wide && (stemColumns.get(s) ?? []).every((c) => stemsOf(c) === c)) {
      guesses.length = before.guesses;
      checks.length = before.checks;
      if (odiColumns.at(-1) === s) {
        odiColumns.pop();
        if (odiCheckAt !== undefined && odiCheckAt >= checks.length) odiCheckAt = undefined;
        else if (odiCheckAt !== undefined) checks[odiCheckAt] = odiCheck();
      }
      for (const k of Object.keys(instruments)) if (!before.instruments.has(k)) delete instruments[k];
      taken.add(s);
      guesses.push(`not drafted: "${s}", named like an outcome (${o.instrument}) but without a visit suffix`);
      checks.push(`"${s}" has one value per patient line in this wide export (no visit suffix such as _${suffixOf(visits[0] ?? 'baseline')} or _${suffixOf(visits[1] ?? '3m')}): not an outcome at every visit, so not drafted — if it was measured at the visits, the export needs a column for each; if once, it is a covariate or a question of its own (docs/plan-trial.md#visits-of-a-wide-export)`);
      continue;
    }
    // Keys are unique in a plan: a second "rmdq" column is keyed by its own name.
    // The new key is no column name: the outcome names its column, or validate looks for "rmdq_3".
    if (outcomes.some((x) => x.key === o!.key)) {
      o.key = asciiName(s) === o.key ? `${o.key}_${outcomes.length + 1}` : asciiName(s);
      if (o.key !== s && o.column === undefined && o.items === undefined) o.column = s;
    }
    const range: [number, number] = o.instrument === 'odi_raw' ? [0, 50] : o.instrument === 'odi' || o.instrument === VAS_PAIN ? [0, 100] : o.instrument === 'binary' ? [0, 1] : /rmdq/.test(o.instrument) ? [0, 24] : o.instrument === 'pseq' ? [0, 60] : o.instrument.startsWith('eq5d') ? [-1, 1] : [0, 10];
    const answers = codesFor([s], range[0], range[1], o.instrument === 'binary', o);
    if (answers) o.answers = answers;
    if (o.instrument === 'binary') {
      // A yes/no outcome's direction is the plan's to say (plan check warns without it): drafted
      // from the column's name, and listed among the checks (docs/plan-trial.md#yesno-outcomes).
      o.direction = binaryDirectionOf(s);
      checks.push(`outcome "${o.key}" (yes/no, column "${s}"): drafted "direction": "${o.direction}" (${o.direction === 'lower-is-better' ? 'fewer "yes" answers is the good result' : '"yes" is the good result'}): check it`);
    }
    if (isWideScale(range) && o.instrument !== 'binary') {
      const mixed = draftMixedScales(s);
      if (mixed) checks.push(`"${s}" is drafted as a ${range[0]}–${range[1]} scale, but ${mixed.seen}: two scales in one column (0–10 at some sites, 0–100 at others)? Put every answer on one scale in the export (the 0–10 answers ×10) and draft again — hta validate and analyze refuse the export as it is; if it is one ${range[0]}–${range[1]} scale, write "oneScaleChecked": true in the outcome "${o.key}" (docs/plan-trial.md "Two scales in one column")`);
    }
    const fractions = o.instrument !== 'binary' && fractionRange(range) ? draftFractions(s, range) : undefined;
    if (fractions?.first) {
      const { at, text, value } = fractions.first;
      const [lo, hi] = range;
      const fix = hi === 100 ? `Excel percentage cells (44 % saved as 0.44)? Multiply the column by 100 (${text} → ${timesHundred(value, decimalComma)}) or format it as numbers in the spreadsheet` : `Excel percentage cells, or scores divided by the scale's top? Put the scores on the ${lo}–${hi} scale in the export`;
      checks.push(`"${s}" is drafted as a ${lo}–${hi} scale, but every one of its ${fractions.count} values lies from 0 to 1, ${fractions.decimals} of them with decimals (line ${at.line}: ${text}): fractions of 1, not scores — ${fix}, export again and draft again; hta validate and analyze refuse the export as it is (docs/plan-trial.md#fractions-of-one)`);
    }
    outcomes.push(o);
    taken.add(s);
    outcomeStems.add(s);
    stemOutcome.set(s, o);
    const choices = Object.entries(o.answers ?? {}).filter(([k]) => labelledChoice(k, decimalComma) !== undefined);
    guesses.push(`outcome "${o.key}" (${o.instrument}) from column "${s}"${choices.length ? `, the labelled choices read as their numbers: ${choices.map(([k, v]) => `${JSON.stringify(k)} → ${v}`).join(', ')}` : ''}`);
  }
  if (timeCol && outcomes.length) {
    // Screening, enrolment and randomisation events: read for the arm and covariates, not analysed (pre-baseline-events.ts).
    const withValues = new Set<string>();
    const t = colIdx(timeCol);
    const cols = header.flatMap((h, i) => (outcomeStems.has(h) ? [i] : []));
    for (const r of csv.records) {
      const v = r.cells[t];
      if (v === null || v === undefined || !cols.some((i) => r.cells[i] !== null && r.cells[i] !== undefined)) continue;
      const key = armsInEvents ? (redcapEvent(nfc(v))?.visit ?? nfc(v)) : nfc(v);
      withValues.add(ownValue(timeLabels, key) ?? key);
    }
    const pre = preBaselineEvents({ followUp, hasOutcomeValues: (l) => withValues.has(l), isTimed: (l) => weeksSinceBaseline(l, baseline) !== null });
    if (pre.length) {
      const rest = followUp.filter((v) => !pre.some((p) => p.label === v));
      const before: string[] = [];
      for (const { label, why } of pre) {
        const raw = Object.keys(timeLabels).find((k) => timeLabels[k] === label) ?? label;
        // `screening_arm_1` → `screening`, unless another visit has that label.
        const short = preBaselineLabel(label);
        const own = short === label || visits.includes(short) ? label : short;
        if (raw !== own) timeLabels[raw] = own;
        before.push(own);
        guesses.push(`event ${JSON.stringify(raw)} ${why}: not a time point — "${own}" is listed before the baseline in "allTimepoints", so the arm and covariates on its rows are still read`);
      }
      checks.push(`${before.map((b) => JSON.stringify(b)).join(', ')} ${before.length > 1 ? 'were' : 'was'} taken as ${before.length > 1 ? 'events' : 'an event'} before the baseline (screening, enrolment): if ${before.length > 1 ? 'one is' : 'it is'} a follow-up visit, add it to "timepoints" after the baseline in "allTimepoints"`);
      followUp.splice(0, followUp.length, ...rest);
      plan.timepoints = rest;
      plan.allTimepoints = [...before, baseline, ...rest];
      if (Object.keys(timeLabels).length) plan.timeLabels = timeLabels;
      if (!rest.length) checks.push('no follow-up visit was found: validate works, but analyze needs follow-up visits in "timepoints"');
    }
  }
  if (!outcomes.length) {
    undecided.push(
      leftOut.length
        ? { what: `the outcomes: the only one found is ${leftOut.join(', ')}`, write: leftOut.every((l) => l.includes(', a change score:')) ? 'the scores at each visit in the export, or the plan by hand with the change as an instrument of its own (docs/plan-trial.md "Change scores")' : 'the plan by hand with that outcome and its MCID (docs/plan-trial.md)' }
        : { what: 'the outcomes: no column is named like an outcome (rmdq, pseq, eq5d, smerte, nrs, odi, medicin, …; a plan needs at least one)', write: 'the plan by hand with its "outcomes" (docs/plan-trial.md), or name the outcome columns as the instruments are named' },
    );
  }

  // Whole practices randomised (cluster-draft.ts): the column is the plan's "clusters", never a covariate.
  const planArms = plan.arms as { intervention: string; control: string } | undefined;
  const clustered = armCol && planArms
    // A column named like a patient id (`Deltagernummer` beside a form's response number) is never the clusters.
    ? clusterColumnsOf(csv, { idCol, armCol, arms: planArms, candidates: stems.filter((s) => !taken.has(s) && !ID.test(nameKey(s)) && stemColumns.get(s)?.length === 1 && stemColumns.get(s)![0] === s) })
    : [];
  if (clustered.length) {
    const c = clustered[0]!;
    plan.clusters = c.column;
    // Each such column is left out of the covariates: its levels would repeat the arm in the ANCOVA.
    for (const { column } of clustered) taken.add(column);
    const total = c.levels.intervention + c.levels.control;
    // Nearly so (a patient recorded in the other arm): said, so the patient's arm gets checked (trial/cluster-signature.ts).
    const moved = c.near?.others.reduce((a, o) => a + o.patients, 0);
    const how = c.near ? `lie nearly wholly in one arm (${c.near.wholly} of ${total} wholly; ${moved === 1 ? '1 patient' : `${moved} patients`} in their value's other arm — check their arm;` : 'each lie wholly in one arm (';
    guesses.push(`clusters: "${c.column}" — its ${total} values ${how}${c.near ? ' ' : ''}${c.levels.intervention} intervention, ${c.levels.control} control): a cluster-randomised trial, analysed with cluster-robust standard errors ("clusters": "${c.column}")`);
    checks.push(`"clusters": "${c.column}": check that whole groups (practices, wards) were randomised by "${c.column}"; if patients were randomised one by one, replace it by "notClusters": ["${c.column}"] (docs/plan-trial.md#cluster-randomised-trials)`);
    for (const other of clustered.slice(1)) guesses.push(`not used: "${other.column}", whose values also each lie wholly in one arm (another name of the clusters?)`);
  }

  // Covariates: known names among the rest.
  const covariates: string[] = [];
  const renames: Record<string, string> = {};
  const placeDrafted = stems.some((s) => !taken.has(s) && namesAPlace(nameKey(s)));
  for (const s of stems) {
    if (taken.has(s) || !isCovariateName(s)) continue;
    if (placeDrafted && DATA_ACCESS_GROUP.test(nameKey(s))) {
      guesses.push(`not used: "${s}", REDCap's data access group (usually the site): a place column is drafted as a covariate already — use "${s}" instead if it is the stratification factor`);
      continue;
    }
    // One value in every row (a single-site trial's `site_code`): nothing to adjust for — drafted,
    // analyze refused the whole model ("has only one level: drop it from the model").
    const levels = stemValues(s).filter((v) => !isDontKnowWord(v));
    if (levels.length <= 1 && csv.records.length > 1) {
      guesses.push(`not used: "${s}", ${levels.length ? 'the same value in every row' : 'no value in any row'}: no covariate (there is nothing to adjust for)`);
      taken.add(s);
      continue;
    }
    const name = asciiName(s);
    covariates.push(name);
    if (name !== s) renames[name] = s;
    const values = stemValues(s).map((v) => parseNumber(v, decimalComma));
    for (const v of values) if (v !== undefined && SENTINELS.has(v) && v < 0) missing.add(v);
    for (const v of values) if (v !== undefined && (v === 999 || v === 9999)) missing.add(v);
    // Castor EDC's −95 … −98 (sex −96 beside 1/2, a BMI of −95) where nothing else in the column is
    // negative: codes, never a third sex or a BMI in the ANCOVA (negative-codes.ts).
    const negatives = negativeCodesAmong(values.filter((v): v is number => v !== undefined));
    for (const v of negatives) missing.add(v);
    const castor = negatives.filter(isCastorOwnCode);
    if (castor.length) castorDrafted.push({ where: `column "${s}"`, codes: castor });
    // A column of numbers (column-kind.ts: as validate will read it) with a few words in it: a
    // word is drafted as a missing-value code, as in an outcome's column; anything with a digit in
    // it (`45 år`, a typo `4O`), a failed formula or a number in the other decimal mark is a value
    // someone wrote, left for validate to name.
    const numeric = kindOfValues(stemCells(s).map((v) => parseNumber(v, decimalComma) ?? v)) === 'numeric';
    // A "don't know" word among a category column's values (`Ikke oplyst` beside `Kvinde`, `Mand`)
    // is no third category: drafted as missing, unless every value is one (answer-words.ts).
    const dontKnow = stemValues(s).filter(isDontKnowWord);
    if (dontKnow.length && stemValues(s).some((v) => !isDontKnowWord(v))) {
      for (const v of dontKnow) missing.add(v);
      checks.push(`column "${s}": ${dontKnow.map((w) => JSON.stringify(w)).join(', ')} drafted as missing-value code${dontKnow.length > 1 ? 's' : ''} ("don't know"), not a category of its own in the ANCOVA and Table 1: check that none is an answer`);
    }
    stemValues(s).forEach((v, k) => {
      if (isDontKnowWord(v)) return;
      if (isExcelError(v) && !isFailedFormula(v)) missing.add(v);
      else if (isFailedFormula(v) || isPercentCell(v)) notNumbers.add(`${JSON.stringify(v)} (column "${s}")`);
      else if (!numeric || values[k] !== undefined) return;
      else if (inOtherMark(v, decimalComma ? ',' : '.')) mixedMarks.add(v);
      else if (addWithUnit(`column "${s}"`, v)) return;
      else if (!notACode(v) && isDateCell(v)) addDate(`column "${s}"`);
      else if (notACode(v) || (/\d/.test(v) && !CODE_WITH_DIGITS.test(v))) notNumbers.add(`${JSON.stringify(v)} (column "${s}"${notACodeWhat(v)})`);
      else if (isSasBareLetter(v)) sasLetters.add(v, { column: s, columns: [s] });
      else missing.add(v);
    });
  }
  if (covariates.length) {
    plan.covariates = covariates;
    if (Object.keys(renames).length) columns.covariates = renames;
    guesses.push(`covariates: ${covariates.map((c) => (renames[c] ? `${c} (column "${renames[c]}")` : c)).join(', ')}`);
    checks.push('covariates: keep only those the trial protocol pre-specified for adjustment');
    // A few whole numbers (1/2/3, a radio field's 1–4) may be categories or a scale, and validate does
    // not guess (column-kind.ts, rule 3): drafted as categories — no straight line assumed — and said.
    const types: Record<string, 'categorical'> = {};
    const factors: string[] = [];
    for (const name of covariates) {
      const column = renames[name] ?? name;
      const cells = stemCells(column).filter((v) => !missing.has(v));
      const read = cells.map((v) => parseNumber(v, decimalComma) ?? v).filter((v) => !missing.has(v));
      // Stratification factors: categories, adjusted for as the randomisation was stratified (stratum-names.ts).
      if (namesAStratum(column)) {
        types[name] = 'categorical';
        const block = namesABlock(column);
        if (!block) factors.push(name);
        checks.push(`"${column}" names a ${block ? 'randomisation block' : 'stratification factor'}: drafted as a categorical covariate ("covariateTypes": { "${name}": "categorical" }${block ? '' : `, "stratificationFactors": ["${name}"]`}), since the analysis should adjust for the factors the randomisation was stratified by (ICH E9)${block ? ' — for the blocks of permuted-block randomisation, keep it only if the protocol adjusts for them (each block costs the ANCOVA a degree of freedom)' : ''}`);
        continue;
      }
      // Places (sites 1–5, DAGI region codes 1081–1085) are categories, never one number (place-covariates.ts).
      const place = kindOfValues(read) === 'numeric' ? placeReason(column, nameKey(column), read.filter((v): v is number => typeof v === 'number')) : undefined;
      if (place) {
        types[name] = 'categorical';
        checks.push(`${place}: drafted as categories ("covariateTypes": { "${name}": "categorical" }), one level per place in the ANCOVA and a count per place in Table 1`);
        continue;
      }
      const codes = tallyOf(read).undecidedCodes();
      if (!codes) continue;
      types[name] = 'categorical';
      checks.push(`"${name}" has only the values ${codes.join(', ')}: drafted as ${countWord(codes.length)} categories ("covariateTypes": "categorical"); if they are a scale (one slope in the ANCOVA), write "numeric"${userMissingHint(column, codes, (v) => scalesHolding(v, { outcomes: outcomes as unknown as PlanOutcome[], instruments: instruments as Plan['instruments'] }).map((h) => h.key))}`);
    }
    if (Object.keys(types).length) plan.covariateTypes = types;
    // Sex as bare codes (1/2 from SPSS, REDCap or Castor without value labels): Table 1 would print
    // "Sex: 1 / 2", and hta does not guess which code is which — the report manifest names them
    // (docs/manifest.md, "characteristics"; `hta report` says the same: table-one.ts bareCodesNote).
    for (const name of covariates) {
      const column = renames[name] ?? name;
      if (!SEX_COLUMN.test(nameKey(column))) continue;
      const values = [...new Set(stemCells(column).filter((v) => !missing.has(v)).map((v) => parseNumber(v, decimalComma) ?? v))];
      if (values.length < 2 || !values.every((v) => typeof v === 'number' && Number.isInteger(v))) continue;
      const codes = (values as number[]).sort((a, b) => a - b).map(String);
      checks.push(`"${column}" holds the codes ${codes.join(', ')}, not words: Table 1 shows them as codes until you name them in the report manifest's entry: "characteristics": [{ "column": ${JSON.stringify(column)}, "levelLabels": { ${codes.map((c) => `"${c}": { "en": "…", "da": "…" }`).join(', ')} } }] (docs/manifest.md, "characteristics")`);
    }
    // Named as such in the methods (docs/plan-trial.md#stratification-factors).
    if (factors.length) plan.stratificationFactors = factors;
  }
  if (castorDrafted.length) checks.push(castorCodesCheck(castorDrafted));
  // Participants never randomised and a participant-status column, for the participant flow (flow-draft.ts).
  const flowDraft = draftFlow(csv, idCol, armCol, notRandomisedArmValues);
  if (flowDraft.withdrawalColumn !== undefined) {
    columns.withdrawalReason = flowDraft.withdrawalColumn;
    taken.add(flowDraft.withdrawalColumn);
  }
  if (flowDraft.readByDefault !== undefined) taken.add(flowDraft.readByDefault);
  if (flowDraft.flow) plan.flow = flowDraft.flow;
  guesses.push(...flowDraft.guesses);
  checks.push(...flowDraft.checks);
  // A column of withdrawn consent: its patients left out of everything, not a column "not used" (consent-draft.ts).
  const consentDraft = draftConsentColumn(csv, idCol);
  if (consentDraft.column !== undefined) {
    columns.consentWithdrawn = consentDraft.column;
    taken.add(consentDraft.column);
  }
  guesses.push(...consentDraft.guesses);
  checks.push(...consentDraft.checks);
  // OpenClinica 3's removed subjects: read and analysed as any other unless their lines go (oc3-events.ts).
  const removed = oc3RemovedSubjects(csv);
  if (removed) {
    const n = removed.lines.length;
    checks.push(`${csv.file}:${n === 1 ? `${removed.lines[0]}` : `lines ${formatLineRanges(lineRanges(removed.lines))}`} (${removed.column}): ${n === 1 ? 'a line says' : `${n} lines say`} ${removed.values.map((v) => JSON.stringify(v)).join(' or ')} — OpenClinica 3's subject removed from the study, its data invalidated; hta reads no subject status, so ${n === 1 ? 'it is' : 'they are'} analysed as the others: delete ${n === 1 ? 'the line' : 'those lines'} from the export if ${n === 1 ? 'the subject is' : 'the subjects are'} to be left out`);
  }
  // A REDCap repeating instrument of adverse events: the "adverseEvents" section (adverse-events-draft.ts).
  const aeDraft = draftAdverseEvents(csv);
  if (aeDraft.section) plan.adverseEvents = aeDraft.section;
  for (const c of aeDraft.columns) taken.add(c);
  guesses.push(...aeDraft.guesses);
  checks.push(...aeDraft.checks);
  // A file that is an event listing (AETERM, AESER…) and no trial export: said first, before the visits and outcomes it lacks.
  const listing = undecided.length && !aeDraft.section ? eventListingColumns(header) : undefined;
  if (listing) undecided.unshift(eventListingText(listing, idCol));
  // A repeated id column is read (checked against the id), not "not used": in a wide export its stem is the id's own name.
  const repeatedStems = new Set(repeatedIds.map(stemsOf));
  const ignored = stems.filter((s) => s !== '' && !taken.has(s) && !isCovariateName(s) && !repeatedStems.has(s));
  if (ignored.length) guesses.push(`not used: ${ignored.join(', ')}`);
  if (header[0] === '' && !rowNamesId) guesses.push('not used: column 1, which has no name: row names, as R\'s write.csv and pandas write them');

  if (mixedMarks.size) {
    const examples = [...mixedMarks].slice(0, 3).map((v) => JSON.stringify(v)).join(', ');
    const [theirs, file] = decimalComma ? ['a decimal point', 'a decimal comma'] : ['a decimal comma', 'a decimal point'];
    checks.push(`values such as ${examples} have ${theirs} while the file's other numbers have ${file}: hta reads one decimal mark per file, so these are not numbers — export the file again with one decimal mark (docs/input-trial-export.md#dialects)`);
  }
  for (const [where, { units, values }] of withUnit) {
    const shown = values.slice(0, 3).map((v) => JSON.stringify(v)).join(', ');
    const unitList = [...units].map((u) => JSON.stringify(u)).join(', ');
    checks.push(`${where}: ${values.length === 1 ? 'a value is a number' : `${values.length} different values are numbers`} written with a unit (${unitList}: ${shown}${values.length > 3 ? ', …' : ''}): ${values.length === 1 ? 'not a number, and not drafted as a missing-value code (that would drop the patient)' : 'not numbers, and not drafted as missing-value codes (that would drop every such patient)'} — strip the unit in the export; \`hta validate\` names their lines`);
  }
  if (notNumbers.size) {
    const listed = [...notNumbers];
    checks.push(`${listed.slice(0, 6).join(', ')}${listed.length > 6 ? `, and ${listed.length - 6} more` : ''}: not numbers, and not drafted as missing-value codes (a typo, a failed Excel formula or a per-cent sign would hide a real answer) — correct them in the export; \`hta validate\` names their lines. Add one to "missingCodes" only if it means "unknown"`);
  }
  for (const [where, n] of datedCells) {
    checks.push(`${where}: ${n === 1 ? 'a value is a date' : `${n} different values are dates`} (not quoted: a date is a patient's): ${n === 1 ? 'not a number, and not drafted as a missing-value code' : 'not numbers, and not drafted as missing-value codes'} — correct the export (a shifted line, or the wrong column?); \`hta validate\` names ${n === 1 ? 'its line' : 'their lines'}`);
  }
  const specialCells = special.describe();
  if (specialCells) guesses.push(`missing by definition: ${specialCells}, read as missing in every column (no "missingCodes" needed)`);
  const letters = sasLetters.draft(stemCells, (o) => outcomes.includes(o as Outcome));
  if (letters.columnCodes) plan.columnCodes = letters.columnCodes;
  guesses.push(...letters.guesses);
  // A number code drafted from one column that is a value of another (the NRS's user-missing 99
  // beside weights of 98 and 100 kg): drafted where it is a code, never plan-wide
  // (number-code-places.ts). Every column of numbers counts, used or not: a covariate added by
  // hand is read with the plan's codes. The clusters and id-named columns are no values.
  const numberColumns = stems
    .filter((s) => s !== plan.clusters && !ID.test(nameKey(s)))
    .map((s) => ({ stem: s, numbers: stemCells(s).flatMap((v) => parseNumber(v, decimalComma) ?? []) }));
  for (const placed of placeNumberCodes(missing, numberColumns)) {
    missing.delete(placed.code);
    const where: string[] = [];
    for (const stem of placed.codeIn) {
      const outcome = stemOutcome.get(stem);
      if (outcome && outcomes.includes(outcome)) {
        outcome.missingCodes = [...new Set([...(outcome.missingCodes ?? []), placed.code])];
        where.push(`outcome "${outcome.key}"'s own "missingCodes"`);
      } else if (covariates.includes(asciiName(stem))) {
        const codes = (plan.columnCodes ??= {}) as Record<string, { missing: (string | number)[] }>;
        codes[stem] = { missing: [...new Set([...(codes[stem]?.missing ?? []), placed.code])] };
        where.push(`"columnCodes": { ${JSON.stringify(stem)}: { "missing": [${codes[stem]!.missing.map((c) => JSON.stringify(c)).join(', ')}] } }`);
      }
    }
    const { stem, lo, hi } = placed.valueIn;
    const shown = [...new Set(where)];
    guesses.push(`missing-value code ${placed.code}: ${shown.length ? `drafted as ${shown.join(' and ')}, not plan-wide` : 'not drafted'} — column "${stem}" holds values from ${lo} to ${hi}, on both sides of ${placed.code}, so plan-wide it would read those values as missing`);
  }
  if (missing.size) {
    plan.missingCodes = [...missing].sort((a, b) => String(a).localeCompare(String(b)));
    guesses.push(`missing-value codes: ${[...missing].map((m) => JSON.stringify(m)).join(', ')}`);
    checks.push('missing-value codes: check that none of them is a real answer');
    // A word that is no "don't know" (those have their own line) is said with what it removes,
    // column by column: a scale's labelled end so drafted once dropped every NRS 10 (free-end-label.ts).
    const wordCodes = new Map([...missing].filter((m): m is string => typeof m === 'string' && isWordLabel(m)).map((m) => [m, header.map(() => 0)]));
    // One pass over the cells for every such code (an export may hold millions of cells).
    if (wordCodes.size) {
      for (const r of csv.records) {
        r.cells.forEach((v, i) => {
          if (v === null || v === undefined || !/\p{L}/u.test(v)) return;
          const byColumn = wordCodes.get(v) ?? wordCodes.get(nfc(v));
          if (byColumn) byColumn[i]!++;
        });
      }
    }
    for (const [m, byColumn] of wordCodes) {
      const counts = header.map((h, i) => [h, byColumn[i]!] as const).filter(([, n]) => n > 0);
      const total = counts.reduce((a, [, n]) => a + n, 0);
      const shown = counts.slice(0, 6).map(([h, n]) => `"${h}" ${n}`).join(', ');
      checks.push(`missing-value code ${JSON.stringify(m)}, a word and no "don't know": it makes ${total} cell${total === 1 ? '' : 's'} missing (${shown}${counts.length > 6 ? `, and ${counts.length - 6} more columns` : ''}) — if it is an answer (a scale's labelled end), give it its number in the outcome's "answers" and take it out of "missingCodes"`);
    }
  }
  if (Object.keys(instruments).length) plan.instruments = instruments;
  draftOutcomeLabels(outcomes);
  if (outcomes.some((o) => o.label)) checks.push('check the outcome names ("label" of each outcome): every table, chart and sentence of the reports names the outcomes by them');
  plan.outcomes = outcomes;
  // No "importance" is drafted (which outcome a committee weighs most is the protocol's, not the
  // export's), so every outcome is "critical", the default: said, never silently (docs/plan-trial.md#certainty).
  if (outcomes.length > 1) {
    const yesNo = outcomes.filter((o) => o.instrument === 'binary').map((o) => JSON.stringify(o.key));
    checks.push(`every outcome is "critical" (no "importance" given): the summary of findings and the conclusion weigh them alike as critical, and each needs a GRADE "certainty" — give the secondary ones "importance": "important"${yesNo.length ? ` (medication use and adverse events usually are: ${yesNo.join(', ')}?)` : ' (medication use and adverse events usually are)'}, and each outcome its "certainty" (docs/plan-trial.md#certainty)`);
  }
  // No "primary" is drafted: which outcome and visit the trial is powered for is the protocol's,
  // not the export's. Said, since without one the report has no sensitivity analysis (plan-warnings.ts).
  if (outcomes.length && Array.isArray(plan.timepoints)) checks.push(primaryAdvice(outcomes[0]!.key, String((plan.timepoints as unknown[])[0] ?? '3m')));
  plan.methods = ['ancova', 'welch'];
  return { plan, undecided, guesses, checks, ...(mcidLeft.length ? { mcidLeft } : {}) };
}
