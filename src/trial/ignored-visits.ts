/**
 * The plan's "ignoreTimepoints" (docs/plan-trial.md#visits-left-out): which rows of a long export
 * are at a visit to read past, their count, and the entries that matched no row (a typo in the
 * plan would otherwise leave its rows to the generic unknown-visit refusal, or do nothing).
 */
import type { Problem } from '../errors.js';
import type { Plan } from '../plan/plan-schema.js';
import { planTimeOf } from '../plan/plan-schema.js';
import { DEFAULT_PUBLICATION_THRESHOLD, SUPPRESSED } from '../suppressed-marker.js';
import { nfc } from './category-values.js';
import { nearMiss } from './near-miss.js';
import type { TrialData } from './trial-data.js';

/** Why "ignoreTimepoints" is refused beside a wide export (a plan saying "layout": "wide", or an export read as one). */
export const WIDE_IGNORE_EXPECTED = 'no "ignoreTimepoints" with a wide export: it applies to a long export (a row per visit); a wide export\'s visit columns that are not among the plan\'s visits are not read — remove "ignoreTimepoints"';

/** What a run read past: rows, the distinct patients they belong to, the visits as the export writes them. */
export interface IgnoredVisitCount {
  rows: number;
  patients: number;
  visits: string[];
}

/** Whether a row's visit is one to read past, by the export's value or by its label after "timeLabels"; and the count of those rows. */
export class IgnoredVisits {
  readonly #entries: readonly string[];
  readonly #plan: Plan;
  // Export value → the entry it matches (undefined: none), looked up once per distinct value.
  readonly #seen = new Map<string, string | undefined>();
  readonly #used = new Set<string>();
  #rows = 0;
  readonly #visits = new Set<string>();
  readonly #patients = new Set<string>();
  // Unknown-visit problems hinted at an entry not yet matched, with what they said before.
  readonly #hinted: { problem: Problem; entry: string; otherwise: { kind: string | undefined; hint: string | undefined } }[] = [];
  constructor(plan: Plan) {
    this.#plan = plan;
    this.#entries = plan.ignoreTimepoints ?? [];
  }

  /** The entry of "ignoreTimepoints" the export's visit value is, if any. */
  #entryOf(exportTime: string): string | undefined {
    if (this.#entries.length === 0) return undefined;
    if (this.#seen.has(exportTime)) return this.#seen.get(exportTime);
    const value = nfc(exportTime);
    const label = planTimeOf(this.#plan, value);
    const entry = this.#entries.find((e) => e === value || e === label);
    this.#seen.set(exportTime, entry);
    return entry;
  }

  /** Whether the row at `exportTime` is read past; when it is, it is counted (with its patient, when its id cell is filled). */
  readPast(exportTime: string, patientId: () => string | null): boolean {
    const entry = this.#entryOf(exportTime);
    if (entry === undefined) return false;
    this.#used.add(entry);
    this.#rows++;
    this.#visits.add(exportTime);
    const id = patientId();
    if (id !== null) this.#patients.add(id);
    return true;
  }

  /**
   * The unknown-visit problem of a row at `exportTime`, hinted instead at an entry no row has
   * matched yet when the value is a near miss of it (`6_weeks_arm_1` against `6_week_arm_1`): the
   * export's value is the one to list. Such a hint is withdrawn by settleHints if a later row
   * matches the entry after all (then it is no typo).
   */
  unknownVisit(exportTime: string | null, problem: Problem): Problem {
    const unused = this.#entries.filter((e) => !this.#used.has(e));
    const entry = exportTime === null || unused.length === 0 ? undefined : nearMiss(nfc(exportTime), unused);
    if (entry === undefined) return problem;
    const hint = `did you mean ${JSON.stringify(exportTime)} in "ignoreTimepoints"? (it lists ${JSON.stringify(entry)}, which no row has)`;
    this.#hinted.push({ problem, entry, otherwise: { kind: problem.kind, hint: problem.hint } });
    problem.kind = `time.unknown:${hint}`;
    problem.hint = hint;
    return problem;
  }

  /** After the file: the hints at entries a later row matched are put back as they were. */
  settleHints(): void {
    for (const { problem, entry, otherwise } of this.#hinted) {
      if (!this.#used.has(entry)) continue;
      problem.kind = otherwise.kind;
      if (otherwise.hint === undefined) delete problem.hint;
      else problem.hint = otherwise.hint;
    }
  }

  /** The entries that matched no row of the export. */
  unused(): string[] {
    return this.#entries.filter((e) => !this.#used.has(e));
  }

  count(): IgnoredVisitCount | undefined {
    return this.#rows > 0 ? { rows: this.#rows, patients: this.#patients.size, visits: [...this.#visits] } : undefined;
  }
}

/** The read note on entries of "ignoreTimepoints" that no row of the export has: a typo there leaves rows in, or a visit never held. */
export function unusedEntriesNote(file: string, unused: readonly string[], lang: 'en' | 'da' = 'en'): string | undefined {
  if (unused.length === 0) return undefined;
  const listed = unused.map((e) => JSON.stringify(e)).join(', ');
  if (lang === 'da') return `${file}: planens "ignoreTimepoints" angiver ${listed}, som ingen række i eksporten har — ret stavningen til eksportens værdi, eller fjern det`;
  return `${file}: the plan's "ignoreTimepoints" lists ${listed}, which no row of the export has — correct the spelling to the export's value, or remove it`;
}

/** A count as printed: an observational run's small counts are suppressed (docs/observational.md). */
export type ShownCount = number | typeof SUPPRESSED;

/**
 * The counts of rows read past as every output prints them: exact for a trial; for an
 * observational plan a count of 1 to suppressionThreshold − 1 is "suppressed", as its recode
 * counts are (a handful of patients with an extra visit is a small count).
 */
export function shownIgnoredVisits(trial: Pick<TrialData, 'ignoredVisits' | 'plan'>): { rows: ShownCount; patients: ShownCount; visits: string[] } | undefined {
  const p = trial.ignoredVisits;
  if (!p) return undefined;
  if (trial.plan.design !== 'observational') return p;
  const threshold = suppressionThresholdOf(trial.plan);
  const mask = (k: number): ShownCount => (k > 0 && k < threshold ? SUPPRESSED : k);
  return { rows: mask(p.rows), patients: mask(p.patients), visits: p.visits };
}

/** The smallest count an observational plan's outputs print (its "suppressionThreshold"). */
export function suppressionThresholdOf(plan: Plan): number {
  return plan.observational?.suppressionThreshold ?? DEFAULT_PUBLICATION_THRESHOLD;
}
