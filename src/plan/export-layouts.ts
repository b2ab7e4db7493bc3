/**
 * Export layouts plan init recognises but cannot draft a plan for, refused naming the layout
 * and the reshaping that makes it an export hta reads (docs/plan-trial.md "Layouts plan init
 * refuses"). Pure: a header in, a refusal or undefined out.
 */

/** One undecided point of the draft: what could not be decided and what to write. */
export interface LayoutRefusal {
  what: string;
  write: string;
}

import { observedRowsFilter } from '../trial/adam-derived-rows.js';

/** A header name as compared here: upper case, trimmed. */
const key = (h: string) => h.trim().toUpperCase();

/** The parameter column of a BDS dataset: `PARAMCD`, else `PARAM` (any case); -1 when neither (also trial/bds-layout-check.ts, adam-draft.ts). */
export function parameterColumn(header: readonly string[]): number {
  const names = header.map(key);
  const cd = names.indexOf('PARAMCD');
  return cd >= 0 ? cd : names.indexOf('PARAM');
}

/**
 * A CDISC ADaM BDS dataset (ADQS, ADEFF, …): one row per subject, visit and parameter, the
 * parameter's code in PARAMCD (or its name in PARAM) and its value in AVAL — every outcome in
 * one column. hta reads one column per outcome, so the rows need pivoting first.
 */
export function bdsLayout(header: readonly string[]): LayoutRefusal | undefined {
  const names = new Set(header.map(key));
  const p = parameterColumn(header);
  const param = p >= 0 ? key(header[p]!) : undefined;
  const value = names.has('AVAL') ? 'AVAL' : names.has('AVALC') ? 'AVALC' : undefined;
  if (!param || !value) return undefined;
  const id = names.has('USUBJID') ? 'USUBJID' : names.has('SUBJID') ? 'SUBJID' : 'USUBJID';
  const visit = names.has('AVISIT') ? 'AVISIT' : names.has('AVISITN') ? 'AVISITN' : 'AVISIT';
  const arm = ['TRT01P', 'TRTP', 'TRT01A', 'TRTA', 'ARM', 'ACTARM'].find((a) => names.has(a)) ?? 'TRT01P';
  const keep = [id, arm, visit, ...['AGE', 'SEX'].filter((c) => names.has(c))];
  // The observed analysis records only: ADaM's derived rows (DTYPE LOCF…) and the records not
  // flagged for analysis would be read as observed values (trial/adam-derived-rows.ts).
  const filter = observedRowsFilter(names.has('DTYPE') ? 'DTYPE' : undefined, names.has('ANL01FL') ? 'ANL01FL' : undefined);
  const data = filter ? `dplyr::filter(adam, ${filter.r})` : 'adam';
  const sasWhere = filter ? ` of the rows where ${filter.sas}` : '';
  const why = filter ? ` — the filter keeps the observed analysis records: ${names.has('DTYPE') ? "a row with DTYPE (LOCF, WOCF…) holds a value derived for a missed visit, which hta would analyse as observed" : ''}${names.has('DTYPE') && names.has('ANL01FL') ? '; ' : ''}${names.has('ANL01FL') ? 'ANL01FL "Y" marks the record analysed at each visit' : ''}` : '';
  return {
    what: `the layout: a CDISC ADaM BDS dataset (one row per subject, visit and parameter: the outcome's code in ${param}, its value in ${value}), where hta reads one column per outcome`,
    write:
      `one column per ${param}, one row per ${id} and ${visit}: pivot the dataset wide — in R, tidyr::pivot_wider(${data}, id_cols = c(${keep.join(', ')}), names_from = ${param}, values_from = ${value}); in SAS, PROC TRANSPOSE${sasWhere} with BY ${id} ${visit}; ID ${param}; VAR ${value}${why} — then run plan init on that file, with ${id} as the patient id and ${arm} as the arm (docs/plan-trial.md "Layouts plan init refuses")`,
  };
}

/**
 * An OpenClinica / CDISC ODM item-level export (`SubjectKey, StudySubjectID, StudyEventOID, …,
 * ItemOID, Value`): one row per subject, event and item — every answer in one column. As for
 * ADaM, the rows need pivoting to one column per item (ItemOID) first; the pivoted file's
 * `StudyEventOID` is then read as the visit column (`SE_3M` → 3m).
 */
export function odmItemLayout(header: readonly string[]): LayoutRefusal | undefined {
  const byKey = new Map(header.map((h) => [key(h), h.trim()]));
  // Medidata Rave's item-level listing is the same shape: `Subject`, `Folder` (the visit), `FieldOID`, `Data`.
  const rave = byKey.has('FIELDOID') && byKey.has('DATA') && byKey.has('FOLDER') && byKey.has('SUBJECT');
  const item = byKey.get('ITEMOID') ?? (rave ? byKey.get('FIELDOID') : undefined);
  const value = byKey.get('VALUE') ?? byKey.get('ITEMVALUE') ?? (rave ? byKey.get('DATA') : undefined);
  // Rave's InstanceName names the visit in words ("Baseline"), its Folder in a code ("V1").
  const event = byKey.get('STUDYEVENTOID') ?? (rave ? (byKey.get('INSTANCENAME') ?? byKey.get('FOLDER')) : undefined);
  if (!item || !value || !event) return undefined;
  const id = byKey.get('STUDYSUBJECTID') ?? byKey.get('SUBJECTKEY') ?? (rave ? byKey.get('SUBJECT') : undefined) ?? 'StudySubjectID';
  const repeat = byKey.get('STUDYEVENTREPEATKEY');
  const keep = [id, event, ...(repeat ? [repeat] : [])];
  return {
    what: `the layout: ${rave ? 'a Medidata Rave item-level listing' : 'an OpenClinica/CDISC ODM item-level export'} (one row per subject, event and item: the item's code in ${item}, its answer in ${value}), where hta reads one column per item or score`,
    write:
      `one column per ${item}, one row per ${id} and ${event}: pivot the file wide — in R, tidyr::pivot_wider(odm, id_cols = c(${keep.join(', ')}), names_from = ${item}, values_from = ${value}); in SAS, PROC TRANSPOSE with BY ${keep.join(' ')}; ID ${item}; VAR ${value}; in Python, odm.pivot_table(index=[${keep.map((k) => `"${k}"`).join(', ')}], columns="${item}", values="${value}", aggfunc="first").reset_index() — then run plan init on that file: ${id} is read as the patient id and ${event} as the visit column (docs/plan-trial.md "Layouts plan init refuses")`,
  };
}

/**
 * A CDISC SDTM findings domain (QS questionnaires, FT functional tests, RS responses…): one row
 * per subject, visit and test, the test's code in `--TESTCD` and its standardised result in
 * `--STRESN`, and no arm — SDTM keeps it in DM (`ARM`) and ADaM in ADSL (`TRT01P`). The rows need
 * pivoting to one column per test and the arm joined; the baseline is the visit `--BLFL` marks.
 * `records` (optional) names that visit.
 */
export function sdtmFindingsLayout(header: readonly string[], records?: Iterable<{ cells: readonly (string | null)[] }>): LayoutRefusal | undefined {
  const byKey = new Map(header.map((h) => [key(h), h.trim()]));
  const testcd = [...byKey.keys()].find((k) => /^[A-Z]{2}TESTCD$/.test(k) && byKey.has(`${k.slice(0, 2)}STRESN`));
  if (!testcd) return undefined;
  const domain = testcd.slice(0, 2);
  const test = byKey.get(testcd)!;
  const value = byKey.get(`${domain}STRESN`)!;
  const id = byKey.get('USUBJID') ?? byKey.get('SUBJID') ?? 'USUBJID';
  const visit = byKey.get('VISIT') ?? byKey.get('VISITNUM') ?? 'VISIT';
  const keep = [id, ...(byKey.has('VISITNUM') && visit !== byKey.get('VISITNUM') ? [byKey.get('VISITNUM')!] : []), visit];
  const blfl = byKey.get(`${domain}BLFL`);
  let baseline: string | undefined;
  if (blfl && records) {
    const b = header.indexOf(blfl);
    const v = header.findIndex((h) => h.trim() === visit);
    for (const r of records) {
      if (b >= 0 && v >= 0 && r.cells[b]?.trim().toUpperCase() === 'Y' && r.cells[v]) {
        baseline = r.cells[v]!;
        break;
      }
    }
  }
  // The baseline is the row --BLFL marks, per test: named BASELINE before the pivot, which plan init reads as the baseline.
  const data = blfl ? `dplyr::mutate(${domain.toLowerCase()}, ${visit} = ifelse(${blfl} %in% "Y", "BASELINE", ${visit}))` : domain.toLowerCase();
  const ids = blfl ? [id, visit] : keep;
  const baselineText = blfl ? `; the mutate names the rows ${blfl} marks "Y" (the baseline${baseline ? `, here ${visit} ${JSON.stringify(baseline)}` : ''}) "BASELINE", which plan init reads as the baseline` : '';
  return {
    what: `the layout: a CDISC SDTM ${domain} findings domain (one row per subject, visit and test: the test's code in ${test}, its standardised result in ${value}; the arm is not in it), where hta reads one column per outcome and the arm on each row`,
    write:
      `one column per ${test}, one row per ${id} and ${visit}, with the arm: pivot the domain wide and join the arm from ADSL (TRT01P) or DM (ARM) — in R, dplyr::left_join(tidyr::pivot_wider(${data}, id_cols = c(${ids.join(', ')}), names_from = ${test}, values_from = ${value}), adsl[c("${id}", "TRT01P")], by = "${id}")${baselineText}; in SAS, PROC TRANSPOSE with BY ${ids.join(' ')}; ID ${test}; VAR ${value}${blfl ? ` (after setting ${visit} to 'BASELINE' where ${blfl} = 'Y')` : ''}, then MERGE with ADSL (or DM) BY ${id} — or start from the ADaM dataset (ADQS), whose pivot plan init gives; then run plan init on that file (docs/plan-trial.md "Layouts plan init refuses")`,
  };
}

/**
 * pandas' `df.melt(id_vars=[…])` with its default names: every measure in one column — the
 * outcome's name in `variable`, its value in `value` (a tidy long file). hta reads one column per
 * outcome, so the rows need pivoting back first. Exactly pandas' lower-case names.
 */
export function meltedLayout(header: readonly string[]): LayoutRefusal | undefined {
  const names = header.map((h) => h.trim());
  if (!names.includes('variable') || !names.includes('value')) return undefined;
  // The other named columns (not pandas' unnamed index) say each row's patient and visit.
  const keep = names.filter((h) => h !== 'variable' && h !== 'value' && h !== '' && !/^Unnamed: \d+$/.test(h));
  const index = keep.map((k) => JSON.stringify(k)).join(', ');
  return {
    what: `the layout: pandas' melt() (one row per patient, visit and measure: the outcome's name in column "variable", its value in "value"), where hta reads one column per outcome`,
    write: `one column per outcome: pivot the file back in pandas — df.pivot(index=[${index}], columns="variable", values="value").reset_index().to_csv("export.csv", index=False) (in R, tidyr::pivot_wider(df, names_from = variable, values_from = value)) — then run plan init on that file (docs/input-trial-export.md#pandas-shapes)`,
  };
}

/** pandas' str() of a column tuple, `('rmdq', '3m')` or `('rmdq', 3)`: a MultiIndex's columns written without flattening. */
const TUPLE_NAME = /^\(\s*(?:'[^']*'|"[^"]*"|[\w.+-]+)\s*(?:,\s*(?:'[^']*'|"[^"]*"|[\w.+-]+)\s*)+\)$/;

/**
 * A header of pandas tuples (`df.columns = [str(c) for c in df.columns]` after a pivot or a
 * groupby's agg, or a MultiIndex read back flat): hta names an outcome at a visit `rmdq_3m`, so
 * the tuples need joining first. Two tuple-named columns at least.
 */
export function tupleHeaderLayout(header: readonly string[]): LayoutRefusal | undefined {
  const tuples = header.filter((h) => TUPLE_NAME.test(h.trim()));
  if (tuples.length < 2) return undefined;
  return {
    what: `the column names: pandas tuples (${tuples.slice(0, 2).map((t) => JSON.stringify(t.trim())).join(', ')}${tuples.length > 2 ? `, … ${tuples.length} columns` : ''}), a MultiIndex written with str(c), where hta reads a measure at a visit as one name (rmdq_3m)`,
    write: `one name per column: join each tuple in pandas before writing, df.columns = ['_'.join(map(str, c)) for c in df.columns] in place of str(c) (('rmdq', '3m') becomes rmdq_3m) — then run plan init on that file (docs/input-trial-export.md#pandas-shapes)`,
  };
}
