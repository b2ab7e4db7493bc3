/**
 * The plan's category values against the export's (docs/subgroups.md "Values that match nothing"):
 * a value of a target-population criterion (`in`, `==`), a subgroup's `levels` entry or a margin's
 * share key that names no value of its column is a typo, not a finding. Left alone, a criterion
 * typo gave "too small to analyse: 0 patients", a level typo dropped that level from the
 * interaction test without a word, and a margin typo failed the transported effect once per
 * outcome × time. Each is a plan error at the value's line:column, with the values the column
 * holds and a near miss (`did you mean "Almen praksis"?`) — unless other values of its list match
 * and it has no near miss: a prespecified category that recruited nobody (`ofList`).
 */
import { HtaError, type Problem } from '../errors.js';
import { locatePlanProblems } from '../plan/load-plan.js';
import type { Plan } from '../plan/plan-schema.js';
import { cutLabels } from '../analysis/subgroup-levels.js';
import { sameCategory } from './category-values.js';
import { didYouMean, looseForm } from './near-miss.js';
import type { TrialData } from './trial-data.js';

type Value = string | number;

/** Most values listed in a message; a free-text column can hold hundreds. */
const MAX_LISTED = 12;

/** The distinct values of a column over `patients`, most frequent first (ties: first met). */
function columnValues(patients: TrialData['patients'], column: string): Value[] {
  const counts = new Map<string, { v: Value; n: number }>();
  for (const p of patients) {
    const v = p.attributes?.[column];
    if (v === null || v === undefined) continue;
    const key = typeof v === 'number' ? `n:${v}` : `s:${v}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { v, n: 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.v);
}

/** "the column "x" holds "A", "B" (and 3 more)". */
export function heldValues(column: string, values: readonly Value[]): string {
  if (!values.length) return `column "${column}" holds no value`;
  const shown = values.slice(0, MAX_LISTED).map((v) => JSON.stringify(v));
  const more = values.length > MAX_LISTED ? ` and ${values.length - MAX_LISTED} more` : '';
  return `column "${column}" holds ${shown.join(', ')}${more}`;
}

function unmatched(file: string, field: string, value: Value, column: string, values: readonly Value[], what: string): Problem | undefined {
  if (values.some((v) => sameCategory(v, value))) return undefined;
  const hint = typeof value === 'string' ? (didYouMean(value, values.map(String)) ?? compoundHint(value, values.map(String))) : undefined;
  return {
    file,
    field,
    value: String(value),
    expected: `${what} that the export holds: ${heldValues(column, values)} (compared in any case and Unicode form)`,
    kind: 'plan.value-unmatched',
    ...(hint ? { hint } : {}),
  };
}

/**
 * A Danish compound typed for its head word: "Almen lægepraksis" for the export's "Almen praksis"
 * (four edits, so no near miss). Word by word the two agree, or one word ends or starts with the
 * other's (at least 4 letters); suggested only when exactly one value fits.
 */
function compoundHint(value: string, known: readonly string[]): string | undefined {
  const mine = looseWords(value);
  const fits = [...new Set(known)].filter((k) => {
    const theirs = looseWords(k);
    if (theirs.length !== mine.length || looseForm(k) === looseForm(value)) return false;
    return mine.every((w, i) => {
      const t = theirs[i]!;
      const [short, long] = w.length <= t.length ? [w, t] : [t, w];
      return short === long || (short.length >= 4 && (long.endsWith(short) || long.startsWith(short)));
    });
  });
  return fits.length === 1 ? `did you mean ${JSON.stringify(fits[0])}?` : undefined;
}

const looseWords = (s: string) => s.normalize('NFC').toLowerCase().split(/[\s_-]+/).filter(Boolean);

/** Problems with the plan's category values; none when every value names one of the export. */
export function planValueProblems(trial: Pick<TrialData, 'plan' | 'patients'>, planFile = '<plan>'): Problem[] {
  const plan: Plan = trial.plan;
  const problems: Problem[] = [];
  const cache = new Map<string, Value[]>();
  const valuesOf = (column: string) => cache.get(column) ?? (cache.set(column, columnValues(trial.patients, column)), cache.get(column) as Value[]);
  const pop = plan.population;
  // A list's value that no patient has is a typo when it has a near miss, or when no value of the
  // list matches at all (the criterion or subgroup would hold nobody). Beside values that match,
  // one without a near miss is a category a prespecified plan names that recruited nobody: kept.
  const ofList = (found: (Problem | undefined)[]) => {
    const missing = found.filter((p): p is Problem => p !== undefined);
    return missing.length === found.length ? missing : missing.filter((p) => p.hint !== undefined);
  };
  (pop?.criteria ?? []).forEach((c, i) => {
    if (c.op === 'in') {
      problems.push(...ofList((c.values ?? []).map((v, j) => unmatched(planFile, `population.criteria.${i}.values.${j}`, v, c.column, valuesOf(c.column), `a value of the criterion on "${c.column}"`))));
    } else if (c.op === '==' && c.value !== undefined) {
      const p = unmatched(planFile, `population.criteria.${i}.value`, c.value, c.column, valuesOf(c.column), `a value of the criterion on "${c.column}"`);
      if (p) problems.push(p);
    }
  });
  plan.subgroups.forEach((g, i) => {
    problems.push(...ofList((g.levels ?? []).map((l, j) => unmatched(planFile, `subgroups.${i}.levels.${j}`, l, g.column, valuesOf(g.column), `a level of the subgroup "${g.column}"`))));
  });
  // Margins are checked against every randomised patient, whom the transported effect reweights
  // (analyze-trial.ts); a level with no patient at one outcome × time only stays that analysis's warning.
  if (pop?.margins?.length && !problems.length) problems.push(...marginProblems(plan, trial.patients, planFile));
  return problems;
}

function marginProblems(plan: Plan, patients: TrialData['patients'], file: string): Problem[] {
  const problems: Problem[] = [];
  (plan.population?.margins ?? []).forEach((m, i) => {
    if (m.cuts) {
      const cuts = m.cuts;
      const levels = cutLabels(cuts);
      const counts = levels.map(() => 0);
      for (const p of patients) {
        const v = p.attributes?.[m.column];
        if (typeof v !== 'number') continue;
        const k = cuts.findIndex((c) => v < c);
        counts[k < 0 ? cuts.length : k]!++;
      }
      levels.forEach((l, k) => {
        const share = m.shares[l] ?? 0;
        if (share > 0 && counts[k] === 0) {
          problems.push({ file, field: `population.margins.${i}.shares.${l}`, value: l, expected: `a level the trial's patients have: no randomised patient has "${m.column}" ${l} (its share is ${share}), so the trial cannot be reweighted to it — merge it into the next level (change "cuts") or leave the margin out`, kind: 'plan.margin-empty' });
        }
      });
      return;
    }
    const values = columnValues(patients, m.column);
    const keys = Object.keys(m.shares);
    let keyProblem = false;
    keys.forEach((k) => {
      const p = unmatched(file, `population.margins.${i}.shares.${k}`, k, m.column, values, `a share key of the margin "${m.column}"`);
      if (p && (m.shares[k] ?? 0) > 0) {
        problems.push(p);
        keyProblem = true;
      }
    });
    if (keyProblem) return;
    const uncovered = values.filter((v) => !keys.some((k) => sameCategory(k, v)));
    if (uncovered.length) {
      problems.push({ file, field: `population.margins.${i}.shares`, value: keys.join(', '), expected: `a share for every value of column "${m.column}" (the trial patients are reweighted to these shares): ${uncovered.map((v) => JSON.stringify(v)).join(', ')} ${uncovered.length === 1 ? 'has' : 'have'} none`, kind: 'plan.margin-uncovered' });
    }
  });
  return problems;
}

/** Throws the plan error when a category value of the plan names nothing in the export. */
export function checkPlanValues(trial: Pick<TrialData, 'plan' | 'patients'>, planFile = '<plan>'): void {
  const problems = planValueProblems(trial, planFile);
  if (!problems.length) return;
  throw new HtaError('plan.invalid', `${planFile}: ${problems.length} value(s) of the plan match no value of the export; nothing was written`, locatePlanProblems(trial.plan, problems));
}
