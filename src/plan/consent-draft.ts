/**
 * `hta plan init` and a column of withdrawn consent (`withdrawn_consent`, `samtykke_trukket`:
 * trial/consent-withdrawn.ts namesConsentWithdrawal): drafted as "columns": { "consentWithdrawn" },
 * so the patients it marks are left out of every analysis, count and output — listed as "not
 * used", they were analysed and published (docs/plan-trial.md#consent-withdrawn). The check says
 * how many it marks and how to say that their data may be used after all.
 *
 * Pure: the export in, the column and the lines for "guessed" and "check before analysing" out,
 * each in English or (draft-notes-da.ts reads them back) Danish.
 */
import type { CsvTable } from '../io/read-csv.js';
import { formatLineRanges, lineRanges } from '../problem-groups.js';
import { namesConsentWithdrawal, surveyConsentColumn } from '../trial/consent-withdrawn.js';

export interface ConsentDraft {
  column?: string;
  guesses: string[];
  checks: string[];
}

export function draftConsentColumn(csv: CsvTable, idCol: string): ConsentDraft {
  const col = csv.header.findIndex((h) => namesConsentWithdrawal(h));
  const idIdx = csv.header.indexOf(idCol);
  if (col < 0 || idIdx < 0) return { guesses: [], checks: [] };
  const column = csv.header[col]!;
  const survey = surveyConsentColumn(csv, idIdx, col);
  const unread = survey.unreadable.length ? { n: survey.unreadable.length, lines: formatLineRanges(lineRanges(survey.unreadable)) } : undefined;
  return { column, guesses: [consentGuess(column, survey.patients)], checks: [consentCheck(column, survey.patients, unread)] };
}

/** The guess line: the column and how many patients it marks. */
export function consentGuess(column: string, patients: number, lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') return `tilbagetrukket samtykke: kolonnen "${column}" ("columns": { "consentWithdrawn" }) markerer ${patients === 1 ? '1 patient' : `${patients} patienter`}`;
  return `consent withdrawn: column "${column}" ("columns": { "consentWithdrawn" }) marks ${patients === 1 ? '1 patient' : `${patients} patients`}`;
}

/** The check line: what the key does, and how to keep the patients' data when the consent form allows it. */
export function consentCheck(column: string, patients: number, unread?: { n: number; lines: string }, lang: 'en' | 'da' = 'en'): string {
  if (lang === 'da') {
    const ulæselig = unread ? `; ${unread.n === 1 ? 'en celle' : `${unread.n} celler`} (${unread.n === 1 ? 'linje' : 'linjerne'} ${unread.lines}) siger hverken ja eller nej: angiv ${unread.n === 1 ? 'dens' : 'deres'} betydning i "columnCodes": { "${column}": { "answers": { … } } } (1 trak samtykket tilbage, 0 gjorde ikke)` : '';
    return `"${column}" er navngivet efter tilbagetrukket samtykke: i udkastet som "columns": { "consentWithdrawn": "${column}" }, så ${patients === 0 ? 'en patient, som kolonnen markerer' : patients === 1 ? 'den patient, som kolonnen markerer' : `de ${patients} patienter, som kolonnen markerer`} (1, Ja, Yes, TRUE eller en dato i en af patientens rækker${patients === 0 ? '; ingen i denne eksport' : ''}), ${patients === 0 ? 'ville blive udeladt' : 'udelades'} af alle analyser, optællinger og output, og patientflowet angiver kun, hvor mange der trak samtykket tilbage${ulæselig} — tillader samtykkeerklæringen, at data indsamlet før tilbagetrækningen bruges, så skriv i stedet "consentWithdrawn": null (docs/plan-trial.md#consent-withdrawn)`;
  }
  const unreadText = unread ? `; ${unread.n === 1 ? 'a cell' : `${unread.n} cells`} (${unread.n === 1 ? 'line' : 'lines'} ${unread.lines}) ${unread.n === 1 ? 'says' : 'say'} neither yes nor no: give ${unread.n === 1 ? 'its' : 'their'} meaning in "columnCodes": { "${column}": { "answers": { … } } } (1 withdrew, 0 did not)` : '';
  return `"${column}" is named for withdrawn consent: drafted as "columns": { "consentWithdrawn": "${column}" }, so ${patients === 0 ? 'a patient it marks (none in this export)' : patients === 1 ? 'the patient it marks' : `the ${patients} patients it marks`} (1, Ja, Yes, TRUE or a date on any of their rows) ${patients === 0 ? 'would be' : patients === 1 ? 'is' : 'are'} left out of every analysis, count and output, and the participant flow states only how many withdrew consent${unreadText} — if the consent form lets the data collected before the withdrawal be used, write "consentWithdrawn": null instead (docs/plan-trial.md#consent-withdrawn)`;
}
