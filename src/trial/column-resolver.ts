/**
 * Column names the plan writes, found in the trial export's header the way users' files write
 * them (docs/input-trial-export.md, "Column names"). A plan drafted on one export is run on the
 * next, and that one was re-saved by SPSS or Excel: `Gruppe` became `gruppe`, `Køn` came out
 * with a decomposed letter, a no-break space stuck to a name. The header is searched for each
 * name exactly first; only when that fails, with case, surrounding spaces (also no-break) and
 * the Unicode form ignored. Two header columns equal in that loose sense are refused rather than
 * picked from — unless one of them is the exact name, which always wins silently.
 *
 * Every reader of a trial export goes through here, so they agree on which column a name means.
 * `inPlanSpelling` gives the export a header in the plan's spelling, so everything downstream
 * (and every output: recode counts, excluded-row fields) reads and writes the plan's names — an
 * analysis of a re-saved export is byte-identical to one of the original.
 */
import { HtaError, type Problem } from '../errors.js';
import type { CsvTable } from '../io/read-csv.js';

/** How a column name compares when the exact name is not in the header. */
export function foldColumnName(name: string): string {
  return name.normalize('NFC').replace(/\u00a0/g, ' ').trim().toLowerCase().normalize('NFC');
}

/** The header columns found for the plan's names, and what the user should hear about it. */
export interface ColumnResolution {
  /** The header with each column found non-exactly renamed to the plan's name. */
  header: string[];
  /** Header position of a name (-1: not in the header, neither exactly nor loosely). */
  indexOf(name: string): number;
  /** One note per plan name read from a header column written differently (at most a few, then a count). */
  notes: string[];
}

/** Notes named one by one; the rest are counted (a wide export renames every item at every visit). */
const NOTES_NAMED = 4;

/**
 * Finds each of `names` in `header` (exact first, then loosely). Throws `input.invalid` (exit 2)
 * naming file, line 1 and both columns when a name matches two header columns only loosely, or
 * when the plan writes one column two ways.
 */
export function resolveColumns(file: string, header: readonly string[], names: Iterable<string>, lang: 'en' | 'da' = 'en'): ColumnResolution {
  const exact = new Map<string, number>();
  const loose = new Map<string, number[]>();
  header.forEach((h, i) => {
    if (!exact.has(h)) exact.set(h, i);
    const f = foldColumnName(h);
    const list = loose.get(f);
    if (list) list.push(i);
    else loose.set(f, [i]);
  });
  const found = new Map<string, number>();
  const claimedBy = new Map<number, string>(); // header position → the plan name it is read as
  const renamed: { name: string; at: number }[] = [];
  const problems: Problem[] = [];
  for (const name of new Set(names)) {
    const at = exact.get(name);
    // A name the header holds twice (read with `duplicateNames: 'keep'`): which column the plan
    // means cannot be known. Names the plan does not use may repeat (REDCap's "Complete?").
    const twice = at === undefined ? [] : header.flatMap((h, i) => (h === name ? [i] : []));
    if (twice.length > 1) {
      problems.push({ file, line: 1, column: twice[1]! + 1, value: name, expected: `one header column named "${name}" for the plan's column: columns ${twice.map((i) => i + 1).join(', ')} are all named so — rename all but the one the plan means (REDCap: export with raw variable names, "CSV (raw data)")`, kind: 'column.duplicate' });
      continue;
    }
    if (at !== undefined) {
      found.set(name, at);
      if (!claimedBy.has(at)) claimedBy.set(at, name);
      continue;
    }
    const candidates = loose.get(foldColumnName(name)) ?? [];
    if (candidates.length > 1) {
      const cols = candidates.map((i) => `"${header[i]}" (column ${i + 1})`).join(' and ');
      problems.push({ file, line: 1, column: candidates[0]! + 1, value: name, expected: `one header column for the plan's column "${name}": ${cols} differ only in case or spaces — rename or delete all but one of them, or write the plan's name exactly as one of them`, kind: 'column.ambiguous' });
      continue;
    }
    if (candidates.length === 1) {
      const i = candidates[0]!;
      found.set(name, i);
      renamed.push({ name, at: i });
    }
  }
  // A header column claimed by two spellings of the plan (`Gruppe` as the arm, `gruppe` as a
  // subgroup) cannot carry both names: the plan should write it one way.
  for (const { name, at } of renamed) {
    const other = claimedBy.get(at);
    if (other !== undefined && other !== name) {
      problems.push({ file, line: 1, column: at + 1, value: name, expected: `the plan's columns "${other}" and "${name}" are both header column "${header[at]}" (column ${at + 1}); write the name one way in the plan`, kind: 'column.spelling' });
    } else claimedBy.set(at, name);
  }
  if (problems.length) throw new HtaError('input.invalid', `${file}: ${problems.length} column name(s) of the plan match more than one way in the header`, problems);

  const out = [...header];
  for (const { name, at } of renamed) out[at] = name;
  // The notes in the language of the command (`--lang da`: docs/cli.md "Danish output").
  const da = lang === 'da';
  const notes = renamed.slice(0, NOTES_NAMED).map(({ name, at }) => (da
    ? `${file}: kolonnen "${name}" er læst fra overskriften "${header[at]}" (kolonne ${at + 1}; ${howItDiffers(name, header[at]!, lang)})`
    : `${file}: column "${name}" read from header "${header[at]}" (column ${at + 1}; ${howItDiffers(name, header[at]!, lang)})`));
  if (renamed.length > NOTES_NAMED) {
    notes.push(da
      ? `${file}: ${renamed.length - NOTES_NAMED} kolonne(r) mere fra planen er læst fra overskrifter, der afviger i store/små bogstaver eller mellemrum`
      : `${file}: ${renamed.length - NOTES_NAMED} more column(s) of the plan read from header names that differ in case or spaces`);
  }
  return { header: out, indexOf: (name) => found.get(name) ?? exact.get(name) ?? -1, notes };
}

/** The export with its header in the plan's spelling (the same table when nothing differs), and the notes. */
export function inPlanSpelling<T extends CsvTable>(csv: T, names: Iterable<string>, lang: 'en' | 'da' = 'en'): { table: T; notes: string[] } {
  const r = resolveColumns(csv.file, csv.header, names, lang);
  if (!r.notes.length) return { table: csv, notes: [] };
  return { table: { ...csv, header: r.header }, notes: r.notes };
}

/** "case differs", "spaces differ", "Unicode form differs", or several. */
function howItDiffers(name: string, header: string, lang: 'en' | 'da'): string {
  const how: string[] = [];
  const spaced = (s: string) => s.replace(/\u00a0/g, ' ').trim();
  let a = name;
  let b = header;
  const da = lang === 'da';
  if (spaced(a) !== a || spaced(b) !== b) how.push(da ? 'mellemrum afviger' : 'spaces differ');
  a = spaced(a);
  b = spaced(b);
  if (a !== b && (a.normalize('NFC') !== a || b.normalize('NFC') !== b)) how.push(da ? 'Unicode-form afviger' : 'Unicode form differs');
  a = a.normalize('NFC');
  b = b.normalize('NFC');
  if (a !== b) how.push(da ? 'store/små bogstaver afviger' : 'case differs');
  return how.join(', ');
}
