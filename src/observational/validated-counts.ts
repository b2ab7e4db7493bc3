/**
 * `hta validate`'s counts of a registry (an observational plan) under the small-count rules
 * (docs/observational.md, "Small counts", rule 14). validate's summary is read by the data owner
 * but pasted into tickets and e-mails, beside the report it asks about; so no count it prints may,
 * with a count the analyses publish, give one of 1 … threshold − 1 that they hide. validate printed
 * the export's 77 users and 83 non-users while the report hid them (rule 2) and printed 76 and 81
 * analysed: 1 user and 2 non-users left out for a missing age.
 *
 * The published counts are those of `hta analyze` (analyzeObservational: the same analyses, the
 * same protection), so validate hides exactly what the outputs leave a reader to derive:
 *  - the patients per group, and the rows (with every patient at every visit they are the
 *    patients times the visits), when the analyses hide the export's counts;
 *  - an observed count of a group (an outcome's values at a visit) that is itself 1 … threshold − 1,
 *    or 1 … threshold − 1 from a count the outputs print of that group (the export's, an analysed count);
 *  - every level count of a categorical confounder whose levels add up to a count 1 … threshold − 1
 *    from one the outputs print of both groups together (the export's, an analysis's analysed);
 *  - the recodes as `analyze --json` publishes them (published-input.ts: all hidden when the run
 *    hid a count), since a column's codes add up to its filled cells.
 */
import { SUPPRESSED, type Masked } from '../suppressed-marker.js';
import type { ConfounderLevels } from './confounder-levels.js';
import type { ObservationalResult } from './observational-results-schema.js';

type Groups<T> = { intervention: T; control: T };

export interface ValidatedCounts {
  patients: Groups<Masked>;
  rows: Masked;
  outcomes: { key: string; observed: Record<string, Groups<Masked>> }[];
  confounders: Pick<ConfounderLevels, 'name' | 'levels'>[];
}

/** The counts a reader has of the run's outputs: per group, and of both groups together. */
function publishedCounts(result: ObservationalResult): { intervention: number[]; control: number[]; total: number[] } {
  const out = { intervention: [] as number[], control: [] as number[], total: [] as number[] };
  const { exposed, unexposed } = result.input.patients;
  if (typeof exposed === 'number') out.intervention.push(exposed);
  if (typeof unexposed === 'number') out.control.push(unexposed);
  if (typeof exposed === 'number' && typeof unexposed === 'number') out.total.push(exposed + unexposed);
  for (const a of result.analyses) {
    if (!a.patients) continue;
    const e = a.patients.exposed;
    const u = a.patients.unexposed;
    if (typeof e === 'number') out.intervention.push(e);
    if (typeof u === 'number') out.control.push(u);
    if (typeof e === 'number' && typeof u === 'number') out.total.push(e + u);
  }
  return out;
}

/** validate's counts as it may print them beside the run's published outputs (`result`: analyzeObservational's). */
export function validatedCounts(counts: { patients: Groups<number>; rows: number; outcomes: { key: string; observed: Record<string, Groups<number>> }[]; confounders: readonly Pick<ConfounderLevels, 'name' | 'levels'>[] }, result: ObservationalResult): ValidatedCounts {
  const threshold = result.plan.suppression.threshold;
  const small = (n: number) => n > 0 && n < threshold;
  const published = publishedCounts(result);
  // Equal is no difference; a difference of 1 … threshold − 1 is a count of patients.
  const nearAny = (c: number, of: readonly number[]) => of.some((p) => small(Math.abs(c - p)));
  const exportHidden = result.input.patients.exposed === SUPPRESSED || result.input.patients.unexposed === SUPPRESSED;
  const patients = exportHidden ? { intervention: SUPPRESSED, control: SUPPRESSED } : counts.patients;
  const observedCount = (c: number, g: 'intervention' | 'control'): Masked => (small(c) || nearAny(c, published[g]) ? SUPPRESSED : c);
  const outcomes = counts.outcomes.map((o) => ({
    key: o.key,
    observed: Object.fromEntries(Object.entries(o.observed).map(([t, v]) => [t, { intervention: observedCount(v.intervention, 'intervention'), control: observedCount(v.control, 'control') }])),
  }));
  const confounders = counts.confounders.map((c) => {
    // The levels' sum is the patients with a value of the confounder. With a level hidden already
    // the sum is not printed: the hidden levels hold at least the threshold together (hiddenLevels).
    const sum = c.levels.reduce((s, l) => s + (l.patients === SUPPRESSED ? 0 : l.patients), 0);
    const hidden = c.levels.some((l) => l.patients === SUPPRESSED) ? false : nearAny(sum, published.total);
    return hidden ? { name: c.name, levels: c.levels.map((l) => ({ ...l, patients: SUPPRESSED })) } : { name: c.name, levels: c.levels };
  });
  return { patients, rows: exportHidden ? SUPPRESSED : counts.rows, outcomes, confounders };
}
