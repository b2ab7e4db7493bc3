/**
 * A problem's "expected …" text in the report's language. Problems are worded in English where
 * they are found (src/trial/, src/io/); the Danish report's "rows left out" table rewords the
 * row-level ones a Danish committee may see, pattern by pattern. A text no pattern knows is shown
 * as it is (English), never dropped. Names quoted from the plan or export stay as they are.
 */
import type { Lang } from './i18n.js';
import { instruments } from '../instruments/registry.js';
import type { ProblemWords } from '../problem-groups.js';
import { nanHint } from '../trial/nan-cells.js';
import { castorCodesText } from '../plan/negative-codes.js';
import { emptyFirstExpected, emptyRepeatExpected } from '../trial/patient-ids.js';
import { danishEveryRowExcluded } from '../trial/most-rows-excluded.js';
import { UNDECIDED_MESSAGE_DA, UNDECIDED_WRITE_DA } from '../plan/undecided-da.js';
import { pandasLayoutMessageDa, pandasLayoutWriteDa } from '../plan/export-layouts-da.js';
import { changedWhileReadMessageDa } from '../io/file-identity.js';
import { registryDateExpectedDa } from '../uptake/registry-dates-da.js';
import { numberCodeExpectedDa } from '../trial/number-code-values.js';
import { pivotBlankExpectedDa, pivotBlanksMessageDa, pivotEligibleExpectedDa } from '../uptake/pivot-blanks-words.js';
import { spssViewerExpectedDa, spssViewerMessageDa } from '../uptake/spss-viewer-words.js';
import { missingCodeHint } from '../uptake/missing-cells.js';
import { unreadableDatesMessageDa } from '../uptake/unreadable-dates.js';
import { parquetFailureExpectedDa, parquetFailureMessageDa } from '../uptake/engine/parquet-failures.js';

/** A pattern's Danish: a replacement string (`$1`) or a function of the groups. */
type Replacement = string | ((substring: string, ...groups: (string | undefined)[]) => string);

const DANISH: readonly [RegExp, Replacement][] = [
  // A column of withdrawn consent (trial/consent-withdrawn.ts).
  [/^the plan naming the column of withdrawn consent: add "consentWithdrawn": ("[^"]*") to its "columns" — the patients it marks are then left out of every analysis, count and output, and the participant flow says how many withdrew consent; read as now, their data would be analysed and published; if the consent form lets the data collected before the withdrawal be used, say so with "consentWithdrawn": null \((docs\/plan-trial\.md#consent-withdrawn)\)$/,
    'at planen angiver kolonnen for tilbagetrukket samtykke: tilføj "consentWithdrawn": $1 i dens "columns" — de patienter, kolonnen markerer, udelades så af alle analyser, optællinger og output, og patientflowet angiver, hvor mange der trak samtykket tilbage; læst som nu ville deres data blive analyseret og offentliggjort; tillader samtykkeerklæringen, at data indsamlet før tilbagetrækningen bruges, så angiv det med "consentWithdrawn": null ($2)'],
  [/^1, a yes word \(Ja, Yes, TRUE\) or a date for a patient who withdrew consent; 0, a no word or an empty cell otherwise — for other codes give their meaning in the plan's "columnCodes": \{ ("[^"]*"): \{ "answers": \{ "<code>": 1 \} \} \} \(1 withdrew, 0 did not\)$/,
    '1, et ja-ord (Ja, Yes, TRUE) eller en dato for en patient, der trak samtykket tilbage; ellers 0, et nej-ord eller en tom celle — for andre koder angiv deres betydning i planens "columnCodes": { $1: { "answers": { "<kode>": 1 } } } (1 trak tilbage, 0 gjorde ikke)'],
  [/^a column ("[^"]*") marking the patients who withdrew consent, as the plan's "columns": \{ "consentWithdrawn" \} says \(columns are: (.*)\)$/, 'en kolonne $1, der markerer de patienter, der trak samtykket tilbage, som planens "columns": { "consentWithdrawn" } angiver (kolonnerne er: $2)'],
  [/^a patient id \(the cell is empty\)$/, 'et patient-id (cellen er tom)'],
  // The plan's columns missing from the header (trial/load-trial.ts), the first lines a user whose plan names other columns meets.
  [/^(a patient id|an arm|a time|an exposure) column named (".*") \(columns are: (.*)\); name it in the plan's (.*)$/,
    (_m: string, role?: string, name?: string, listed?: string, where?: string) =>
      `en kolonne med ${({ 'a patient id': 'patient-id', 'an arm': 'gruppen', 'a time': 'tidspunktet', 'an exposure': 'eksponeringen' } as Record<string, string>)[role!]} ved navn ${name} (kolonnerne er: ${listed}); angiv den i planens ${where}`],
  [/^a column (".*") for (covariate|confounder) (".*") \(columns are: (.*)\); map it in ("columns": \{ "covariates": \{ .* \} \})$/,
    (_m: string, column?: string, what?: string, name?: string, listed?: string, where?: string) =>
      `en kolonne ${column} til ${what === 'covariate' ? 'kovariaten' : 'den forstyrrende faktor'} ${name} (kolonnerne er: ${listed}); angiv dens kolonne i ${where}`],
  [/^a column (".*") for confounder (".*") \(columns are: (.*)\); give the confounder's "column" in ("observational": \{ "confounders": \[ … \] \})$/,
    'en kolonne $1 til den forstyrrende faktor $2 (kolonnerne er: $3); angiv den forstyrrende faktors "column" i $4'],
  [/^a column (".*") for outcome (".*") or its item columns (\S+…\S+); set "column" \(or "items"\) in the plan if it is named differently$/,
    'en kolonne $1 til effektmålet $2 eller dets spørgsmålskolonner $3; angiv "column" (eller "items") i planen, hvis den hedder noget andet'],
  [/^a column (".*") for outcome (".*"); set "column" \(or "items"\) in the plan if it is named differently$/,
    'en kolonne $1 til effektmålet $2; angiv "column" (eller "items") i planen, hvis den hedder noget andet'],
  [/^columns ending in (".*") for the plan's (baseline|visit) (".*")(?: \(the export's (".*"), by "timeLabels"\))?(?:; the export's visits: (.*?))? — set "baseline" and "timepoints" to the export's visits, or map them with "timeLabels"$/,
    (_m: string, suffix?: string, which?: string, visit?: string, exported?: string, has?: string) =>
      `kolonner, der ender på ${suffix}, til planens ${which === 'baseline' ? 'baseline' : 'besøg'} ${visit}${exported ? ` (eksportens ${exported} via "timeLabels")` : ''}${has ? `; eksportens besøg: ${has}` : ''} — sæt "baseline" og "timepoints" til eksportens besøg, eller knyt dem til planens med "timeLabels"`],
  [/^all (\d+) item columns of (.*) for outcome (".*") \(or a score column (".*")\); list them in the outcome's "items"$/,
    'alle $1 spørgsmålskolonner i $2 til effektmålet $3 (eller en scorekolonne $4); angiv dem i effektmålets "items"'],
  [/^an arm value: (".*") \(intervention\) or (".*") \(control\), as in the plan's "arms"$/, 'en gruppe: $1 (intervention) eller $2 (kontrol), som i planens "arms"'],
  [/^an arm value: (".*") \(intervention\) or (".*") \(control\), as in the plan's "arms", or an arm not compared, as in its "otherArms" \((.*)\)$/, 'en gruppe: $1 (intervention) eller $2 (kontrol), som i planens "arms", eller en gruppe, der ikke sammenlignes, som i dens "otherArms" ($3)'],
  [/^a time point of the plan \((.*)\); map other labels with "timeLabels", list the visit in "allTimepoints", or leave an unscheduled visit out with "ignoreTimepoints"$/, 'et tidspunkt i planen ($1); knyt andre betegnelser til dem med "timeLabels", angiv besøget i "allTimepoints", eller udelad et uplanlagt besøg med "ignoreTimepoints"'],
  // The row's own detail (which line it repeats) is not in `expected` (errors.ts, Problem.detail): the table lists the lines.
  [/^one row per patient and time point$/, 'én række pr. patient og tidspunkt'],
  [/^one line per patient — delete the repeated line, or correct its id$/, 'én linje pr. patient — slet den gentagne linje, eller ret dens id'],
  [/^one row per patient and time point; a repeating event \((.*)\) gives a row per instance — keep one instance per visit \(e\.g\. the first\), or give each repeat a visit of its own$/, 'én række pr. patient og tidspunkt; en gentaget hændelse ($1) giver en række pr. gentagelse — behold én gentagelse pr. besøg (fx den første), eller giv hver gentagelse sit eget besøg'],
  [/^the same arm for a patient throughout$/, 'samme gruppe for patienten i alle rækker'],
  [/^a patient's row: a summary row \(a total, mean or count word in the id column: no patient, even with an arm value\) — delete it from the export$/, 'en patients række: en summerække (et ord for total, gennemsnit eller antal i id-kolonnen: ingen patient, heller ikke med en gruppe) — slet den fra eksporten'],
  // Arms read from REDCap event names ("armSource": "redcap-event").
  [/^events of one REDCap arm for each record \(this record's line (\d+) is an event of (".*")\); REDCap keeps a record in one arm — check the record's events in REDCap, or re-export$/, 'hændelser i samme REDCap-gruppe for hver post (postens linje $1 er en hændelse i $2); REDCap holder en post i én gruppe — tjek postens hændelser i REDCap, eller eksportér igen'],
  [/^a REDCap event name that ends in its arm \((".*"), or (".*") in a label export\): the plan's "armSource": "redcap-event" reads each row's arm from it$/, 'et REDCap-hændelsesnavn, der ender på sin gruppe ($1, eller $2 i en eksport med etiketter): planens "armSource": "redcap-event" læser hver rækkes gruppe derfra'],
  [/^an event of the plan's arms: ending in (".*") \(intervention\) or (".*") \(control\), as in the plan's "arms"; this event is in REDCap arm (\d+) \((".*")\)$/, 'en hændelse i planens grupper: der ender på $1 (intervention) eller $2 (kontrol), som i planens "arms"; hændelsen er i REDCap-gruppe $3 ($4)'],
  [/^one of the answer codes of (".*") in the plan \((.*)\) or a missing-value code$/, 'en af svarkoderne for $1 i planen ($2) eller en kode for manglende værdi'],
  [/^an answer (?:of|from) (.*) \((.*) item (\d+)\) after the answer codes$/, 'et svar blandt $1 ($2, spørgsmål $3) efter svarkoderne'],
  [/^an answer (?:of|from) (.*) \((.*) item (\d+)\)$/, 'et svar blandt $1 ($2, spørgsmål $3)'],
  // An item's answer out of range (trial/load-trial.ts), its instrument by the Danish name.
  [/^an answer (of|from) (.*?) \(the items of (.*)\)( after the answer codes)?$/,
    (_m: string, ofFrom?: string, allowed?: string, name?: string, codes?: string) =>
      `et svar ${ofFrom === 'of' ? 'blandt' : 'fra'} ${ofFrom === 'of' ? allowed! : allowed!.replace(/^(\S+) to (\S+)$/, '$1 til $2')} (spørgsmålene i ${Object.values(instruments).find((i) => i.name.en === name)?.name.da ?? name!})${codes ? ' efter svarkoderne' : ''}`],
  // A cell with the other decimal mark, or behind Excel's text apostrophe (io/decimal-mark.ts, otherMarkHint).
  [/^a whole number from (\S+) to (\S+) \((.*)\) with the file's decimal comma$/, 'et helt tal fra $1 til $2 ($3) med filens decimalkomma'],
  [/^a whole number from (\S+) to (\S+) \((.*)\) with the file's decimal point$/, 'et helt tal fra $1 til $2 ($3) med filens decimalpunktum'],
  [/^a number from (\S+) to (\S+) \((.*)\) with the file's decimal comma$/, 'et tal fra $1 til $2 ($3) med filens decimalkomma'],
  [/^a number from (\S+) to (\S+) \((.*)\) with the file's decimal point$/, 'et tal fra $1 til $2 ($3) med filens decimalpunktum'],
  [/^(?:a whole number|a number) from (\S+) to (\S+) \((.*)\), not text$/, 'et tal fra $1 til $2 ($3), ikke tekst'],
  [/^a whole number from (\S+) to (\S+) \((.*)\)$/, 'et helt tal fra $1 til $2 ($3)'],
  [/^a number from (\S+) to (\S+) \((.*)\)$/, 'et tal fra $1 til $2 ($3)'],
  [/^a number from (\S+) to (\S+)$/, 'et tal fra $1 til $2'],
  // A line with another number of fields than the header (io/read-csv.ts), in every reader.
  [/^(\d+) fields as in the header \(check the separator "(.*)" and quoting\)$/, '$1 felter som i overskriftslinjen (tjek skilletegnet "$2" og anførselstegnene)'],
  [/^(\d+) named fields \(the header line writes (\d+) with its empty ones\) \(check the separator "(.*)" and quoting\)$/, '$1 navngivne felter (overskriftslinjen har $2 med de tomme) (tjek skilletegnet "$3" og anførselstegnene)'],
  // The registry reader's form (read-registry.ts), which names no separator.
  [/^(\d+) fields as in the header \(check the separator and quoting\)$/, '$1 felter som i overskriftslinjen (tjek skilletegnet og anførselstegnene)'],
  [/^a finite number \(or leave the cell empty when unknown\)$/, 'et endeligt tal (eller en tom celle, når værdien er ukendt)'],
  [/^a category, or an empty cell when the value is unknown$/, 'en kategori eller en tom celle, når værdien er ukendt'],
  // A cell that is not a number in a column of numbers (trial/column-kind.ts).
  [
    /^a number, as the other values of (".*") are \(read as text, it would make each of them a category of its own\); if it means "missing", add it to the plan's "missingCodes"; if the column holds categories, (?:set ("covariateTypes": \{ ".*": "categorical" \}) in the plan|give the confounder ("type": "categorical"))$/,
    'et tal, som de andre værdier af $1 er (læst som tekst ville hver af dem blive sin egen kategori); betyder den "mangler", så føj den til planens "missingCodes"; rummer kolonnen kategorier, så angiv $2$3 i planen',
  ],
  // A covariate's (or confounder's) missing-value code the plan does not declare (trial/negative-code-cells.ts, observational/nine-codes.ts).
  [/^a value of the (covariate|confounder) "(.*)", not a missing-value code: (-?\d+) is (Castor EDC's codes? for .*|a usual code for "missing" \((.*)\)), and no other value of "\2" is negative — if it means "missing", add it to the plan's "missingCodes"; if it is a real value, give "\2" a "covariateRanges" entry that includes it$/,
    (_m: string, noun?: string, name?: string, value?: string, _what?: string, usual?: string) =>
      `${codeOwnerDa(noun!, name!)}, ikke en kode for manglende værdi: ${value!} er ${usual === undefined ? castorCodesText([Number(value)], 'da') : `en almindelig kode for "mangler" (${usual})`}, og ingen anden værdi af "${name!}" er negativ — ${CODE_ADVICE_DA(name!, '')}`],
  [/^a value of the (covariate|confounder) "(.*)", not a missing-value code: far above its other values \(at most (\S+)\), so likely a code for "missing" — if it means "missing", add it to the plan's "missingCodes"( \(those patients are then left out and counted\))?; if it is a real value, give "\2" a "covariateRanges" entry that includes it$/,
    (_m: string, noun?: string, name?: string, top?: string, counted?: string) =>
      `${codeOwnerDa(noun!, name!)}, ikke en kode for manglende værdi: langt over dens andre værdier (højst ${top!}), så sandsynligvis en kode for "mangler" — ${CODE_ADVICE_DA(name!, counted ? ' (de patienter udelades da og tælles)' : '')}`],
  [/^a plausible (\S+): (\S+) to (\S+) \(set .*\)$/, 'en plausibel værdi af $1: $2 til $3 (ret "covariateRanges" i planen, hvis andre værdier er rigtige)'],
  // A score column of fractions of 1 (trial/fraction-scales.ts fractionExpected).
  [/^(\S+) \(a score from (\S+) to (\S+)\), not (\S+) — the column looks like fractions of 1 \(Excel percentage cells, 44 % saved as 0\.44\): every one of its (\d+) values lies from 0 to 1, (\d+) of them with decimals; multiply the column by 100 or format it as numbers in the spreadsheet, and export again \((docs\/plan-trial\.md#fractions-of-one)\)$/,
    '$1 (en score fra $2 til $3), ikke $4 — kolonnen ligner andele af 1 (Excel-celler formateret som procent, 44 % gemt som 0,44): alle dens $5 værdier ligger fra 0 til 1, $6 af dem med decimaler; gang kolonnen med 100, eller formatér den som tal i regnearket, og eksportér igen ($7)'],
  [/^a score from (\S+) to (\S+), not a fraction of 1 such as (\S+) — the column looks like fractions of 1 \(Excel percentage cells, or scores divided by the scale's top\): every one of its (\d+) values lies from 0 to 1, (\d+) of them with decimals; put the scores on the (\S+) scale in the export and export again \((docs\/plan-trial\.md#fractions-of-one)\)$/,
    'en score fra $1 til $2, ikke en andel af 1 som $3 — kolonnen ligner andele af 1 (Excel-celler formateret som procent eller scorer divideret med skalaens top): alle dens $4 værdier ligger fra 0 til 1, $5 af dem med decimaler; angiv scorerne på skalaen $6 i eksporten, og eksportér igen ($7)'],
  [/^one withdrawal reason per patient; leave the other rows empty$/, 'én frafaldsårsag pr. patient; lad de andre rækker være tomme'],
  [/^a withdrawal reason the plan's "flow": \{ "withdrawalReasons" \} lists \((.*)\), or an empty cell; values meaning the patient did not withdraw \(a status column's "Completed"\) belong in "flow": \{ "notWithdrawn": \[ … \] \}$/, 'en frafaldsårsag, som planens "flow": { "withdrawalReasons" } angiver ($1), eller en tom celle; værdier, der betyder, at patienten ikke er faldet fra (en statuskolonnes "Completed"), hører til i "flow": { "notWithdrawn": [ … ] }'],
  [/^a reason the patient left the study, or an empty cell: this value reads as a status meaning the patient did not withdraw, which without the plan's "flow": \{ "withdrawalReasons" \} would count as lost to follow-up; list such values in "flow": \{ "notWithdrawn": \[ … \] \}$/, 'en årsag til, at patienten forlod forsøget, eller en tom celle: værdien læses som en status, der betyder, at patienten ikke er faldet fra, og uden planens "flow": { "withdrawalReasons" } ville den tælle som tabt til opfølgning; angiv sådanne værdier i "flow": { "notWithdrawn": [ … ] }'],
  [/^a withdrawal reason the plan's "flow": \{ "withdrawalReasons" \} lists \((.*)\), a value its "notWithdrawn" lists \((.*)\), or an empty cell$/, 'en frafaldsårsag, som planens "flow": { "withdrawalReasons" } angiver ($1), en værdi, som dens "notWithdrawn" angiver ($2), eller en tom celle'],
];

/** `a value of the covariate "bmi"` (or the confounder) in Danish. */
const codeOwnerDa = (noun: string, name: string): string => `en værdi af ${noun === 'confounder' ? 'den forstyrrende faktor' : 'kovariaten'} "${name}"`;
/** What to do with a code the plan does not declare: declare it, or give the column a range that holds it. */
const CODE_ADVICE_DA = (name: string, counted: string): string =>
  `betyder den "mangler", så føj den til planens "missingCodes"${counted}; er den en rigtig værdi, så giv "${name}" en "covariateRanges"-angivelse, der omfatter den`;

/** The `expected` text of a problem, reworded for `lang` when a pattern knows it. */
export function problemText(expected: string, lang: Lang): string {
  if (lang === 'en') return expected;
  return danishProblemText(expected) ?? expected;
}

/** The Danish wording of a problem's `expected`, or undefined when no pattern knows it. */
export function danishProblemText(expected: string): string | undefined {
  // An unknown arm's text may end in how to list a third arm (trial/other-arms.ts, otherArmsHint)
  // or a value meaning "never randomised" (trial/not-randomised-values.ts): reworded on its own.
  // So may a score off its scale end in the missing-code advice (trial/load-trial.ts columnCodeHint).
  // A registry column's pivot blanks (uptake/pivot-blanks-words.ts): worded whole there.
  // An SPSS Viewer table as the eligible file (uptake/spss-viewer-words.ts): worded whole there.
  // An export in pandas' melt() or tuple-header shape (plan/export-layouts-da.ts): worded whole there.
  // A registry date cell (uptake/registry-dates-da.ts): the format, its hint and its time-of-day fault, worded whole there.
  // A plan-wide number code among a column's values (trial/number-code-values.ts): worded whole there.
  // A Parquet file whose data cannot be read (uptake/engine/parquet-failures.ts): worded whole there.
  const whole = pivotBlankExpectedDa(expected) ?? pivotEligibleExpectedDa(expected) ?? pandasLayoutWriteDa(expected) ?? spssViewerExpectedDa(expected) ?? registryDateExpectedDa(expected) ?? numberCodeExpectedDa(expected) ?? parquetFailureExpectedDa(expected);
  if (whole !== undefined) return whole;
  const [hintPattern, hintDanish] = SUFFIX_HINTS.find(([pattern]) => pattern.test(expected)) ?? SUFFIX_HINTS[0]!;
  const hint = hintPattern.exec(expected);
  const text = hint ? expected.slice(0, hint.index) : expected;
  for (const [pattern, danish] of [...DANISH, ...DANISH_STUDIES, ...DANISH_REGISTRY, ...UNDECIDED_WRITE_DA, ...DANISH_IDENTIFYING, ...DANISH_TWO_RESPONSES]) if (pattern.test(text)) return danishInstrumentNames(text.replace(pattern, danish as (substring: string, ...args: unknown[]) => string)) + (hint ? hint[0].replace(hintPattern, hintDanish as (substring: string, ...args: unknown[]) => string) : '');
  return undefined;
}

/**
 * A column whose levels would print one patient (trial/identifying-characteristic.ts): a date, a
 * name or note per patient, an e-mail address or phone number where a category belongs. Its
 * `printed` and `advice` parts (LevelUse) are the module's own few texts, reworded here whole.
 */
const IDENTIFYING_PRINTED: Record<string, string> = {
  'a row of Table 1': 'en række i tabel 1',
  'a level of the covariate, a row of Table 1': 'et niveau af kovariaten, en række i tabel 1',
  "a level printed under its own name (a subgroup's row, a population's category)": 'et niveau vist under sit eget navn (en subgruppes række, en populations kategori)',
};
const IDENTIFYING_ADVICE: Record<string, string> = {
  'give Table 1 a column of groups instead (age in years or age groups for a date of birth; leave notes, names and initials out of "characteristics")':
    'giv tabel 1 en kolonne med grupper i stedet (alder i år eller aldersgrupper for en fødselsdato; udelad noter, navne og initialer af "characteristics")',
  'such a cell is most often a shifted line or a note typed into the wrong column: correct it in the export (a date of birth or inclusion is no category: give age in years or a group instead)':
    'sådan en celle er oftest en forskudt linje eller en note skrevet i den forkerte kolonne: ret den i eksporten (en fødsels- eller inklusionsdato er ingen kategori: angiv alder i år eller en gruppe i stedet)',
};
const IDENTIFYING_SIGNS: Record<string, string> = {
  'a CPR number': 'et CPR-nummer', 'a long number (a phone number)': 'et langt tal (et telefonnummer)', 'an e-mail address': 'en e-mailadresse', 'a date': 'en dato',
};
/** The Danish `printed` and `advice` (the patterns below match only the module's own texts). */
const identifyingTail = (printed: string, advice: string): [string, string] => [IDENTIFYING_PRINTED[printed]!, IDENTIFYING_ADVICE[advice]!];
const alternatives = (texts: Record<string, string>) => Object.keys(texts).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const PRINTED_ALT = alternatives(IDENTIFYING_PRINTED);
const ADVICE_ALT = alternatives(IDENTIFYING_ADVICE);
const DANISH_IDENTIFYING: readonly [RegExp, Replacement][] = [
  [new RegExp(`^a (characteristic|column) describing groups of patients, not a date: "(.*)" holds dates \\((\\d+) of its (\\d+) values\\), and each date would be (${PRINTED_ALT}) naming one patient's arm — (${ADVICE_ALT})$`),
    ((_m: string, what: string, field: string, dates: string, all: string, printed: string, advice: string) => {
      const t = identifyingTail(printed, advice);
      return `${what === 'characteristic' ? 'en karakteristik' : 'en kolonne'}, der beskriver grupper af patienter, ikke en dato: "${field}" indeholder datoer (${dates} af dens ${all} værdier), og hver dato ville blive ${t[0]}, der nævner én patients gruppe — ${t[1]}`;
    }) as Replacement],
  [new RegExp(`^a (characteristic|column) describing groups of patients: "(.*)" has (\\d+) different values for (\\d+) patients, (\\d+) of them held by one patient each \\(initials, names or notes\\), and each would be (${PRINTED_ALT}) naming one patient's arm — (${ADVICE_ALT})$`),
    ((_m: string, what: string, field: string, values: string, patients: string, single: string, printed: string, advice: string) => {
      const t = identifyingTail(printed, advice);
      return `${what === 'characteristic' ? 'en karakteristik' : 'en kolonne'}, der beskriver grupper af patienter: "${field}" har ${values} forskellige værdier for ${patients} patienter, ${single} af dem hos kun én patient hver (initialer, navne eller noter), og hver ville blive ${t[0]}, der nævner én patients gruppe — ${t[1]}`;
    }) as Replacement],
  [new RegExp(`^a category describing a group of patients, not a note about one: the cell \\(not quoted\\) would be (${PRINTED_ALT}) naming (one patient's arm|the arms of (\\d+) patients) — (${ADVICE_ALT})$`),
    ((_m: string, printed: string, _naming: string, n: string | undefined, advice: string) => {
      const t = identifyingTail(printed, advice);
      return `en kategori, der beskriver en gruppe af patienter, ikke en note om én: cellen (ikke citeret) ville blive ${t[0]}, der nævner ${n === undefined ? 'én patients gruppe' : `${n} patienters grupper`} — ${t[1]}`;
    }) as Replacement],
  // The detail of the last: which signs the cell has.
  [/^the cell has ((?:a CPR number|a long number \(a phone number\)|an e-mail address|a date|\d+ words held by one patient)(?:, (?:a CPR number|a long number \(a phone number\)|an e-mail address|a date|\d+ words held by one patient))*)$/,
    ((_m: string, list: string) => `cellen har ${list.split(', ').map((sign) => IDENTIFYING_SIGNS[sign] ?? sign.replace(/^(\d+) words held by one patient$/, '$1 ord hos kun én patient')).join(', ')}`) as Replacement],
];

/** Two responses of one patient to one survey round (trial/patient-ids.ts twoResponsesExpected), and a repeat's detail (joinedListingDetail). */
const moreDa = (columns: string) => columns.replace(/ and (\d+) more$/, ' og $1 mere');
/** A pattern matching exactly `text` (an English problem text made by a function, not a literal). */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
/** An empty repeat of a visit or line (trial/patient-ids.ts emptyRepeatExpected, emptyFirstExpected), in the glossary's words. */
const DANISH_EMPTY_REPEATS: readonly [RegExp, Replacement][] = [false, true].flatMap((wide): [RegExp, Replacement][] => {
  const unit = wide ? 'én linje pr. patient' : 'én række pr. patient og tidspunkt';
  const line = wide ? 'linje' : 'række';
  const other = wide ? 'patientens anden linje' : 'patientens anden række ved besøget';
  const instance = 'fx gentagne data i Castor EDC eller et gentaget REDCap-skema, der er oprettet';
  return [
    [exactly(emptyRepeatExpected(wide)), `${unit}: denne ${line} har ingen af planens værdier, som ${other} mangler (ingen celle med et effektmål udfyldt, dens andre celler, som planen læser, tomme eller de samme) — en tom gentagelse af ${wide ? 'patienten' : 'besøget'}, ${instance} to gange og aldrig udfyldt: slet den fra eksporten; --exclude-invalid udelader den, uden at nogen værdi går tabt`],
    [exactly(emptyFirstExpected(wide)), `${unit}: patientens tidligere ${wide ? 'linje' : 'række ved besøget'} har ingen af planens værdier, som denne mangler (ingen celle med et effektmål udfyldt, dens andre celler, som planen læser, tomme eller de samme) — en tom gentagelse, ${instance} og aldrig udfyldt, før denne blev det: slet den tidligere, tomme fra eksporten. hta læser den første af to rækker, så --exclude-invalid udelader ikke disse rækker`],
  ];
});
const DANISH_TWO_RESPONSES: readonly [RegExp, Replacement][] = [
  ...DANISH_EMPTY_REPEATS,
  [/^this patient's "(.*)" row is on line (\d+), differing in (.+)$/, ((_m: string, visit: string, line: string, columns: string) => `patientens række ved "${visit}" står på linje ${line} og er forskellig i ${moreDa(columns)}`) as Replacement],
  [/^this patient is also on line (\d+), differing in (.+)$/, ((_m: string, line: string, columns: string) => `patienten står også på linje ${line} og er forskellig i ${moreDa(columns)}`) as Replacement],
  // A repeat's plain detail (patient-ids.ts duplicateExpected), as an empty repeat carries it, and what --exclude-invalid read instead (keptInstead).
  [/^this patient's "(.*)" row is on line (\d+)(?:; line (\d+) (is read and this one left out|is left out too, for its own problems))?$/, ((_m: string, visit: string, line: string, kept?: string, how?: string) => `patientens række ved "${visit}" står på linje ${line}${kept ? `; linje ${kept} ${how!.startsWith('is read') ? 'læses, og denne udelades' : 'udelades også for sine egne problemer'}` : ''}`) as Replacement],
  [/^this patient is also on line (\d+)(?:; line (\d+) (is read and this one left out|is left out too, for its own problems))?$/, ((_m: string, line: string, kept?: string, how?: string) => `patienten står også på linje ${line}${kept ? `; linje ${kept} ${how!.startsWith('is read') ? 'læses, og denne udelades' : 'udelades også for sine egne problemer'}` : ''}`) as Replacement],
  [/^one row per patient and time point: the patient's rows at one visit differ in (.+), the survey's id of each response, so they are two responses to that visit's survey — most often a patient who opened the link twice \(in SurveyXact one response "Påbegyndt", one "Gennemført"\); they differ in (.+)\. Keep the response that counts \(the completed one\) and delete the other row, in the export or in the survey tool before exporting\. hta does not pick one of two responses, so --exclude-invalid does not leave these rows out$/,
    ((_m: string, ids: string, columns: string) => `én række pr. patient og tidspunkt: patientens rækker ved ét besøg har forskellige værdier i ${ids.replace(/" and "/g, '" og "')}, spørgeskemaets id for hver besvarelse, så de er to besvarelser af besøgets spørgeskema — oftest en patient, der har åbnet linket to gange (i SurveyXact én besvarelse "Påbegyndt" og én "Gennemført"); de er forskellige i ${moreDa(columns)}. Behold den besvarelse, der gælder (den gennemførte), og slet den anden række i eksporten eller i spørgeskemaværktøjet før eksporten. hta vælger ikke mellem to besvarelser, så --exclude-invalid udelader ikke disse rækker`) as Replacement],
];

/**
 * The study-level sheet's refusals (`hta meta`, src/meta/read-studies.ts) that a Danish user meets
 * typing a sheet by hand: a cell that is no number, an empty label.
 */
const DANISH_STUDIES: readonly [RegExp, Replacement][] = [
  // A number off its outcome's scale (src/meta/scale-checks.ts), and the value as read (its detail).
  [/^a mean on the scale (.+) \(or a change from baseline, (\S+) to (\S+)\)$/, 'et gennemsnit på skalaen $1 (eller en ændring fra baseline, $2 til $3)'],
  [/^an SD of at most the scale's width, (\S+) \((.+)\)$/, 'en SD på højst skalaens bredde, $1 ($2)'],
  [/^a mean difference within ±(\S+), the width of the scale (.+)$/, 'en gennemsnitlig forskel inden for ±$1, bredden af skalaen $2'],
  [/^an SE of at most the scale's width, (\S+) \((.+)\)$/, 'en standardfejl (SE) på højst skalaens bredde, $1 ($2)'],
  [/^read as (\S+)$/, 'læst som $1'],
  [/^a number \(decimal point\)$/, 'et tal (decimalpunktum)'],
  [/^a number \(decimal comma\)$/, 'et tal (decimalkomma)'],
  [/^an outcome label \(it may not be empty\)$/, 'en betegnelse for effektmålet (cellen må ikke være tom)'],
  [/^a study label \(it may not be empty\)$/, 'en betegnelse for studiet (cellen må ikke være tom)'],
  [/^a time label \(it may not be empty\)$/, 'en betegnelse for tidspunktet (cellen må ikke være tom)'],
  // The counts and standard errors a sheet typed from a paper gets wrong most often (read-studies.ts):
  // a group size of 0, more events than patients, events not whole, an SE of 0.
  [/^a group size: a whole number ≥ 1$/, 'en gruppestørrelse: et helt tal ≥ 1'],
  [/^events ≤ (\S+) \((\S+)\)$/, 'et antal hændelser ≤ $1 ($2)'],
  [/^a count of events: a whole number ≥ 0$/, 'et antal hændelser: et helt tal ≥ 0'],
  [/^a standard error > 0$/, 'en standardfejl > 0'],
  // The sheet's shape and its rows (read-studies.ts, study-columns.ts): an empty sheet, a header, a row without a result.
  [/^at least one study row below the header$/, 'mindst én studierække under overskriften'],
  [/^a unique column name \(also column (\d+)\)$/, 'et entydigt kolonnenavn (også kolonne $1)'],
  [/^the column name (\S+), if it holds that \(hta meta reads \1, and would leave (".*") unread\): rename it$/, 'kolonnenavnet $1, hvis den indeholder det (hta meta læser $1 og ville lade $2 være ulæst): omdøb den'],
  [/^ci_lower ≤ ci_upper \((\S+)\); are they swapped\?$/, 'ci_lower ≤ ci_upper ($1); er de byttet om?'],
  [/^a difference inside its confidence interval \[(\S+), (\S+)\] \(check the sign: intervention − control\)$/, 'en forskel inden for sit konfidensinterval, $1 til $2 (tjek fortegnet: intervention − kontrol)'],
  [/^a result beside the group sizes: the row gives only (\S+) and (\S+)$/, 'et resultat ved siden af gruppestørrelserne: rækken angiver kun $1 og $2'],
  [/^a result beside the group sizes: the row gives only (\S+)$/, 'et resultat ved siden af gruppestørrelserne: rækken angiver kun $1'],
  [/^one kind of result: arm summaries \(n, mean, sd per arm\); or events \(events and n per arm\); or a reported difference \(difference with ci_lower\/ci_upper or se\)$/,
    'én slags resultat: armvise gennemsnit og SD (n, mean, sd pr. gruppe); eller hændelser (events og n pr. gruppe); eller en angivet forskel (difference med ci_lower/ci_upper eller se)'],
  [/^a mean and SD per arm, or a difference with its 95% CI: the row gives a median or IQR \((.*)\), which cannot be pooled as a mean and is not converted to one$/,
    'gennemsnit og SD pr. gruppe eller en forskel med dens 95 %-KI: rækken angiver en median eller IQR ($1), som ikke kan pooles som et gennemsnit og ikke omregnes til et'],
  [/^the same spelling as (".*") on line (\d+) \(they differ only in case, spaces, punctuation or "et al\.", and would be read as two\)$/, 'samme stavemåde som $1 på linje $2 (de afviger kun i store/små bogstaver, mellemrum, tegnsætning eller "et al.", og ville blive læst som to)'],
  [/^the same spelling as (".*") on line (\d+) \(they differ only in case or spaces, and would be read as two\)$/, 'samme stavemåde som $1 på linje $2 (de afviger kun i store/små bogstaver eller mellemrum, og ville blive læst som to)'],
  [/^one row per study, outcome, time, measure and subgroup \(line (\d+) has the same(?: \((".*"): names that differ only in "et al\.", punctuation, case or spaces are one study\))?\)(?:: follow-up (".*") here and (".*") there are one time, (\S+))?; (its numbers are the same too, so it is one result entered twice: keep one row|keep one row, or use the subgroup column for separate populations \(not for arms of one trial compared with one control group: combine those arms into one row, Cochrane Handbook v6 §23\.3\.4\))$/,
    (_m: string, line?: string, spelt?: string, here?: string, there?: string, time?: string, advice?: string) =>
      `én række pr. studie, effektmål, tidspunkt, mål og subgruppe (linje ${line!} har det samme${spelt ? ` (${spelt}: navne, der kun afviger i "et al.", tegnsætning, store/små bogstaver eller mellemrum, er ét studie)` : ''})${here ? `: opfølgning ${here} her og ${there!} dér er samme tidspunkt, ${time!}` : ''}; ${advice!.startsWith('its numbers') ? 'tallene er også de samme, så det er ét resultat indtastet to gange: behold én række' : 'behold én række, eller brug subgruppekolonnen til adskilte populationer (ikke til grupper i ét forsøg sammenlignet med én kontrolgruppe: slå de grupper sammen i én række, Cochrane Handbook v6 §23.3.4)'}`],
  // Arms of one trial against one control group (meta/shared-control.ts): the rows by name and line, the control arm by its columns.
  [/^one row per comparison with its own control group: (.+) have the same control arm \((.*)\), so pooled as separate rows its patients would count twice$/,
    (_m: string, rows?: string, control?: string) =>
      `én række pr. sammenligning med sin egen kontrolgruppe: ${rows!.replace(/ \(one trial: each cites (doi:\S+)\)$/, ' (ét forsøg: hver citerer $1)').replace(/ \(subgroup (.*?)\) \(line (\d+)\)/g, ' (subgruppe $1) (line $2)').replace(/ \(line (\d+)\)( and )?/g, (_l: string, n: string, and?: string) => ` (linje ${n})${and ? ' og ' : ''}`)} har samme kontrolgruppe (${control!}), så som separate rækker i metaanalysen ville dens patienter tælle to gange`],
];

/**
 * The registry's refusals (`hta uptake`, src/uptake/referral.ts) that a Danish user meets in the
 * rows `--exclude-invalid` leaves out (uptake/input-notes.ts): dates in the wrong order, a clinic name.
 */
const DANISH_REGISTRY: readonly [RegExp, Replacement][] = [
  [/^an activation on or after the referral date (\d{4}-\d{2}-\d{2})$/, 'en aktivering på eller efter henvisningsdatoen $1'],
  [/^a last-active date on or after the activation date (\d{4}-\d{2}-\d{2})$/, 'en dato for sidste aktivitet på eller efter aktiveringsdatoen $1'],
  [/^empty, since the patient has no activation date$/, 'en tom celle, da patienten ingen aktiveringsdato har'],
  // The eligible file's header (uptake/read-registry.ts), as a file with Danish headers meets it.
  [/^a column named (".*?"), or the file's own column named in the plan's (columns\.eligible\.\w+) \(have: (.*?)\)$/, 'en kolonne med navnet $1 eller filens egen kolonne angivet i planens $2 (har: $3)'],
  // A registry of two cuts appended (uptake/appended-export.ts): the later row of one referral.
  [/^one row per referral: (line|row) (.+?) (?:have|has) the same patient id, referral date and activation date, with another last-active date — the same referral exported twice$/,
    (_m: string, where?: string, sample?: string) => {
      const many = /,| and /.test(sample!);
      const word = where === 'line' ? (many ? 'linjerne' : 'linje') : many ? 'rækkerne' : 'række';
      return `én række pr. henvisning: ${word} ${danishLineSample(sample!)} har samme patient-id, henvisningsdato og aktiveringsdato, men en anden dato for sidste aktivitet — samme henvisning eksporteret to gange`;
    }],
  // An empty clinic (uptake/referral.ts clinicExpected): a BI export's first refusal.
  [/^a clinic name \(every referral needs its clinic for the clinic funnel\): fill empty cells with a name such as "ukendt" — those referrals are then one clinic of their region — or leave the rows out with --exclude-invalid$/,
    'et kliniknavn (hver henvisning skal have sin klinik til klinikkernes tragtplot): udfyld tomme celler med et navn som "ukendt" — de henvisninger er så én klinik i deres region — eller udelad rækkerne med --exclude-invalid'],
  // A region the eligible file does not name (uptake/regions.ts).
  [/^one of (.*) \(the regions of (.*)\), optionally written "Region …"; map other spellings with the uptake plan's "regions"$/,
    'en af $1 (regionerne i $2), eventuelt skrevet "Region …"; knyt andre stavemåder til dem med optagsplanens "regions"'],
  // The registry's total row (uptake/read-registry.ts, docs/input-registry.md "Total rows").
  [/^a referral: this is a total row \(sums Excel users add under the table\), not a referral — delete it \(hta counts the referrals itself\), or --exclude-invalid leaves it out$/,
    'en henvisning: rækken er en totalrække (summer, som Excel-brugere tilføjer under tabellen), ikke en henvisning — slet den (hta tæller selv henvisningerne), eller udelad den med --exclude-invalid'],
  // The eligible file's plain region and year lines (uptake/read-registry.ts readEligibleFile).
  [/^a region name$/, 'et regionsnavn'],
  [/^a four-digit year$/, 'et firecifret årstal'],
  [/^a clinic name of at most (\d+) characters$/, 'et kliniknavn på højst $1 tegn'],
  [/^a clinic name: letters, digits, spaces and (.*) only, with at least one letter or digit$/, 'et kliniknavn: kun bogstaver, cifre, mellemrum og $1, med mindst ét bogstav eller ciffer'],
  // The registry's cells and header (uptake/referral.ts), as a hand-made or regional export meets them.
  [/^a real calendar date (?:written )?(\S+)$/, 'en gyldig kalenderdato skrevet $1'],
  [/^a real calendar date (?:written )?(\S+), or empty$/, 'en gyldig kalenderdato skrevet $1 eller en tom celle'],
  // A day/month date whose time part is wrong (uptake/registry-dates.ts dayMonthTimeFault): the time named, not the date.
  [/^a real calendar date written (\S+) — its date part reads, but its time of day (".*") is out of range \(hours 00–23, minutes and seconds 00–59\)$/,
    'en gyldig kalenderdato skrevet $1 — datoen kan læses, men klokkeslættet $2 er uden for det gyldige (timer 00–23, minutter og sekunder 00–59)'],
  [/^a real calendar date written (\S+) — its date part reads, but its time of day (".*") is not written hh:mm or hh:mm:ss \(also hh\.mm\.ss, as a Danish locale writes it; the time is not used\)$/,
    'en gyldig kalenderdato skrevet $1 — datoen kan læses, men klokkeslættet $2 er ikke skrevet tt:mm eller tt:mm:ss (eller tt.mm.ss, som dansk opsætning skriver det; klokkeslættet bruges ikke)'],
  [/^a whole number of years 0–120, an age band such as 50-59 or 80\+, or empty$/, 'et helt antal år 0–120, en aldersgruppe som 50-59 eller 80+ eller en tom celle'],
  // An impossible age shaped as a user-missing code (uptake/missing-cells.ts missingCodeHint).
  [/^a whole number of years 0–120, an age band such as 50-59 or 80\+, or empty — (".*") cannot be an age and looks like a code for an unknown age \(SPSS's user-missing value\): if it is one, add ("missingCodes": \[.*\]) to the uptake plan to read it as empty \(a number code is read so in the age column only when no age can be it\)$/,
    'et helt antal år 0–120, en aldersgruppe som 50-59 eller 80+ eller en tom celle — $1 kan ikke være en alder og ligner en kode for ukendt alder (SPSS\' brugerdefinerede manglende værdi): er den det, så føj $2 til optagsplanen for at læse den som en tom celle (en talkode læses sådan i alderskolonnen kun, når ingen alder kan være den)'],
  [/^female, male or unknown \((.*)\), or empty; map other values with the uptake plan's "values\.sex"$/, 'kvinde, mand eller ukendt ($1) eller en tom celle; knyt andre værdier til dem med optagsplanens "values.sex"'],
  [/^one of gp, physio, chiro, other \(or (.*)\); map other values with the uptake plan's "values\.referrer"$/, 'en af gp, physio, chiro, other (eller $1); knyt andre værdier til dem med optagsplanens "values.referrer"'],
  [/^a column named (".*?")(?: — or the file's name for it in the uptake plan's (columns\.(?:registry|eligible)\.\w+)| \(the plan's (columns\.(?:registry|eligible)\.\w+)\)) \(have: (.*?)\)( — ages are needed only for the equity table by age band: name an age column \(whole years\) in columns\.registry\.age, or an age-band column \(such as "50-59 år", "80\+"\) in columns\.registry\.ageBand; or leave "ageBand" out of the plan's publish\.equity \(e\.g\. "equity": \["sex", "referrer"\]\) and the file is read without ages)?$/,
    (_m: string, name?: string, orKey?: string, planKey?: string, have?: string, age?: string) =>
      `en kolonne med navnet ${name!}${orKey ? ` — eller filens navn for den i optagsplanens ${orKey}` : ` (planens ${planKey!})`} (har: ${have!})${age ? ' — alder kræves kun til opdelingen efter aldersgruppe: angiv en alderskolonne (hele år) i columns.registry.age eller en kolonne med aldersgrupper (fx "50-59 år", "80+") i columns.registry.ageBand; eller udelad "ageBand" af planens publish.equity (fx "equity": ["sex", "referrer"]), så læses filen uden alder' : ''}`],
];

/**
 * The Danish wording of a problem's hint, or undefined when none is known: a near miss
 * (`did you mean "app"?`, edit-distance.ts) and R's NaN or pandas' None explained (trial/nan-cells.ts).
 */
export function danishProblemHint(hint: string): string | undefined {
  const known = DANISH_HINTS.find(([pattern]) => pattern.test(hint));
  if (known) return hint.replace(known[0], known[1] as (substring: string, ...args: unknown[]) => string);
  const near = /^did you mean (".*")\?$/.exec(hint);
  if (near) return `mente du ${near[1]!}?`;
  const nan = /^"([^"]*)" is not a (?:number but what R writes|value but what pandas writes)/.exec(hint);
  if (nan && hint === nanHint(nan[1]!)) return nanHint(nan[1]!, 'da');
  return undefined;
}

/** `columns PSEQ_1…PSEQ_10`, `column "smerte"` (trial/source-columns-text.ts) in Danish. */
const columnsDa = (where: string): string => where.replace(/^columns /, 'kolonnerne ').replace(/^column /, 'kolonnen ');

/** The hints of `hta meta`'s refusals of a row (read-studies.ts): what to enter instead; `hta uptake`'s header mapping; a scale counted from 1 (trial/one-based-answers.ts). */
const DANISH_HINTS: readonly [RegExp, Replacement][] = [
  // A 0–n scale exported as option numbers counted from 1 (trial/one-based-answers.ts).
  [/^no cell of (.+?) holds 0, the bottom of the 0–(\d+) scale, and (\d+) hold (\d+), one above its top: the answers look numbered from 1 \(SurveyXact's and SPSS's option numbers\) — if 1 is the scale's 0, write ("answers": \{ .* \}) in outcome (".*?")(?: and (.+?), the options? after the scale \("don't know" or refused\), in its "missingCodes")?; listed as a missing-value code, (\d+) would leave every answer a point too high and drop every top answer \((docs\/plan-trial\.md#one-based-codes)\)$/,
    (_m: string, where?: string, hi?: string, n?: string, top?: string, answers?: string, key?: string, after?: string, code?: string, doc?: string) =>
      `ingen celle i ${columnsDa(where!)} har 0, bunden af skalaen 0–${hi!}, og ${n!} har ${top!}, én over toppen: svarene ligner svarmulighedernes numre talt fra 1 (SurveyXacts og SPSS' koder) — er 1 skalaens 0, så skriv ${answers!} i effektmål ${key!}${after ? ` og ${after.replaceAll(' and ', ' og ')}, svarmuligheden efter skalaen ("ved ikke" eller "ønsker ikke at svare"), i dets "missingCodes"` : ''}; som kode for manglende værdi ville ${code!} lade hvert svar være et point for højt og udelade hvert svar i toppen (${doc!})`],
  [/^no cell of (.+?) holds 0, the bottom of the 0–(\d+) scale: if the answers are option numbers counted from 1 \(SurveyXact's and SPSS's\), (.+?) (?:is the option|are the options) after the scale \("don't know" or refused\) and every answer reads a point too high — check the questionnaire's codebook: if 1 is the scale's 0, write ("answers": \{ .* \}) and ("missingCodes": \[.*?\]) in outcome (".*?"); if the scale runs 0–\d+ as written, add .+? to its "missingCodes" alone \((docs\/plan-trial\.md#one-based-codes)\)$/,
    (_m: string, where?: string, hi?: string, after?: string, answers?: string, missing?: string, key?: string, doc?: string) =>
      `ingen celle i ${columnsDa(where!)} har 0, bunden af skalaen 0–${hi!}: er svarene svarmulighedernes numre talt fra 1 (SurveyXacts og SPSS' koder), så er ${after!.replaceAll(' and ', ' og ')} svarmuligheden efter skalaen ("ved ikke" eller "ønsker ikke at svare"), og hvert svar læses et point for højt — tjek spørgeskemaets kodebog: er 1 skalaens 0, så skriv ${answers!} og ${missing!} i effektmål ${key!}; går skalaen fra 0 til ${hi!}, som tallene står, så føj kun ${after!.replaceAll(' and ', ' og ')} til dets "missingCodes" (${doc!})`],
  // A short line of a studies sheet (read-studies.ts SHORT_ROW_HINT).
  [/^if this line is a note \(a footnote, a total\), delete it; if it is a study row, fill in its missing cells$/, 'er linjen en note (en fodnote, en total), så slet den; er den en studierække, så udfyld dens manglende celler'],
  // A study's number off its outcome's scale (src/meta/scale-checks.ts).
  [/^no trial reports this on the scale: check the cell against the paper \(a decimal mark lost, 33\.125 typed as 33125; another instrument's scale\)$/, 'intet forsøg angiver dette på skalaen: tjek cellen mod artiklen (et tabt decimaltegn, 33,125 skrevet som 33125; et andet instruments skala)'],
  // Arms of one trial against one control group (meta/shared-control.ts combineHint): the combined arm's numbers kept as computed.
  [/^combine the intervention arms into one row against the shared control \(Cochrane Handbook v6, §23\.3\.4; not the subgroup column, which would still count the control twice\): events_intervention (\S+) and n_intervention (\S+) \(the arms' sums\); or, if only one arm answers the question, keep that row alone$/,
    'slå interventionsgrupperne sammen i én række mod den fælles kontrolgruppe (Cochrane Handbook v6, §23.3.4; ikke subgruppekolonnen, som stadig ville tælle kontrolgruppen to gange): events_intervention $1 og n_intervention $2 (gruppernes summer); eller, hvis kun én gruppe besvarer spørgsmålet, behold kun den række'],
  [/^combine the intervention arms into one row against the shared control \(Cochrane Handbook v6, §23\.3\.4; not the subgroup column, which would still count the control twice\): n_intervention (\S+), mean_intervention (\S+), sd_intervention (\S+) \(N = n1 \+ n2, mean = \(n1·m1 \+ n2·m2\) \/ N, SD = (.*)\); or, if only one arm answers the question, keep that row alone$/,
    'slå interventionsgrupperne sammen i én række mod den fælles kontrolgruppe (Cochrane Handbook v6, §23.3.4; ikke subgruppekolonnen, som stadig ville tælle kontrolgruppen to gange): n_intervention $1, mean_intervention $2, sd_intervention $3 (N = n1 + n2, gennemsnit = (n1·m1 + n2·m2) / N, SD = $4); eller, hvis kun én gruppe besvarer spørgsmålet, behold kun den række'],
  // A registry or eligible file with its own (Danish) headers: the mapping to put in the plan (uptake/referral.ts, read-registry.ts).
  [/^map the file's names in the uptake plan: (.*)$/, 'knyt filens navne til kolonnerne i optagsplanen: $1'],
  [/^add the difference with its 95% CI \(difference, ci_lower, ci_upper\) or SE, the mean and SD per arm, or the events per arm; or delete the row if the study reported no result for this outcome and time$/,
    'tilføj forskellen med dens 95 %-KI (difference, ci_lower, ci_upper) eller SE, gennemsnit og SD pr. gruppe eller hændelserne pr. gruppe; eller slet rækken, hvis studiet ikke angav noget resultat for dette effektmål og tidspunkt'],
  [/^enter the means and SDs per arm if the paper reports them, or the mean difference with its 95% CI; a median and IQR are not a mean and SD \(Cochrane Handbook v6, chapter 6: never convert them silently\) — otherwise leave the study out of the pool and describe it beside it$/,
    'angiv gennemsnit og SD pr. gruppe, hvis artiklen angiver dem, eller den gennemsnitlige forskel med dens 95 %-KI; median og IQR er ikke gennemsnit og SD (Cochrane Handbook v6, kapitel 6: omregn dem aldrig i stilhed) — ellers udelad studiet af metaanalysen, og beskriv det ved siden af'],
];

/**
 * The messages above a refusal's problems that `hta meta` and `hta uptake` give (a sheet or
 * registry with no rows, a header, the invalid values of a registry): each whole, the file as given.
 */
const DANISH_MESSAGES: readonly [RegExp, Replacement][] = [
  [/^cannot read (.+): the file does not exist$/, 'kan ikke læse $1: filen findes ikke'],
  // An output name that is taken (io/write-atomic.ts): hta never writes over a user's file.
  [/^(.+) exists; hta does not write over a file — choose another name, or add --force to replace it$/, '$1 findes allerede; hta skriver ikke over en fil — vælg et andet navn, eller tilføj --force for at erstatte den'],
  [/^(.+) appeared while hta was writing it \(it was not there when this run began\): another program wrote it meanwhile — if another hta run is writing the same folder, let it finish, then run this again; hta does not write over a file$/,
    '$1 dukkede op, mens hta skrev den (den fandtes ikke, da kørslen begyndte): et andet program skrev den imens — skriver en anden hta-kørsel i samme mappe, så lad den blive færdig, og kør så denne igen; hta skriver ikke over en fil'],
  [/^(.+) has no study rows$/, '$1 har ingen studierækker'],
  [/^(.+) has (\d+) number\(s\) off their outcome's scale$/, '$1 har $2 tal uden for effektmålets skala'],
  [/^(.+) has (\d+) problem\(s\) in its header$/, '$1 har $2 problem(er) i overskriften'],
  // One is "1 strukturelt problem" (neuter singular), more "strukturelle problemer": never "1 strukturelle problem(er)".
  [/^(.+) has (\d+) structural problem\(s\)$/, (_m: string, file?: string, n?: string) => `${file!} har ${n!} ${n === '1' ? 'strukturelt problem' : 'strukturelle problemer'}`],
  [/^(.+) has (\d+) invalid value\(s\) in (\d+) row\(s\) \(--exclude-invalid leaves such rows out and goes on\)$/, '$1 har $2 ugyldige værdi(er) i $3 række(r) (--exclude-invalid udelader sådanne rækker og fortsætter)'],
  [/^(.+) has (\d+) invalid value\(s\) in (\d+) row\(s\) \(--exclude-invalid leaves such rows out and goes on, but not past the (\d+) cell\(s\) holding what looks like a code for an empty cell: declare the code in the uptake plan's "missingCodes"\)$/,
    '$1 har $2 ugyldige værdi(er) i $3 række(r) (--exclude-invalid udelader sådanne rækker og fortsætter, men ikke forbi de $4 celle(r) med hvad der ligner en kode for en tom celle: angiv koden i optagsplanens "missingCodes")'],
  [/^(.+) has (\d+) invalid value\(s\)$/, '$1 har $2 ugyldige værdi(er)'],
  // A registry of two cuts appended (uptake/appended-export.ts refuseAppendedCuts), whole.
  [/^(.+) looks like two exports of the registry appended: (?:a patient id is on|(\d+) patient ids are each on) (two rows|several rows) \((\d+) rows in all\) with the same referral date and activation date and different last-active dates \(e\.g\. (lines|rows) (.*?)\) — one referral exported at two dates, which would count as (?:two referrals|two referrals each)\.( Besides, (?:an id has|(\d+) ids have) a row without an activation and a row with one, of one referral date: an earlier cut's row from before the activation\.)? Export the registry once \(the latest cut alone\); or analyse each cut on its own, the later with --previous naming the earlier one's results\.json \((docs\/input-registry\.md "Repeated rows and ids")\)$/,
    (_m: string, file?: string, ids?: string, rows?: string, all?: string, where?: string, sample?: string, episodes?: string, episodeIds?: string, doc?: string) =>
      `${file!} ligner to eksporter af registret sat efter hinanden: ${ids ? `${ids} patient-id'er står hver` : 'et patient-id står'} på ${rows === 'two rows' ? 'to rækker' : 'flere rækker'} (${all!} rækker i alt) med samme henvisningsdato og aktiveringsdato og forskellige datoer for sidste aktivitet (fx ${where === 'lines' ? 'linjerne' : 'rækkerne'} ${danishLineSample(sample!)}) — én henvisning eksporteret på to datoer, som ville tælle som ${ids ? 'to henvisninger hver' : 'to henvisninger'}.${episodes ? ` Desuden har ${episodeIds ? `${episodeIds} id'er` : 'et id'} en række uden aktivering og en række med, med samme henvisningsdato: en række fra et tidligere udtræk fra før aktiveringen.` : ''} Eksportér registret én gang (kun det seneste udtræk); eller analysér hvert udtræk for sig, det senere med --previous, der angiver det tidligere udtræks results.json (${doc!})`],
  // A score column of fractions of 1 (trial/fraction-scales.ts fractionMessage).
  [/^(.+): (outcomes?) (.+) (?:hold|holds) fractions of 1, not scores; nothing was written \(also with --exclude-invalid\)$/,
    (_m: string, file?: string, outcomes?: string, list?: string) =>
      `${file!}: ${outcomes === 'outcome' ? 'effektmål' : 'effektmålene'} ${list!.replace(/\(column "/g, '(kolonnen "')} indeholder andele af 1, ikke scorer; intet er skrevet (heller ikke med --exclude-invalid)`],
  // Codes for an empty cell in the columns a referral may leave empty (uptake/read-registry.ts rowCheckError), also with --exclude-invalid.
  [/^(.+) has (\d+) cell\(s\) in columns that may be empty \(activation, last activity, age, sex\) holding what looks like a code for an empty cell: left out with --exclude-invalid, their rows would take with them the referrals without an activation and bias every rate, so hta stops here — declare the code in the uptake plan's "missingCodes"$/,
    '$1 har $2 celle(r) i kolonner, der må være tomme (aktivering, sidste aktivitet, alder, køn), med hvad der ligner en kode for en tom celle: udeladt med --exclude-invalid ville deres rækker tage henvisningerne uden aktivering med sig og skævvride hver rate, så hta stopper her — angiv koden i optagsplanens "missingCodes"'],
  [/^(.+) lacks registry columns$/, '$1 mangler registerkolonner'],
  [/^(.+) lacks denominator columns$/, '$1 mangler kolonnerne til antal berettigede'],
  [/^(.+) names a registry column twice$/, '$1 angiver en registerkolonne to gange'],
  [/^(.+) has no rows$/, '$1 har ingen rækker'],
  // plan init's refusal when it cannot decide the visits (plan/undecided-da.ts).
  UNDECIDED_MESSAGE_DA,
  // A column of withdrawn consent (trial/consent-withdrawn.ts).
  [/^(.+): column ("[^"]*") is named for withdrawn consent(?: and marks (\d+) (?:patient|patients) \((line|lines) ([^)]*)\))?, but the plan does not name it$/,
    (_m: string, file?: string, column?: string, n?: string, word?: string, lines?: string) =>
      `${file!}: kolonnen ${column!} er navngivet efter tilbagetrukket samtykke${n ? ` og markerer ${n === '1' ? '1 patient' : `${n} patienter`} (${word === 'line' ? 'linje' : 'linjerne'} ${lines!})` : ''}, men planen angiver den ikke`],
  [/^(.+): (\d+) (?:cell|cells) of ("[^"]*") \(the plan's "consentWithdrawn"\) (?:says|say) neither that the patient withdrew consent nor that they did not$/,
    (_m: string, file?: string, n?: string, column?: string) => `${file!}: ${n === '1' ? '1 celle' : `${n!} celler`} i ${column!} (planens "consentWithdrawn") siger hverken, at patienten trak samtykket tilbage, eller at patienten ikke gjorde`],
  [/^(.+): no column ("[^"]*") for the plan's "columns": \{ "consentWithdrawn" \}$/, '$1: ingen kolonne $2 til planens "columns": { "consentWithdrawn" }'],
];

/** The Danish wording of an error's message above its problems (`trial.csv has 3 problem(s)`), or undefined. */
export function danishErrorMessage(message: string): string | undefined {
  // A cea page's every-row refusal, worded in English by the analysis both pages share (most-rows-excluded.ts).
  const everyRow = danishEveryRowExcluded(message);
  if (everyRow !== undefined) return everyRow;
  // Messages worded whole where they are made: pivot blanks, pandas' shapes, a file changed while read, unreadable activation dates.
  const whole = pivotBlanksMessageDa(message) ?? pandasLayoutMessageDa(message) ?? changedWhileReadMessageDa(message) ?? spssViewerMessageDa(message) ?? unreadableDatesMessageDa(message) ?? parquetFailureMessageDa(message);
  if (whole !== undefined) return whole;
  const m = /^(.+?) has (at least )?(\d+) problem\(s\)(?: in (\d+) row\(s\))?(; nothing was written)?(; --exclude-invalid leaves such rows out and reports them)?$/.exec(message);
  if (!m) {
    const known = DANISH_MESSAGES.find(([pattern]) => pattern.test(message));
    return known ? message.replace(known[0], known[1] as (substring: string, ...args: unknown[]) => string) : undefined;
  }
  const [, file, atLeast, k, rows, nothing, tip] = m;
  return `${file!} har ${atLeast ? 'mindst ' : ''}${k!} problem(er)${rows ? ` i ${rows} række(r)` : ''}${nothing ? '; intet er skrevet' : ''}${tip ? '; --exclude-invalid udelader sådanne rækker og gør rede for dem' : ''}`;
}

/** The words of a refusal printed on a Danish run (`--lang da`; errors.ts `formatError`). */
export const DANISH_PROBLEM_WORDS: ProblemWords = { expected: danishProblemText, hint: danishProblemHint, message: danishErrorMessage, value: danishProblemValue };

/**
 * The values hta writes itself in a problem: a line's field count (`2 fields`, read-csv.ts and the
 * registry reader), said only where the problem is the field count, so no cell's own text is reworded.
 */
export function danishProblemValue(value: string, expected: string): string | undefined {
  if (!/ fields as in the header| named fields \(the header line writes /.test(expected)) return undefined;
  const m = /^(\d+) fields?$/.exec(value);
  return m ? `${m[1]} ${m[1] === '1' ? 'felt' : 'felter'}` : undefined;
}

const OTHER_ARMS_HINT = /, or an arm the plan does not compare, listed in its "otherArms" — if (".*") is a third arm of the trial, add "otherArms": \[(.*)\] to the plan \(its patients are then counted as randomised, not analysed; --exclude-invalid would leave them out of the participant flow\)$/;
const OTHER_ARMS_HINT_DA = ', eller en gruppe, som planen ikke sammenligner, angivet i dens "otherArms" — er $1 en tredje gruppe i forsøget, så føj "otherArms": [$2] til planen (dens patienter tælles da som randomiserede, men analyseres ikke; --exclude-invalid ville udelade dem af patientflowet)';

const NOT_RANDOMISED_HINT = /, or a value the plan's "flow": \{ "notRandomisedValues" \} lists — (".*") reads as a participant never randomised: add (.*?) to the plan(?:'(s "flow"(?:: \{ "notRandomisedValues" \})?))? \(counted as excluded before randomisation in the participant flow, not analysed; not "otherArms", whose patients count as randomised, nor "missingCodes", which do not apply to the arm column\)$/;
const NOT_RANDOMISED_HINT_DA = ', eller en værdi, som planens "flow": { "notRandomisedValues" } angiver — $1 læses som en deltager, der aldrig blev randomiseret: føj $2 til planen$3 (tælles da som ekskluderet før randomisering i patientflowet og analyseres ikke; ikke "otherArms", hvis patienter tælles som randomiserede, og ikke "missingCodes", som ikke gælder gruppekolonnen)';

/** A score off its scale that other outcomes' scales hold (EQ-5D's user-missing 9): a code of this column, not a plan-wide one. */
const COLUMN_CODE_HINT = / — if (\S+) means "missing" here, write ("columnCodes": \{ .* \} \}) in the plan, not a plan-wide "missingCodes" \1: \1 is a valid answer on the scale of (.*), whose \1s it would make missing too$/;
const columnCodeHintDa = (_m: string, v?: string, codes?: string, scales?: string): string =>
  ` — betyder ${v!} "mangler" her, så skriv ${codes!} i planen, ikke en fælles "missingCodes" ${v!} for hele planen: ${v!} er et gyldigt svar på skalaen for ${scales!.replace(/outcome "/g, 'effektmål "').replace(/ and (?=effektmål ")/, ' og ')}, hvis ${v!}-taller den også ville gøre til manglende`;

/**
 * A registry cell that looks like a code for "no value" (uptake/missing-cells.ts missingCodeHint:
 * `"-"`, SAS's bare `A`, pandas' `NaT`): worded whole there, matched only when it is that text.
 */
const MISSING_CODE_HINT = / — ("(?:[^"\\]|\\.)*") (?:looks like a code for an empty cell|is not a value but what pandas writes for a missing value|cannot be an age and looks like a code for an unknown age) .*$/;
const missingCodeHintDa = (m: string, code?: string): string => {
  const cell = JSON.parse(code!) as string;
  for (const col of [undefined, 'age']) if (m === ` — ${missingCodeHint(cell, col)}`) return ` — ${missingCodeHint(cell, col, 'da')}`;
  return m;
};

/** The endings a problem's text may carry after what it expects, each reworded on its own; the first is the default. */
const SUFFIX_HINTS: readonly [RegExp, Replacement][] = [
  [OTHER_ARMS_HINT, OTHER_ARMS_HINT_DA],
  [NOT_RANDOMISED_HINT, NOT_RANDOMISED_HINT_DA],
  [COLUMN_CODE_HINT, columnCodeHintDa],
  [MISSING_CODE_HINT, missingCodeHintDa],
];

/** The instruments' English names a problem quotes ("(Pain intensity (NRS 0–10))"), each by its Danish name, as a Danish page names it. */
function danishInstrumentNames(text: string): string {
  let out = text;
  for (const i of Object.values(instruments)) if (i.name.en !== i.name.da) out = out.split(`(${i.name.en})`).join(`(${i.name.da})`);
  return out;
}

/** Lines as registry-read-notes.ts lineSample writes them ("41 and 81", "… (12 in all: …)"), in Danish. */
function danishLineSample(sample: string): string {
  return sample.split(' and ').join(' og ').split(' in all').join(' i alt');
}
