/**
 * `hta plan init --lang da` when the draft cannot decide the visits (draft-plan.ts): the lead said
 * before the listing, the refusal's message and what to write, and the note for a header line
 * repeated in the file (files joined), in the Danish of docs/glossary-da.md — each line whole or
 * not at all, as draft-notes-da.ts words the guesses. Found by an explorer: a SurveyXact user's
 * refusal came in English under a Danish heading ("fejl: plan init could not decide the visits").
 */

/** A pattern and its Danish (a replacement string, or a function of the groups). */
export type DanishLine = [RegExp, string | ((substring: string, ...groups: (string | undefined)[]) => string)];

/** draft-plan.ts VISIT_SOURCES: where a long export's visits come from when no column is named like one. */
const VISIT_SOURCES =
  /If each visit came as a file of its own \(a survey's rounds\), add its visit as a column to each file's rows before joining them \(docs\/input-trial-export\.md#one-file-per-visit\); if a column holds the visit under another name, write it in the plan as "columns": \{ "time": "<that column>" \} \(docs\/plan-trial\.md\)\./;
const VISIT_SOURCES_DA =
  'Kom hvert besøg som sin egen fil (et spørgeskemas runder), så føj besøget som en kolonne til hver fils rækker, før filerne sættes sammen (docs/input-trial-export.md#one-file-per-visit); står besøget i en kolonne med et andet navn, så skriv den i planen som "columns": { "time": "<den kolonne>" } (docs/plan-trial.md).';

/** The leads printed as "plan init: …" before the listing. */
export const UNDECIDED_LEADS_DA: readonly DanishLine[] = [
  [
    new RegExp(`^column (".*?") holds dates \\((".*?")\\), and hta reads no dates \\(docs/limits\\.md\\): a visit is a label such as "Baseline", "6 uger", "3 mdr"\\. ${VISIT_SOURCES.source} Otherwise derive a visit column from the dates first \\(e\\.g\\. "Besøg", each row's visit by its date's distance from the patient's first\\), then run plan init again; (".*?") as the time column would make every date a visit of its own$`),
    (_m, column, example, again) =>
      `kolonnen ${column!} indeholder datoer (${example!}), og hta læser ingen datoer (docs/limits.md): et besøg er et navn som "Baseline", "6 uger", "3 mdr". ${VISIT_SOURCES_DA} Ellers udled først en besøgskolonne af datoerne (fx "Besøg", hver rækkes besøg efter datoens afstand fra patientens første), og kør så plan init igen; ${again!} som tidskolonne ville gøre hver dato til sit eget besøg`,
  ],
  [
    new RegExp(`^the file has (\\d+) rows for (\\d+) ids in (".*?") and no visit column\\. ${VISIT_SOURCES.source} If its rows are events \\(one row per prescription, contact or payment\\), the file is to be aggregated to one row per person \\(and follow-up window\\) first — e\\.g\\. "any opioid redemption" \\(Ja/Nej, "Nej" for a person without one, not empty\\) and the DDD sum \\(0 for none\\) per window as columns "ddd_3m", "ddd_9m" — then run plan init on that file \\(docs/observational\\.md\\)$`),
    (_m, rows, ids, column) =>
      `filen har ${rows!} rækker for ${ids!} id'er i ${column!} og ingen besøgskolonne. ${VISIT_SOURCES_DA} Er rækkerne hændelser (én række pr. recept, kontakt eller betaling), skal filen først samles til én række pr. person (og opfølgningsvindue) — fx "nogen indløsning af opioid" (Ja/Nej, "Nej" for en person uden, ikke tom) og summen af DDD (0 for ingen) pr. vindue som kolonnerne "ddd_3m", "ddd_9m" — og kør så plan init på den fil (docs/observational.md)`,
  ],
];

/** What to write (the refusal's problems), as danishProblemText reads them (report/problem-text.ts). */
export const UNDECIDED_WRITE_DA: readonly DanishLine[] = [
  [
    /^a visit column of labels \("Baseline", "6 uger", "3 mdr"\): each file's visit added to its rows when every visit came as a file of its own \(docs\/input-trial-export\.md#one-file-per-visit\), or derived from the dates of (".*?") before plan init: hta reads no dates \(docs\/limits\.md\)$/,
    'en besøgskolonne med navne ("Baseline", "6 uger", "3 mdr"): hver fils besøg føjet til dens rækker, når hvert besøg kom som sin egen fil (docs/input-trial-export.md#one-file-per-visit), eller udledt af datoerne i $1 før plan init: hta læser ingen datoer (docs/limits.md)',
  ],
  [
    /^a time column \(time, tid, visit, besøg, tidspunkt, redcap_event_name, …\) in a long export, or in a wide export column names ending in their visit: _baseline \(or _basis, _før, _0\) for the baseline and _3mdr, _6uger, _12m … for the follow-ups; or, for a long export whose visit column is named otherwise, the plan by hand with "columns": \{ "time": "<the visit column>" \}, "timeLabels": \{ "<its baseline value>": "baseline", "<its 3-month value>": "3m" \} and "timepoints": \["3m"\] \(docs\/plan-trial\.md\)$/,
    'en tidskolonne (time, tid, visit, besøg, tidspunkt, redcap_event_name, …) i langt format, eller i bredt format kolonnenavne, der ender på deres besøg: _baseline (eller _basis, _før, _0) for baseline og _3mdr, _6uger, _12m … for opfølgningerne; eller, i langt format med en besøgskolonne, der hedder noget andet, planen skrevet i hånden med "columns": { "time": "<besøgskolonnen>" }, "timeLabels": { "<dens baselineværdi>": "baseline", "<dens værdi efter 3 måneder>": "3m" } og "timepoints": ["3m"] (docs/plan-trial.md)',
  ],
];

/** The refusal's message above its problems. */
export const UNDECIDED_MESSAGE_DA: DanishLine = [/^plan init could not decide the visits; nothing was written$/, 'plan init kunne ikke afgøre besøgene; intet er skrevet'];

/** A line of `lines` in Danish, or undefined when none knows it. */
export function danishLine(text: string, lines: readonly DanishLine[]): string | undefined {
  for (const [pattern, danish] of lines) if (pattern.test(text)) return text.replace(pattern, danish as (substring: string, ...groups: unknown[]) => string);
  return undefined;
}
