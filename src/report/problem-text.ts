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

const DANISH: readonly [RegExp, string][] = [
  [/^a patient id \(the cell is empty\)$/, 'et patient-id (cellen er tom)'],
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
  // A cell with the other decimal mark, or behind Excel's text apostrophe (io/decimal-mark.ts, otherMarkHint).
  [/^a whole number from (\S+) to (\S+) \((.*)\) with the file's decimal comma$/, 'et helt tal fra $1 til $2 ($3) med filens decimalkomma'],
  [/^a whole number from (\S+) to (\S+) \((.*)\) with the file's decimal point$/, 'et helt tal fra $1 til $2 ($3) med filens decimalpunktum'],
  [/^a number from (\S+) to (\S+) \((.*)\) with the file's decimal comma$/, 'et tal fra $1 til $2 ($3) med filens decimalkomma'],
  [/^a number from (\S+) to (\S+) \((.*)\) with the file's decimal point$/, 'et tal fra $1 til $2 ($3) med filens decimalpunktum'],
  [/^(?:a whole number|a number) from (\S+) to (\S+) \((.*)\), not text$/, 'et tal fra $1 til $2 ($3), ikke tekst'],
  [/^a whole number from (\S+) to (\S+) \((.*)\)$/, 'et helt tal fra $1 til $2 ($3)'],
  [/^a number from (\S+) to (\S+) \((.*)\)$/, 'et tal fra $1 til $2 ($3)'],
  [/^a number from (\S+) to (\S+)$/, 'et tal fra $1 til $2'],
  [/^a finite number \(or leave the cell empty when unknown\)$/, 'et endeligt tal (eller en tom celle, når værdien er ukendt)'],
  // A cell that is not a number in a column of numbers (trial/column-kind.ts).
  [
    /^a number, as the other values of (".*") are \(read as text, it would make each of them a category of its own\); if it means "missing", add it to the plan's "missingCodes"; if the column holds categories, (?:set ("covariateTypes": \{ ".*": "categorical" \}) in the plan|give the confounder ("type": "categorical"))$/,
    'et tal, som de andre værdier af $1 er (læst som tekst ville hver af dem blive sin egen kategori); betyder den "mangler", så føj den til planens "missingCodes"; rummer kolonnen kategorier, så angiv $2$3 i planen',
  ],
  [/^a plausible (\S+): (\S+) to (\S+) \(set .*\)$/, 'en plausibel værdi af $1: $2 til $3 (ret "covariateRanges" i planen, hvis andre værdier er rigtige)'],
  [/^one withdrawal reason per patient; leave the other rows empty$/, 'én frafaldsårsag pr. patient; lad de andre rækker være tomme'],
  [/^a withdrawal reason the plan's "flow": \{ "withdrawalReasons" \} lists \((.*)\), or an empty cell; values meaning the patient did not withdraw \(a status column's "Completed"\) belong in "flow": \{ "notWithdrawn": \[ … \] \}$/, 'en frafaldsårsag, som planens "flow": { "withdrawalReasons" } angiver ($1), eller en tom celle; værdier, der betyder, at patienten ikke er faldet fra (en statuskolonnes "Completed"), hører til i "flow": { "notWithdrawn": [ … ] }'],
  [/^a reason the patient left the study, or an empty cell: this value reads as a status meaning the patient did not withdraw, which without the plan's "flow": \{ "withdrawalReasons" \} would count as lost to follow-up; list such values in "flow": \{ "notWithdrawn": \[ … \] \}$/, 'en årsag til, at patienten forlod forsøget, eller en tom celle: værdien læses som en status, der betyder, at patienten ikke er faldet fra, og uden planens "flow": { "withdrawalReasons" } ville den tælle som tabt til opfølgning; angiv sådanne værdier i "flow": { "notWithdrawn": [ … ] }'],
  [/^a withdrawal reason the plan's "flow": \{ "withdrawalReasons" \} lists \((.*)\), a value its "notWithdrawn" lists \((.*)\), or an empty cell$/, 'en frafaldsårsag, som planens "flow": { "withdrawalReasons" } angiver ($1), en værdi, som dens "notWithdrawn" angiver ($2), eller en tom celle'],
];

/** The `expected` text of a problem, reworded for `lang` when a pattern knows it. */
export function problemText(expected: string, lang: Lang): string {
  if (lang === 'en') return expected;
  return danishProblemText(expected) ?? expected;
}

/** The Danish wording of a problem's `expected`, or undefined when no pattern knows it. */
export function danishProblemText(expected: string): string | undefined {
  // An unknown arm's text may end in how to list a third arm (trial/other-arms.ts, otherArmsHint)
  // or a value meaning "never randomised" (trial/not-randomised-values.ts): reworded on its own.
  const [hintPattern, hintDanish] = NOT_RANDOMISED_HINT.test(expected) ? [NOT_RANDOMISED_HINT, NOT_RANDOMISED_HINT_DA] : [OTHER_ARMS_HINT, OTHER_ARMS_HINT_DA];
  const hint = hintPattern.exec(expected);
  const text = hint ? expected.slice(0, hint.index) : expected;
  for (const [pattern, danish] of [...DANISH, ...DANISH_STUDIES, ...DANISH_REGISTRY]) if (pattern.test(text)) return danishInstrumentNames(text.replace(pattern, danish)) + (hint ? hint[0].replace(hintPattern, hintDanish) : '');
  return undefined;
}

/**
 * The study-level sheet's refusals (`hta meta`, src/meta/read-studies.ts) that a Danish user meets
 * typing a sheet by hand: a cell that is no number, an empty label.
 */
const DANISH_STUDIES: readonly [RegExp, string][] = [
  [/^a number \(decimal point\)$/, 'et tal (decimalpunktum)'],
  [/^a number \(decimal comma\)$/, 'et tal (decimalkomma)'],
  [/^an outcome label \(it may not be empty\)$/, 'en betegnelse for effektmålet (cellen må ikke være tom)'],
  [/^a study label \(it may not be empty\)$/, 'en betegnelse for studiet (cellen må ikke være tom)'],
  [/^a time label \(it may not be empty\)$/, 'en betegnelse for tidspunktet (cellen må ikke være tom)'],
];

/**
 * The registry's refusals (`hta uptake`, src/uptake/referral.ts) that a Danish user meets in the
 * rows `--exclude-invalid` leaves out (uptake/input-notes.ts): dates in the wrong order, a clinic name.
 */
const DANISH_REGISTRY: readonly [RegExp, string][] = [
  [/^an activation on or after the referral date (\d{4}-\d{2}-\d{2})$/, 'en aktivering på eller efter henvisningsdatoen $1'],
  [/^a last-active date on or after the activation date (\d{4}-\d{2}-\d{2})$/, 'en dato for sidste aktivitet på eller efter aktiveringsdatoen $1'],
  [/^empty, since the patient has no activation date$/, 'en tom celle, da patienten ingen aktiveringsdato har'],
  [/^a clinic name of at most (\d+) characters$/, 'et kliniknavn på højst $1 tegn'],
  [/^a clinic name: letters, digits, spaces and (.*) only, with at least one letter or digit$/, 'et kliniknavn: kun bogstaver, cifre, mellemrum og $1, med mindst ét bogstav eller ciffer'],
];

/**
 * The Danish wording of a problem's hint, or undefined when none is known: a near miss
 * (`did you mean "app"?`, edit-distance.ts) and R's NaN explained (trial/nan-cells.ts).
 */
export function danishProblemHint(hint: string): string | undefined {
  const near = /^did you mean (".*")\?$/.exec(hint);
  if (near) return `mente du ${near[1]!}?`;
  const nan = /^"([^"]*)" is not a number but what R writes/.exec(hint);
  if (nan && hint === nanHint(nan[1]!)) return nanHint(nan[1]!, 'da');
  return undefined;
}

/** The Danish wording of an error's message above its problems (`trial.csv has 3 problem(s)`), or undefined. */
export function danishErrorMessage(message: string): string | undefined {
  const m = /^(.+?) has (at least )?(\d+) problem\(s\)(?: in (\d+) row\(s\))?(; nothing was written)?(; --exclude-invalid leaves such rows out and reports them)?$/.exec(message);
  if (!m) return undefined;
  const [, file, atLeast, k, rows, nothing, tip] = m;
  return `${file!} har ${atLeast ? 'mindst ' : ''}${k!} problem(er)${rows ? ` i ${rows} række(r)` : ''}${nothing ? '; intet er skrevet' : ''}${tip ? '; --exclude-invalid udelader sådanne rækker og gør rede for dem' : ''}`;
}

/** The words of a refusal printed on a Danish run (`--lang da`; errors.ts `formatError`). */
export const DANISH_PROBLEM_WORDS: ProblemWords = { expected: danishProblemText, hint: danishProblemHint, message: danishErrorMessage };

const OTHER_ARMS_HINT = /, or an arm the plan does not compare, listed in its "otherArms" — if (".*") is a third arm of the trial, add "otherArms": \[(.*)\] to the plan \(its patients are then counted as randomised, not analysed; --exclude-invalid would leave them out of the participant flow\)$/;
const OTHER_ARMS_HINT_DA = ', eller en gruppe, som planen ikke sammenligner, angivet i dens "otherArms" — er $1 en tredje gruppe i forsøget, så føj "otherArms": [$2] til planen (dens patienter tælles da som randomiserede, men analyseres ikke; --exclude-invalid ville udelade dem af patientflowet)';

const NOT_RANDOMISED_HINT = /, or a value the plan's "flow": \{ "notRandomisedValues" \} lists — (".*") reads as a participant never randomised: add (.*?) to the plan(?:'(s "flow"(?:: \{ "notRandomisedValues" \})?))? \(counted as excluded before randomisation in the participant flow, not analysed; not "otherArms", whose patients count as randomised, nor "missingCodes", which do not apply to the arm column\)$/;
const NOT_RANDOMISED_HINT_DA = ', eller en værdi, som planens "flow": { "notRandomisedValues" } angiver — $1 læses som en deltager, der aldrig blev randomiseret: føj $2 til planen$3 (tælles da som ekskluderet før randomisering i patientflowet og analyseres ikke; ikke "otherArms", hvis patienter tælles som randomiserede, og ikke "missingCodes", som ikke gælder gruppekolonnen)';

/** The instruments' English names a problem quotes ("(Pain intensity (NRS 0–10))"), each by its Danish name, as a Danish page names it. */
function danishInstrumentNames(text: string): string {
  let out = text;
  for (const i of Object.values(instruments)) if (i.name.en !== i.name.da) out = out.split(`(${i.name.en})`).join(`(${i.name.da})`);
  return out;
}
