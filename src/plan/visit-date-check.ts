/**
 * `hta plan init` and a column of visit dates beside the visit labels (`visit_date`, `besoegsdato`
 * in a long export: dates that differ between a patient's rows). hta reads no dates (docs/limits.md):
 * visits are taken by their label, so the protocol's visit windows are not checked, and a
 * "3 months" answer given at 4.5 months is analysed as 3 months. Listed among the columns "not
 * used" alone, the user was never told; the check says so, and what to do before the export.
 *
 * A date column that is the same on every row of a patient (a date of birth, of randomisation)
 * is no visit date and is not named here. Dates are never quoted: the check names the column.
 */
import type { CsvTable } from '../io/read-csv.js';
import { FieldReader } from '../io/read-csv.js';
import { idKey, plainPatientId } from '../trial/patient-ids.js';

/** Whether column `col` holds more than one value on the rows of some patient (by id column `idCol`). */
export function variesWithinPatient(csv: CsvTable, idCol: number, col: number): boolean {
  if (idCol < 0 || col < 0) return false;
  const first = new Map<string, string>();
  const fields = new FieldReader();
  for (const rec of csv.records) {
    fields.load(rec, Math.max(idCol, col) + 1);
    const id = fields.cell(idCol);
    const v = fields.cell(col);
    if (id === null || v === null) continue;
    const key = idKey(plainPatientId(id));
    const seen = first.get(key);
    if (seen === undefined) first.set(key, v.trim());
    else if (seen !== v.trim()) return true;
  }
  return false;
}

/** The check for such columns, in English or (draft-notes-da.ts reads it back) Danish. */
export function visitDateCheck(columns: readonly string[], timeColumn: string, lang: 'en' | 'da' = 'en'): string {
  const named = columns.map((c) => JSON.stringify(c)).join(', ');
  const many = columns.length > 1;
  if (lang === 'da') {
    return `${named} indeholder datoer, der skifter fra besøg til besøg for den samme patient, og hta læser ingen datoer: besøgene tages efter deres betegnelse i "${timeColumn}", så protokollens besøgsvinduer kontrolleres ikke — et svar givet uden for vinduet (et 3-måneders svar efter 4,5 måneder) analyseres som det besøg, det er mærket med; tjek vinduerne, og ret besøgenes betegnelser før eksporten, hvis protokollen kræver det (docs/limits.md)`;
  }
  return `${named} ${many ? 'hold' : 'holds'} dates that change from visit to visit of one patient, and hta reads no dates: visits are taken by their label in "${timeColumn}", so the protocol's visit windows are not checked — an answer given outside its window (a 3-month answer at 4.5 months) is analysed as the visit it is labelled with; check the windows, and correct the visits' labels before the export where the protocol says so (docs/limits.md)`;
}
