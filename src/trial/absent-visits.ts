/**
 * A plan's visit with no row in a long export (`"6 mdr.": "6m"` in "timeLabels", and the file
 * has no "6 mdr." row): read on, every score there would be missing, `validate` would say
 * "valid", and the analyses would fail deep inside a method. Found when the export is read, it
 * names the visit, how the plan expects it written, the visits the file has, and a near miss
 * among the file's unmapped values (docs/input-trial-export.md#visits-of-the-plan).
 *
 * An export holding no follow-up visit of the plan at all is the baseline-only export of a trial
 * still recruiting: it validates with a note (follow-up.ts), so this check waits for one.
 */
import type { Problem } from '../errors.js';
import type { Plan } from '../plan/plan-schema.js';
import { nearMiss } from './near-miss.js';

export const ABSENT_VISIT_KIND = 'time.absent';

/** The file's visit values in file order, as written (for the message and the near miss). */
export class WrittenVisits {
  /** Distinct values, capped: a free-text column must not grow without bound. */
  readonly values: string[] = [];
  private readonly seen = new Set<string>();
  private readonly kept = new Set<string>();
  /** A row's cell; `visitOf` (a REDCap event without its arm) runs once per distinct cell. */
  add(raw: string, visitOf?: (raw: string) => string): void {
    if (this.seen.has(raw) || this.seen.size >= 500) return;
    this.seen.add(raw);
    const value = visitOf ? visitOf(raw) : raw;
    if (this.kept.has(value)) return;
    this.kept.add(value);
    this.values.push(value);
  }
}

export interface AbsentVisitInput {
  file: string;
  plan: Plan;
  /** The plan's visits in order (baseline first) and how the export writes each. */
  visits: readonly string[];
  exportTimes: readonly string[];
  /** Per visit index: whether a row of the file is at it. */
  present: readonly boolean[];
  /** The file's visit values (a REDCap event without its arm when the arm is in the event name). */
  written: WrittenVisits;
  /** Whether a written value maps to a plan visit. */
  isPlanVisit: (written: string) => boolean;
}

const LISTED = 12;

/**
 * The file's spelling (among those mapping to no plan visit) the plan's `spelling` most likely
 * means; mutual: "6 mdr" is offered for "6 mdr.", never for "9 mdr." (whose nearest it is not).
 */
export function visitNearMiss(spelling: string, unmapped: readonly string[], planSpellings: readonly string[]): string | undefined {
  const candidate = nearMiss(spelling, unmapped);
  return candidate !== undefined && nearMiss(candidate, planSpellings) === spelling ? candidate : undefined;
}

/** The hint for a near miss: the `timeLabels` entry that maps it. */
export function visitHint(near: string, visit: string): string {
  return `did you mean ${JSON.stringify(near)}? ("timeLabels": { ${JSON.stringify(near)}: ${JSON.stringify(visit)} })`;
}

/** One problem per plan visit with no row, or none when the file has no follow-up visit of the plan at all. */
export function absentVisitProblems(input: AbsentVisitInput): Problem[] {
  const { file, plan, visits, exportTimes, present, written } = input;
  const followUp = new Set(plan.timepoints);
  if (!visits.some((v, k) => followUp.has(v) && present[k])) return [];
  const unmapped = written.values.filter((w) => !input.isPlanVisit(w));
  const column = plan.columns.time;
  const has = written.values.length
    ? `${written.values.slice(0, LISTED).map((w) => JSON.stringify(w)).join(', ')}${written.values.length > LISTED ? `, … (${written.values.length} values)` : ''}`
    : 'no visit value';
  const out: Problem[] = [];
  visits.forEach((v, k) => {
    if (present[k]) return;
    const t = exportTimes[k]!;
    const what = v === plan.baseline ? `the plan's baseline "${v}"` : `the plan's visit "${v}"`;
    const byLabels = t === v ? '' : ` (the plan writes it "${t}" in "timeLabels")`;
    const near = visitNearMiss(t, unmapped, exportTimes);
    out.push({
      file,
      field: column,
      value: t,
      expected: `rows with "${t}" in column "${column}" for ${what}${byLabels}; the file's visits are ${has} — write the export's spelling in "timeLabels", or leave the visit out of "timepoints" and "allTimepoints"`,
      kind: `${ABSENT_VISIT_KIND}:${v}`,
      ...(near !== undefined ? { hint: visitHint(near, v) } : {}),
    });
  });
  return out;
}
