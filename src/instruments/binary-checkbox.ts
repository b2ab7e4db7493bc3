/**
 * A REDCap checkbox field as a yes/no outcome (docs/plan-trial.md#redcap-checkboxes). REDCap
 * exports a checkbox field as one 0/1 column per option, `medicin___1`, `medicin___2`, and writes
 * 0 in every unticked box — also on a form that was never filled in. Read as it stands, an
 * unanswered form counts as "no". So for an outcome read from such a column, a row with every
 * option of the field unticked is missing, unless the plan says an unticked field means "no"
 * (`"noneTicked": "no"`) and the form was marked as filled in (its `<form>_complete` column not
 * 0 "Incomplete" and not empty). The loader counts them for a note.
 */
import type { Problem } from '../errors.js';
import type { FieldReader } from '../io/read-csv.js';
import type { PlanOutcome } from '../plan/plan-schema.js';
import type { ColumnCoder } from '../trial/value-codes.js';

/** `medicin___1` → field `medicin`, as REDCap names a checkbox option's column (raw export). */
const CHECKBOX = /^(.+)___[0-9A-Za-z_-]+$/;
/** `Bruger du medicin? (choice=Ja)` → field `Bruger du medicin?` (label export). */
const CHECKBOX_LABEL = /^(.*\S)\s*\(choice=[^)]*\)$/;
const COMPLETE = /_complete$/;

export interface CheckboxSource {
  /** The REDCap field (`medicin`) and its option columns, in header order. */
  field: string;
  options: string[];
  optionIndexes: number[];
  /** The form's `<form>_complete` column, when one is known; else undefined. */
  completeColumn?: string;
  completeIndex: number;
  noneMeansNo: boolean;
  /**
   * Each option column's answer codes (parallel to `options`), when the plan has any: a REDCap
   * label export writes "Checked"/"Unchecked", so "unticked" is an option whose cell codes to 0.
   */
  optionCoders?: (ColumnCoder | undefined)[];
}

/** The field of a checkbox option column and whether it is a label export's, or undefined for any other column. */
export function checkboxOptionOf(column: string): { field: string; labels: boolean } | undefined {
  const raw = CHECKBOX.exec(column)?.[1];
  if (raw !== undefined) return { field: raw, labels: false };
  const label = CHECKBOX_LABEL.exec(column.trim())?.[1];
  return label === undefined ? undefined : { field: label, labels: true };
}

/** The field of a checkbox option column (raw or label export), or undefined for any other column. */
export function checkboxFieldOf(column: string): string | undefined {
  return checkboxOptionOf(column)?.field;
}

/**
 * The checkbox reading of an outcome read from `column`, or undefined when it is no checkbox
 * option. Pushes a header problem when the plan's form column is missing, or when "no" is asked
 * for and the export has several forms' status columns and the plan names none.
 */
export function checkboxSourceOf(
  o: Pick<PlanOutcome, 'key' | 'noneTicked' | 'formComplete'>,
  column: string,
  header: readonly string[],
  file: string,
  problems: Problem[],
  coderOf?: (column: string) => ColumnCoder | undefined,
): CheckboxSource | undefined {
  const field = checkboxFieldOf(column);
  if (field === undefined) return undefined;
  const options = header.filter((h) => checkboxFieldOf(h) === field);
  // One option only: every unticked row would be missing by default, so the arms' "no" answers all
  // vanish and the analysis compares the "yes" answers alone. The plan must say what unticked means.
  if (options.length === 1 && o.noneTicked === undefined) {
    problems.push({
      file,
      line: 1,
      value: column,
      expected: `"noneTicked" on the outcome "${o.key}": "${column}" is the only option of the REDCap checkbox "${field}", so with every unticked row missing no "no" answer would remain; add "noneTicked": "no" (an unticked box is "no") or "noneTicked": "missing" (docs/plan-trial.md#redcap-checkboxes)`,
      kind: `column.checkbox-single:${o.key}`,
    });
  }
  const noneMeansNo = o.noneTicked === 'no';
  let completeColumn = o.formComplete;
  if (completeColumn !== undefined && !header.includes(completeColumn)) {
    problems.push({ file, line: 1, value: completeColumn, expected: `a column "${completeColumn}" with the REDCap form status of outcome "${o.key}" (its "formComplete")`, kind: `column.form-complete:${o.key}` });
  } else if (completeColumn === undefined) {
    const forms = header.filter((h) => COMPLETE.test(h));
    if (forms.length === 1) completeColumn = forms[0];
    else if (forms.length > 1 && noneMeansNo) {
      problems.push({ file, line: 1, value: forms.join(', '), expected: `the form of outcome "${o.key}" named in its "formComplete" (one of these): with "noneTicked": "no", an unticked "${field}" is "no" only on a form marked as filled in` , kind: `column.form-complete:${o.key}` });
    }
  }
  const optionCoders = coderOf ? options.map(coderOf) : [];
  return {
    field,
    options,
    optionIndexes: options.map((c) => header.indexOf(c)),
    ...(completeColumn !== undefined ? { completeColumn } : {}),
    completeIndex: completeColumn === undefined ? -1 : header.indexOf(completeColumn),
    noneMeansNo,
    ...(optionCoders.some((c) => c !== undefined) ? { optionCoders } : {}),
  };
}

/** Every option unticked on this row: empty, a missing code, or a cell that codes to 0 ("Unchecked" with its answer code; else "0"). */
function noneTicked(cb: CheckboxSource, cells: FieldReader): boolean {
  for (let k = 0; k < cb.optionIndexes.length; k++) {
    const v = cells.cell(cb.optionIndexes[k] as number);
    if (v === null) continue;
    const coder = cb.optionCoders?.[k];
    const coded = coder?.apply(v);
    if (coded?.kind === 'answer') {
      if (coded.value !== 0) return false;
    } else if (coded?.kind !== 'missing' && v.trim() !== '0') return false;
  }
  return true;
}

/** REDCap's form status: 0 Incomplete (or empty: never opened) vs 1 Unverified, 2 Complete. */
function formUnfilled(cb: CheckboxSource, cells: FieldReader): boolean {
  if (cb.completeIndex < 0) return false;
  const v = cells.cell(cb.completeIndex);
  return v === null || v === '0' || v.toLowerCase() === 'incomplete';
}

/** Whether this row's 0 is no answer at all (missing) rather than "no". */
export function uncheckedIsMissing(cb: CheckboxSource, cells: FieldReader): boolean {
  if (!noneTicked(cb, cells)) return false;
  return !cb.noneMeansNo || formUnfilled(cb, cells);
}

/** The note on how many answers were read as missing, and why. */
export function checkboxNote(file: string, key: string, column: string, cb: CheckboxSource, count: number): string {
  const options = cb.options.join(', ');
  const form = cb.completeColumn ? `${cb.completeColumn} 0 or empty` : undefined;
  const why = cb.noneMeansNo
    ? `every option of the REDCap checkbox "${cb.field}" (${options}) unticked on a form not marked as filled in (${form})`
    : `every option of the REDCap checkbox "${cb.field}" (${options}) unticked, which REDCap also writes for a form never filled in; if an unticked "${column}" means "no", set "noneTicked": "no" on the outcome "${key}"${form ? ` (a form with ${form} stays missing)` : ''}`;
  return `${file}: ${count} answer${count === 1 ? '' : 's'} of "${column}" (outcome "${key}") read as missing: ${why} (docs/plan-trial.md#redcap-checkboxes)`;
}
