/**
 * Adverse events from a REDCap repeating instrument of the export (the plan's "adverseEvents"):
 * each row of the instrument is one event of its record. Its seriousness and relatedness cells are
 * read as yes, no or unknown — the plan's "columnCodes" and "missingCodes" first, then yes/no words
 * (Ja/Nej, Yes/No, Y/N, TRUE/FALSE) and 0/1; a don't-know word ("Ved ikke", "Unknown") is unknown,
 * never no. Any other value stops the run: an event read wrong changes a safety count
 * (docs/plan-trial.md#adverse-events).
 */
import { HtaError, type Problem } from '../errors.js';
import { decimalCommaOf } from '../io/decimal-mark.js';
import { dirname, isAbsolute, join } from 'node:path';
import { type CsvTable, readCsvFile, shortName } from '../io/read-csv.js';
import { consentKey } from './consent-withdrawn.js';
import { idKey, idMatchKey, maskedPatientIds, plainPatientId } from './patient-ids.js';
import { formatLineRanges, lineRanges } from '../problem-groups.js';
import { nfc } from '../io/nfc.js';
import { parseNumber } from '../io/parse-number.js';
import { isDontKnowWord } from '../plan/answer-words.js';
import type { Plan, PlanAdverseEvents } from '../plan/plan-schema.js';
import type { Arm, TrialData } from './trial-data.js';
import { coderFor, type ColumnCoder, type RecodeCount, RecodeTally } from './value-codes.js';
import { isNoWord, isYesWord } from './yes-no-words.js';
import { cprShapeText, looksLikeCprCell } from '../io/cpr-number.js';
import { cprCellExpected, cprInsideCell, cprKind, isCprProblem, trialCprMessage } from './cpr-cells.js';
import { FREE_TEXT_MIN_WORDS, holderKey, identifyingSigns, wordCount } from './free-text.js';

/** Yes (1), no (0) or not known (null). */
export type YesNoUnknown = 0 | 1 | null;

/** One event, with its patient's arm. Never leaves hta with its patient. */
export interface AdverseEvent {
  arm: Arm;
  /** The patient's index among the trial's patients (to count patients, not events). */
  patient: number;
  serious?: YesNoUnknown;
  related?: YesNoUnknown;
  soc?: string | null;
  term?: string | null;
}

/** The events read, and the rows read past (patients not in the comparison). */
export interface AdverseEventData {
  spec: PlanAdverseEvents;
  events: AdverseEvent[];
  /** Event rows whose record is no patient of the comparison (another arm, never randomised, or left out as invalid). */
  outside: number;
  /**
   * Rows of a listing naming no event: every cell but the id empty as written, of a patient with no
   * other row naming one, when the plan reads a class or term — a listing of every patient, with
   * blank cells for those without events. Not counted as events (docs/plan-trial.md#adverse-events).
   */
  noEventRows: number;
  /**
   * The seriousness and relatedness cells the plan's codes changed ("columnCodes", "missingCodes"),
   * per column and code, over the events counted: "Muligvis" → 1 says "possibly related" is
   * counted as related (docs/plan-trial.md#adverse-events).
   */
  recoded: RecodeCount[];
  /**
   * Rows of a listing whose id is on no row of the export, left out with --exclude-invalid
   * ("invalidRows": "exclude"): events not counted, said under the table and in results.json
   * (docs/plan-trial.md#adverse-events); absent when none.
   */
  unknownIdRows?: number;
}

type Field = 'serious' | 'related' | 'soc' | 'term';
const YES_NO_FIELDS = new Set<Field>(['serious', 'related']);

interface PendingEvent {
  line: number;
  id: string;
  values: Partial<Record<Field, YesNoUnknown | string | null>>;
  /** The plan codes applied to the row's cells: column, code, meaning. */
  recodes: [string, string, number | null][];
}

/**
 * Reads the instrument's rows while the export is read (load-trial.ts), and joins them to the
 * patients after it. `header`: the export's header in the plan's spelling.
 */
export class AdverseEventReader {
  readonly #spec: PlanAdverseEvents;
  /** The id column, named in a CPR refusal. */
  readonly #idColumn: string;
  readonly #instrument: string;
  readonly #columns: { field: Field; idx: number; name: string; coder: ColumnCoder | undefined }[] = [];
  readonly #pending: PendingEvent[] = [];
  /** A listing's rows with every cell but the id empty: no event, unless the patient has a row naming one (finish). */
  readonly #blank: { line: number; id: string }[] = [];
  /** Rows naming no event (AdverseEventData.noEventRows). */
  #noEventRows = 0;
  readonly problems: Problem[] = [];
  /** Terms of six words or more, by value (holderKey): a note only when one patient holds it (settleFreeText). */
  readonly #wordy = new Map<string, { ids: Set<string>; problems: Problem[] }>();

  constructor(
    plan: Plan & { adverseEvents: PlanAdverseEvents },
    header: readonly string[],
    private readonly file: string,
    private readonly decimalComma: boolean,
  ) {
    this.#spec = plan.adverseEvents;
    this.#idColumn = plan.adverseEvents.id ?? plan.columns.id;
    this.#instrument = nfc((this.#spec.instrument ?? '').trim());
    for (const field of ['serious', 'related', 'soc', 'term'] as const) {
      const name = this.#spec[field];
      if (name === undefined) continue;
      const idx = header.indexOf(name);
      if (idx < 0) {
        this.problems.push({ file, line: 1, value: name, expected: `a column named "${name}" for the plan's "adverseEvents": { "${field}": … } (the ${field === 'soc' ? 'system organ class' : field === 'term' ? 'event term' : `${field}ness`} of each event)`, kind: 'column.adverse-events' });
        continue;
      }
      this.#columns.push({ field, idx, name, coder: YES_NO_FIELDS.has(field) ? coderFor(plan, name, undefined, decimalComma) : undefined });
    }
  }

  /** Whether a row of this repeating instrument is an event row. */
  isEventRow(instrument: string): boolean {
    return nfc(instrument.trim()) === this.#instrument;
  }

  /**
   * Reads one event row (`cell`: the row's cell by column index, null when empty). `blank`: a
   * listing's row with every cell but the id empty as written (never a REDCap instrument's row:
   * REDCap writes one only when an event was entered).
   */
  add(line: number, id: string, cell: (idx: number) => string | null, blank = false): void {
    // A listing of every patient writes an empty row for each patient without events: settled in
    // finish, once the patient's other rows are known. Only when the plan reads a class or term —
    // an event is what happened; a row read for its seriousness alone may describe it elsewhere.
    if (blank && this.#describes()) {
      this.#blank.push({ line, id });
      return;
    }
    const values: PendingEvent['values'] = {};
    const recodes: PendingEvent['recodes'] = [];
    // A CPR number in any column read, or a class or term that reads as a note about the patient,
    // would be published under its own name: refused by line and column, never quoted.
    const refused = this.#refusedCells(line, id, cell);
    if (refused) return;
    for (const { field, idx, name, coder } of this.#columns) {
      const text = cell(idx);
      if (text === null || !YES_NO_FIELDS.has(field)) {
        values[field] = text === null ? null : nfc(text.trim());
        continue;
      }
      const read = this.#yesNo(text, coder, (code, to) => recodes.push([name, code, to]));
      if (read === 'unknown-code') {
        const numbers = coder?.closed ? numbersToList(text, coder, this.decimalComma) : undefined;
        this.problems.push({
          file: this.file, line, column: idx + 1, field: name, value: text,
          expected: numbers
            // `"2": 1` added to a REDCap 0/1/2 column, as advised: every 1 and 0 is then refused, and
            // the refusal gives the entries that read them (docs/plan-trial.md#adverse-events).
            ? `yes, no or unknown for the event's ${field === 'serious' ? 'seriousness' : 'relatedness'}: once a column has answer codes every number in it must be listed — "${name}" has ${coder!.answerCodes().map((c) => JSON.stringify(c)).join(', ')} only; if 1 is yes and 0 is no here, add ${numbers} beside them: "columnCodes": { "${name}": { "answers": { ${[...coder!.answerEntries().map((a) => `${JSON.stringify(a.code)}: ${a.value}`), numbers].join(', ')} } } }`
            : coder?.closed
            // With the column's answer codes the numbers 1/0 are the codes' (1/2 coding), so the accepted cells are listed as they are.
            ? `yes, no or unknown for the event's ${field === 'serious' ? 'seriousness' : 'relatedness'}: one of the codes of "${name}" in the plan's "columnCodes" (${coder.answerCodes().map((c) => JSON.stringify(c)).join(', ')}), a yes/no word (Ja/Nej, Yes/No, Y/N), a don't-know word ("Ved ikke", "Unknown") or a missing-value code; give other codes their meaning beside those in "columnCodes": { "${name}": { "answers": { … } } }`
            : `yes, no or unknown for the event's ${field === 'serious' ? 'seriousness' : 'relatedness'}: Ja/Nej, Yes/No, Y/N or 1/0, a don't-know word ("Ved ikke", "Unknown") or a code of the plan's "missingCodes"; give other codes their meaning in "columnCodes": { "${name}": { "answers": { "…": 1 }, "missing": ["…"] } }`,
          kind: `adverse-events.code:${field}`,
        });
        return;
      }
      values[field] = read;
    }
    // A row with a cell filled is an event, whatever is missing: "Ved ikke" or a missing-value code
    // in its seriousness, or only a date and a grade, is an event of unknown term or seriousness.
    this.#pending.push({ line, id, values, recodes });
  }

  /**
   * Refuses the row's CPR-shaped cells (every column read: cpr-cells.ts) and its class or term cells
   * that read as free text (free-text.ts); true when any was (docs/plan-trial.md#adverse-events).
   */
  #refusedCells(line: number, id: string, cell: (idx: number) => string | null): boolean {
    let refused = false;
    for (const { field, idx, name } of this.#columns) {
      const text = cell(idx);
      if (text === null) continue;
      // A yes/no cell with a CPR number in its text too (`Ja, pt. 120374-1234`): terms and classes are refused by their identifying signs below.
      if (looksLikeCprCell(text) || looksLikeCprCell(plainPatientId(text.trim())) || (YES_NO_FIELDS.has(field) && cprInsideCell(text))) {
        this.problems.push({ file: this.file, line, column: idx + 1, field: name, expected: cprCellExpected(this.#idColumn, text, false), kind: cprKind(name) });
        refused = true;
        continue;
      }
      if (YES_NO_FIELDS.has(field)) continue;
      const value = nfc(text.trim());
      // A CPR or phone number, an e-mail address or a date: never printed, however many hold it.
      const signs = identifyingSigns(value);
      // Many words: a note only in a term one patient holds (settleFreeText); a MedDRA system organ
      // class has up to nine words and is never counted by them (docs/plan-trial.md#adverse-events).
      const words = field === 'term' && !signs.length ? wordCount(value) : 0;
      if (!signs.length && words < FREE_TEXT_MIN_WORDS) continue;
      const what = field === 'soc' ? 'system organ class' : 'event term';
      const problem: Problem = {
        file: this.file, line, column: idx + 1, field: name,
        expected: `a coded ${what} (a MedDRA ${field === 'soc' ? 'system organ class' : 'preferred term'} such as "${field === 'soc' ? 'Nervous system disorders' : 'Headache'}"), never free text: the cell (not quoted) reads as a note about the patient, whose text would be published as a row of the adverse-event table — write the coded ${what} in the export, or leave "${field}" out of the plan's "adverseEvents"`,
        detail: `the cell has ${signs.length ? signs.join(', ') : `${words} words, and no other patient has this ${what}`}`,
        kind: `adverse-events.free-text:${field}`,
      };
      if (signs.length) {
        this.problems.push(problem);
        refused = true;
      } else {
        const w = this.#wordy.get(holderKey(value)) ?? { ids: new Set<string>(), problems: [] };
        w.ids.add(idKey(id));
        w.problems.push(problem);
        this.#wordy.set(holderKey(value), w);
      }
    }
    return refused;
  }

  /**
   * Refuses the terms of six words or more that one patient alone holds: a note about them; a
   * term several patients share is a code, however long (docs/plan-trial.md#adverse-events).
   * Called once every row is read, before `problems` is.
   */
  settleFreeText(): void {
    for (const { ids, problems } of this.#wordy.values()) if (ids.size < 2) this.problems.push(...problems);
    this.#wordy.clear();
  }

  /**
   * A listing's empty rows: no event for a patient with no row naming one (a listing of every
   * patient); for a patient with one, an event of unknown class, term and seriousness — a patient
   * with events has no "no event" row, so the row is an event whose details were not entered.
   */
  #settleBlankRows(): void {
    if (!this.#blank.length) return;
    const withEvents = new Set(this.#pending.map((e) => idKey(e.id)));
    for (const { line, id } of this.#blank.splice(0)) {
      if (withEvents.has(idKey(id))) this.#pending.push({ line, id, values: Object.fromEntries(this.#columns.map(({ field }) => [field, null])), recodes: [] });
      else this.#noEventRows++;
    }
    this.#pending.sort((a, b) => a.line - b.line);
  }

  /** Whether the plan reads what happened (the class or the term) for each event. */
  #describes(): boolean {
    return this.#columns.some(({ field }) => field === 'soc' || field === 'term');
  }

  /** The cell as yes (1), no (0) or unknown (null); 'unknown-code' when it is none of these. */
  #yesNo(text: string, coder: ColumnCoder | undefined, onRecode: (code: string, to: number | null) => void): YesNoUnknown | 'unknown-code' {
    if (coder) {
      const coded = coder.apply(text, (code, to) => to !== 'not-applicable' && onRecode(code, to));
      if (coded.kind === 'missing') return null;
      if (coded.kind === 'answer') return coded.value === 1 ? 1 : coded.value === 0 ? 0 : 'unknown-code';
    }
    // The yes/no and don't-know words are read beside the column's codes (`"Muligvis": 1` added
    // to Ja/Nej must not make a cell "N" unreadable); numbers only when no answer codes are given:
    // with codes 1/2 a 0 is no "no" (docs/plan-trial.md#adverse-events).
    if (isYesWord(text)) return 1;
    if (isNoWord(text)) return 0;
    if (isDontKnowWord(text)) return null;
    if (coder?.closed) return 'unknown-code';
    const n = parseNumber(text.trim(), this.decimalComma);
    return n === 1 ? 1 : n === 0 ? 0 : 'unknown-code';
  }

  /** Event rows read (before the join to the patients). */
  get rows(): number {
    return this.#pending.length;
  }

  /** Rows of the instrument or listing naming no event (AdverseEventData.noEventRows). */
  get noEventRows(): number {
    return this.#noEventRows;
  }

  /** The note when no row is of the instrument (a name written otherwise, or a trial without events): `instruments`, the file's others. */
  noRowsNote(file: string, instruments: readonly string[]): string {
    const others = instruments.length ? `the file's repeating instruments are ${instruments.map((i) => JSON.stringify(i)).join(', ')}` : 'the file has no repeating-instrument rows';
    return `${file}: no row of the repeating instrument "${this.#spec.instrument ?? ''}" of the plan's "adverseEvents" (${others}): no adverse event is counted — check the instrument's name if the trial had events`;
  }

  /**
   * The events joined to the patients (`patientOf`: a record's patient index and arm, undefined
   * outside the comparison). `inExport`, for a listing: whether an id outside the comparison is in
   * the export at all; the lines of rows whose id is not are `unknownLines`, not `outside`.
   */
  finish(patientOf: (id: string) => { patient: number; arm: Arm } | undefined, inExport?: (id: string) => boolean): AdverseEventData & { unknownLines: number[] } {
    this.#settleBlankRows();
    const events: AdverseEvent[] = [];
    const unknownLines: number[] = [];
    const tally = new RecodeTally();
    let outside = 0;
    for (const e of this.#pending) {
      const p = patientOf(e.id);
      if (p === undefined) {
        if (inExport && !inExport(e.id)) unknownLines.push(e.line);
        else outside++;
        continue;
      }
      for (const [column, code, to] of e.recodes) tally.add(column, code, to);
      events.push({ arm: p.arm, patient: p.patient, ...(e.values as Partial<AdverseEvent>) });
    }
    const order = this.#columns.map((c) => c.name);
    return { spec: this.#spec, events, outside, noEventRows: this.#noEventRows, recoded: tally.list(order), unknownLines };
  }
}

/**
 * What validate and analyze say about the events read (load-trial.ts for the instrument, readEventListing
 * for a listing): how many rows were read as events, and how many were not counted because their
 * record is no patient of the comparison. One wording for both sources.
 */
export function adverseEventReadNotes(file: string, rows: number, data: Pick<AdverseEventData, 'spec' | 'outside' | 'noEventRows'>): string[] {
  const source = data.spec.instrument !== undefined ? ` of REDCap repeating instrument "${data.spec.instrument}"` : '';
  const notes = [`${file}: ${rows} ${rows === 1 ? 'row' : 'rows'}${source} read as adverse events, one event each (the plan's "adverseEvents")`];
  const blank = data.noEventRows;
  if (blank) notes.push(`${file}: ${blank} ${blank === 1 ? 'row' : 'rows'}${source} with every cell but the id empty ${blank === 1 ? 'names' : 'name'} no event (a listing of every patient, blank for those without events): not counted as ${blank === 1 ? 'an event' : 'events'}`);
  if (data.outside) notes.push(`${file}: ${data.outside} adverse-event ${data.outside === 1 ? 'row is' : 'rows are'} of records not among the patients compared (another arm, never randomised, left out as invalid): not counted`);
  return notes;
}

/** A patient of the trial by the id as a listing writes it (idKey: case, blanks, leading zeros aside), or undefined. */
export type PatientLookup = (id: string) => { patient: number; arm: Arm } | undefined;

/**
 * Reads a separate listing of events (the plan's "adverseEvents": { "file" }): each row one event,
 * its patient by the listing's id column, joined to the export's patients. A listing whose ids
 * match no patient of the export is refused (two id schemes: every event would be lost), and so is
 * a row whose id no row of the export has (`exportIdKeys`: the event would be lost unsaid); rows of
 * ids of the export that are no patient of the comparison are counted, as for the instrument.
 */
export function readEventListing(csv: CsvTable, plan: Plan & { adverseEvents: PlanAdverseEvents }, patientOf: PatientLookup, exportIdKeys?: ReadonlySet<string>, excludeInvalid = false, consentWithdrawn?: ReadonlySet<string>): { data: AdverseEventData; notes: string[] } {
  const file = csv.file;
  const idName = plan.adverseEvents.id ?? plan.columns.id;
  const idCol = csv.header.indexOf(idName);
  const reader = new AdverseEventReader(plan, csv.header, file, decimalCommaOf(csv));
  if (idCol < 0) reader.problems.unshift({ file, line: 1, value: idName, expected: `a patient-id column "${idName}" in the listing of adverse events (columns are: ${csv.header.map(shortName).join(', ')}); name it in "adverseEvents": { "id": … }`, kind: 'column.adverse-events' });
  if (reader.problems.length) throw new HtaError('input.invalid', `${file} has ${reader.problems.length} problem(s); nothing was written`, reader.problems);
  const empty: Problem[] = [];
  for (const rec of csv.records) {
    const cells = rec.cells;
    const idCell = cells[idCol] ?? null;
    if (idCell === null) {
      empty.push({ file, line: rec.line, column: idCol + 1, field: idName, value: '', expected: 'a patient id (the cell is empty)', kind: 'id.empty' });
      continue;
    }
    // An event of a patient who withdrew consent: their data are not used, here neither (consent-withdrawn.ts).
    if (consentWithdrawn?.has(consentKey(idCell))) continue;
    // Empty as written: "Ved ikke" or a missing-value code is a cell filled (an event of unknown seriousness).
    const blank = cells.every((c, i) => i === idCol || c === null || c === undefined || c.trim() === '');
    reader.add(rec.line, plainPatientId(idCell), (i) => cells[i] ?? null, blank);
  }
  reader.settleFreeText();
  // A quoted cell naming a patient of the export or the listing (`1003 ringede`) is quoted without the id (docs/output-safety.md "Patient ids").
  const listingIds = new Set<string>(exportIdKeys);
  for (const r of csv.records) if (idCol >= 0 && r.cells[idCol]) listingIds.add(idKey(plainPatientId(r.cells[idCol]!)));
  const problems = maskedPatientIds([...empty, ...reader.problems], listingIds, idName).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const cpr = problems.filter(isCprProblem);
  if (cpr.length) throw new HtaError('input.invalid', trialCprMessage(file, cpr.length, idName), cpr);
  if (problems.length) throw new HtaError('input.invalid', `${file} has ${problems.length} problem(s); nothing was written`, problems);
  // A CPR number the export writes with its hyphen and the listing without (or the reverse) is the export's patient (patient-ids.ts idMatchKey).
  const exportMatchKeys = exportIdKeys && new Set([...exportIdKeys].map(idMatchKey));
  const { unknownLines, ...data } = reader.finish(patientOf, exportMatchKeys && ((id) => exportMatchKeys.has(idMatchKey(id))));
  if (reader.rows > 0 && data.events.length === 0) {
    throw new HtaError('input.invalid', `${file}: no id of the listing (column "${idName}") is a patient of the export; nothing was written`, [
      { file, line: 1, value: idName, expected: `the export's patient ids in the listing's column "${idName}": none of its ${reader.rows} rows names a patient of the comparison — the listing and the export must use the same ids (the study number, as "columns.id" has it), or name the listing's id column in "adverseEvents": { "id": … }`, kind: 'adverse-events.ids' },
    ]);
  }
  // An event of an id no row of the export has (a typo, a patient missing from the export) is a
  // safety count that would be left out: refused at its line, as an unreadable seriousness is;
  // with --exclude-invalid left out and said by count and lines (a listing holding screen
  // failures' events). The id is never quoted (docs/plan-trial.md#adverse-events).
  const notes = adverseEventReadNotes(file, reader.rows - unknownLines.length, data);
  const respelled = exportIdKeys ? cprRespelledIds(csv, idCol, exportIdKeys) : 0;
  if (respelled) notes.push(`${file}: ${respelled} ${respelled === 1 ? 'patient id is a CPR number' : 'patient ids are CPR numbers'} written otherwise than the export writes ${respelled === 1 ? 'it' : 'them'} (with or without the hyphen, or with a dash, a blank or other digits in its place): matched to the export's patient${respelled === 1 ? '' : 's'}, as the digits are the same number`);
  if (unknownLines.length && excludeInvalid) {
    const n = unknownLines.length;
    data.unknownIdRows = n;
    notes.push(`${file}: ${n} adverse-event ${n === 1 ? 'row names a patient' : 'rows name patients'} the export does not have (${n === 1 ? 'line' : 'lines'} ${formatLineRanges(lineRanges(unknownLines))}): left out (--exclude-invalid), not counted as ${n === 1 ? 'an event' : 'events'}`);
  } else if (unknownLines.length) {
    // Ids that differ from an export id only by hyphens or blanks (`SB1007` beside `SB-1007`): said by count, the ids never quoted.
    const near = exportIdKeys ? hyphenNearMisses(csv, idCol, unknownLines, exportIdKeys) : 0;
    const nearText = near ? ` (${near === unknownLines.length ? (near === 1 ? 'it equals' : 'all of them equal') : `${near} of them equal`} an export id once hyphens and blanks are ignored: write the ids as the export does)` : '';
    throw new HtaError('input.invalid', `${file}: ${unknownLines.length} adverse-event ${unknownLines.length === 1 ? 'row names a patient' : 'rows name patients'} the export does not have${nearText}; nothing was written`, unknownLines.map((line) => ({
      file, line, column: idCol + 1, field: idName,
      expected: `a patient of the export: the id in "${idName}" (not quoted here) is on no row of the export (compared, another arm or never randomised), so the event would be left out of the safety counts — correct the id, export the patient's rows too, delete the row if it is no trial patient's event, or leave such rows out with --exclude-invalid`,
      kind: 'adverse-events.unknown-id',
    })));
  }
  return { data, notes };
}

/**
 * How many distinct ids of the listing are CPR numbers the export writes the other way (with or
 * without the hyphen): matched by idMatchKey, not by idKey.
 */
function cprRespelledIds(csv: CsvTable, idCol: number, exportIdKeys: ReadonlySet<string>): number {
  const exportMatchKeys = new Set([...exportIdKeys].map(idMatchKey));
  const seen = new Set<string>();
  for (const r of csv.records) {
    const cell = r.cells[idCol];
    if (cell === null || cell === undefined) continue;
    const id = plainPatientId(cell);
    if (exportIdKeys.has(idKey(id)) || !exportMatchKeys.has(idMatchKey(id))) continue;
    seen.add(idMatchKey(id));
  }
  return seen.size;
}

/** An id with its hyphens, dashes and blanks taken out (as the CPR shape reads them: io/cpr-number.ts), as a key (idKey): how a near miss of the export's ids is told. */
const withoutHyphens = (id: string): string => idKey(cprShapeText(id).replace(/[-\s]/g, ''));

/** How many of the rows at `lines` have an id equal to an export id once hyphens and blanks are ignored. */
function hyphenNearMisses(csv: CsvTable, idCol: number, lines: readonly number[], exportIdKeys: ReadonlySet<string>): number {
  const wanted = new Set(lines);
  const exportBare = new Set([...exportIdKeys].map(withoutHyphens));
  let n = 0;
  for (const r of csv.records) {
    const cell = r.cells[idCol];
    if (!wanted.has(r.line) || cell === null || cell === undefined) continue;
    if (exportBare.has(withoutHyphens(plainPatientId(cell)))) n++;
  }
  return n;
}

/** Each patient of the trial by idMatchKey (idKey, a CPR number's hyphen aside), for joining a listing (patient-ids.ts). */
export function patientLookup(patients: readonly { id: string; arm: Arm }[]): PatientLookup {
  const byKey = new Map<string, number>();
  patients.forEach((p, k) => {
    if (!byKey.has(idMatchKey(p.id))) byKey.set(idMatchKey(p.id), k);
  });
  return (id) => {
    const k = byKey.get(idMatchKey(id));
    return k === undefined ? undefined : { patient: k, arm: patients[k]!.arm };
  };
}

/**
 * The plan's listing as a path to read: relative to the plan's folder (a plan is portable, so an
 * absolute path is refused), as the target sample's (target-sample.ts). `hta report` resolves it
 * through the manifest's rules instead.
 */
export function eventListingPath(planFile: string, plan: Plan): string | undefined {
  const file = plan.adverseEvents?.file;
  if (file === undefined) return undefined;
  if (isAbsolute(file)) throw new HtaError('plan.invalid', `${planFile}: "adverseEvents.file" must be a path relative to the plan's folder, not the absolute path "${file}"`);
  return join(dirname(planFile), file);
}

/** Reads the plan's listing at `path` (eventListingPath) into `trial`: its events, and its notes among the read notes. */
export function attachEventListing(trial: TrialData, path: string | undefined): void {
  const plan = trial.plan;
  if (path === undefined || plan.adverseEvents?.file === undefined) return;
  // `excluded` is set only with --exclude-invalid (load-trial.ts).
  const { data, notes } = readEventListing(readCsvFile(path, { duplicateNames: 'keep' }), { ...plan, adverseEvents: plan.adverseEvents }, patientLookup(trial.patients), trial.exportIdKeys, trial.excluded != null, trial.consentWithdrawnIds);
  trial.adverseEvents = data;
  // The listing's recodes join the export's: results.json's input.recoded lists both (by column name).
  trial.recoded = [...trial.recoded, ...data.recoded];
  trial.readNotes = [...(trial.readNotes ?? []), ...notes];
}

/**
 * For a 0 or 1 refused by a column with answer codes: the entries `"0": 0, "1": 1` that are not
 * among its codes yet, the same for every such cell so that the refusals group into one. Undefined
 * for any other cell.
 */
function numbersToList(text: string, coder: ColumnCoder, decimalComma: boolean): string | undefined {
  const n = parseNumber(text.trim(), decimalComma);
  if (n !== 0 && n !== 1) return undefined;
  const codes = new Set(coder.answerCodes());
  const entries = (['0', '1'] as const).filter((c) => !codes.has(c)).map((c) => `"${c}": ${c}`);
  return entries.length ? entries.join(', ') : undefined;
}
