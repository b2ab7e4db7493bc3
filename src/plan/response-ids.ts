/**
 * Survey systems number responses, not patients: Qualtrics' `ResponseId` (`R_2a8161e5`) and
 * SurveyXact's `_recordId` are new for every answer, so in a long export (one response per visit)
 * a patient has one per visit. Taken as the patient id, every patient counted once per visit
 * ("Randomised: n = 80" for 40). The patient is the survey's reference to the trial:
 * Qualtrics' `ExternalReference` / `ExternalDataReference`, an embedded id (docs/plan-trial.md
 * "What plan init recognises").
 */

/**
 * A per-response id by its header: `ResponseId`, `ResponseID`, `Response ID`, `_recordId`, and
 * SurveyXact's `Respondent-id` (one per invitation: a new one for each visit's survey).
 */
export function isResponseId(header: string, key: string): boolean {
  return /^(responseid|responsid|respondentid)$/.test(key) || /^_record_?id$/i.test(header.trim());
}

/**
 * Whether a column holds the numbers 1…n, one per row (MS Forms' `ID`, a row number): the
 * form's count of responses, not a patient's id, when another column is named like one.
 */
export function numbersResponses(values: readonly (string | null | undefined)[]): boolean {
  if (values.length < 2) return false;
  const seen = new Set<number>();
  for (const v of values) {
    if (v === null || v === undefined || !/^\d+$/.test(v.trim())) return false;
    const n = Number(v);
    if (n < 1 || n > values.length || seen.has(n)) return false;
    seen.add(n);
  }
  return true;
}

/**
 * Whether a column has a value on every row, each different (at least two rows). An id written
 * only on each patient's first row (Excel's merged cells: trial/export-shape.ts) is no such column.
 */
export function oncePerRow(values: Iterable<string | null | undefined>): boolean {
  const seen = new Set<string>();
  let n = 0;
  for (const v of values) {
    if (v === null || v === undefined || v === '') return false;
    n++;
    if (seen.has(v)) return false;
    seen.add(v);
  }
  return n > 1;
}

/**
 * Whether `[value, visit]` pairs read as a patient id of a long export: no value twice at one
 * visit, and some value at more than one visit. An arm or a score repeats within a visit.
 */
export function repeatsPerVisit(pairs: Iterable<[string | null | undefined, string | null | undefined]>): boolean {
  const seen = new Set<string>();
  const counts = new Map<string, number>();
  for (const [v, visit] of pairs) {
    if (v === null || v === undefined || v === '') continue;
    const key = JSON.stringify([v, visit ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.values()].some((n) => n > 1);
}
