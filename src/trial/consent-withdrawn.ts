/**
 * Patients who withdrew their consent (docs/plan-trial.md#consent-withdrawn): a trial export
 * often keeps them, marked in a column (`withdrawn_consent` = 1, `samtykke_trukket` = Ja), while
 * their data may no longer be used. With the plan's "columns": { "consentWithdrawn" } every row of
 * such a patient — a mark on any of their rows marks them all — is taken out of the table before
 * anything reads it: no analysis, count, check or output sees their cells, only the number of
 * patients, which the participant flow states as one aggregate ("Withdrew consent (data not
 * used): n = 3", never per arm). Without the key, a column named for withdrawn consent that marks
 * anybody stops the run, so their data are never analysed unnoticed.
 *
 * A cell marks the patient when it is 1, a yes word (`Ja`, `Yes`, `TRUE`: yes-no-words.ts),
 * REDCap's `Checked`, or a date (the day consent was withdrawn); it does not when empty, 0, a no
 * word or `Unchecked`. The plan's "columnCodes" for the column read other codes (`"answers": {
 * "Trukket": 1, "Deltager": 0 }`, a missing-value code as not marked). Anything else is refused at
 * its cell, --exclude-invalid or not: leaving that one row out would still analyse the patient's
 * other rows.
 */
import { HtaError, type Problem } from '../errors.js';
import type { CsvRecord, CsvRecords, CsvTable } from '../io/read-csv.js';
import { isDateCell } from '../io/date-text.js';
import { parseNumber } from '../io/parse-number.js';
import { formatLineRanges, lineRanges } from '../problem-groups.js';
import { exportTimeOf, type Plan } from '../plan/plan-schema.js';
import { spelledOut } from '../spelled-out.js';
import { foldColumnName } from './column-resolver.js';
import { isSummaryWord } from './export-shape.js';
import { notRandomisedValueTest } from './not-randomised-values.js';
import { cprIdDigits, idKey, plainPatientId } from './patient-ids.js';
import { SpecialMissingReader } from './special-missing.js';
import { coderFor } from './value-codes.js';
import { isNoWord, isYesWord } from './yes-no-words.js';

/** The patients a run left out for withdrawn consent (TrialData, validate's JSON). */
export interface ConsentWithdrawnCount {
  /** The export column read. */
  column: string;
  /** Patients (distinct ids) marked on any row. */
  patients: number;
  /** Lines of the export taken out for them. */
  rows: number;
  /** Those of them with an arm value on some row: randomised, and counted so in the participant flow. */
  randomised: number;
}

/**
 * A column named for withdrawn consent: `withdrawn_consent`, `consent_withdrawn`,
 * `ConsentWithdrawal`, `samtykke_trukket`, `tilbagetrukket_samtykke`, `trukket_samtykke`,
 * `samtykke_tilbagekaldt` — consent and its withdrawal both named, in any order.
 */
export function namesConsentWithdrawal(column: string): boolean {
  const key = spelledOut(column).replace(/[^a-z0-9]+/g, '');
  return /(consent|samtykke)/.test(key) && /(withdr|revok|trukket|tilbagekald|traekketilbage)/.test(key);
}

type Mark = 'withdrawn' | 'kept' | 'unreadable';

/** How one cell of the column reads (`coded` applies the plan's "columnCodes" for it first). */
function markOf(text: string, coded: ((t: string) => number | null | undefined) | undefined, decimalComma: boolean): Mark {
  const viaCodes = coded?.(text);
  if (viaCodes !== undefined) return viaCodes === null || viaCodes === 0 ? 'kept' : viaCodes === 1 ? 'withdrawn' : 'unreadable';
  const t = text.trim();
  const n = parseNumber(t, decimalComma);
  if (n !== undefined) return n === 1 ? 'withdrawn' : n === 0 ? 'kept' : 'unreadable';
  const lower = t.toLowerCase();
  if (isYesWord(t) || lower === 'checked') return 'withdrawn';
  if (isNoWord(t) || lower === 'unchecked') return 'kept';
  return isDateCell(t) ? 'withdrawn' : 'unreadable';
}

/** What a cell of the column may hold, for a problem at an unreadable one. */
function expectedText(column: string): string {
  return `1, a yes word (Ja, Yes, TRUE) or a date for a patient who withdrew consent; 0, a no word or an empty cell otherwise — for other codes give their meaning in the plan's "columnCodes": { "${column}": { "answers": { "<code>": 1 } } } (1 withdrew, 0 did not)`;
}

/** The export columns read for the mark: the column itself, and in a wide export each of its `_<visit>` columns. */
function markColumns(header: readonly string[], column: string, plan: Plan): number[] {
  const visits = [plan.baseline, ...(plan.allTimepoints ?? plan.timepoints)].map((v) => foldColumnName(`${column}_${exportTimeOf(plan, v)}`));
  const own = foldColumnName(column);
  return header.flatMap((h, i) => (foldColumnName(h) === own || visits.includes(foldColumnName(h)) ? [i] : []));
}

/** The arm columns whose value says the patient was randomised: the arm column and its `_<visit>` columns. */
function armColumns(header: readonly string[], plan: Plan): number[] {
  return markColumns(header, plan.columns.arm, plan);
}

interface Scan {
  /** Id key → lines of its rows. */
  rowsOf: Map<string, number>;
  withdrawn: Map<string, number>;
  armed: Set<string>;
  unreadable: Problem[];
  /** The first cell that marks a patient, for the refusal without the key. */
  first?: { line: number; column: number; value: string };
}

/** A table without the rows of patients who withdrew consent, how many, and their keys (consentKey). */
export interface ConsentFiltered {
  table: CsvTable;
  count?: ConsentWithdrawnCount;
  ids?: ReadonlySet<string>;
}

/** The tables withoutConsentWithdrawn made, with what it left out: a table passed again (loadTrial after its caller) is its own result. */
const made = new WeakMap<CsvTable, ConsentFiltered>();

/**
 * `table` without the rows of patients who withdrew consent, and how many, when the plan names
 * the column ("columns": { "consentWithdrawn" }). Without the key: `table` itself, or an error
 * when a column named for withdrawn consent marks anybody. Unreadable marks are an error.
 */
export function withoutConsentWithdrawn(table: CsvTable, plan: Plan): ConsentFiltered {
  const done = made.get(table);
  if (done) return done;
  const file = table.file;
  const named = plan.columns.consentWithdrawn;
  // null: the plan says the patients' data collected before the withdrawal may be used — read as any other column.
  if (named === null) return { table };
  const idCol = findColumn(table.header, plan.columns.id);
  if (named === undefined) {
    const found = table.header.findIndex((h) => namesConsentWithdrawal(h));
    if (found < 0 || idCol < 0) return { table };
    const column = table.header[found]!;
    const scan = scanOf(table, plan, idCol, markColumns(table.header, column, plan), column);
    const marked = [...scan.withdrawn.values()];
    if (!marked.length && !scan.unreadable.length) return { table };
    const at = scan.first ?? scan.unreadable[0]!;
    const lines = marked.length ? ` (${marked.length === 1 ? 'line' : 'lines'} ${formatLineRanges(lineRanges(marked.sort((a, b) => a - b)))})` : '';
    throw new HtaError('input.invalid', `${file}: column "${column}" is named for withdrawn consent${marked.length ? ` and marks ${marked.length} ${marked.length === 1 ? 'patient' : 'patients'}${lines}` : ''}, but the plan does not name it`, [
      {
        file,
        ...(at.line !== undefined ? { line: at.line } : {}),
        column: at.column ?? found + 1,
        field: column,
        // A date (the day consent was withdrawn) is a patient's: not quoted.
        ...(at.value !== undefined && !isDateCell(at.value) ? { value: at.value } : {}),
        expected: `the plan naming the column of withdrawn consent: add "consentWithdrawn": "${column}" to its "columns" — the patients it marks are then left out of every analysis, count and output, and the participant flow says how many withdrew consent; read as now, their data would be analysed and published; if the consent form lets the data collected before the withdrawal be used, say so with "consentWithdrawn": null (docs/plan-trial.md#consent-withdrawn)`,
        kind: 'consent.unnamed',
      },
    ]);
  }
  const cols = markColumns(table.header, named, plan);
  if (!cols.length) {
    throw new HtaError('input.invalid', `${file}: no column "${named}" for the plan's "columns": { "consentWithdrawn" }`, [
      { file, line: 1, value: named, expected: `a column "${named}" marking the patients who withdrew consent, as the plan's "columns": { "consentWithdrawn" } says (columns are: ${table.header.join(', ')})`, kind: 'column.consent' },
    ]);
  }
  if (idCol < 0) return { table };
  const scan = scanOf(table, plan, idCol, cols, named);
  if (scan.unreadable.length) throw new HtaError('input.invalid', `${file}: ${scan.unreadable.length} ${scan.unreadable.length === 1 ? 'cell' : 'cells'} of "${named}" (the plan's "consentWithdrawn") ${scan.unreadable.length === 1 ? 'says' : 'say'} neither that the patient withdrew consent nor that they did not`, scan.unreadable);
  let rows = 0;
  let randomised = 0;
  for (const id of scan.withdrawn.keys()) {
    rows += scan.rowsOf.get(id) ?? 0;
    if (scan.armed.has(id)) randomised++;
  }
  const count: ConsentWithdrawnCount = { column: named, patients: scan.withdrawn.size, rows, randomised };
  if (!scan.withdrawn.size) {
    const same = { table, count };
    made.set(table, same);
    return same;
  }
  const withdrawn = new Set(scan.withdrawn.keys());
  const source = table.records;
  const reader = new SpecialMissingReader();
  // The loader reads the records in several passes: each record's id is read and keyed once, the
  // first pass's decision kept for the later ones (as repeated-header-rows.ts keeps its own).
  const kept: boolean[] = [];
  const records: CsvRecords = {
    length: source.length - rows,
    *[Symbol.iterator](): Iterator<CsvRecord> {
      let i = 0;
      for (const rec of source) {
        let keep = kept[i];
        if (keep === undefined) {
          reader.load(rec, idCol + 1);
          const cell = reader.cell(idCol);
          keep = kept[i] = !(cell !== null && withdrawn.has(consentKey(cell)));
        }
        i++;
        if (keep) yield rec;
      }
    },
  };
  const filtered: ConsentFiltered = { table: { ...table, records }, count, ids: withdrawn };
  made.set(filtered.table, filtered);
  return filtered;
}

/** The header index of `name` as loadTrial finds it (case and blanks aside: column-resolver.ts), or −1. */
function findColumn(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const folded = foldColumnName(name);
  return header.findIndex((h) => foldColumnName(h) === folded);
}

/** One patient, however the id cell is written: a CPR number by its digits (cpr-id-spellings.ts), any other id by its key. */
export function consentKey(cell: string): string {
  const id = plainPatientId(cell);
  return cprIdDigits(id) ?? idKey(id);
}

function scanOf(table: CsvTable, plan: Plan, idCol: number, cols: readonly number[], column: string): Scan {
  const rowsOf = new Map<string, number>();
  const withdrawn = new Map<string, number>();
  const armed = new Set<string>();
  const unreadable: Problem[] = [];
  let first: Scan['first'];
  const arms = plan.armSource === 'redcap-event' ? [] : armColumns(table.header, plan);
  const notRandomisedValue = notRandomisedValueTest(plan);
  const decimalComma = table.dialect.decimalComma;
  const coder = coderFor(plan, column, undefined, decimalComma);
  const coded = coder
    ? (t: string): number | null | undefined => {
        const c = coder.apply(t);
        return c.kind === 'answer' ? c.value : c.kind === 'missing' || c.kind === 'not-applicable' ? null : c.kind === 'unknown' ? Number.NaN : undefined;
      }
    : undefined;
  const headerName = foldColumnName(column);
  const reader = new SpecialMissingReader();
  const width = Math.max(idCol, ...cols, ...arms) + 1;
  for (const rec of table.records) {
    reader.load(rec, width);
    const idCell = reader.cell(idCol);
    if (idCell === null || isSummaryWord(plainPatientId(idCell))) continue;
    const id = consentKey(idCell);
    rowsOf.set(id, (rowsOf.get(id) ?? 0) + 1);
    // A REDCap arm in the event names: every row has one.
    if (plan.armSource === 'redcap-event' || arms.some((c) => { const v = reader.cell(c); return v !== null && !notRandomisedValue(v); })) armed.add(id);
    for (const c of cols) {
      const cell = reader.cell(c);
      // The header line repeated inside the file (exports joined) is no patient's row.
      if (cell === null || foldColumnName(cell) === headerName) continue;
      const mark = markOf(cell, coded, decimalComma);
      if (mark === 'withdrawn' && !withdrawn.has(id)) withdrawn.set(id, rec.line);
      if (mark === 'withdrawn' && !first) first = { line: rec.line, column: c + 1, value: cell };
      else if (mark === 'unreadable') unreadable.push({ file: table.file, line: rec.line, column: c + 1, field: table.header[c]!, value: cell, expected: expectedText(column), kind: 'consent.value' });
    }
  }
  return { rowsOf, withdrawn, armed, unreadable, ...(first ? { first } : {}) };
}

/** The run's note on them: how many patients and rows were left out, never which (docs/plan-trial.md#consent-withdrawn). */
export function consentWithdrawnNote(file: string, n: ConsentWithdrawnCount, lang: 'en' | 'da' = 'en'): string {
  const never = n.patients - n.randomised;
  if (lang === 'da') {
    if (n.patients === 0) return `${file}: ingen patient har trukket sit samtykke tilbage i kolonnen "${n.column}" (planens "columns.consentWithdrawn")`;
    const hvem = n.patients === 1 ? '1 patient' : `${n.patients} patienter`;
    const aldrig = never ? ` (${never === 1 ? 'heraf 1' : `heraf ${never}`} uden en gruppe: aldrig randomiseret, i intet patientflow)` : '';
    return `${file}: ${hvem}, der har trukket samtykket tilbage i kolonnen "${n.column}" (${n.rows} ${n.rows === 1 ? 'række' : 'rækker'})${aldrig}, er udeladt af alle analyser, optællinger og output (planens "columns.consentWithdrawn"); patientflowet angiver kun antallet, som "trak samtykket tilbage (data ikke anvendt)"`;
  }
  if (n.patients === 0) return `${file}: no patient withdrew consent in column "${n.column}" (the plan's "columns.consentWithdrawn")`;
  const who = n.patients === 1 ? '1 patient' : `${n.patients} patients`;
  const noArm = never ? ` (${never} of them with no arm value: never randomised, in no participant flow)` : '';
  return `${file}: ${who} who withdrew consent in column "${n.column}" (${n.rows} ${n.rows === 1 ? 'row' : 'rows'})${noArm} ${n.patients === 1 ? 'is' : 'are'} left out of every analysis, count and output (the plan's "columns.consentWithdrawn"); the participant flow states only their number, as "withdrew consent (data not used)"`;
}

/**
 * For `hta plan init`: the patients column `col` marks (distinct ids by consentKey) and the lines
 * of cells that read as neither mark, read as validate reads them without "columnCodes".
 */
export function surveyConsentColumn(table: CsvTable, idCol: number, col: number): { patients: number; unreadable: number[] } {
  const marked = new Set<string>();
  const unreadable: number[] = [];
  const reader = new SpecialMissingReader();
  const headerName = foldColumnName(table.header[col] ?? '');
  for (const rec of table.records) {
    reader.load(rec, Math.max(idCol, col) + 1);
    const idCell = reader.cell(idCol);
    const cell = reader.cell(col);
    if (idCell === null || cell === null || isSummaryWord(plainPatientId(idCell)) || foldColumnName(cell) === headerName) continue;
    const mark = markOf(cell, undefined, table.dialect.decimalComma);
    if (mark === 'withdrawn') marked.add(consentKey(idCell));
    else if (mark === 'unreadable') unreadable.push(rec.line);
  }
  return { patients: marked.size, unreadable };
}
