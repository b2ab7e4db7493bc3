/**
 * A REDCap or Castor EDC checkbox field as a yes/no outcome (docs/plan-trial.md#redcap-checkboxes).
 * REDCap exports a checkbox field as one 0/1 column per option, `medicin___1`, `medicin___2`, and
 * writes 0 in every unticked box — also on a form that was never filled in. Castor EDC does the
 * same under `medicin#1`, `medicin#2` (`<variable>#<option>`, docs/plan-trial.md#castor-checkboxes). Read as it stands, an
 * unanswered form counts as "no". So for an outcome read from such a column, a row with every
 * option of the field unticked is missing, unless the plan says an unticked field means "no"
 * (`"noneTicked": "no"`) and the form was marked as filled in (its `<form>_complete` column not
 * 0 "Incomplete" and not empty). The loader counts them for a note.
 */
import type { Problem } from '../errors.js';
import type { FieldReader } from '../io/read-csv.js';
import type { PlanOutcome } from '../plan/plan-schema.js';
import { isSpecialMissing } from '../trial/special-missing.js';
import type { ColumnCoder } from '../trial/value-codes.js';

/** `medicin___1` → field `medicin`, as REDCap names a checkbox option's column (raw export). */
const CHECKBOX = /^(.+)___[0-9A-Za-z_-]+$/;
/** `Bruger du medicin? (choice=Ja)` → field `Bruger du medicin?` (label export). */
const CHECKBOX_LABEL = /^(.*\S)\s*\(choice=[^)]*\)$/;
/**
 * `med_3m#1` → field `med_3m`, as Castor EDC names a checkbox option's column: the variable name
 * (letters, digits, `_`), `#`, the option's value or label.
 */
const CASTOR_CHECKBOX = /^([A-Za-z][A-Za-z0-9_]*)#([^#]+)$/;
const COMPLETE = /_complete$/;

/** The system whose export names a checkbox option's column so: REDCap (`___`, `(choice=…)`) or Castor EDC (`#`). */
export type CheckboxSystem = 'REDCap' | 'Castor';

export interface CheckboxSource {
  /** The REDCap or Castor field (`medicin`) and its option columns, in header order. */
  field: string;
  system: CheckboxSystem;
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

export interface CheckboxOption {
  field: string;
  /** A REDCap label export's `(choice=…)` column, holding Checked/Unchecked. */
  labels: boolean;
  system: CheckboxSystem;
}

/** The field of a checkbox option column, whose export wrote it, and whether it is a label export's; undefined for any other column. */
export function checkboxOptionOf(column: string): CheckboxOption | undefined {
  const raw = CHECKBOX.exec(column)?.[1];
  if (raw !== undefined) return { field: raw, labels: false, system: 'REDCap' };
  const castor = CASTOR_CHECKBOX.exec(column)?.[1];
  if (castor !== undefined) return { field: castor, labels: false, system: 'Castor' };
  const label = CHECKBOX_LABEL.exec(column.trim())?.[1];
  return label === undefined ? undefined : { field: label, labels: true, system: 'REDCap' };
}

/** The field of a checkbox option column (REDCap raw or label export, Castor), or undefined for any other column. */
export function checkboxFieldOf(column: string): string | undefined {
  return checkboxOptionOf(column)?.field;
}

/**
 * A raw checkbox option column split into its field and the option part the export appended
 * (`med_3m#1` → `med_3m` + `#1`; `med_3m___1` → `med_3m` + `___1`); undefined for any other column.
 * A wide export's visit suffix sits on the field, before the option (trial/wide-to-long.ts).
 */
export function checkboxOptionParts(column: string): { field: string; option: string } | undefined {
  const m = CHECKBOX.exec(column) ?? CASTOR_CHECKBOX.exec(column);
  const field = m?.[1];
  return field === undefined ? undefined : { field, option: column.slice(field.length) };
}

/** Whether two columns are options of one checkbox field: the same field, written by the same system. */
function sameField(a: CheckboxOption, column: string): boolean {
  const b = checkboxOptionOf(column);
  return b !== undefined && b.field === a.field && b.system === a.system;
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
  const option = checkboxOptionOf(column);
  if (option === undefined) return undefined;
  const { field, system } = option;
  const options = header.filter((h) => sameField(option, h));
  // One option only: every unticked row would be missing by default, so the arms' "no" answers all
  // vanish and the analysis compares the "yes" answers alone. The plan must say what unticked means.
  if (options.length === 1 && o.noneTicked === undefined) {
    problems.push({
      file,
      line: 1,
      value: column,
      expected: `"noneTicked" on the outcome "${o.key}": "${column}" is the only option of the ${system} checkbox "${field}", so with every unticked row missing no "no" answer would remain; add "noneTicked": "no" (an unticked box is "no") or "noneTicked": "missing" (docs/plan-trial.md#redcap-checkboxes)`,
      kind: `column.checkbox-single:${o.key}`,
    });
  }
  const noneMeansNo = o.noneTicked === 'no';
  let completeColumn = o.formComplete;
  if (completeColumn !== undefined && !header.includes(completeColumn)) {
    problems.push({ file, line: 1, value: completeColumn, expected: `a column "${completeColumn}" with the REDCap form status of outcome "${o.key}" (its "formComplete")`, kind: `column.form-complete:${o.key}` });
  } else if (completeColumn === undefined && system === 'REDCap') {
    // A `<form>_complete` column is REDCap's; a Castor export has none, and one named so is no form status.
    const forms = header.filter((h) => COMPLETE.test(h));
    if (forms.length === 1) completeColumn = forms[0];
    else if (forms.length > 1 && noneMeansNo) {
      problems.push({ file, line: 1, value: forms.join(', '), expected: `the form of outcome "${o.key}" named in its "formComplete" (one of these): with "noneTicked": "no", an unticked "${field}" is "no" only on a form marked as filled in` , kind: `column.form-complete:${o.key}` });
    }
  }
  const optionCoders = coderOf ? options.map(coderOf) : [];
  return {
    field,
    system,
    options,
    optionIndexes: options.map((c) => header.indexOf(c)),
    ...(completeColumn !== undefined ? { completeColumn } : {}),
    completeIndex: completeColumn === undefined ? -1 : header.indexOf(completeColumn),
    noneMeansNo,
    ...(optionCoders.some((c) => c !== undefined) ? { optionCoders } : {}),
  };
}

/**
 * Every option unticked on this row: empty, a missing code, or a cell that codes to 0 ("Unchecked"
 * with its answer code; else "0"). A special missing value (Castor's `##USER_MISSING_95##`) is read
 * as empty by the loader's reader (trial/special-missing.ts), and is tested here as well for a
 * reader that keeps it: it is no tick.
 */
function noneTicked(cb: CheckboxSource, cells: FieldReader): boolean {
  for (let k = 0; k < cb.optionIndexes.length; k++) {
    const v = cells.cell(cb.optionIndexes[k] as number);
    if (v === null || isSpecialMissing(v.trim())) continue;
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
export function checkboxNote(file: string, key: string, column: string, cb: CheckboxSource, count: number, lang: 'en' | 'da' = 'en'): string {
  const options = cb.options.join(', ');
  if (lang === 'da') {
    // Danish under --lang da (docs/cli.md "Danish output"), "afkrydsningsfelt" as plan init says it (plan/draft-notes-da.ts).
    const formDa = cb.completeColumn ? `${cb.completeColumn} 0 eller tom` : undefined;
    const unticked = `ingen af svarmulighederne i ${cb.system}-afkrydsningsfeltet "${cb.field}" (${options}) er afkrydset`;
    const whyDa = cb.noneMeansNo
      ? `${unticked}${formDa ? ` på et skema, der ikke er markeret som udfyldt (${formDa})` : ''}`
      : `${unticked}, hvilket ${cb.system} også skriver for et skema, der aldrig er udfyldt; betyder et ikke-afkrydset "${column}" "nej", så angiv "noneTicked": "no" for effektmålet "${key}"${formDa ? ` (et skema med ${formDa} forbliver manglende)` : ''}`;
    return `${file}: ${count} svar i "${column}" (effektmål "${key}") er læst som manglende: ${whyDa} (docs/plan-trial.md#redcap-checkboxes)`;
  }
  const form = cb.completeColumn ? `${cb.completeColumn} 0 or empty` : undefined;
  const why = cb.noneMeansNo
    ? `every option of the ${cb.system} checkbox "${cb.field}" (${options}) unticked${form ? ` on a form not marked as filled in (${form})` : ''}`
    : `every option of the ${cb.system} checkbox "${cb.field}" (${options}) unticked, which ${cb.system} also writes for a form never filled in; if an unticked "${column}" means "no", set "noneTicked": "no" on the outcome "${key}"${form ? ` (a form with ${form} stays missing)` : ''}`;
  return `${file}: ${count} answer${count === 1 ? '' : 's'} of "${column}" (outcome "${key}") read as missing: ${why} (docs/plan-trial.md#redcap-checkboxes)`;
}
