/**
 * One CPR number written several ways in one export (`060369-0855` on the baseline row,
 * `060369–0855` where Word or Excel autocorrected the hyphen to an en dash, `0603690855` on the
 * rows a later extract appended; also a no-break space, two blanks or a tab, full-width digits or
 * a zero-width character: patient-ids.ts cprIdDigits): one patient, read under the spelling the
 * file writes first. Case, blanks around an id and leading zeros are refused instead
 * (patient-ids.ts: which spelling is right is not known, and one of them may be another
 * patient's typo); what stands between a CPR number's date and serial carries nothing — every
 * spelling is the same ten digits, the same person (docs/input-trial-export.md#cpr-spellings).
 * No id is ever quoted: the note counts patients.
 */
import { type CsvRecord, FieldReader } from '../io/read-csv.js';
import { cprIdDigits, patientIdOf } from './patient-ids.js';

/** Records whose id cells write each CPR number one way, and how many patients the file writes two ways. */
export interface OneCprSpelling<R extends Iterable<CsvRecord>> {
  records: R | Iterable<CsvRecord>;
  /** Patients (CPR numbers) written in more than one way (patient-ids.ts cprIdDigits); 0: the records as they were. */
  patients: number;
}

/**
 * `records` with every CPR-shaped id cell (column `idCol`) rewritten to the first spelling of its
 * digits met in the file, Excel's text marks kept. One pass over the ids; when no CPR number is
 * written two ways, the records themselves (nothing rewritten, nothing read again).
 */
export function oneCprSpelling<R extends Iterable<CsvRecord>>(records: R, idCol: number): OneCprSpelling<R> {
  if (idCol < 0) return { records, patients: 0 };
  const first = new Map<string, string>();
  const other = new Map<string, string>();
  // The id cell alone, not the record split into all its cells: this pass reads every record.
  const fields = new FieldReader();
  for (const rec of records) {
    fields.load(rec, idCol + 1);
    const cell = fields.cell(idCol);
    if (cell === null) continue;
    const { id } = patientIdOf(cell);
    const digits = cprIdDigits(id);
    if (digits === undefined) continue;
    const spelled = first.get(digits);
    if (spelled === undefined) first.set(digits, id);
    else if (spelled !== id && !other.has(id)) other.set(id, spelled);
  }
  if (!other.size) return { records, patients: 0 };
  const patients = new Set([...other.values()]).size;
  const rewritten: Iterable<CsvRecord> & { length?: number } = {
    *[Symbol.iterator]() {
      for (const rec of records) {
        const cell = rec.cells[idCol];
        const id = cell === null || cell === undefined ? undefined : patientIdOf(cell).id;
        const as = id === undefined ? undefined : other.get(id);
        if (as === undefined) {
          yield rec;
          continue;
        }
        const cells = [...rec.cells];
        cells[idCol] = cell!.replace(id!, as);
        yield { line: rec.line, cells, raw: rec.raw };
      }
    },
  };
  // A file's records know their count (read-csv.ts CsvRecords); kept for the readers that use it.
  if ('length' in records && typeof (records as { length?: unknown }).length === 'number') rewritten.length = (records as unknown as { length: number }).length;
  return { records: rewritten, patients };
}

/** The note of a file writing `patients` CPR numbers both ways, read as one patient each; the ids are not quoted. */
export function cprSpellingsNote(file: string, column: string, patients: number): string {
  const one = patients === 1;
  return `${file}: ${patients} ${one ? 'patient id' : 'patient ids'} in column "${column}" ${one ? 'is a CPR number' : 'are CPR numbers'} written in more than one way (with and without the hyphen, or with a dash, a blank or other digits in its place: DDMMYY-NNNN, DDMMYY–NNNN and DDMMYYNNNN, as an appended extract or Word's autocorrect writes them): read as one patient each, as the digits are the same number — write the ids one way in the export to have this note go`;
}
