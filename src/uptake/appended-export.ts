/**
 * A registry export that is two exports appended (docs/input-registry.md "Repeated rows and ids"):
 *
 * - two cuts of one registry (30 November, then 31 December) put each referral still in both on
 *   two rows of one id, one referral date and one activation date, that differ in the last-active
 *   date (the column a later export moves on). Counted as they stand, each is two referrals; which
 *   row is the truth is for the export to say, so `hta uptake` refuses the file, naming lines;
 * - the same with new pseudonyms per delivery leaves no id in common: rows alike in every column
 *   but the id. Two patients can share every other cell, so this is a warning, given when many do.
 *
 * Messages name lines and counts, never an id or a value.
 */
import { examples, lineSample } from './registry-read-notes.js';
import { HtaError, type Problem } from '../errors.js';
import type { RepeatedRows } from './engine/repeated-rows.js';
import type { Lang } from '../report/i18n.js';

/** The share of rows alike but for the id, and how many, from which the export looks appended. */
export const TWIN_SHARE = 0.1;
export const TWIN_ROWS = 10;

/** Refuses an export holding one referral on rows of two cuts (exit 2, nothing written). */
export function refuseAppendedCuts(file: string, r: RepeatedRows | undefined, parquet: boolean): void {
  if (r === undefined || r.cuts.ids === 0) return;
  const { cuts, ids } = r;
  const where = parquet ? 'row' : 'line';
  const who = cuts.ids === 1 ? 'a patient id is on' : `${cuts.ids} patient ids are each on`;
  const episodes = ids.episodes === 0 ? '' : ` Besides, ${ids.episodes === 1 ? 'an id has' : `${ids.episodes} ids have`} a row without an activation and a row with one, of one referral date: an earlier cut's row from before the activation.`;
  const problems: Problem[] = cuts.examples.map((g) => ({
    file,
    line: g[g.length - 1]!,
    expected: `one row per referral: ${where} ${lineSample(g.slice(0, -1))} ${g.length > 2 ? 'have' : 'has'} the same patient id, referral date and activation date, with another last-active date — the same referral exported twice`,
  }));
  throw new HtaError(
    'input.invalid',
    `${file} looks like two exports of the registry appended: ${who} ${cuts.rows === cuts.ids * 2 ? 'two rows' : 'several rows'} (${cuts.rows} rows in all) with the same referral date and activation date and different last-active dates (e.g. ${examples(cuts.examples, parquet)}) — one referral exported at two dates, which would count as ${cuts.ids === 1 ? 'two referrals' : 'two referrals each'}.${episodes} Export the registry once (the latest cut alone); or analyse each cut on its own, the later with --previous naming the earlier one's results.json (docs/input-registry.md "Repeated rows and ids")`,
    problems,
  );
}

/** The warning for many rows alike in every column but the id (new pseudonyms per delivery?). */
export function appendedTwinsNote(file: string, r: RepeatedRows | undefined, parquet: boolean, lang: Lang = 'en'): string | undefined {
  if (r === undefined) return undefined;
  const { twins, width } = r;
  if (twins.rows < TWIN_ROWS || twins.rows < TWIN_SHARE * twins.of) return undefined;
  const share = Math.round((100 * twins.rows) / twins.of);
  // Under --lang da in Danish, as the notes on repeated rows beside it (registry-read-notes.ts).
  if (lang === 'da') {
    return `${file}: advarsel: ${twins.rows} af de ${twins.of} henvisningsrækker (${share} %) er ens i alle ${width} kolonner undtagen patient-id'et, i ${twins.groups} ${twins.groups === 1 ? 'gruppe' : 'grupper'} (fx ${examples(twins.examples, parquet, 'da')}); hver række tælles som en henvisning. Forskellige patienter har sjældent alle datoer og koder til fælles: udtrækket ligner to udtræk sat efter hinanden — de samme henvisninger leveret to gange med nye pseudonymer. Er det sådan, så udtræk registret én gang (den seneste levering alene), eller analysér hver levering for sig, den seneste med --previous, der angiver den førstes results.json (docs/input-registry.md "Repeated rows and ids")`;
  }
  return `${file}: warning: ${twins.rows} of the ${twins.of} referral rows (${share} %) are alike in every one of the ${width} columns except the patient id, in ${twins.groups} ${twins.groups === 1 ? 'group' : 'groups'} (e.g. ${examples(twins.examples, parquet)}), each row counted as a referral. Different patients seldom share every date and code: the export looks appended — the same referrals delivered twice, with new pseudonyms. If so, export the registry once (the latest delivery alone); or analyse each delivery on its own, the later with --previous naming the earlier one's results.json (docs/input-registry.md "Repeated rows and ids")`;
}
