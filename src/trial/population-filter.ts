/**
 * The target population: the patients meeting every criterion of the plan's `population`,
 * applied in order so each criterion's exclusions can be shown as a CONSORT-style flow.
 * A patient with no value in a criterion's column fails it (we cannot tell they belong).
 * See docs/subgroups.md.
 */
import type { PlanPopulation, PopulationCriterion } from '../plan/plan-schema.js';
import { sameCategory } from './category-values.js';
import { ARMS, armCounts, type Arm, type TrialData, withPatients } from './trial-data.js';

export interface CriterionFlow {
  column: string;
  op: PopulationCriterion['op'];
  value: string | number | (string | number)[];
  label: { en: string; da: string };
  excluded: Record<Arm, number>;
  missing: number;
  remaining: Record<Arm, number>;
}

type Value = string | number | null | undefined;

// Text in any case and Unicode form: the plan's "mand" is the export's `Mand` (category-values.ts).
const same = sameCategory;

/** Whether a (present) value meets the criterion; text never meets a numeric comparison. */
export function meetsCriterion(v: string | number, c: PopulationCriterion): boolean {
  switch (c.op) {
    case 'in':
      return (c.values ?? []).some((x) => same(v, x));
    case '==':
      return same(v, c.value as string | number);
    default: {
      if (typeof v !== 'number') return false;
      const x = c.value as number;
      return c.op === '>=' ? v >= x : c.op === '>' ? v > x : c.op === '<=' ? v <= x : v < x;
    }
  }
}

export function filterPopulation(trial: TrialData, spec: PlanPopulation): { flow: CriterionFlow[]; patients: Record<Arm, number>; trial: TrialData } {
  let kept = trial.patients;
  const flow: CriterionFlow[] = [];
  for (const c of spec.criteria) {
    const excluded = { intervention: 0, control: 0 };
    let missing = 0;
    kept = kept.filter((p) => {
      const v: Value = p.attributes?.[c.column];
      const ok = v !== null && v !== undefined && meetsCriterion(v, c);
      if (!ok) {
        excluded[p.arm]++;
        if (v === null || v === undefined) missing++;
      }
      return ok;
    });
    const remaining = armCounts({ patients: kept });
    flow.push({
      column: c.column, op: c.op, value: c.op === 'in' ? (c.values as (string | number)[]) : (c.value as string | number),
      label: { en: c.label.en, da: c.label.da ?? c.label.en }, excluded, missing, remaining,
    });
  }
  const patients = armCounts({ patients: kept });
  for (const a of ARMS) patients[a] = patients[a] ?? 0;
  return { flow, patients, trial: withPatients(trial, kept) };
}
