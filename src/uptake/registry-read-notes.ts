/**
 * Notes `hta uptake` prints on stderr about how a registry export was read, when it was not
 * taken exactly as written (docs/input-registry.md): dates with a time of day, footnote rows
 * left out under the table, repeated rows and ids. They name lines and counts, never an id or a
 * patient's value.
 */
import type { RepeatedRows } from './engine/repeated-rows.js';
import { formatLineRanges, lineRanges } from '../problem-groups.js';
import type { Lang } from '../report/i18n.js';
import { offsetDayMoved } from './registry-dates.js';

/** Dates written with a time of day other than midnight, read as their calendar date; in the run's language (docs/cli.md "Danish output"). */
export function timeOfDayNote(file: string, distinctTexts: number, lang: Lang = 'en'): string | undefined {
  if (distinctTexts === 0) return undefined;
  if (lang === 'da') return `${file}: ${distinctTexts === 1 ? 'en dato er' : `${distinctTexts} forskellige datoer er`} skrevet med et klokkeslæt (ikke midnat): hver læses som datoen foran klokkeslættet, uden forskydning for tidszone (docs/input-registry.md "Dates")`;
  return `${file}: ${distinctTexts === 1 ? 'a date is' : `${distinctTexts} distinct dates are`} written with a time of day (not midnight): each is read as the calendar date written before the time, with no time-zone shift (docs/input-registry.md "Dates")`;
}

/**
 * Dates written with a UTC offset, each read on the calendar day of its instant in Danish time
 * (registry-dates.ts, docs/input-registry.md "Dates"): how many distinct texts, and how many fell
 * on another day than the one written — R's readr writes a local midnight as the evening before
 * in UTC. The example is fixed, never a date from the file. In the run's language.
 */
/** utcOffsetNote of date texts (each trimmed; those without an offset not counted): `hta uptake` and plan init --uptake count alike. */
export function utcOffsetNoteOf(file: string, texts: Iterable<string>, lang: Lang = 'en'): string | undefined {
  const moved = [...texts].map((t) => offsetDayMoved(t.trim())).filter((m): m is boolean => m !== undefined);
  return utcOffsetNote(file, moved.length, moved.filter(Boolean).length, lang);
}

export function utcOffsetNote(file: string, distinctTexts: number, moved: number, lang: Lang = 'en'): string | undefined {
  if (distinctTexts === 0) return undefined;
  if (lang === 'da') {
    const dates = distinctTexts === 1 ? 'en dato er' : `${distinctTexts} forskellige datoer er`;
    const movedDa = moved === 0 ? 'ingen af dem' : moved === distinctTexts && moved === 1 ? 'den' : moved === distinctTexts ? 'alle' : `${moved} af dem`;
    return `${file}: ${dates} skrevet med en UTC-forskydning (Z, +00:00, +01:00 …): hver læses på sin kalenderdag i dansk tid (Europe/Copenhagen), som en Parquet-TIMESTAMP WITH TIME ZONE — ${movedDa} falder dermed på en anden dag end den skrevne dato (2025-10-14T22:00:00Z, som R's readr skriver midnat den 15. oktober, er 15. oktober) (docs/input-registry.md "Dates")`;
  }
  const dates = distinctTexts === 1 ? 'a date is' : `${distinctTexts} distinct dates are`;
  const movedEn = moved === 0 ? 'none of them' : moved === distinctTexts && moved === 1 ? 'it' : moved === distinctTexts ? 'all of them' : `${moved} of them`;
  return `${file}: ${dates} written with a UTC offset (Z, +00:00, +01:00 …): each is read on its calendar day in Danish time (Europe/Copenhagen), as a Parquet TIMESTAMP WITH TIME ZONE is — ${movedEn} thereby ${moved === 1 ? 'falls' : 'fall'} on another day than the date written (2025-10-14T22:00:00Z, as R's readr writes midnight of 15 October, is 15 October) (docs/input-registry.md "Dates")`;
}

/**
 * "lines 42 and 43; 50 and 61" (Parquet: "rows …"). A group of many lines (one id on 9,000 rows:
 * Excel's rounded ids) is bounded: its first three lines, then how many and their ranges
 * (docs/data-contracts.md: line ranges, never every line).
 */
export function examples(groups: readonly number[][], parquet: boolean, lang: Lang = 'en'): string {
  const word = lang === 'da' ? (parquet ? 'rækkerne' : 'linjerne') : parquet ? 'rows' : 'lines';
  return `${word} ${groups.map((g) => lineSample(g, lang)).join('; ')}`;
}

/** Lines of one group: all of a few, or the first three and the count with at most six ranges. */
export function lineSample(g: readonly number[], lang: Lang = 'en'): string {
  if (g.length === 2) return `${g[0]} ${lang === 'da' ? 'og' : 'and'} ${g[1]}`;
  if (g.length <= SAMPLE_LINES) return g.join(', ');
  return `${g.slice(0, 3).join(', ')}, … (${g.length} ${lang === 'da' ? 'i alt' : 'in all'}: ${formatLineRanges(lineRanges(g))})`;
}

/** Lines of a group named one by one up to this many. */
const SAMPLE_LINES = 5;

/**
 * Identical rows counted once, and one id on several different rows (counted as they are): the
 * notes say how many and where, never which id (docs/input-registry.md "Repeated rows and ids").
 */
export function repeatedRowsNotes(file: string, r: RepeatedRows | undefined, parquet = false, lang: Lang = 'en'): string[] {
  if (r === undefined) return [];
  if (lang === 'da') return repeatedRowsNotesDa(file, r, parquet);
  const out: string[] = [];
  const { copies, ids, width } = r;
  if (r.cprSpelled) {
    const n = r.cprSpelled;
    out.push(`${file}: ${n} ${n === 1 ? 'patient id is a CPR number' : 'patient ids are CPR numbers'} written in more than one way (with and without the hyphen, or with a dash, a blank or other digits in its place: DDMMYY-NNNN, DDMMYY–NNNN and DDMMYYNNNN, as an appended extract or Word's autocorrect writes them; or without the leading zero a spreadsheet such as Excel dropped, DMMYYNNNN): read as one patient's id each, as the digits are the same number, so a referral exported again under the other spelling is one referral — write the ids one way in the export to have this note go (docs/input-registry.md "Repeated rows and ids")`);
  }
  if (r.idSpelled) {
    const n = r.idSpelled;
    out.push(`${file}: ${n} ${n === 1 ? 'patient id is' : 'patient ids are'} written in more than one way that cannot be told apart on screen or that a spreadsheet made (a blank or no-break space before or after it, a no-break space for a space, an invisible character such as a zero-width space, digits of another script, or an all-digit id's leading zeros dropped): read as one patient's id each, so a referral exported again under the other spelling is one referral — write the ids one way in the export to have this note go (docs/input-registry.md "Repeated rows and ids")`);
  }
  const spelledId = r.cprSpelled || r.idSpelled ? `the id (the same but for its spelling, as said above: ${r.cprSpelled ? "the CPR number's" : 'blanks, invisible characters or leading zeros'})` : 'the id';
  if (copies.groups > 0) {
    const what = copies.extra === 1 ? 'a row is an identical copy of another row' : `${copies.extra} rows are identical copies of other rows (${copies.groups} ${copies.groups === 1 ? 'row' : 'different rows'} repeated)`;
    out.push(`${file}: ${what} — the same ${parquet ? 'value' : 'text'} in every one of the ${width} columns, ${spelledId} and any column hta does not read included — so each is counted once, as one referral exported twice (e.g. ${examples(copies.examples, parquet)}; docs/input-registry.md "Repeated rows and ids")`);
  }
  if (ids.ids > 0) {
    const what = ids.ids === 1 ? `one patient id is on ${ids.rows} different rows` : `${ids.ids} patient ids are each on several different rows (${ids.rows} rows)`;
    const episodes = ids.episodes === 0 ? '' : ` ${ids.episodes === ids.ids ? (ids.ids === 1 ? 'Here the two rows' : 'Here each id\'s two rows') : `For ${ids.episodes} of the ids the two rows`} look like one referral written twice — a referral row without an activation and an activation row, with the same referral date: that is one referral counted twice; merge each such pair into one row (the referral with its activation and last-active dates) in the export.`;
    const unread = ids.unread === 0 ? '' : ` ${ids.unread === ids.ids ? (ids.ids === 1 ? 'Here the rows' : 'Here each id\'s rows') : `For ${ids.unread} of the ids the rows`} read the same in every column hta reads and differ only in ${ids.unread === 1 ? 'a column' : 'columns'} it does not read (a referral number, say): ${ids.unread === 1 ? 'they are' : 'such rows are'} not identical, so each is counted.`;
    out.push(`${file}: warning: ${what}, each row counted as a referral (e.g. ${examples(ids.examples, parquet)}). A patient referred twice is two referrals, and stays so.${episodes}${unread} (docs/input-registry.md "Repeated rows and ids")`);
  }
  return out;
}

/** `repeatedRowsNotes` in Danish (the words of docs/glossary-da.md: række, registerudtræk, henvisning). */
function repeatedRowsNotesDa(file: string, r: RepeatedRows, parquet: boolean): string[] {
  const out: string[] = [];
  const { copies, ids, width } = r;
  if (r.cprSpelled) {
    const n = r.cprSpelled;
    out.push(`${file}: ${n} ${n === 1 ? 'patient-id er et CPR-nummer' : "patient-id'er er CPR-numre"} skrevet på mere end én måde (med og uden bindestreg, eller med en tankestreg, et mellemrum eller andre cifre i stedet: DDMMÅÅ-NNNN, DDMMÅÅ–NNNN og DDMMÅÅNNNN, som et tilføjet udtræk eller Words autokorrektur skriver dem; eller uden det foranstillede nul, som et regneark som Excel fjernede, DMMÅÅNNNN): hvert læses som én patients id, da cifrene er det samme nummer, så en henvisning udtrukket igen under den anden stavemåde er én henvisning — skriv id'erne på én måde i udtrækket for at få denne note til at gå (docs/input-registry.md "Repeated rows and ids")`);
  }
  if (r.idSpelled) {
    const n = r.idSpelled;
    out.push(`${file}: ${n} ${n === 1 ? 'patient-id er' : "patient-id'er er"} skrevet på mere end én måde, som ikke kan skelnes på skærmen, eller som et regneark har lavet (et mellemrum eller hårdt mellemrum før eller efter, et hårdt mellemrum i stedet for et mellemrum, et usynligt tegn som et nulbreddemellemrum, cifre fra en anden skrift, eller et id af cifre, hvis foranstillede nuller er faldet bort): hvert læses som én patients id, så en henvisning udtrukket igen under den anden stavemåde er én henvisning — skriv id'erne på én måde i udtrækket for at få denne note til at gå (docs/input-registry.md "Repeated rows and ids")`);
  }
  const spelledId = r.cprSpelled || r.idSpelled ? `id'et (ens på nær stavemåden, som sagt ovenfor: ${r.cprSpelled ? 'CPR-nummerets' : 'mellemrum, usynlige tegn eller foranstillede nuller'})` : "id'et";
  if (copies.groups > 0) {
    const what = copies.extra === 1 ? 'en række er en nøjagtig kopi af en anden række' : `${copies.extra} rækker er nøjagtige kopier af andre rækker (${copies.groups} ${copies.groups === 1 ? 'række' : 'forskellige rækker'} gentaget)`;
    out.push(`${file}: ${what} — ${parquet ? 'samme værdi' : 'samme tekst'} i hver af de ${width} kolonner, ${spelledId} og kolonner, hta ikke læser, medregnet — så hver tælles én gang, som én henvisning udtrukket to gange (fx ${examples(copies.examples, parquet, 'da')}; docs/input-registry.md "Repeated rows and ids")`);
  }
  if (ids.ids > 0) {
    const what = ids.ids === 1 ? `ét patient-id står på ${ids.rows} forskellige rækker` : `${ids.ids} patient-id'er står hver på flere forskellige rækker (${ids.rows} rækker)`;
    const episodes = ids.episodes === 0 ? '' : ` ${ids.episodes === ids.ids ? (ids.ids === 1 ? 'Her ligner de to rækker' : 'Her ligner hvert id\'s to rækker') : `For ${ids.episodes} af id'erne ligner de to rækker`} én henvisning skrevet to gange — en henvisningsrække uden aktivering og en aktiveringsrække med samme henvisningsdato: det er én henvisning talt to gange; slå hvert sådant par sammen til én række (henvisningen med dens aktiverings- og sidst-aktiv-dato) i udtrækket.`;
    const unread = ids.unread === 0 ? '' : ` ${ids.unread === ids.ids ? (ids.ids === 1 ? 'Her er rækkerne' : 'Her er hvert id\'s rækker') : `For ${ids.unread} af id'erne er rækkerne`} ens i hver kolonne, hta læser, og afviger kun i ${ids.unread === 1 ? 'en kolonne' : 'kolonner'}, den ikke læser (fx et henvisningsnummer): de er ikke ens, så hver tælles.`;
    out.push(`${file}: advarsel: ${what}; hver række tælles som en henvisning (fx ${examples(ids.examples, parquet, 'da')}). En patient henvist to gange er to henvisninger og forbliver det.${episodes}${unread} (docs/input-registry.md "Repeated rows and ids")`);
  }
  return out;
}
