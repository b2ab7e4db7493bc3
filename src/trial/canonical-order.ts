/**
 * A trial's patients and rows put in one order that does not hang on the export's row order:
 * the patients in their ids' natural order (patient-ids.ts inIdOrder), each patient's rows by
 * visit, then by file line. Sums in floating point depend on the order of their terms, so an
 * ANCOVA, a Welch test, an SMD, a mean or an MMRM over a re-sorted export (REDCap or SQL
 * re-export, `dplyr::arrange()`, Stata `sort`) gave other last digits, and `hta report --check`
 * called the pages stale (docs/plan-trial.md#row-order). An export already in id order keeps its
 * numbers: within a visit its patients come in the same order as before.
 */
import { inIdOrder } from './patient-ids.js';
import type { ObservationColumns, TrialData } from './trial-data.js';

type TrialFields = Omit<TrialData, 'observations'>;

/** `fields` with its patients in id order and its rows by patient, visit and line; the fields themselves when already so. */
export function inCanonicalOrder(fields: TrialFields): TrialFields {
  const { patients, rows } = fields;
  const ordered = inIdOrder(patients.map((p, k) => ({ id: p.id, k })));
  // The new index of each old patient.
  const rank = new Int32Array(patients.length);
  ordered.forEach((o, r) => (rank[o.k] = r));
  const order = Array.from({ length: rows.length }, (_, i) => i);
  order.sort((a, b) => rank[rows.patient[a]!]! - rank[rows.patient[b]!]! || rows.time[a]! - rows.time[b]! || rows.line[a]! - rows.line[b]!);
  const samePatients = ordered.every((o, r) => o.k === r);
  if (samePatients && order.every((i, k) => i === k)) return fields;
  const take = <A extends Int32Array | Uint16Array | Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
    const out = make(order.length);
    order.forEach((i, k) => (out[k] = a[i]!));
    return out;
  };
  const patient = take(rows.patient, (n) => new Int32Array(n));
  for (let k = 0; k < patient.length; k++) patient[k] = rank[patient[k]!]!;
  const scores: Record<string, Float64Array> = {};
  for (const [key, col] of Object.entries(rows.scores)) scores[key] = take(col, (n) => new Float64Array(n));
  const notApplicable: Record<string, Uint8Array> = {};
  for (const [key, col] of Object.entries(rows.notApplicable ?? {})) notApplicable[key] = take(col, (n) => new Uint8Array(n));
  const reordered: ObservationColumns = {
    length: rows.length,
    line: take(rows.line, (n) => new Int32Array(n)),
    patient,
    time: take(rows.time, (n) => new Uint16Array(n)),
    scores,
    ...(rows.notApplicable ? { notApplicable } : {}),
  };
  const adverseEvents = fields.adverseEvents && { ...fields.adverseEvents, events: fields.adverseEvents.events.map((e) => ({ ...e, patient: rank[e.patient]! })) };
  return {
    ...fields,
    patients: ordered.map((o) => patients[o.k]!),
    rows: reordered,
    ...(adverseEvents ? { adverseEvents } : {}),
  };
}
