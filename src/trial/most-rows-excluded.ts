/**
 * `--exclude-invalid` leaving out most of an export: then the plan, not the rows, is what is
 * wrong (answer codes written as text, a column of another scale, a missing-value code), and what
 * is left is no trial to analyse. validate used to print "valid" over 9 rows of 399 without a word
 * (docs/input-trial-export.md#bad-rows). Said when more rows were excluded than kept.
 */
import { HtaError } from '../errors.js';
import type { TrialData } from './trial-data.js';

/** The export's data lines kept (read into an analysis, or read past as the plan says): a wide export's patients, a long export's rows. */
function keptLines(trial: TrialData): number {
  const read = trial.layout === 'wide' ? new Set(trial.rows.patient).size : trial.rows.length;
  const pastOn = [trial.passedOver?.rows, trial.ignoredVisits?.rows, trial.derivedRows?.rows, trial.notRandomised?.rows, ...(trial.otherArms ?? []).map((a) => a.rows)];
  return read + pastOn.reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

/**
 * What left the rows out, as the user set it: the plan's `"invalidRows": "exclude"` when the plan
 * says so (then it does whatever the command line says, and a report has no option at all), else
 * the command's `--exclude-invalid`.
 */
function excludedBy(trial: TrialData, lang: 'en' | 'da'): string {
  if (trial.plan.invalidRows === 'exclude') return lang === 'da' ? 'planens "invalidRows": "exclude"' : 'the plan\'s "invalidRows": "exclude"';
  return '--exclude-invalid';
}

/**
 * The note when more of the export's rows were excluded than kept; else undefined. In Danish under
 * --lang da, as the exclusion summary above it (docs/glossary-da.md: "række", "udelade").
 */
export function mostRowsExcludedNote(trial: TrialData, lang: 'en' | 'da' = 'en'): string | undefined {
  const excluded = trial.excluded?.rows ?? 0;
  const kept = keptLines(trial);
  if (excluded === 0 || excluded <= kept) return undefined;
  const pct = Math.round((100 * excluded) / (excluded + kept));
  if (lang === 'da') {
    return `${trial.file}: ${excludedBy(trial, lang)} udelod det meste af eksporten (${excluded} af ${excluded + kept} rækker, ${pct} %): når de fleste rækker har problemer, læser planen sandsynligvis ikke eksporten, som den er skrevet (svarkoder skrevet som tekst, en kolonne fra en anden skala, en kode for manglende værdi) — ret planen ud fra problemerne ovenfor (hta plan check) i stedet for at analysere ${kept === 1 ? 'den ene tilbageværende række' : `de ${kept} tilbageværende rækker`}`;
  }
  return `${trial.file}: ${excludedBy(trial, lang)} left out most of the export (${excluded} of ${excluded + kept} rows, ${pct} %): when most rows have problems, the plan most likely does not read the export as it is written (answer codes written as text, a column of another scale, a missing-value code) — fix the plan from the problems above (hta plan check) rather than analyse the ${kept} ${kept === 1 ? 'row' : 'rows'} left`;
}

/**
 * `--exclude-invalid` that left out every row: said first, with the first problems, before any
 * check that reads the kept rows — which would otherwise blame the plan ("column "recruited_by"
 * holds no value") for a column that holds a value on every row (docs/input-trial-export.md#bad-rows).
 */
export function everyRowExcludedError(trial: TrialData, lang: 'en' | 'da' = 'en'): HtaError | undefined {
  const excluded = trial.excluded;
  if (!excluded || excluded.rows === 0 || keptLines(trial) > 0) return undefined;
  // The problems grouped as any run's (the first groups, each with its count and lines).
  return new HtaError('input.invalid', everyRowExcludedMessage(trial.file, excludedBy(trial, lang), excluded.rows, lang), excluded.problems);
}

function everyRowExcludedMessage(file: string, by: string, rows: number, lang: 'en' | 'da'): string {
  if (lang === 'da') {
    return `${file}: ${by} udelod hver eneste række (${rows} af ${rows}), så ingen række er tilbage at kontrollere planen mod eller at analysere; intet blev skrevet — når hver række har et problem, læser planen sandsynligvis ikke eksporten, som den er skrevet: ret planen (eller eksporten) ud fra problemerne i de udeladte rækker`;
  }
  return `${file}: ${by} left out every row (${rows} of ${rows}), so no row is left to check the plan against or to analyse; nothing was written — when every row has a problem, the plan most likely does not read the export as it is written: fix the plan (or the export) from the problems of the rows left out`;
}

const EVERY_ROW_EXCLUDED = /^(.+): (--exclude-invalid|the plan's "invalidRows": "exclude") left out every row \((\d+) of \3\), so no row is left to check the plan against or to analyse; nothing was written — when every row has a problem, the plan most likely does not read the export as it is written: fix the plan \(or the export\) from the problems of the rows left out$/;

/**
 * The refusal above in Danish when it was worded in English, or undefined for another message: a
 * cost-effectiveness page's analysis is run once for a report run's en and da pages, in English,
 * and a Danish run prints its refusal through the catalogue (src/report/problem-text.ts).
 */
export function danishEveryRowExcluded(message: string): string | undefined {
  const m = EVERY_ROW_EXCLUDED.exec(message);
  if (!m) return undefined;
  return everyRowExcludedMessage(m[1]!, m[2] === '--exclude-invalid' ? m[2] : 'planens "invalidRows": "exclude"', Number(m[3]), 'da');
}
